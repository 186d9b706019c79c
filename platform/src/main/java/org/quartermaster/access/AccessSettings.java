package org.quartermaster.access;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.quartermaster.access.model.ThrottleLimit;

/**
 * The knobs of authentication, with production defaults. Tests inject a fixed clock and a
 * cheap Argon2 parameter set; production code uses {@link #production()}.
 */
public record AccessSettings(PasswordHashing hashing, Duration sessionIdle, Duration sessionAbsolute,
                             List<ThrottleLimit> throttles, Clock clock, String totpIssuer) {

    /** Argon2id parameters: memory in KiB, passes, lanes. */
    public record PasswordHashing(int memoryKib, int iterations, int parallelism) {
        /** OWASP's first Argon2id configuration: 19 MiB, 2 passes, 1 lane. */
        public static final PasswordHashing PRODUCTION = new PasswordHashing(19_456, 2, 1);
        /** For tests only: the same algorithm at a fraction of the cost. */
        public static final PasswordHashing FAST_FOR_TESTS = new PasswordHashing(256, 1, 1);

        public PasswordHashing {
            if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
            if (memoryKib < 8 * parallelism) throw new IllegalArgumentException("memoryKib must be at least 8 x lanes");
            if (iterations < 1) throw new IllegalArgumentException("iterations must be at least 1");
        }
    }

    /** A session unused for this long ends. */
    public static final Duration SESSION_IDLE_DEFAULT = Duration.ofMinutes(30);
    /** A session ends this long after login, however busy. */
    public static final Duration SESSION_ABSOLUTE_DEFAULT = Duration.ofHours(12);

    public AccessSettings {
        if (hashing == null || clock == null || throttles == null) throw new IllegalArgumentException("settings incomplete");
        if (sessionIdle.isNegative() || sessionIdle.isZero()) throw new IllegalArgumentException("sessionIdle must be positive");
        if (sessionAbsolute.compareTo(sessionIdle) < 0) {
            throw new IllegalArgumentException("sessionAbsolute must be at least sessionIdle");
        }
        throttles = List.copyOf(throttles);
    }

    public static AccessSettings production() {
        return new AccessSettings(PasswordHashing.PRODUCTION, SESSION_IDLE_DEFAULT, SESSION_ABSOLUTE_DEFAULT,
                ThrottleLimit.standard(), Clock.systemUTC(), "Quartermaster");
    }

    public AccessSettings withClock(Clock c) {
        return new AccessSettings(hashing, sessionIdle, sessionAbsolute, throttles, c, totpIssuer);
    }

    public AccessSettings withHashing(PasswordHashing h) {
        return new AccessSettings(h, sessionIdle, sessionAbsolute, throttles, clock, totpIssuer);
    }
}
