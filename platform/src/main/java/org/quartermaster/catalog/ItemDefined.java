package org.quartermaster.catalog;

import java.util.List;
import org.quartermaster.catalog.model.Compatibility;

/** Journal payload: an item was defined or changed. */
public record ItemDefined(String code, String name, String unit, String nsn, String cpv, String category,
                          boolean lethal, List<Compatibility> compatibleWith, long version) {
}
