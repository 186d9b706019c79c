package org.quartermaster.planner;

/** Stock offered: {@code quantity} units of {@code item} at {@code origin} from {@code availableWeek}. */
public record Offer(String id, String item, long quantity, String origin, int availableWeek,
                    long unitPrice) {
    public Offer {
        Checks.id(id, "offer id");
        Checks.id(item, "offer " + id + " item");
        Checks.nonNegative(quantity, "offer " + id + " quantity");
        Checks.atMost(quantity, Limits.MAX_QUANTITY, "offer " + id + " quantity");
        Checks.id(origin, "offer " + id + " origin");
        Checks.week(availableWeek, "offer " + id + " available week");
        Checks.nonNegative(unitPrice, "offer " + id + " unit price");
        Checks.atMost(unitPrice, Limits.MAX_UNIT_COST, "offer " + id + " unit price");
    }
}
