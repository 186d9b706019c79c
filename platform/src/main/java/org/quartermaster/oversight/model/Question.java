package org.quartermaster.oversight.model;

import java.time.Instant;

/** A question on a record, asked by a person of {@code owner}, for {@code assignedTo} to answer. */
public record Question(long key, String record, String owner, String askedBy, String assignedTo, String text,
                       Status status, String answer, String answeredBy, Instant answeredAt, long version,
                       Instant createdAt, Instant updatedAt) {
    public static final String ID_PREFIX = "Q";

    public enum Status { OPEN, ANSWERED }

    public String publicId() {
        return org.quartermaster.shared.PublicIds.format(ID_PREFIX, key);
    }

    /** The answered question; only an open one can be answered. */
    public Question answered(String text, String by, Instant at) {
        if (status != Status.OPEN) throw new IllegalStateException("only an open question is answered");
        return new Question(key, record, owner, askedBy, assignedTo, this.text, Status.ANSWERED, text, by, at, version,
                createdAt, at);
    }
}
