package org.quartermaster.planner;

/**
 * Need priority, P1 most urgent. The weight multiplies both the lateness and the shortfall
 * cost of a unit, so one week of P1 lateness weighs as much as sixteen weeks of P5 lateness.
 */
public enum Priority {
    P1(16), P2(8), P3(4), P4(2), P5(1);

    private final long weight;

    Priority(long weight) {
        this.weight = weight;
    }

    public long weight() {
        return weight;
    }
}
