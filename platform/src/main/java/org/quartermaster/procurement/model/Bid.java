package org.quartermaster.procurement.model;

import java.time.Instant;
import org.quartermaster.shared.PublicIds;

/**
 * A bid as anyone may see it. Before the opening only the envelope exists: who, which lot, when
 * and the commitment; {@code content} is null and cannot be anything else, since the clear content
 * is not stored before the opening.
 */
public record Bid(long key, String procedure, int lot, String supplier, String commitment, Instant submittedAt,
                  String status, BidContent content, String disqualifiedWhy, Integer rank, Long score) {
    public static final String ID_PREFIX = "BID";

    public String publicId() {
        return PublicIds.format(ID_PREFIX, key);
    }
}
