package org.quartermaster.planner;

/**
 * The objective split into its terms (see {@link CostModel}): {@code total} = shortfall +
 * lateness + money + substitution. Units short and unit-weeks late are also given unweighted.
 */
public record ObjectiveTerms(long total, long shortfallCost, long latenessCost, long moneyCost,
                             long substitutionCost, long unitsShort, long unitWeeksLate) {
}
