package org.quartermaster.capacity;

import java.time.LocalDate;
import java.util.List;
import org.quartermaster.capacity.model.RampStep;

/** Journal payloads of the capacity context (past tense, one per kind of change). */
public final class CapacityEvents {
    private CapacityEvents() {}

    public record LinePublished(String id, String supplier, String item, String site, String name,
                                LocalDate firstWeek, int horizonWeeks, long capacityPerWeek, List<RampStep> rampUp,
                                long unitPriceMinor, String currency, int leadTimeWeeks, boolean framework,
                                List<String> releasableTo) {}

    public record LineChanged(String id, String name, long capacityPerWeek, List<RampStep> rampUp,
                              long unitPriceMinor, String currency, int leadTimeWeeks, boolean framework,
                              long version) {}

    public record SlotReserved(String id, String line, String reserver, String supplier, String item,
                               LocalDate week, long quantity, String referenceKind, String referenceId,
                               boolean framework, long freeAfter, List<String> releasableTo) {}

    public record ReservationReleased(String id, String line, LocalDate week, long quantity, long version) {}
}
