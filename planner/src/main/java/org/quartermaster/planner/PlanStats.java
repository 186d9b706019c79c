package org.quartermaster.planner;

/**
 * Size of the problem as solved and where the time went. Components are built, solved and split
 * in parallel (without budgets each component runs its phases back to back in one task), so the
 * phase times are thread time summed over the components done; {@code checkNanos} is the final
 * budget check over all components and {@code elapsedNanos} the wall time of the whole plan.
 */
public record PlanStats(int needLines, int classes, int nodes, int arcs, int components,
                        long pivots, long buildNanos, long solveNanos, long disaggregateNanos,
                        long checkNanos, long elapsedNanos) {
}
