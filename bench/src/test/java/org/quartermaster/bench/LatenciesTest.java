package org.quartermaster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void percentilesUseTheNearestRankOfTheSortedValues() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms
        assertThat(Latencies.percentileMillis(nanos, 50)).isEqualTo(50.0);
        assertThat(Latencies.percentileMillis(nanos, 99)).isEqualTo(99.0);
        assertThat(Latencies.percentileMillis(nanos, 100)).isEqualTo(100.0);
        assertThat(nanos[0]).as("the input is left unsorted").isEqualTo(100_000_000L);
    }

    @Test
    void noLatenciesGiveZero() {
        assertThat(Latencies.percentileMillis(new long[0], 99)).isZero();
    }
}
