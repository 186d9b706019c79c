package org.quartermaster.capacity;

import java.util.List;
import org.quartermaster.capacity.model.RampStep;

/**
 * Change a line's terms at a known version; null fields stay as they are ({@code rampUp}, when
 * given, replaces every step). Capacity may never fall below what is already reserved in a week.
 */
public record ChangeLine(String name, Long capacityPerWeek, List<RampStep> rampUp, Long unitPriceMinor,
                         String currency, Integer leadTimeWeeks, Boolean framework, long version) {}
