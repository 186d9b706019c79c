package org.quartermaster.offers.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.shared.Guards.refuses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.shared.Limits;

/** The guards of an offer, each with a passing and a failing case. */
class OfferTest {
    static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    static Offer offer(long quantity, Offer.Condition condition, LocalDate available, Offer.Terms terms,
                       String restrictions, Set<String> releasable) {
        return new Offer(7, "POL-MOD", "AMMO-155", quantity, condition, "DEPOT-1", available, terms, false,
                restrictions, false, null, new OfferStatus.Offered(), releasable, 1, NOW, NOW);
    }

    @Test
    void buildsAValidOffer() {
        Offer o = offer(5, Offer.Condition.NEW, LocalDate.MIN, Offer.Terms.LOAN, " none ", Set.of("UKR"));
        assertThat(o.restrictions()).isEqualTo("none");
        assertThat(o.publicId()).isEqualTo("O-000007");
        assertThat(o.with(new OfferStatus.Accepted(), NOW.plusSeconds(1)).status().name()).isEqualTo("ACCEPTED");
    }

    @Test
    void quantityMustBePositiveAndWithinTheLimit() {
        refuses("quantity", () -> offer(0, Offer.Condition.NEW, LocalDate.MIN, Offer.Terms.LOAN, null, Set.of()));
        refuses("quantity", () -> offer(Limits.QUANTITY_MAX + 1, Offer.Condition.NEW, LocalDate.MIN, Offer.Terms.LOAN,
                null, Set.of()));
    }

    @Test
    void requiredFieldsAndBoundedText() {
        refuses("condition", () -> offer(1, null, LocalDate.MIN, Offer.Terms.LOAN, null, Set.of()));
        refuses("availableFrom", () -> offer(1, Offer.Condition.NEW, null, Offer.Terms.LOAN, null, Set.of()));
        refuses("terms", () -> offer(1, Offer.Condition.NEW, LocalDate.MIN, null, null, Set.of()));
        refuses("restrictions", () -> offer(1, Offer.Condition.NEW, LocalDate.MIN, Offer.Terms.SALE,
                "r".repeat(Limits.TEXT_LENGTH_MAX + 1), Set.of()));
        refuses("releasableTo", () -> offer(1, Offer.Condition.NEW, LocalDate.MIN, Offer.Terms.SALE, null,
                Set.of("")));
    }
}
