package org.quartermaster.access.model;

import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a record's releasability may change and how. Releasing a record to anyone who could
 * not read it before is a disclosure that cannot be taken back, so it needs a second person
 * (a four-eyes approval); taking readers away only tightens access, so the owner may do it at
 * once. Either way the writer must be allowed {@link Action#CHANGE_RELEASABILITY} on the record.
 */
public final class ReleasabilityChange {
    private ReleasabilityChange() {}

    public sealed interface Outcome {
        /** Nothing changes. */
        record Unchanged() implements Outcome {}

        /** Only readers are removed: apply now. */
        record Allowed() implements Outcome {}

        /** New readers ({@code added}) are granted: apply only once another person approves. */
        record ApprovalRequired(Set<String> added) implements Outcome {}

        record Denied(String reason) implements Outcome {}
    }

    public static Outcome decide(AccessPolicy policy, Principal writer, Marking from, Marking to) {
        if (from == null || to == null) return new Outcome.Denied("both markings are required");
        if (!from.owner().equals(to.owner())) return new Outcome.Denied("the owning organisation cannot change");
        if (!policy.canWrite(writer, from, Action.CHANGE_RELEASABILITY)) {
            return new Outcome.Denied("no rule lets this principal change the record's releasability");
        }
        if (from.equals(to)) return new Outcome.Unchanged();
        Set<String> added = new TreeSet<>(to.releasableTo());
        if (from.isPublic()) added.clear(); // everyone could already read it: nothing new is disclosed
        added.removeAll(from.releasableTo());
        return added.isEmpty() ? new Outcome.Allowed() : new Outcome.ApprovalRequired(added);
    }
}
