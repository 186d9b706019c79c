package org.quartermaster.server;

import io.javalin.http.Context;
import java.util.List;

/**
 * Who may pass: the server asks its gate about every request before any handler runs. The
 * gate authenticates the request (session cookie or API token), records its actor with
 * {@link Actors#set}, and checks the policy of the route the request is for. The server knows
 * nothing of accounts or policies; the access context implements this (the server must not
 * depend on it).
 */
public interface Gate {

    /** A route by method and path template, e.g. {@code GET /api/v1/needs/{id}}. */
    record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Called once at start with every route the server answers.
     *
     * @throws IllegalStateException when a route has no policy: the server does not start
     */
    void requireAll(List<Endpoint> endpoints);

    /**
     * Called before every request. {@code endpoint} is the route the request is for, or null
     * when none matches (a 404 or 405 follows).
     *
     * @throws org.quartermaster.shared.AccessDenied for rejected credentials (401) or a route the
     *     actor may not call (401 anonymous, 403 signed in)
     */
    void before(Context ctx, Endpoint endpoint);
}
