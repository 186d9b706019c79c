package org.quartermaster.logistics;

import java.util.List;

/** Journal payloads of the logistics context (past tense, one per kind of change). */
public final class ShipmentEvents {
    private ShipmentEvents() {}

    public record ShipmentPlanned(String id, String owner, String receiver, String mode, List<String> stops,
                                  long plannedDeparture, long plannedArrival, List<PlannedLine> lines,
                                  List<String> releasableTo) {}

    public record PlannedLine(int line, String item, long quantity, String kind, String fulfils, List<String> needs) {}

    public record CustodyRecorded(String id, int seq, String kind, String location, String organisation,
                                  String person, String to, long occurredAt, String status, long version) {}

    public record ShipmentReceived(String id, String receiver, String person, String document, String signature,
                                   String algorithm, String publicKey) {}

    public record DiscrepancyReported(String id, int line, String kind, long quantity, String note,
                                      List<String> sha256) {}

    public record LineRated(String id, int line, int rating, String comment, String by) {}

    public record AbsorptionSet(String destination, String item, long unitsPerWeek, String organisation) {}
}
