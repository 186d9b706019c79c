package org.quartermaster.capacity.model;

import java.time.LocalDate;

/** Capacity, reserved and free units of one week (of a line, or summed over an item's lines). */
public record WeekCell(LocalDate week, long capacity, long reserved, long free) {
    public WeekCell {
        if (capacity < 0 || reserved < 0 || free != capacity - reserved) {
            throw new IllegalStateException("week " + week + ": free " + free + " must be capacity " + capacity
                    + " minus reserved " + reserved + ", none negative");
        }
    }

    /** Reserved per mille of capacity (0 for a week without capacity), for colour scales. */
    public int utilisationPerMille() {
        return capacity == 0 ? 0 : (int) (reserved * 1000 / capacity);
    }
}
