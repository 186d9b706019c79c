package org.quartermaster.server;

import io.javalin.http.Context;
import org.quartermaster.shared.Actor;

/**
 * Who is acting on a request. Until identity and access exist there are no accounts: every
 * change is made by the platform's system actor and journalled as such. This is the one place
 * that will resolve the authenticated user.
 */
public final class Actors {
    private Actors() {}

    public static Actor of(Context ctx) {
        return Actor.SYSTEM;
    }
}
