package org.quartermaster.access;

import java.time.Instant;

/** A four-eyes approval step: requested by one person, granted or rejected by another. */
public record Approval(String id, String subjectType, String subjectId, String summary, String organisation,
                       String requestedBy, Instant requestedAt, Status status, String decidedBy,
                       Instant decidedAt, long version) {
    public static final String ID_PREFIX = "AP";

    public enum Status { PENDING, GRANTED, REJECTED }
}
