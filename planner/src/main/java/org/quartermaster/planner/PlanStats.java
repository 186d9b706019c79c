package org.quartermaster.planner;

/** Size of the problem as solved and where the time went. */
public record PlanStats(int needLines, int classes, int nodes, int arcs, int components,
                        long pivots, long buildNanos, long solveNanos, long disaggregateNanos,
                        long checkNanos) {
}
