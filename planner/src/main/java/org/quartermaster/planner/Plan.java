package org.quartermaster.planner;

import java.util.List;

/**
 * A checked plan: allocations with their explanations, shortfalls with their reasons, the
 * objective by terms, the budget bounds and size/time statistics. {@code basis} carries the
 * optimal bases for {@link Planner#replan}; it is opaque to callers.
 */
public record Plan(List<Allocation> allocations, List<Shortfall> shortfalls, ObjectiveTerms objective,
                   BudgetReport budget, PlanStats stats, Basis basis) {

    /** What a re-plan needs from the previous plan: the indexed input and each component's basis. */
    public static final class Basis {
        final Indexed in;
        final long[][] demand;
        final ComponentSolution[] solutions;
        final Disaggregator[] results;

        Basis(Indexed in, long[][] demand, ComponentSolution[] solutions, Disaggregator[] results) {
            this.in = in;
            this.demand = demand;
            this.solutions = solutions;
            this.results = results;
        }
    }
}
