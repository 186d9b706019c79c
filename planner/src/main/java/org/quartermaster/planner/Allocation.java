package org.quartermaster.planner;

/**
 * {@code quantity} units of {@code suppliedItem} for need {@code needId}, with their
 * explanation: the source (offer or production line started in {@code startWeek}), the lane
 * from {@code origin} shipped in {@code shipWeek} arriving in {@code arrivalWeek}, handed over
 * in {@code handoverWeek}, {@code latenessWeeks} after the due week, and the cost terms of the
 * objective for these units (money = price + transport; substitution penalty; lateness).
 */
public record Allocation(String needId, SourceKind sourceKind, String sourceId, String suppliedItem,
                         String origin, long quantity, int startWeek, int shipWeek, int arrivalWeek,
                         int handoverWeek, int latenessWeeks, long moneyCost, long substitutionCost,
                         long latenessCost) {

    /** One line of text saying why these units go where they go. */
    public String explain() {
        String source = sourceKind == SourceKind.OFFER
                ? "offer " + sourceId + " (available week " + startWeek + ")"
                : "production line " + sourceId + " (started week " + startWeek + ")";
        return quantity + " x " + suppliedItem + " from " + source + " at " + origin
                + ", shipped week " + shipWeek + ", arrives week " + arrivalWeek
                + ", handed over week " + handoverWeek
                + (latenessWeeks > 0 ? ", " + latenessWeeks + " weeks late" : ", on time")
                + "; money " + moneyCost + ", substitution " + substitutionCost
                + ", lateness cost " + latenessCost;
    }
}
