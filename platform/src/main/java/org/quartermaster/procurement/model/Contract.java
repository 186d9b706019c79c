package org.quartermaster.procurement.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.quartermaster.shared.PublicIds;

/**
 * A contract for one lot with its winner: per participating buyer or one for the group. A
 * framework contract is called off up to its quantity and ceiling.
 */
public record Contract(long key, String procedure, int lot, String item, String buyer, Set<String> releasableTo,
                       String supplier, boolean framework, long quantity, long unitPriceMinor, String currency,
                       long ceilingMinor, long calledOffQuantity, long calledOffMinor, int prepaymentCapBasisPoints,
                       long guaranteeMinor, long deliveredQuantity, String status, long version, Instant signedAt,
                       Instant updatedAt, List<Week> schedule, List<Milestone> milestones, List<Change> changes) {
    public static final String ID_PREFIX = "CT";

    public Contract {
        releasableTo = Set.copyOf(releasableTo);
        schedule = List.copyOf(schedule);
        milestones = List.copyOf(milestones);
        changes = List.copyOf(changes);
    }

    public String publicId() {
        return PublicIds.format(ID_PREFIX, key);
    }

    public long valueMinor() {
        return Math.multiplyExact(quantity, unitPriceMinor);
    }

    public record Week(LocalDate weekStart, long quantity) {}

    public record Milestone(String id, String kind, long amountMinor, LocalDate dueOn, Instant paidAt) {
        public static final String ID_PREFIX = "MS";
    }

    public record Change(String what, String rationale, String changedBy, Instant changedAt) {}
}
