package org.quartermaster.access;

import java.time.Instant;

/**
 * A four-eyes approval step: requested by one person, granted or rejected by another. A granted
 * approval authorises exactly one change of its subject, once: the change marks it USED
 * ({@code usedBy}, {@code usedAt}) in its own transaction.
 */
public record Approval(String id, String subjectType, String subjectId, String summary, String organisation,
                       String requestedBy, Instant requestedAt, Status status, String decidedBy,
                       Instant decidedAt, String usedBy, Instant usedAt, long version) {
    public static final String ID_PREFIX = "AP";

    public enum Status { PENDING, GRANTED, REJECTED, USED }
}
