package org.quartermaster.access.jdbc;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.quartermaster.shared.StaleRecord;
import org.quartermaster.store.Rows;

/** SQL of four-eyes approval steps. */
public final class ApprovalsTable {

    /** A stored approval, persons included. */
    public record ApprovalRow(long key, String subjectType, String subjectId, String summary, String organisation,
                              String requestedBy, String requestedByPerson, Instant requestedAt, String status,
                              String decidedBy, String decidedByPerson, Instant decidedAt, String usedBy,
                              Instant usedAt, long version) {}

    public long insert(Handle h, String subjectType, String subjectId, String summary, String organisation,
                       String requestedBy, String requestedByPerson, Instant now) {
        return h.createUpdate("""
                INSERT INTO approvals (subject_type, subject_id, summary, organisation, requested_by,
                  requested_by_person, requested_at, status, version)
                VALUES (:type, :subject, :summary, :organisation, :by, :person, :now, 'PENDING', 1)""")
                .bind("type", subjectType).bind("subject", subjectId).bind("summary", summary)
                .bind("organisation", organisation).bind("by", requestedBy).bind("person", requestedByPerson)
                .bind("now", now).executeAndReturnGeneratedKeys("approval_key").mapTo(Long.class).one();
    }

    public Optional<ApprovalRow> byKey(Handle h, long key) {
        return h.createQuery("SELECT * FROM approvals WHERE approval_key = :key").bind("key", key)
                .map((rs, ctx) -> new ApprovalRow(rs.getLong("approval_key"), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getString("summary"), rs.getString("organisation"),
                        rs.getString("requested_by"), rs.getString("requested_by_person"),
                        Rows.instant(rs, "requested_at"), rs.getString("status"), rs.getString("decided_by"),
                        rs.getString("decided_by_person"), Rows.instant(rs, "decided_at"), rs.getString("used_by"),
                        Rows.instant(rs, "used_at"), rs.getLong("version")))
                .findOne();
    }

    /** Decides a PENDING approval at {@code version}; a concurrent decision makes this one stale. */
    public void decide(Handle h, ApprovalRow a, String status, String by, String byPerson, Instant now) {
        int rows = h.createUpdate("""
                UPDATE approvals SET status = :status, decided_by = :by, decided_by_person = :person,
                  decided_at = :now, version = version + 1
                WHERE approval_key = :key AND version = :version AND status = 'PENDING'""")
                .bind("status", status).bind("by", by).bind("person", byPerson).bind("now", now)
                .bind("key", a.key()).bind("version", a.version()).execute();
        if (rows == 0) throw new StaleRecord("approval", a.key(), a.version());
    }

    /**
     * Spends a GRANTED approval: true when this call moved it to USED, false when it was not
     * GRANTED (any more). The status test is in the UPDATE itself, so of concurrent uses exactly
     * one wins: PostgreSQL re-checks the row once the winner commits, SQLite has one writer.
     */
    public boolean use(Handle h, long key, String by, Instant now) {
        return h.createUpdate("""
                UPDATE approvals SET status = 'USED', used_by = :by, used_at = :now, version = version + 1
                WHERE approval_key = :key AND status = 'GRANTED'""")
                .bind("by", by).bind("now", now).bind("key", key).execute() == 1;
    }
}
