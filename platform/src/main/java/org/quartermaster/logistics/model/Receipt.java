package org.quartermaster.logistics.model;

import java.time.Instant;

/**
 * A signed proof of delivery: {@code document} is the exact canonical JSON that was signed with
 * the receiving organisation's Ed25519 key; {@code signature} is base64.
 */
public record Receipt(String shipment, String receiver, String person, String document, String signature,
                      Instant signedAt) {
    public static final String ALGORITHM = "Ed25519";
}
