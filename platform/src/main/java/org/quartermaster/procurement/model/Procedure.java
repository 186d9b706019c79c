package org.quartermaster.procurement.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.quartermaster.shared.PublicIds;

/**
 * A joint procedure as stored: owned by the lead buyer, released to its participants. The
 * procedure key that seals its bids is not part of this value: it never leaves the store
 * except into the opening use case.
 */
public record Procedure(long key, String leadBuyer, Set<String> releasableTo, String title, ProcedureKind kind,
                        EvaluationMethod evaluation, List<Criterion> criteria, String currency,
                        boolean groupContract, int prepaymentCapBasisPoints, int standstillDays,
                        Instant commitUntil, Instant bidsUntil, Set<String> invited, String notice,
                        ProcedureStatus status, String openingRequestedBy, String openedBy, Instant openedAt,
                        Instant standstillUntil, long version, Instant createdAt, Instant updatedAt,
                        List<Lot> lots, List<Participant> participants) {
    public static final String ID_PREFIX = "PR";

    public Procedure {
        releasableTo = Set.copyOf(releasableTo);
        invited = Set.copyOf(invited);
        criteria = List.copyOf(criteria);
        lots = List.copyOf(lots);
        participants = List.copyOf(participants);
    }

    public String publicId() {
        return PublicIds.format(ID_PREFIX, key);
    }

    /** A lot with the aggregated demand committed to it. */
    public record Lot(int lotNo, String item, String title, long estimateMinor, long quantity) {}

    /** A participating buyer, its declared budget and what it committed per lot. */
    public record Participant(String buyer, long budgetMinor, String fundingSource, java.util.Map<Integer, Long> committed) {
        public Participant {
            committed = java.util.Map.copyOf(committed);
        }

        public long committedValue(List<Lot> lots) {
            long total = 0;
            for (Lot lot : lots) {
                total = Math.addExact(total, Math.multiplyExact(committed.getOrDefault(lot.lotNo(), 0L), lot.estimateMinor()));
            }
            return total;
        }
    }

    public Lot lot(int lotNo) {
        return lots.stream().filter(l -> l.lotNo() == lotNo).findFirst().orElse(null);
    }

    public Participant participant(String buyer) {
        return participants.stream().filter(p -> p.buyer().equals(buyer)).findFirst().orElse(null);
    }
}
