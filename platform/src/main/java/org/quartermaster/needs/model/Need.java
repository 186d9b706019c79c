package org.quartermaster.needs.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;

/**
 * A need line. Invariants: 0 <= delivered <= quantity, 0 <= covered <= quantity, and the status
 * agrees with coverage for the coverable states (see {@link NeedRules}).
 */
public record Need(
        long key,
        String requester,
        String item,
        long quantity,
        Priority priority,
        LocalDate dueDate,
        String destination,
        String justification,
        NeedStatus status,
        long coveredQuantity,
        long deliveredQuantity,
        Set<String> releasableTo,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Need {
        Checks.required("requester", requester);
        Checks.required("item", item);
        Checks.positive("quantity", quantity);
        Checks.atMost("quantity", quantity, Limits.QUANTITY_MAX);
        Checks.required("priority", priority);
        Checks.required("dueDate", dueDate);
        Checks.required("destination", destination);
        justification = Checks.optionalText("justification", justification, Limits.TEXT_LENGTH_MAX);
        Checks.required("status", status);
        if (coveredQuantity < 0 || coveredQuantity > quantity) {
            throw new InvalidField("quantity", "must not be below what is already covered (" + coveredQuantity + ")");
        }
        if (deliveredQuantity < 0 || deliveredQuantity > quantity) {
            throw new InvalidField("quantity", "must not be below what is already delivered (" + deliveredQuantity + ")");
        }
        releasableTo = Set.copyOf(Checks.releasability("releasableTo", releasableTo, Limits.GROUPS_MAX));
    }

    public String publicId() {
        return org.quartermaster.shared.PublicIds.format("N", key);
    }

    public long remainingQuantity() {
        return quantity - coveredQuantity;
    }

    public Need with(NeedStatus next, long covered, long delivered, Instant now) {
        return new Need(key, requester, item, quantity, priority, dueDate, destination, justification, next,
                covered, delivered, releasableTo, version, createdAt, now);
    }
}
