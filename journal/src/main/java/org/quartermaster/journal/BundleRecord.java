package org.quartermaster.journal;

/** One record read from a bundle, in file order. */
public sealed interface BundleRecord {

    /**
     * An event: its encoded bytes (the leaf input) and the leaf hash the journal recorded for
     * it when it was appended (level 0 of the node store).
     */
    record Event(byte[] eventBytes, byte[] recordedLeafHash) implements BundleRecord {
    }

    /** A signed tree head, written right after the event that completed its tree size. */
    record Head(SignedTreeHead head) implements BundleRecord {
    }

    /** The trailer: how many events and heads the writer wrote. */
    record End(long events, long heads) implements BundleRecord {
    }
}
