package org.quartermaster.procurement.model;

import java.time.Instant;

/** A complaint against a procedure's evaluation or award; PENDING blocks the award and the contracts. */
public record Complaint(String id, String procedure, String complainant, String grounds, String status,
                        String decision, String decidedBy, Instant lodgedAt, Instant decidedAt) {
    public static final String ID_PREFIX = "CMP";
}
