package org.quartermaster.planner;

/**
 * Result of pricing fund budgets by Lagrangian multipliers: the best lower bound found, the
 * objective of the returned (repaired, budget-feasible) plan and the relative gap between them.
 * Without funds the plan is exact and the report says so with a zero gap.
 */
public record BudgetReport(long lowerBound, long upperBound, double relativeGap, int iterations) {

    static BudgetReport exact(long objective) {
        return new BudgetReport(objective, objective, 0.0, 0);
    }
}
