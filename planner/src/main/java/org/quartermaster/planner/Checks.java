package org.quartermaster.planner;

/** Guards shared by the input records: one condition per guard, the message says what must hold. */
final class Checks {

    private Checks() {
    }

    static String id(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-blank id");
        }
        return value;
    }

    static long nonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, was " + value);
        }
        return value;
    }

    static long atMost(long value, long max, String what) {
        if (value > max) {
            throw new IllegalArgumentException(what + " must be <= " + max + ", was " + value);
        }
        return value;
    }

    static int week(int week, String what) {
        if (week < 0 || week >= Limits.MAX_HORIZON_WEEKS) {
            throw new IllegalArgumentException(
                    what + " must be in [0, " + Limits.MAX_HORIZON_WEEKS + "), was " + week);
        }
        return week;
    }
}
