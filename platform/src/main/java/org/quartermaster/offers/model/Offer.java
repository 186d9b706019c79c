package org.quartermaster.offers.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Limits;

/** A donor's offer of items from stock, optionally pledged to one need. */
public record Offer(
        long key,
        String donor,
        String item,
        long quantity,
        Condition condition,
        String origin,
        LocalDate availableFrom,
        Terms terms,
        boolean nonLethalOnly,
        String restrictions,
        boolean reimbursementRequested,
        String need,
        OfferStatus status,
        Set<String> releasableTo,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public enum Condition { NEW, SERVICEABLE, NEEDS_REPAIR }

    public enum Terms { DONATION, SALE, LOAN }

    public Offer {
        Checks.required("donor", donor);
        Checks.required("item", item);
        Checks.positive("quantity", quantity);
        Checks.atMost("quantity", quantity, Limits.QUANTITY_MAX);
        Checks.required("condition", condition);
        Checks.required("origin", origin);
        Checks.required("availableFrom", availableFrom);
        Checks.required("terms", terms);
        restrictions = Checks.optionalText("restrictions", restrictions, Limits.TEXT_LENGTH_MAX);
        Checks.required("status", status);
        releasableTo = Set.copyOf(Checks.releasability("releasableTo", releasableTo, Limits.GROUPS_MAX));
    }

    public String publicId() {
        return org.quartermaster.shared.PublicIds.format("O", key);
    }

    public Offer with(OfferStatus next, Instant now) {
        return new Offer(key, donor, item, quantity, condition, origin, availableFrom, terms, nonLethalOnly,
                restrictions, reimbursementRequested, need, next, releasableTo, version, createdAt, now);
    }
}
