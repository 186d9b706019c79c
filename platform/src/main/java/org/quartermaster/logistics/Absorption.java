package org.quartermaster.logistics;

import java.time.LocalDate;
import java.util.List;

/**
 * Planned arrivals against what a destination can take in: per destination and item, the
 * capacity per week (null when none is set) and the units planned to arrive in each coming week.
 */
public record Absorption(String destination, String item, Long unitsPerWeek, List<Week> weeks) {

    /** Units planned to arrive in the week starting {@code monday}; over capacity when above it. */
    public record Week(LocalDate monday, long plannedUnits, boolean overCapacity) {}
}
