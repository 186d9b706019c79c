package org.quartermaster.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Cursor;
import org.quartermaster.shared.Page;
import org.quartermaster.store.Database;
import org.quartermaster.store.Dialect;
import org.quartermaster.store.Rows;
import org.quartermaster.store.Tx;

/**
 * The journal. {@link #record} queues one event in the caller's transaction; the events are
 * appended, chained and committed with it (a rollback takes them away too). The head row is
 * locked last, so concurrent writers on PostgreSQL queue on it without deadlocking.
 */
public final class Journal {
    public static final String GENESIS_HASH = "0".repeat(64);
    static final int TYPE_LENGTH_MAX = 64;
    static final int ENTITY_LENGTH_MAX = 64;

    private final Database db;

    public Journal(Database db) {
        this.db = db;
        db.listen(this::flush);
    }

    /** A change to be journalled: its type (past tense, e.g. {@code NeedFiled}), entity and payload. */
    record Draft(String type, String entityId, Object payload) {}

    /** Journals one change in {@code tx}; it commits with the change or not at all. */
    public void record(Tx tx, String type, String entityId, Object payload) {
        Checks.text("event.type", type, TYPE_LENGTH_MAX);
        Checks.text("event.entity", entityId, ENTITY_LENGTH_MAX);
        tx.defer(new Draft(type, entityId, payload));
    }

    private void flush(Tx tx) {
        List<Draft> drafts = tx.deferred().stream()
                .filter(Draft.class::isInstance).map(Draft.class::cast).toList();
        if (drafts.isEmpty()) return;
        Handle h = tx.handle();
        String lock = tx.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        Map<String, Object> head = h.createQuery("SELECT sequence, hash FROM journal_head WHERE id = 1" + lock)
                .mapToMap().one();
        long sequence = ((Number) head.get("sequence")).longValue();
        String prevHash = (String) head.get("hash");
        for (Draft draft : drafts) {
            sequence++;
            String body = body(sequence, tx, draft);
            String hash = chain(prevHash, body);
            h.createUpdate("""
                    INSERT INTO journal_events
                      (sequence, occurred_at, actor, organisation, event_type, entity_id, body, prev_hash, hash)
                    VALUES (:sequence, :time, :actor, :organisation, :type, :entity, :body, :prevHash, :hash)""")
                    .bind("sequence", sequence).bind("time", tx.now())
                    .bind("actor", tx.actor().user()).bind("organisation", tx.actor().organisation())
                    .bind("type", draft.type()).bind("entity", draft.entityId())
                    .bind("body", body).bind("prevHash", prevHash).bind("hash", hash)
                    .execute();
            prevHash = hash;
        }
        h.createUpdate("UPDATE journal_head SET sequence = :sequence, hash = :hash WHERE id = 1")
                .bind("sequence", sequence).bind("hash", prevHash).execute();
    }

    static String body(long sequence, Tx tx, Draft draft) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sequence", sequence);
        event.put("time", tx.now().toString());
        event.put("actor", tx.actor().user());
        event.put("organisation", tx.actor().organisation());
        event.put("type", draft.type());
        event.put("entity", draft.entityId());
        event.put("payload", draft.payload() == null ? Map.of() : draft.payload());
        return CanonicalJson.write(event);
    }

    /** SHA-256 over the previous hash's bytes and the event body, hex. */
    public static String chain(String prevHashHex, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HexFormat.of().parseHex(prevHashHex));
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** The change feed: events after {@code after} (an opaque cursor), oldest first. */
    public Page<JournalEvent> feed(String after, Integer limit) {
        long from = Cursor.decode(after);
        int size = Cursor.limit(limit);
        List<JournalEvent> events = db.read(h -> h.createQuery(
                        "SELECT * FROM journal_events WHERE sequence > :from ORDER BY sequence LIMIT :limit")
                .bind("from", from).bind("limit", size + 1)
                .map((rs, ctx) -> map(rs)).list());
        return Page.cut(events, size, JournalEvent::sequence);
    }

    /** The events of one entity, oldest first, at most {@code max}. */
    public List<JournalEvent> forEntity(String entityId, int max) {
        return db.read(h -> h.createQuery(
                        "SELECT * FROM journal_events WHERE entity_id = :entity ORDER BY sequence LIMIT :max")
                .bind("entity", entityId).bind("max", max)
                .map((rs, ctx) -> map(rs)).list());
    }

    /** The newest sequence number, 0 when empty. */
    public long size() {
        return db.read(h -> h.createQuery("SELECT sequence FROM journal_head WHERE id = 1").mapTo(Long.class).one());
    }

    /**
     * Walks the whole chain, recomputing each hash. Returns the first sequence number whose
     * stored hash, link or numbering does not match, or 0 when the chain is intact.
     */
    public long firstBrokenLink() {
        return db.read(h -> {
            String[] prev = {GENESIS_HASH};
            long[] expected = {1};
            long[] broken = {0};
            h.createQuery("SELECT * FROM journal_events ORDER BY sequence").setFetchSize(1000)
                    .map((rs, ctx) -> map(rs)).useStream(events -> events.forEach(e -> {
                        if (broken[0] != 0) return;
                        boolean ok = e.sequence() == expected[0]
                                && e.prevHash().equals(prev[0])
                                && e.hash().equals(chain(prev[0], e.body()));
                        if (!ok) broken[0] = expected[0];
                        prev[0] = e.hash();
                        expected[0]++;
                    }));
            return broken[0];
        });
    }


    private static JournalEvent map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new JournalEvent(rs.getLong("sequence"), Rows.instant(rs, "occurred_at"),
                rs.getString("actor"), rs.getString("organisation"), rs.getString("event_type"),
                rs.getString("entity_id"), rs.getString("body"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
