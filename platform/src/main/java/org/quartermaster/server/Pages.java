package org.quartermaster.server;

import java.util.List;

/** A page of any list in the API: {@code next} is the cursor for {@code ?after=}, null on the last page. */
public final class Pages {
    private Pages() {}

    /** Maps a domain page to a response page. */
    public static <T, R> PageOf<R> map(org.quartermaster.shared.Page<T> page, java.util.function.Function<T, R> f) {
        return new PageOf<>(page.items().stream().map(f).toList(), page.next());
    }

    /** A generic page; routes declare their concrete page record for the OpenAPI document. */
    public record PageOf<R>(List<R> items, String next) {}
}
