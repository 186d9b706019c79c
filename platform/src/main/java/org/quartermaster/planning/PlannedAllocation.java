package org.quartermaster.planning;

/**
 * One allocation of a plan with its explanation: where the units come from, when they ship and
 * arrive (weeks from the plan's start), how late, and what each cost term contributed.
 */
public record PlannedAllocation(int line, String need, int priority, String sourceKind, String source, String suppliedItem,
                                String origin, long quantity, int shipWeek, int arrivalWeek, int latenessWeeks,
                                long moneyCost, long substitutionCost, long latenessCost) {

    /** A sentence a coordinator can read. */
    public String explanation() {
        StringBuilder s = new StringBuilder();
        s.append(quantity).append(" x ").append(suppliedItem).append(" from ")
                .append("OFFER".equals(sourceKind) ? "offer " : "production line ").append(source)
                .append(" at ").append(origin).append(", shipped in week ").append(shipWeek)
                .append(", arriving in week ").append(arrivalWeek);
        s.append(latenessWeeks > 0 ? ", " + latenessWeeks + " week(s) late" : ", on time");
        if (substitutionCost > 0) s.append(", as a substitute (penalty ").append(substitutionCost).append(')');
        if (moneyCost > 0) s.append(", cost ").append(moneyCost);
        return s.toString();
    }
}
