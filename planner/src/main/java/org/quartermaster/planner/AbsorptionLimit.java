package org.quartermaster.planner;

/**
 * At most {@code unitsPerWeekMax} units of {@code item} can be handed over to the recipient
 * at {@code destination} per week (received and trained on); earlier arrivals wait in depot.
 */
public record AbsorptionLimit(String destination, String item, long unitsPerWeekMax) {
    public AbsorptionLimit {
        Checks.id(destination, "absorption limit destination");
        Checks.id(item, "absorption limit " + destination + "/" + item + " item");
        Checks.nonNegative(unitsPerWeekMax, "absorption limit " + destination + "/" + item + " units per week");
        Checks.atMost(unitsPerWeekMax, Limits.MAX_QUANTITY, "absorption limit " + destination + "/" + item + " units per week");
    }
}
