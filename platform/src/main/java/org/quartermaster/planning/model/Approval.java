package org.quartermaster.planning.model;

/**
 * Four eyes on a plan: only a PROPOSED plan can be approved, and never by the person who
 * proposed it. A returned outcome, not an exception: refusal is an expected business answer.
 */
public final class Approval {
    private Approval() {}

    public sealed interface Outcome {
        record Approved(PlanStatus.Approved next) implements Outcome {}

        record Refused(String type, String reason) implements Outcome {}
    }

    public static Outcome decide(PlanStatus status, String proposer, String approver) {
        if (!(status instanceof PlanStatus.Proposed)) {
            return new Outcome.Refused("illegal-transition", "only a PROPOSED plan can be approved; this one is "
                    + status.name());
        }
        if (approver.equalsIgnoreCase(proposer)) {
            return new Outcome.Refused("four-eyes", "a plan must be approved by someone other than its proposer ("
                    + proposer + ")");
        }
        return new Outcome.Approved(new PlanStatus.Approved());
    }
}
