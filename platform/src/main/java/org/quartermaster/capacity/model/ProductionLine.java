package org.quartermaster.capacity.model;

import java.time.Instant;
import java.util.Set;
import org.quartermaster.shared.PublicIds;

/**
 * A supplier's production line of one item at one site. {@code framework} marks capacity held
 * under a framework agreement (watched for idle weeks). Owned by the supplier; released PUBLIC
 * unless the supplier says otherwise, because the order book is shared.
 */
public record ProductionLine(long key, String supplier, String item, String site, String name, LineTerms terms,
                             boolean framework, Set<String> releasableTo, long version, Instant createdAt,
                             Instant updatedAt) {
    public static final String ID_PREFIX = "PL";

    public ProductionLine {
        releasableTo = Set.copyOf(releasableTo);
    }

    public String publicId() {
        return PublicIds.format(ID_PREFIX, key);
    }
}
