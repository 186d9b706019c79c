package org.quartermaster.capacity.model;

/** The rule of a week's slot: what is reserved never exceeds what the line makes that week. */
public final class SlotRules {
    private SlotRules() {}

    /** Whether {@code quantity} more units fit in a week. */
    public sealed interface Outcome {
        record Fits(long freeAfter) implements Outcome {}

        record Exceeds(long free) implements Outcome {}
    }

    /** Whether {@code quantity} fits a week of {@code capacity} units of which {@code reserved} are taken. */
    public static Outcome reserve(long capacity, long reserved, long quantity) {
        if (quantity <= 0) throw new IllegalArgumentException("quantity must be positive");
        if (reserved < 0 || reserved > capacity) {
            throw new IllegalStateException("reserved " + reserved + " must lie within capacity " + capacity);
        }
        long free = capacity - reserved;
        return quantity <= free ? new Outcome.Fits(free - quantity) : new Outcome.Exceeds(free);
    }

    /** Whether a week can shrink to {@code capacity} with {@code reserved} units already reserved. */
    public static boolean canShrinkTo(long capacity, long reserved) {
        return reserved <= capacity;
    }
}
