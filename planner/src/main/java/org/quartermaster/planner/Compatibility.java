package org.quartermaster.planner;

/**
 * Item {@code substitute} can serve a need for item {@code needed}, at an extra cost per unit
 * (paid like money: it ranks below lateness and shortfall). Not transitive.
 */
public record Compatibility(String substitute, String needed, long penaltyPerUnit) {
    public Compatibility {
        Checks.id(substitute, "compatibility substitute");
        Checks.id(needed, "compatibility needed");
        if (substitute.equals(needed)) {
            throw new IllegalArgumentException(
                    "compatibility must link two different items, got " + substitute + " twice");
        }
        Checks.nonNegative(penaltyPerUnit, "compatibility " + substitute + "->" + needed + " penalty");
        Checks.atMost(penaltyPerUnit, Limits.MAX_UNIT_COST,
                "compatibility " + substitute + "->" + needed + " penalty");
    }
}
