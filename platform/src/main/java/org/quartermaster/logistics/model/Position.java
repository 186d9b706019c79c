package org.quartermaster.logistics.model;

/**
 * Where the goods are and who holds them: the last stop reached (0 is the origin) and the
 * organisation answerable for them now.
 */
public record Position(ShipmentStatus status, int stop, String holder) {
    public Position {
        if (status == null) throw new IllegalArgumentException("status is required");
        if (stop < 0) throw new IllegalArgumentException("stop must not be negative");
        if (holder == null || holder.isBlank()) throw new IllegalArgumentException("holder is required");
    }
}
