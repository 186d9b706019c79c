package org.quartermaster.capacity;

import java.time.LocalDate;
import java.util.List;

/**
 * What another context (the planner) may know of a production line as supply: where and what it
 * makes, its lead time and price, and its free units in each week from {@code from} on.
 */
public record FreeCapacity(String line, String supplier, String item, String site, int leadTimeWeeks,
                           long unitPriceMinor, String currency, LocalDate from, List<Long> freeUnits) {
    public FreeCapacity {
        freeUnits = List.copyOf(freeUnits);
    }
}
