package org.quartermaster.access;

import org.quartermaster.shared.Actor;

/**
 * The four-eyes gate of a sensitive step: passes only when {@code approvalId} names a GRANTED
 * approval of exactly this step ({@code subjectType}, {@code subjectId}, {@code summary}) in
 * the acting organisation, decided by a person other than the requester. Facades of other
 * contexts take it as a parameter so that they need not know how approvals are stored.
 */
@FunctionalInterface
public interface FourEyesCheck {
    /**
     * @throws org.quartermaster.shared.Refused {@code four-eyes} when no such approval was granted
     * @throws org.quartermaster.shared.NotFound when the approval does not exist
     */
    void requireGranted(String approvalId, String subjectType, String subjectId, String summary, Actor actor);

    /** The summary an approval to lower a record's releasability to {@code codes} must carry. */
    static String lowerReleasability(java.util.Collection<String> codes) {
        return "lower releasability to [" + String.join(",", new java.util.TreeSet<>(codes)) + "]";
    }
}
