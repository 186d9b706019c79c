package org.quartermaster.planner;

/**
 * A production line at {@code origin}: up to {@code capacityPerWeek} units of {@code item}
 * started each week, ready {@code leadTimeWeeks} later, paid {@code unitPrice} when started.
 */
public record ProductionLine(String id, String item, String origin, long capacityPerWeek,
                             int leadTimeWeeks, long unitPrice) {
    public ProductionLine {
        Checks.id(id, "production line id");
        Checks.id(item, "production line " + id + " item");
        Checks.id(origin, "production line " + id + " origin");
        Checks.nonNegative(capacityPerWeek, "production line " + id + " capacity per week");
        Checks.atMost(capacityPerWeek, Limits.MAX_QUANTITY, "production line " + id + " capacity per week");
        Checks.week(leadTimeWeeks, "production line " + id + " lead time weeks");
        Checks.nonNegative(unitPrice, "production line " + id + " unit price");
        Checks.atMost(unitPrice, Limits.MAX_UNIT_COST, "production line " + id + " unit price");
    }
}
