package org.quartermaster.needs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.shared.Guards.refuses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.shared.Limits;

/** The guards of a need line, each with a passing and a failing case. */
class NeedTest {
    static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    static Need need(long quantity, long covered, long delivered, String justification, Set<String> releasable) {
        return new Need(1, "MOD-UA", "AMMO-155", quantity, Priority.P1, LocalDate.of(2027, 1, 1), "DEPOT-1",
                justification, new NeedStatus.Open(), covered, delivered, releasable, 1, NOW, NOW);
    }

    @Test
    void buildsAValidNeed() {
        Need n = need(10, 4, 2, "  winter  ", Set.of("NATO"));
        assertThat(n.justification()).isEqualTo("winter");
        assertThat(n.remainingQuantity()).isEqualTo(6);
        assertThat(n.publicId()).isEqualTo("N-000001");
    }

    @Test
    void quantityMustBePositiveAndWithinTheLimit() {
        assertThat(need(Limits.QUANTITY_MAX, 0, 0, null, Set.of()).quantity()).isEqualTo(Limits.QUANTITY_MAX);
        refuses("quantity", () -> need(0, 0, 0, null, Set.of()));
        refuses("quantity", () -> need(-1, 0, 0, null, Set.of()));
        refuses("quantity", () -> need(Limits.QUANTITY_MAX + 1, 0, 0, null, Set.of()));
    }

    @Test
    void coverageAndDeliveriesStayWithinTheQuantity() {
        assertThat(need(10, 10, 10, null, Set.of()).coveredQuantity()).isEqualTo(10);
        refuses("quantity", () -> need(10, 11, 0, null, Set.of()));
        refuses("quantity", () -> need(10, -1, 0, null, Set.of()));
        refuses("quantity", () -> need(10, 0, 11, null, Set.of()));
    }

    @Test
    void referencesAreRequired() {
        refuses("requester", () -> new Need(1, null, "I1", 1, Priority.P1, LocalDate.MAX, "D1", null,
                new NeedStatus.Open(), 0, 0, Set.of(), 1, NOW, NOW));
        refuses("item", () -> new Need(1, "R1", null, 1, Priority.P1, LocalDate.MAX, "D1", null,
                new NeedStatus.Open(), 0, 0, Set.of(), 1, NOW, NOW));
        refuses("dueDate", () -> new Need(1, "R1", "I1", 1, Priority.P1, null, "D1", null,
                new NeedStatus.Open(), 0, 0, Set.of(), 1, NOW, NOW));
        refuses("destination", () -> new Need(1, "R1", "I1", 1, Priority.P1, LocalDate.MAX, null, null,
                new NeedStatus.Open(), 0, 0, Set.of(), 1, NOW, NOW));
        refuses("priority", () -> new Need(1, "R1", "I1", 1, null, LocalDate.MAX, "D1", null,
                new NeedStatus.Open(), 0, 0, Set.of(), 1, NOW, NOW));
        refuses("status", () -> new Need(1, "R1", "I1", 1, Priority.P1, LocalDate.MAX, "D1", null,
                null, 0, 0, Set.of(), 1, NOW, NOW));
    }

    @Test
    void justificationAndReleasabilityAreBounded() {
        refuses("justification", () -> need(1, 0, 0, "j".repeat(Limits.TEXT_LENGTH_MAX + 1), Set.of()));
        refuses("releasableTo", () -> need(1, 0, 0, null, Set.of("a,b")));
    }
}
