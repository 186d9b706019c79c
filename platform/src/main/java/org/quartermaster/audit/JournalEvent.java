package org.quartermaster.audit;

import java.time.Instant;

/**
 * One journalled change. {@code body} is the canonical JSON that was hashed;
 * {@code hash} = SHA-256(prevHash bytes || body bytes), hex. {@code payload} is the canonical
 * (RFC 8785) JSON of the change, the part of the Merkle leaf that says what changed.
 */
public record JournalEvent(
        long sequence,
        Instant time,
        String actor,
        String organisation,
        String type,
        String entityId,
        String body,
        String prevHash,
        String hash,
        String payload) {

    /** The bytes of this event's Merkle leaf (the journal library's encoding). */
    public byte[] leafBytes() {
        return Leaves.leaf(sequence, time, actor, organisation, type, entityId, payload);
    }
}
