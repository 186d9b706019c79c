package org.quartermaster.catalog;

import org.quartermaster.catalog.model.Category;

/** Filters of the item list; null fields do not filter. */
public record ItemFilter(Category category, Boolean lethal, String text) {
    public static final ItemFilter ALL = new ItemFilter(null, null, null);
}
