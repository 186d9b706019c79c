package org.quartermaster.needs.model;

import org.quartermaster.shared.InvalidField;

/** P1 is critical, P5 routine. The weight multiplies shortfall and lateness in the planner. */
public enum Priority {
    P1(16), P2(8), P3(4), P4(2), P5(1);

    private final int weight;

    Priority(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    public int rank() {
        return ordinal() + 1;
    }

    public static Priority ofRank(int rank) {
        if (rank < 1 || rank > 5) throw new InvalidField("priority", "must be P1 to P5");
        return values()[rank - 1];
    }

    public static Priority parse(String text) {
        if (text == null) throw new InvalidField("priority", "is required");
        return switch (text) {
            case "P1", "1" -> P1;
            case "P2", "2" -> P2;
            case "P3", "3" -> P3;
            case "P4", "4" -> P4;
            case "P5", "5" -> P5;
            default -> throw new InvalidField("priority", "must be P1 to P5");
        };
    }
}
