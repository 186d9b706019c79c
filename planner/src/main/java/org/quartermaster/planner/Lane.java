package org.quartermaster.planner;

/** A transport lane: shipped in week t from {@code origin}, it arrives in week t + transit. */
public record Lane(String origin, String destination, int transitWeeks, long costPerUnit) {
    public Lane {
        Checks.id(origin, "lane origin");
        Checks.id(destination, "lane " + origin + "->" + destination + " destination");
        Checks.week(transitWeeks, "lane " + origin + "->" + destination + " transit weeks");
        Checks.nonNegative(costPerUnit, "lane " + origin + "->" + destination + " cost per unit");
        Checks.atMost(costPerUnit, Limits.MAX_UNIT_COST, "lane " + origin + "->" + destination + " cost per unit");
    }
}
