package org.quartermaster.access.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A limit on failed logins within a sliding window, per account name or per client address.
 * Counted by the name tried, whether or not it exists, so throttling reveals no account.
 */
public record ThrottleLimit(String name, Subject subject, int failuresMax, Duration window) {

    public enum Subject { ACCOUNT, ADDRESS }

    /** Guessing one account's password: 5 tries per 15 minutes (OWASP's order of magnitude). */
    public static final ThrottleLimit PER_ACCOUNT =
            new ThrottleLimit("failed logins per account", Subject.ACCOUNT, 5, Duration.ofMinutes(15));
    /** Spraying many accounts from one address; generous, as an office may share one address. */
    public static final ThrottleLimit PER_ADDRESS =
            new ThrottleLimit("failed logins per address", Subject.ADDRESS, 30, Duration.ofMinutes(15));

    public ThrottleLimit {
        if (failuresMax < 1) throw new IllegalArgumentException("failuresMax must be at least 1");
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
    }

    public static List<ThrottleLimit> standard() {
        return List.of(PER_ACCOUNT, PER_ADDRESS);
    }

    /**
     * Given the times of recent failures of one subject (oldest first, any age), when the next
     * attempt may be made, or empty if one may be made {@code now}.
     */
    public Optional<Instant> blockedUntil(List<Instant> failuresOldestFirst, Instant now) {
        List<Instant> inWindow = failuresOldestFirst.stream().filter(t -> t.isAfter(now.minus(window))).toList();
        if (inWindow.size() < failuresMax) return Optional.empty();
        // The window slides: a try frees up when the oldest failure that keeps us at the limit ages out.
        return Optional.of(inWindow.get(inWindow.size() - failuresMax).plus(window));
    }
}
