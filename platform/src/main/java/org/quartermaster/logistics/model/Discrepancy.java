package org.quartermaster.logistics.model;

import java.time.Instant;
import java.util.List;

/** A problem found on arrival with one line, and the photos or documents that show it. */
public record Discrepancy(long key, int line, DiscrepancyKind kind, long quantity, String note, String organisation,
                          String person, Instant createdAt, List<Attachment> attachments) {
    public Discrepancy {
        attachments = List.copyOf(attachments);
    }

    /** An attached file as stored: its name, media type, size and SHA-256 (hex). */
    public record Attachment(long key, String fileName, String mediaType, long sizeBytes, String sha256) {}
}
