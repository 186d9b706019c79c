package org.quartermaster.audit;

import java.time.Instant;

/**
 * One journalled change. {@code body} is the canonical JSON that was hashed;
 * {@code hash} = SHA-256(prevHash bytes || body bytes), hex.
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
        String hash) {
}
