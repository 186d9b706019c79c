package org.quartermaster.catalog;

import java.util.Set;

/**
 * What another context may know of an item without reaching into the catalogue's model: its
 * row key and code, whether it is lethal, and the codes of the items it can serve.
 */
public record ItemFacts(long key, String code, boolean lethal, Set<String> serves) {
    public ItemFacts {
        serves = Set.copyOf(serves);
    }

    /** True when this item is {@code needed} itself or is listed as able to serve it. */
    public boolean canServe(String needed) {
        return code.equals(needed) || serves.contains(needed);
    }
}
