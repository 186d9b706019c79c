package org.quartermaster.funds;

import org.quartermaster.funds.model.Transfer;

/** What a transfer request did: created it, found the same one (a retry), or refused. */
public sealed interface TransferOutcome {
    /** The transfer as it is stored now, when there is one. */
    Transfer transfer();

    record Created(Transfer transfer) implements TransferOutcome {}

    /** The same id with the same content: nothing was done, the original is returned. */
    record Replayed(Transfer transfer) implements TransferOutcome {}

    /** The id is taken by a transfer with other content, or the step does not fit its state. */
    record Conflict(Transfer transfer, String reason) implements TransferOutcome {}

    /** A rule refused it (insufficient funds, currency mismatch); nothing was written. */
    record Refused(String type, String field, String reason) implements TransferOutcome {
        public Transfer transfer() {
            return null;
        }
    }
}
