package org.quartermaster.planning;

import java.time.Instant;

/** A stored transport lane. */
public record Lane(String origin, String destination, int transitWeeks, long costPerUnit, long version,
                   Instant createdAt) {
}
