package org.quartermaster.capacity;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.quartermaster.capacity.model.RampStep;

/**
 * Publish a production line of {@code supplier} (an organisation of kind SUPPLIER) making
 * {@code item} at {@code site}. A null {@code releasableTo} releases it PUBLIC (the order book
 * is shared); an empty one keeps it to the supplier.
 */
public record PublishLine(String supplier, String item, String site, String name, LocalDate firstWeek,
                          Integer horizonWeeks, Long capacityPerWeek, List<RampStep> rampUp, Long unitPriceMinor,
                          String currency, Integer leadTimeWeeks, boolean framework, Set<String> releasableTo) {}
