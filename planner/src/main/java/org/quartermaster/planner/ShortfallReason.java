package org.quartermaster.planner;

/** What limited the supply of a need that is left (partly) short. */
public enum ShortfallReason {
    /** No lane brings the item (or a substitute) from an origin with supply in time. */
    LANE,
    /** The destination cannot absorb more of the item per week. */
    ABSORPTION,
    /** Production is limited by a fund's weekly budget. */
    BUDGET,
    /** Every production line of the item is at capacity in the useful weeks. */
    CAPACITY,
    /** All stock and production reachable was used by other needs (or none exists). */
    STOCK
}
