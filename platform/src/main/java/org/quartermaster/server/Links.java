package org.quartermaster.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Links of the web UI: a path with its query, blank parameters left out, values URL-encoded. */
public final class Links {
    private Links() {}

    /** {@code path?k=v&...} with the non-blank entries of {@code query}, in their order. */
    public static String to(String path, Map<String, String> query) {
        String q = query.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return q.isEmpty() ? path : path + "?" + q;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The link to the page after {@code cursor} with the same {@code query}, or null on the last page. */
    public static String next(String path, Map<String, String> query, String cursor) {
        if (cursor == null) return null;
        Map<String, String> q = new java.util.LinkedHashMap<>(query);
        q.put("after", cursor);
        return to(path, q);
    }
}
