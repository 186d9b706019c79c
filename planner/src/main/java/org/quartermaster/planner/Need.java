package org.quartermaster.planner;

/**
 * One need line: {@code quantity} units of {@code item} wanted at {@code destination} by
 * {@code dueWeek}. {@code requestedAtMillis} orders need lines of one class when supply is
 * split (earliest request served first, ties by id).
 */
public record Need(String id, String item, long quantity, Priority priority, int dueWeek,
                   String destination, long requestedAtMillis) {
    public Need {
        Checks.id(id, "need id");
        Checks.id(item, "need " + id + " item");
        Checks.nonNegative(quantity, "need " + id + " quantity");
        Checks.atMost(quantity, Limits.MAX_QUANTITY, "need " + id + " quantity");
        if (priority == null) {
            throw new IllegalArgumentException("need " + id + " priority must be given");
        }
        Checks.week(dueWeek, "need " + id + " due week");
        Checks.id(destination, "need " + id + " destination");
    }
}
