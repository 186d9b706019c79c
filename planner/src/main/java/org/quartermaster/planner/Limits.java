package org.quartermaster.planner;

/**
 * Named limits of the planner. Every one is checked where the value enters; each exists so
 * that the network and its 64-bit costs stay bounded (see {@code README.md}).
 */
public final class Limits {

    /** Two years of weekly periods. */
    public static final int MAX_HORIZON_WEEKS = 104;
    /** Quantities above this cannot overflow a 64-bit objective once multiplied by a cost. */
    public static final long MAX_QUANTITY = 1_000_000_000L;
    /** Prices, lane costs and substitution penalties per unit, in minor units. */
    public static final long MAX_UNIT_COST = 1_000_000_000L;
    /** Need lines per plan: the benchmark's largest size with headroom. */
    public static final int MAX_NEED_LINES = 5_000_000;
    /** Offers, production lines, lanes, absorption limits and funds per plan. */
    public static final int MAX_SUPPLY_RECORDS = 1_000_000;
    /** Lagrangian iterations for budgets: each is one warm-started solve per component. */
    public static final int MAX_LAGRANGIAN_ITERATIONS = 60;

    private Limits() {
    }
}
