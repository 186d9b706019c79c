package org.quartermaster.capacity.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.quartermaster.shared.PublicIds;

/**
 * Units of one week of one production line reserved by {@code reserver} (the buyer) for a
 * contract or call-off. Owned by the reserver and always released to the supplier. Only ACTIVE
 * reservations take capacity; RELEASED ones are kept for the record.
 */
public record Reservation(long key, String line, String reserver, String supplier, String item, LocalDate week,
                          long quantity, Reference reference, boolean framework, Status status,
                          Set<String> releasableTo, long version, Instant createdAt, Instant updatedAt) {
    public static final String ID_PREFIX = "CR";

    public enum Status { ACTIVE, RELEASED }

    public Reservation {
        releasableTo = Set.copyOf(releasableTo);
    }

    public String publicId() {
        return PublicIds.format(ID_PREFIX, key);
    }
}
