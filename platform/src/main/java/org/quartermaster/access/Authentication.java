package org.quartermaster.access;

import org.quartermaster.access.model.Principal;

/** Who a request is, from its credentials. The server answers {@link Rejected} with 401. */
public sealed interface Authentication {
    /** The principal to decide with: {@link Principal#ANONYMOUS} when nothing was presented. */
    Principal principal();

    /** No credentials: anonymous, reads only PUBLIC records. */
    record Anonymous() implements Authentication {
        @Override
        public Principal principal() {
            return Principal.ANONYMOUS;
        }
    }

    /** A live session (with its CSRF token to check on writes) or a valid API token (session null). */
    record Authenticated(Principal principal, Session session) implements Authentication {}

    /** Credentials were presented but are malformed, forged, revoked or expired. */
    record Rejected(String reason) implements Authentication {
        @Override
        public Principal principal() {
            return Principal.ANONYMOUS;
        }
    }
}
