package org.quartermaster.server;

import java.util.List;

/**
 * Finds the route template a request path is for, so that the gate can check a route's policy
 * before any handler (or the idempotency replay) runs. A literal segment beats a
 * {@code {param}}; a trailing {@code *} matches the rest of the path.
 */
final class Endpoints {
    private final List<Gate.Endpoint> endpoints;
    private final List<String[]> segments;

    Endpoints(List<Gate.Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
        this.segments = this.endpoints.stream().map(e -> split(e.path())).toList();
    }

    List<Gate.Endpoint> all() {
        return endpoints;
    }

    /** The best route for {@code method path} (HEAD as GET), or null when none matches. */
    Gate.Endpoint match(String method, String path) {
        String m = "HEAD".equals(method) ? "GET" : method;
        String[] parts = split(path);
        Gate.Endpoint best = null;
        int bestScore = -1;
        for (int i = 0; i < endpoints.size(); i++) {
            Gate.Endpoint e = endpoints.get(i);
            if (!e.method().equals(m)) continue;
            int score = score(segments.get(i), parts);
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return best;
    }

    /** Literal segments matched, or -1 when the template does not match. */
    private static int score(String[] template, String[] parts) {
        int literal = 0;
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if ("*".equals(t) && i == template.length - 1) return literal;
            if (i >= parts.length) return -1;
            if (t.startsWith("{") && t.endsWith("}")) {
                if (parts[i].isEmpty()) return -1;
                continue;
            }
            if (!t.equals(parts[i])) return -1;
            literal++;
        }
        return template.length == parts.length ? literal + 1 : -1;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
