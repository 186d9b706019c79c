package org.quartermaster.journal;

import java.time.Duration;

/**
 * When to sign a new tree head: after {@code everyEvents} unsigned events or once
 * {@code every} has passed since the last head while there are unsigned events.
 */
public record SigningPolicy(long everyEvents, Duration every) {

    /** At least this many events per head would make the head table larger than the journal. */
    public static final long EVERY_EVENTS_MIN = 1;
    public static final Duration EVERY_MIN = Duration.ofMillis(1);

    public SigningPolicy {
        if (everyEvents < EVERY_EVENTS_MIN) {
            throw new IllegalArgumentException("everyEvents must be >= 1, got " + everyEvents);
        }
        if (every == null || every.compareTo(EVERY_MIN) < 0) {
            throw new IllegalArgumentException("every must be at least 1 ms, got " + every);
        }
    }

    /** True when a head is due given how many events and how much time the last head is behind. */
    public boolean due(long unsignedEvents, Duration sinceLastHead) {
        if (unsignedEvents <= 0) {
            return false;
        }
        return unsignedEvents >= everyEvents || sinceLastHead.compareTo(every) >= 0;
    }
}
