package org.quartermaster.logistics;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Plan a consignment from {@code origin} through {@code hubs} to {@code destination}, sent by
 * {@code owner} to {@code receiver}. Each line names what it fulfils ({@code kind} + {@code fulfils})
 * and optionally the needs it serves; an offer's or allocation's own need is the default.
 */
public record PlanShipment(String owner, String receiver, String origin, String destination, String mode,
                           Instant plannedDeparture, Instant plannedArrival, List<Hub> hubs, List<Line> lines,
                           Set<String> releasableTo) {

    /** A hub on the route, in order, with optional planned times. */
    public record Hub(String location, Instant plannedArrival, Instant plannedDeparture) {}

    /** A line: item (defaults to the committed item), quantity, reference, needs served. */
    public record Line(String item, Long quantity, String kind, String fulfils, List<Serves> needs) {}

    /** Units of a line meant for one need. */
    public record Serves(String need, Long quantity) {}
}
