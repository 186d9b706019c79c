package org.quartermaster.server;

import io.javalin.http.Context;
import org.quartermaster.shared.Actor;

/**
 * Who is acting on a request: the actor the server's {@link Gate} resolved from the session
 * cookie or API token before any handler ran, or {@link #ANONYMOUS} (no roles: reads PUBLIC
 * records only) when nobody signed in.
 */
public final class Actors {
    /** The actor of a request without credentials: no organisation, no role. */
    public static final Actor ANONYMOUS = new Actor("anonymous", "PUBLIC");
    public static final String ATTRIBUTE = "qm.actor";
    static final String CSRF_ATTRIBUTE = "qm.csrf";

    private Actors() {}

    public static Actor of(Context ctx) {
        Actor actor = ctx.attribute(ATTRIBUTE);
        return actor == null ? ANONYMOUS : actor;
    }

    /** Records the request's actor (the gate calls this before any handler). */
    public static void set(Context ctx, Actor actor) {
        ctx.attribute(ATTRIBUTE, actor == null ? ANONYMOUS : actor);
    }

    /** The CSRF token forms of this request's session must carry, or null without a session. */
    public static String csrf(Context ctx) {
        return ctx.attribute(CSRF_ATTRIBUTE);
    }

    /** Records the CSRF token of the request's session (the gate calls this). */
    public static void setCsrf(Context ctx, String token) {
        ctx.attribute(CSRF_ATTRIBUTE, token);
    }
}
