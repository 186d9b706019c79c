package org.quartermaster.access;

import java.time.Instant;

/**
 * One line of the security log. Fields hold untrusted text (a typed user name, an address);
 * {@link SecurityLog} encodes them before they reach a log line or a row.
 */
public record SecurityEvent(Instant time, Kind kind, String actor, String organisation, String address,
                            String detail) {
    public enum Kind {
        LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_THROTTLED, LOGGED_OUT, ACCESS_DENIED, SECOND_FACTOR_REQUIRED,
        USER_ADDED, USER_DISABLED, PASSWORD_RESET, API_TOKEN_ISSUED, API_TOKEN_REVOKED,
        APPROVAL_REQUESTED, APPROVAL_GRANTED, APPROVAL_REJECTED, APPROVAL_REFUSED
    }

    public SecurityEvent {
        if (time == null || kind == null) throw new IllegalArgumentException("a security event needs a time and a kind");
    }
}
