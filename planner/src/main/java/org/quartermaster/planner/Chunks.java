package org.quartermaster.planner;

import java.util.Arrays;

/**
 * Class flows decomposed into source-to-class paths, one row per path, in primitive columns.
 * {@code kind} is 0 for an offer, 1 for production, 2 for shortfall.
 */
final class Chunks {

    static final byte OFFER = 0;
    static final byte PRODUCTION = 1;
    static final byte SHORT = 2;

    int size;
    int[] chain = new int[256];
    int[] due = new int[256];
    long[] quantity = new long[256];
    byte[] kind = new byte[256];
    int[] sourceRef = new int[256];
    int[] startWeek = new int[256];
    int[] lane = new int[256];
    int[] shipWeek = new int[256];
    int[] handoverWeek = new int[256];
    int[] compat = new int[256];
    int[] lateness = new int[256];

    int add() {
        if (size == chain.length) {
            int n = size * 2;
            chain = Arrays.copyOf(chain, n);
            due = Arrays.copyOf(due, n);
            quantity = Arrays.copyOf(quantity, n);
            kind = Arrays.copyOf(kind, n);
            sourceRef = Arrays.copyOf(sourceRef, n);
            startWeek = Arrays.copyOf(startWeek, n);
            lane = Arrays.copyOf(lane, n);
            shipWeek = Arrays.copyOf(shipWeek, n);
            handoverWeek = Arrays.copyOf(handoverWeek, n);
            compat = Arrays.copyOf(compat, n);
            lateness = Arrays.copyOf(lateness, n);
        }
        lane[size] = -1;
        compat[size] = -1;
        return size++;
    }
}
