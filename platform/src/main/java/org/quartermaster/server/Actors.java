package org.quartermaster.server;

import io.javalin.http.Context;
import org.quartermaster.shared.Actor;

/**
 * Who is acting on a request. Until identity and access are wired into the server every change
 * is made by the platform's system actor, unless something before the handler (the session
 * filter, or a test harness wrapping the routes) resolved the request's actor into the
 * {@link #ATTRIBUTE} request attribute. Nothing reads the actor from the request's own data.
 */
public final class Actors {
    /** The request attribute holding the resolved {@link Actor}. */
    public static final String ATTRIBUTE = "qm.actor";

    private Actors() {}

    public static Actor of(Context ctx) {
        Actor resolved = ctx.attribute(ATTRIBUTE);
        return resolved == null ? Actor.SYSTEM : resolved;
    }
}
