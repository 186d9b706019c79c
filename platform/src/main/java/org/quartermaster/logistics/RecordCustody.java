package org.quartermaster.logistics;

import java.time.Instant;
import java.util.List;

/**
 * One custody step taken by {@code person} of {@code organisation} (the holder): HANDED_OVER
 * (to {@code to}), DEPARTED, ARRIVED_AT_HUB, ARRIVED. The departure from the origin may say per
 * line how many units left ({@code lines}); by default all of them.
 */
public record RecordCustody(String kind, String organisation, String person, String to, String location,
                            Instant occurredAt, List<Shipped> lines) {

    public record Shipped(Integer line, Long quantity) {}
}
