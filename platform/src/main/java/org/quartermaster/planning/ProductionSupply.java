package org.quartermaster.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * Production lines the planner may draw on, given by the wiring (from the capacity context's
 * free units) so that planning does not depend on where they come from.
 */
@FunctionalInterface
public interface ProductionSupply {
    /** No production lines: plans use offers only. */
    ProductionSupply NONE = (start, weeks) -> List.of();

    /** Every line with its free units in each of {@code horizonWeeks} weeks from Monday {@code start}. */
    List<Line> lines(LocalDate start, int horizonWeeks);

    /** One line: id, item, site (a location code), lead time, unit price, free units per week of the plan. */
    record Line(String id, String item, String site, int leadTimeWeeks, long unitPriceMinor, String currency,
                List<Long> freeUnits) {
        public Line {
            freeUnits = List.copyOf(freeUnits);
        }
    }
}
