package org.quartermaster.access;

import java.time.Instant;

/** What a login attempt gives. Every failure says the same, whatever failed. */
public sealed interface LoginResult {
    /** The one message for a wrong user name, password or code, or a disabled account. */
    String FAILED_MESSAGE = "the user name, password or one-time code is wrong";

    /** Signed in: the new session, its token (for the cookie) and its CSRF token (for forms). */
    record LoggedIn(Session session, String token, String csrfToken) implements LoginResult {
        @Override
        public String toString() {
            return "LoggedIn[" + session.principal().user() + ", token=***]";
        }
    }

    record Failed(String message) implements LoginResult {}

    /**
     * An identity provider vouched for the person but not for a second factor, and the account's
     * roles need one: no session yet. The sign-in completes with the account's local one-time
     * code and {@code ticket} (a secret for this browser only) before {@code expiresAt}; see
     * {@link Access#completeSecondFactor}.
     */
    record SecondFactorNeeded(String ticket, Instant expiresAt) implements LoginResult {
        @Override
        public String toString() {
            return "SecondFactorNeeded[ticket=***, expiresAt=" + expiresAt + "]";
        }
    }

    /** Too many failures for this account name or address: try again at {@code retryAt}. */
    record Throttled(Instant retryAt) implements LoginResult {}
}
