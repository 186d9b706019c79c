package org.quartermaster.oversight.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.quartermaster.oversight.OpenQuestions;
import org.quartermaster.oversight.model.Question;
import org.quartermaster.shared.StaleRecord;

/** SQL for questions. Oversight only. */
public final class QuestionsTable {

    public long insert(Handle h, Question q) {
        return h.createUpdate("""
                INSERT INTO questions (record_id, owner_org, asked_by, assigned_org, text, status, releasable_to, version,
                  created_at, updated_at)
                VALUES (:record, :owner, :askedBy, :assigned, :text, 'OPEN', :assigned, 1, :now, :now)""")
                .bind("record", q.record()).bind("owner", q.owner()).bind("askedBy", q.askedBy())
                .bind("assigned", q.assignedTo()).bind("text", q.text()).bind("now", q.createdAt().toEpochMilli())
                .executeAndReturnGeneratedKeys("question_key").mapTo(Long.class).one();
    }

    public void answer(Handle h, Question q, long version) {
        int rows = h.createUpdate("""
                UPDATE questions SET status = 'ANSWERED', answer = :answer, answered_by = :by, answered_at = :at,
                  version = version + 1, updated_at = :at
                WHERE question_key = :key AND version = :version AND status = 'OPEN'""")
                .bind("answer", q.answer()).bind("by", q.answeredBy()).bind("at", q.answeredAt().toEpochMilli())
                .bind("key", q.key()).bind("version", version).execute();
        if (rows == 0) throw new StaleRecord("question", q.publicId(), version);
    }

    public Optional<Question> byKey(Handle h, long key) {
        return h.createQuery("SELECT * FROM questions WHERE question_key = :key").bind("key", key)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** {@code access} is the read filter over {@code q.owner_org} and {@code q.releasable_to}. */
    public List<Question> list(Handle h, String access, Map<String, Object> params, String record, String assigned,
                               String status, long after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM questions q WHERE q.question_key > :after AND ").append(access);
        if (record != null) sql.append(" AND q.record_id = :record");
        if (assigned != null) sql.append(" AND q.assigned_org = :assigned");
        if (status != null) sql.append(" AND q.status = :status");
        var query = h.createQuery(sql.append(" ORDER BY q.question_key LIMIT :limit").toString())
                .bind("after", after).bind("limit", limit);
        params.forEach(query::bind);
        if (record != null) query.bind("record", record);
        if (assigned != null) query.bind("assigned", assigned);
        if (status != null) query.bind("status", status);
        return query.map((rs, ctx) -> row(rs)).list();
    }

    public List<OpenQuestions> openByOrganisation(Handle h, String access, Map<String, Object> params, long now) {
        var query = h.createQuery("SELECT q.assigned_org, COUNT(*), MIN(q.created_at) FROM questions q WHERE "
                + "q.status = 'OPEN' AND " + access + " GROUP BY q.assigned_org ORDER BY q.assigned_org");
        params.forEach(query::bind);
        return query.map((rs, ctx) -> new OpenQuestions(rs.getString(1), rs.getLong(2),
                Math.max(0, (now - rs.getLong(3)) / 3_600_000L))).list();
    }

    private static Question row(ResultSet rs) throws SQLException {
        long answered = rs.getLong("answered_at");
        Instant answeredAt = rs.wasNull() ? null : Instant.ofEpochMilli(answered);
        return new Question(rs.getLong("question_key"), rs.getString("record_id"), rs.getString("owner_org"),
                rs.getString("asked_by"), rs.getString("assigned_org"), rs.getString("text"),
                Question.Status.valueOf(rs.getString("status")), rs.getString("answer"), rs.getString("answered_by"),
                answeredAt, rs.getLong("version"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
