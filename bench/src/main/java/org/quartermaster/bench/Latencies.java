package org.quartermaster.bench;

import java.util.Arrays;

/** Percentiles of recorded latencies (nanoseconds), nearest-rank. */
final class Latencies {
    private Latencies() {}

    /** The {@code p}-th percentile (0 < p <= 100) in milliseconds; 0 when nothing was recorded. */
    static double percentileMillis(long[] nanos, double p) {
        if (nanos.length == 0) return 0;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    static double medianMillis(long[] nanos) {
        return percentileMillis(nanos, 50);
    }
}
