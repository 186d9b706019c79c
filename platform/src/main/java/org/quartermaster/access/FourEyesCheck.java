package org.quartermaster.access;

import org.quartermaster.shared.Actor;
import org.quartermaster.store.Tx;

/**
 * The four-eyes gate of a sensitive step: it passes only when {@code approvalId} names a GRANTED
 * approval of exactly this step ({@code subjectType}, {@code subjectId}, {@code summary}) in the
 * acting organisation, decided by a person other than the requester, and not used before; passing
 * spends the approval (USED) in {@code tx}, the transaction of the change it authorises, so the
 * approval and the change commit together or not at all and a second use is refused. Facades of
 * other contexts take it as a parameter so that they need not know how approvals are stored.
 */
@FunctionalInterface
public interface FourEyesCheck {
    /**
     * Spends the approval in {@code tx}. Call it after journalling the change itself: the change's
     * event comes first in the transaction (idempotent replays answer with the record it names).
     *
     * @throws org.quartermaster.shared.Refused {@code four-eyes} when no approval is named, it is
     *     for another step or organisation, or it is not GRANTED; {@code approval-used} when it was
     *     used already (both 409)
     * @throws org.quartermaster.shared.NotFound when the approval does not exist
     */
    void use(Tx tx, String approvalId, String subjectType, String subjectId, String summary, Actor actor);

    /** The summary an approval to lower a record's releasability to {@code codes} must carry. */
    static String lowerReleasability(java.util.Collection<String> codes) {
        return "lower releasability to [" + String.join(",", new java.util.TreeSet<>(codes)) + "]";
    }
}
