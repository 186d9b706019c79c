package org.quartermaster.logistics.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A consignment: who sends it (the owner) to whom, its route of stops (origin, hubs,
 * destination), its lines, and where its custody stands. Times are instants to the millisecond.
 */
public record Shipment(long key, String owner, String receiver, String mode, List<Stop> stops, List<Line> lines,
                       Position position, int custodyCount, Instant plannedDeparture, Instant plannedArrival,
                       Instant departedAt, Instant arrivedAt, Instant receivedAt, Set<String> releasableTo,
                       long version, Instant createdAt, Instant updatedAt) {
    public static final String ID_PREFIX = "SH";

    public Shipment {
        stops = List.copyOf(stops);
        lines = List.copyOf(lines);
        releasableTo = Set.copyOf(releasableTo);
    }

    public String publicId() {
        return org.quartermaster.shared.PublicIds.format(ID_PREFIX, key);
    }

    public ShipmentStatus status() {
        return position.status();
    }

    public String origin() {
        return stops.get(0).location();
    }

    public String destination() {
        return stops.get(stops.size() - 1).location();
    }

    public List<String> stopCodes() {
        return stops.stream().map(Stop::location).toList();
    }

    /** Not yet at its destination although its planned arrival has passed. */
    public boolean overdue(Instant now) {
        return position.status().onTheWay() && plannedArrival.isBefore(now);
    }

    /** One stop of the route with planned and actual times (null when unknown or not yet). */
    public record Stop(int index, String location, Instant plannedArrival, Instant plannedDeparture,
                       Instant arrivedAt, Instant departedAt) {}

    /** A line: item and committed quantity, what it fulfils, the needs it serves, and its counts. */
    public record Line(int no, String item, long quantity, org.quartermaster.logistics.Fulfilment fulfils,
                       List<NeedShare> needs, long shippedQuantity, long receivedQuantity, boolean counted,
                       Integer rating, String ratingComment, String ratedBy) {
        public Line {
            needs = List.copyOf(needs);
        }
    }

    /** Units of a line meant for one need, and how many of them were counted as delivered to it. */
    public record NeedShare(String need, long quantity, long deliveredQuantity) {}
}
