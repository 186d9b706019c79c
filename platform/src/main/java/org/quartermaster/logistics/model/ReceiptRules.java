package org.quartermaster.logistics.model;

import java.util.List;
import java.util.Map;

/**
 * What a receipt may say about one line: at most what was shipped is received, and what is
 * reported wrong (short, damaged, wrong item, unserviceable) fits in what was shipped but not received.
 */
public final class ReceiptRules {
    private ReceiptRules() {}

    /** The first broken rule of a line as a message, or null when the line's figures hold. */
    public static String check(long shipped, long received, List<Long> discrepancies) {
        if (received < 0) return "must not be negative";
        if (received > shipped) return "must be at most the " + shipped + " units shipped";
        long reported = 0;
        for (long d : discrepancies) {
            if (d <= 0) return "discrepancy quantities must be greater than zero";
            reported += d;
        }
        if (reported > shipped - received) {
            return "discrepancies of " + reported + " units exceed the " + (shipped - received)
                    + " shipped but not received";
        }
        return null;
    }

    /** Sum of reported quantities per line. */
    public static long reported(Map<Integer, List<Long>> byLine, int line) {
        return byLine.getOrDefault(line, List.of()).stream().mapToLong(Long::longValue).sum();
    }
}
