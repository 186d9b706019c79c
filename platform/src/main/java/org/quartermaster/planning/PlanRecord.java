package org.quartermaster.planning;

import java.time.Instant;
import java.time.LocalDate;
import org.quartermaster.planning.model.PlanStatus;
import org.quartermaster.shared.PublicIds;

/**
 * A stored plan: immutable once proposed but for its approval. {@code inputsDigest} is the
 * SHA-256 of the canonical planner input, {@code allocationsDigest} of its allocations and
 * shortfalls, so anyone can check a plan against what it was computed from.
 */
public record PlanRecord(long key, PlanStatus status, LocalDate start, int horizonWeeks, String inputsDigest,
                         String allocationsDigest, Objective objective, Size size, long solveMillis,
                         String proposedBy, String proposedOrganisation, String approvedBy,
                         String approvedOrganisation, Instant approvedAt, long version, Instant createdAt) {

    public static final String ID_PREFIX = "P";

    /** The objective by terms, in the planner's cost units (weighted, integral). */
    public record Objective(long total, long shortfallCost, long latenessCost, long moneyCost,
                            long substitutionCost, long unitsShort, long unitWeeksLate) {}

    /** The size of the problem solved. */
    public record Size(int needLines, int classes, int nodes, int arcs, int components) {}

    public String publicId() {
        return PublicIds.format(ID_PREFIX, key);
    }
}
