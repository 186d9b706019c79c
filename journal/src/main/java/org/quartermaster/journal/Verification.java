package org.quartermaster.journal;

/**
 * Outcome of verifying a journal: everything checked, or the first divergence found.
 * Event numbers are 0-based sequence numbers (= leaf indices = positions in the bundle).
 */
public sealed interface Verification {

    /** Every event hashed into the tree, every head's signature and root checked. */
    record Verified(long events, long heads, String rootHex) implements Verification {
    }

    /** The first point where the journal stops being what was signed. */
    sealed interface Divergence extends Verification {
        /** The first event number that cannot be trusted. */
        long eventNumber();

        /** One sentence for the report. */
        String describe();
    }

    /** The bundle's key is not a valid Ed25519 key or not the key the auditor trusts. */
    record KeyRejected(String reason) implements Divergence {
        @Override
        public long eventNumber() {
            return 0;
        }

        @Override
        public String describe() {
            return "journal key rejected: " + reason;
        }
    }

    /** The event at this position does not carry the sequence number of its position. */
    record SequenceBroken(long eventNumber, long foundSequence) implements Divergence {
        @Override
        public String describe() {
            String hint = foundSequence > eventNumber ? " (events deleted or moved here)"
                    : " (events inserted or moved here)";
            return "event " + eventNumber + ": carries sequence " + foundSequence + hint;
        }
    }

    /**
     * Two consecutive events carry the same sequence number: one of them was inserted or
     * duplicated. The earlier position is reported.
     */
    record SequenceRepeated(long eventNumber) implements Divergence {
        @Override
        public String describe() {
            return "events " + eventNumber + " and " + (eventNumber + 1)
                    + " carry the same sequence: one was inserted or duplicated";
        }
    }

    /** The event bytes are not a well-formed event. */
    record EventMalformed(long eventNumber, String reason) implements Divergence {
        @Override
        public String describe() {
            return "event " + eventNumber + ": malformed, " + reason;
        }
    }

    /**
     * The event's bytes do not hash to the leaf hash that a verified signed head commits to:
     * this event was changed after it was journalled.
     */
    record EventChanged(long eventNumber, long coveringHeadSize) implements Divergence {
        @Override
        public String describe() {
            return "event " + eventNumber + ": its bytes changed after journalling (signed head"
                    + " of size " + coveringHeadSize + " commits to other bytes)";
        }
    }

    /** A head's signature does not verify with the journal key. */
    record HeadSignatureInvalid(long eventNumber, long headNumber, long treeSize)
            implements Divergence {
        @Override
        public String describe() {
            return "signed head " + headNumber + " (size " + treeSize
                    + "): signature invalid; events from " + eventNumber + " are unproven";
        }
    }

    /**
     * The tree recomputed from the events does not have the signed root at the head's size:
     * some event in {@code [eventNumber, treeSize)} (after the last good head) was changed,
     * inserted or deleted together with its recorded leaf hash.
     */
    record HeadRootMismatch(long eventNumber, long headNumber, long treeSize)
            implements Divergence {
        @Override
        public String describe() {
            return "signed head " + headNumber + " (size " + treeSize + "): root differs from"
                    + " the recomputed tree; the change lies in events " + eventNumber + ".."
                    + (treeSize - 1);
        }
    }

    /** Events after the last signed head (or a head not at its place): nothing vouches for them. */
    record Unsigned(long eventNumber, String reason) implements Divergence {
        @Override
        public String describe() {
            return "event " + eventNumber + ": " + reason;
        }
    }

    /** The bundle file itself is broken (truncated, unknown record, counts differ). */
    record BundleMalformed(long eventNumber, String reason) implements Divergence {
        @Override
        public String describe() {
            return "bundle malformed at event " + eventNumber + ": " + reason;
        }
    }
}
