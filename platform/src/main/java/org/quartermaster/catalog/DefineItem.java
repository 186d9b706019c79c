package org.quartermaster.catalog;

import java.util.List;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.catalog.model.Compatibility;

/** Define a new catalogue item (or, with {@code version}, change an existing one). */
public record DefineItem(
        String code,
        String name,
        String unit,
        String nsn,
        String cpv,
        Category category,
        boolean lethal,
        List<Compatibility> compatibleWith) {
}
