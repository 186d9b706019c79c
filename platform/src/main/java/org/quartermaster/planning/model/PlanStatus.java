package org.quartermaster.planning.model;

/** A plan is proposed by one person and approved by another; once approved it is a commitment. */
public sealed interface PlanStatus {
    String name();

    record Proposed() implements PlanStatus {
        public String name() { return "PROPOSED"; }
    }

    record Approved() implements PlanStatus {
        public String name() { return "APPROVED"; }
    }

    static PlanStatus of(String name) {
        return switch (name) {
            case "PROPOSED" -> new Proposed();
            case "APPROVED" -> new Approved();
            default -> throw new IllegalStateException("unknown plan status " + name);
        };
    }
}
