package org.quartermaster.planning;

/** What a plan leaves short for one need, and what limited it (STOCK, CAPACITY, LANE, ABSORPTION, BUDGET). */
public record PlannedShortfall(int line, String need, int priority, long quantity, String reason, long cost) {
}
