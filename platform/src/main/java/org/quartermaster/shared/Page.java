package org.quartermaster.shared;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of a list ordered by a stable sequence. {@code next} is the opaque cursor to pass as
 * {@code after} for the following page, or null on the last page.
 */
public record Page<T>(List<T> items, String next) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Cuts a page from {@code rows}, which were read with a limit of {@code size + 1}: one row
     * more than the page says whether there is a next page.
     */
    public static <T> Page<T> cut(List<T> rows, int size, ToLongFunction<T> sequence) {
        if (rows.size() <= size) return new Page<>(rows, null);
        List<T> items = rows.subList(0, size);
        return new Page<>(items, Cursor.encode(sequence.applyAsLong(items.get(size - 1))));
    }
}
