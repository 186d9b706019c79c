package org.quartermaster.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Cursor;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.Page;
import org.quartermaster.store.Database;
import org.quartermaster.store.Dialect;
import org.quartermaster.store.Rows;
import org.quartermaster.store.Tx;
import org.quartermaster.audit.jdbc.SqlNodeStore;
import org.quartermaster.journal.JournalKeys;
import org.quartermaster.journal.MerkleTree;
import org.quartermaster.journal.SignedTreeHead;
import org.quartermaster.journal.SigningPolicy;
import org.quartermaster.journal.TreeHead;

/**
 * The journal. {@link #record} queues one event in the caller's transaction; the events are
 * appended, chained, added as leaves of the RFC 9162 Merkle tree and committed with it (a
 * rollback takes them away too). The head row is locked last, so concurrent writers on
 * PostgreSQL queue on it without deadlocking. Tree heads are signed with Ed25519 every
 * {@code policy.everyEvents()} events inside the appending transaction, and by
 * {@link #signIfDue} when time has passed.
 */
public final class Journal {
    public static final String GENESIS_HASH = "0".repeat(64);
    static final int TYPE_LENGTH_MAX = 64;
    static final int ENTITY_LENGTH_MAX = 64;

    /** Sign a head at least every 1,000 events, or every 10 seconds while events wait. */
    public static final SigningPolicy DEFAULT_POLICY = new SigningPolicy(1_000, java.time.Duration.ofSeconds(10));

    private final Database db;
    private final JournalKeys keys;
    private final SigningPolicy policy;

    public Journal(Database db, JournalKeys keys, SigningPolicy policy) {
        this.db = db;
        this.keys = keys;
        this.policy = policy;
        db.listen(this::flush);
    }

    /** A journal signing with a fresh key held in memory only: for tests and tools. */
    public Journal(Database db) {
        this(db, JournalKeys.generate(), DEFAULT_POLICY);
    }

    public JournalKeys keys() {
        return keys;
    }

    /**
     * A change to be journalled: who made it (null: the transaction's actor), its type (past
     * tense, e.g. {@code NeedFiled}), entity, payload and who may read it.
     */
    record Draft(org.quartermaster.shared.Actor actor, String type, String entityId, Object payload,
                 EventMarking marking) implements Tx.Change {}

    /**
     * Who may read an event: the owner organisation and releasability (comma-separated codes,
     * {@code PUBLIC} for everyone) of the record it is about. Not part of the hashed event.
     */
    public record EventMarking(String owner, String releasableTo) {
        /** Reference data everyone may read (items, organisations, locations). */
        public static final EventMarking PUBLIC = new EventMarking("QM", "PUBLIC");
        /** The platform's own records: its organisation only. */
        public static final EventMarking PLATFORM = new EventMarking("QM", "");

        public EventMarking {
            Checks.text("event.owner", owner, Limits.NAME_LENGTH_MAX);
            releasableTo = releasableTo == null ? "" : releasableTo;
        }

        /** The marking of a record owned by {@code owner} and released to {@code releasableTo}. */
        public static EventMarking of(String owner, java.util.Collection<String> releasableTo) {
            return new EventMarking(owner, String.join(",", new java.util.TreeSet<>(releasableTo)));
        }
    }

    /** A read condition over the events' marking columns, as SQL with named parameters. */
    public record Visible(String sql, Map<String, Object> params) {
        public static final Visible ALL = new Visible("(1 = 1)", Map.of());
    }

    /** How the journal asks the access policy which events a viewer may read (set by the wiring). */
    @FunctionalInterface
    public interface ReadScope {
        Visible of(org.quartermaster.shared.Actor viewer, Dialect dialect, String ownerColumn, String releasableColumn);

        /** Until the wiring sets the policy: the system reads everything, anyone else nothing. */
        ReadScope SYSTEM_ONLY = (viewer, dialect, owner, releasable) ->
                viewer != null && viewer.isSystem() ? Visible.ALL : new Visible("(1 = 0)", Map.of());
    }

    private volatile ReadScope readScope = ReadScope.SYSTEM_ONLY;

    /** Sets how reads are filtered for a viewer (the access policy, given by the wiring). */
    public void readScope(ReadScope scope) {
        this.readScope = java.util.Objects.requireNonNull(scope, "scope");
    }

    private Visible visibleTo(org.quartermaster.shared.Actor viewer) {
        return readScope.of(viewer, db.dialect(), "owner_org", "releasable_to");
    }

    /** Journals one change of the platform's own records in {@code tx}; it commits with the change or not at all. */
    public void record(Tx tx, String type, String entityId, Object payload) {
        record(tx, null, type, entityId, payload, EventMarking.PLATFORM);
    }

    /** Journals one change in {@code tx}, readable as {@code marking} says; it commits with the change or not at all. */
    public void record(Tx tx, String type, String entityId, Object payload, EventMarking marking) {
        record(tx, null, type, entityId, payload, marking);
    }

    /**
     * Journals one change made by {@code actor} in {@code tx}, a transaction that carries the
     * changes of several requesters at once (a ledger group commit): each event names its own
     * actor. A null actor means the transaction's.
     */
    public void record(Tx tx, org.quartermaster.shared.Actor actor, String type, String entityId, Object payload) {
        record(tx, actor, type, entityId, payload, EventMarking.PLATFORM);
    }

    /** Journals one change made by {@code actor} (null: the transaction's), readable as {@code marking} says. */
    public void record(Tx tx, org.quartermaster.shared.Actor actor, String type, String entityId, Object payload,
                       EventMarking marking) {
        Checks.text("event.type", type, TYPE_LENGTH_MAX);
        Checks.text("event.entity", entityId, ENTITY_LENGTH_MAX);
        // The actor is fixed now: a group commit's unit acts for its own requester (Tx#unit).
        tx.defer(new Draft(actor != null ? actor : tx.actor(), type, entityId, payload,
                java.util.Objects.requireNonNull(marking, "marking")));
    }

    /**
     * Re-marks every event of {@code entityId} (its releasability changed): the events follow
     * the record. The hashed bodies are untouched, so proofs and heads stay valid.
     */
    public void remark(Tx tx, String entityId, EventMarking marking) {
        tx.handle().createUpdate("""
                UPDATE journal_events SET owner_org = :owner, releasable_to = :releasable WHERE entity_id = :entity""")
                .bind("owner", marking.owner()).bind("releasable", marking.releasableTo()).bind("entity", entityId)
                .execute();
    }

    /**
     * What this journal appended last: the head it left and the right border of its Merkle tree.
     * It is only a guess (the transaction may have rolled back, another process may have
     * appended since): it is used only while the head row still holds exactly this sequence and
     * hash, which name the whole chain and so the whole tree.
     */
    private record Tip(long sequence, String hash, Map<Long, byte[]> border) {}

    private volatile Tip tip;

    /** The transaction's events, ready to append: drafts, canonical payload trees and texts. */
    private record Batch(List<Draft> drafts, com.fasterxml.jackson.databind.JsonNode[] trees, String[] payloads) {}

    /** Events chained and added to the tree from a head: the rows to write and the new head. */
    private record Appended(long sequence, String hash, MerkleTree tree, SqlNodeStore nodes, List<Object[]> events) {}

    /**
     * Appends the transaction's events. On PostgreSQL, when this journal's tip is still the head,
     * one statement checks and moves the head and inserts the events and Merkle nodes (one round
     * trip, the head row locked from then until commit); otherwise it locks the head row, reads
     * the tree's border and writes the same statement. On SQLite (one writer) it reads the head
     * and writes the rows in statement batches.
     */
    private void flush(Tx tx) {
        List<Draft> drafts = tx.deferred().stream()
                .filter(Draft.class::isInstance).map(Draft.class::cast).toList();
        if (drafts.isEmpty()) return;
        // Serialise before touching the head: it is held as briefly as possible.
        com.fasterxml.jackson.databind.JsonNode[] trees = new com.fasterxml.jackson.databind.JsonNode[drafts.size()];
        String[] payloads = new String[drafts.size()];
        for (int i = 0; i < drafts.size(); i++) {
            trees[i] = CanonicalJson.tree(drafts.get(i).payload() == null ? Map.of() : drafts.get(i).payload());
            payloads[i] = Leaves.canonicalPayload(trees[i]);
        }
        Batch batch = new Batch(drafts, trees, payloads);
        Handle h = tx.handle();
        Appended done;
        long before;
        if (tx.dialect() == Dialect.POSTGRESQL) {
            Tip guess = tip;
            tip = null;
            Appended a = guess == null ? null : append(tx, batch, guess.sequence(), guess.hash(), guess.border());
            if (a != null && writePostgres(tx, a, guess.sequence(), guess.hash())) {
                done = a;
                before = guess.sequence();
            } else {
                Map<String, Object> head = h.createQuery("SELECT sequence, hash FROM journal_head WHERE id = 1 FOR UPDATE")
                        .mapToMap().one();
                before = ((Number) head.get("sequence")).longValue();
                String hash = (String) head.get("hash");
                done = append(tx, batch, before, hash, Map.of());
                if (!writePostgres(tx, done, before, hash)) {
                    throw new IllegalStateException("the journal head moved while locked");
                }
            }
        } else {
            Map<String, Object> head = h.createQuery("SELECT sequence, hash FROM journal_head WHERE id = 1")
                    .mapToMap().one();
            before = ((Number) head.get("sequence")).longValue();
            String hash = (String) head.get("hash");
            Tip guess = tip;
            tip = null;
            boolean known = guess != null && guess.sequence() == before && guess.hash().equals(hash);
            done = append(tx, batch, before, hash, known ? guess.border() : Map.of());
            writeBatches(tx, done);
        }
        tip = new Tip(done.sequence(), done.hash(), done.nodes().border(done.sequence()));
        // A head whenever the journal passes a multiple of everyEvents: no extra read under the lock,
        // and never more than everyEvents (plus one transaction's events) between heads.
        if (done.sequence() / policy.everyEvents() > before / policy.everyEvents()) {
            sign(h, done.tree(), tx.now().toEpochMilli());
        }
    }

    /** Chains the events after (sequence, hash) and appends their leaves to the tree of that size. */
    private Appended append(Tx tx, Batch batch, long sequence, String prevHash, Map<Long, byte[]> border) {
        SqlNodeStore nodes = new SqlNodeStore(tx.handle());
        nodes.preload(border);
        MerkleTree tree = new MerkleTree(nodes, sequence);
        String time = tx.now().toString();
        List<Object[]> events = new java.util.ArrayList<>(batch.drafts().size());
        for (int i = 0; i < batch.drafts().size(); i++) {
            Draft draft = batch.drafts().get(i);
            org.quartermaster.shared.Actor actor = draft.actor() != null ? draft.actor() : tx.actor();
            sequence++;
            String body = body(sequence, time, actor, draft.type(), draft.entityId(), batch.trees()[i]);
            String hash = chain(prevHash, body);
            events.add(new Object[] {sequence, actor.user(), actor.organisation(), draft.type(), draft.entityId(), body,
                    prevHash, hash, batch.payloads()[i], draft.marking().owner(), draft.marking().releasableTo()});
            tree.append(Leaves.leaf(sequence, tx.now(), actor.user(), actor.organisation(), draft.type(),
                    draft.entityId(), batch.payloads()[i]));
            prevHash = hash;
        }
        return new Appended(sequence, prevHash, tree, nodes, events);
    }

    /** Columns of an appended event row: sequence, actor, organisation, type, entity, body, prev, hash, payload, owner, releasable. */
    private static final int EVENT_COLUMNS = 11;

    /** The one PostgreSQL statement: moves the head if it still is (from, fromHash), and then only writes the rows. */
    private static final String APPEND_POSTGRES = """
            WITH head AS (
              UPDATE journal_head SET sequence = ?, hash = ? WHERE id = 1 AND sequence = ? AND hash = ? RETURNING 1),
            ev AS (
              INSERT INTO journal_events (sequence, occurred_at, actor, organisation, event_type, entity_id, body,
                prev_hash, hash, payload, owner_org, releasable_to)
              SELECT e.seq, ?, e.actor, e.org, e.type, e.entity, e.body, e.prev, e.hash, e.payload, e.owner, e.rel
              FROM UNNEST(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[]) AS e(seq, actor, org, type, entity, body, prev, hash, payload, owner, rel)
              WHERE EXISTS (SELECT 1 FROM head)),
            nd AS (
              INSERT INTO journal_nodes (level, idx, hash)
              SELECT n.lvl, n.idx, decode(n.hash, 'hex')
              FROM UNNEST(?::int[], ?::bigint[], ?::text[]) AS n(lvl, idx, hash)
              WHERE EXISTS (SELECT 1 FROM head))
            SELECT count(*) FROM head""";

    /** Writes an append with {@link #APPEND_POSTGRES}; false (nothing written) when the head is not (from, fromHash). */
    private static boolean writePostgres(Tx tx, Appended a, long from, String fromHash) {
        java.sql.Connection c = tx.handle().getConnection();
        List<SqlNodeStore.Node> nodes = a.nodes().drain();
        try (java.sql.PreparedStatement st = c.prepareStatement(APPEND_POSTGRES)) {
            int p = 1;
            st.setLong(p++, a.sequence());
            st.setString(p++, a.hash());
            st.setLong(p++, from);
            st.setString(p++, fromHash);
            st.setObject(p++, java.time.OffsetDateTime.ofInstant(tx.now(), java.time.ZoneOffset.UTC));
            int n = a.events().size();
            Object[][] columns = new Object[EVENT_COLUMNS][n];
            for (int i = 0; i < n; i++) {
                for (int col = 0; col < EVENT_COLUMNS; col++) columns[col][i] = a.events().get(i)[col];
            }
            Long[] sequences = new Long[n];
            for (int i = 0; i < n; i++) sequences[i] = (Long) columns[0][i];
            st.setArray(p++, c.createArrayOf("bigint", sequences));
            for (int col = 1; col < EVENT_COLUMNS; col++) {
                String[] texts = new String[n];
                for (int i = 0; i < n; i++) texts[i] = (String) columns[col][i];
                st.setArray(p++, c.createArrayOf("text", texts));
            }
            Integer[] levels = new Integer[nodes.size()];
            Long[] indices = new Long[nodes.size()];
            String[] hashes = new String[nodes.size()];
            for (int i = 0; i < nodes.size(); i++) {
                levels[i] = nodes.get(i).level();
                indices[i] = nodes.get(i).index();
                hashes[i] = HexFormat.of().formatHex(nodes.get(i).hash());
            }
            st.setArray(p++, c.createArrayOf("integer", levels));
            st.setArray(p++, c.createArrayOf("bigint", indices));
            st.setArray(p, c.createArrayOf("text", hashes));
            try (java.sql.ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("journal append failed: " + e.getMessage(), e);
        }
    }

    /** Writes an append on SQLite: events and nodes in statement batches, then the head. */
    private static void writeBatches(Tx tx, Appended a) {
        Handle h = tx.handle();
        PreparedBatch events = h.prepareBatch("""
                INSERT INTO journal_events (sequence, occurred_at, actor, organisation, event_type, entity_id,
                  body, prev_hash, hash, payload, owner_org, releasable_to)
                VALUES (:sequence, :time, :actor, :organisation, :type, :entity, :body, :prevHash, :hash,
                  :payload, :owner, :releasable)""");
        for (Object[] e : a.events()) {
            events.bind("sequence", e[0]).bind("time", tx.now()).bind("actor", e[1]).bind("organisation", e[2])
                    .bind("type", e[3]).bind("entity", e[4]).bind("body", e[5]).bind("prevHash", e[6])
                    .bind("hash", e[7]).bind("payload", e[8]).bind("owner", e[9]).bind("releasable", e[10]).add();
        }
        events.execute();
        a.nodes().flush();
        h.createUpdate("UPDATE journal_head SET sequence = :sequence, hash = :hash WHERE id = 1")
                .bind("sequence", a.sequence()).bind("hash", a.hash()).execute();
    }

    private SignedTreeHead sign(Handle h, MerkleTree tree, long timestampMillis) {
        SignedTreeHead head = keys.sign(new TreeHead(tree.size(), tree.rootHash(), timestampMillis));
        h.createUpdate("""
                INSERT INTO journal_heads (tree_size, root_hash, timestamp_millis, signature)
                VALUES (:size, :root, :time, :signature)""")
                .bind("size", head.treeSize()).bind("root", head.rootHash()).bind("time", head.timestampMillis())
                .bind("signature", head.signature()).execute();
        return head;
    }

    /**
     * Signs a head over every event so far if some are unsigned and the last head is older
     * than the policy's period (or {@code force}); returns the newest head either way.
     */
    public java.util.Optional<SignedTreeHead> signIfDue(boolean force) {
        return db.write(org.quartermaster.shared.Actor.SYSTEM, tx -> {
            Handle h = tx.handle();
            String lock = tx.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
            long size = h.createQuery("SELECT sequence FROM journal_head WHERE id = 1" + lock).mapTo(Long.class).one();
            java.util.Optional<SignedTreeHead> latest = latestHead(h);
            long signedSize = latest.map(SignedTreeHead::treeSize).orElse(0L);
            long age = tx.now().toEpochMilli() - latest.map(SignedTreeHead::timestampMillis).orElse(0L);
            if (size > signedSize && (force || age >= policy.every().toMillis())) {
                return java.util.Optional.of(sign(h, new MerkleTree(new SqlNodeStore(h), size), tx.now().toEpochMilli()));
            }
            return latest;
        });
    }

    /** The newest signed head, if any. */
    public java.util.Optional<SignedTreeHead> latestHead() {
        return db.read(Journal::latestHead);
    }

    private static java.util.Optional<SignedTreeHead> latestHead(Handle h) {
        return h.createQuery("SELECT * FROM journal_heads ORDER BY tree_size DESC LIMIT 1")
                .map((rs, ctx) -> new SignedTreeHead(rs.getLong("tree_size"), rs.getBytes("root_hash"),
                        rs.getLong("timestamp_millis"), rs.getBytes("signature")))
                .findOne();
    }

    /** Every signed head, oldest first. */
    public List<SignedTreeHead> heads() {
        return db.read(h -> h.createQuery("SELECT * FROM journal_heads ORDER BY tree_size")
                .map((rs, ctx) -> new SignedTreeHead(rs.getLong("tree_size"), rs.getBytes("root_hash"),
                        rs.getLong("timestamp_millis"), rs.getBytes("signature")))
                .list());
    }

    /** The inclusion proof of event {@code sequence} (1-based) in the tree of {@code treeSize} events. */
    public List<byte[]> inclusionProof(long sequence, long treeSize) {
        requireProofSizes(sequence, treeSize);
        return db.read(h -> new MerkleTree(new SqlNodeStore(h), treeSize).inclusionProof(sequence - 1, treeSize));
    }

    /** The consistency proof between the trees of {@code first} and {@code second} events. */
    public List<byte[]> consistencyProof(long first, long second) {
        if (first < 1 || first > second) {
            throw new org.quartermaster.shared.InvalidField("first", "must be between 1 and second");
        }
        requireProofSizes(first, second);
        return db.read(h -> new MerkleTree(new SqlNodeStore(h), second).consistencyProof(first, second));
    }

    /** The leaf hash stored for event {@code sequence} when it was appended. */
    public byte[] leafHash(long sequence) {
        requireProofSizes(sequence, sequence);
        return db.read(h -> new SqlNodeStore(h).get(0, sequence - 1));
    }

    private void requireProofSizes(long sequence, long treeSize) {
        if (sequence < 1) throw new org.quartermaster.shared.InvalidField("sequence", "must be at least 1");
        if (treeSize < sequence) throw new org.quartermaster.shared.InvalidField("treeSize", "must be at least sequence");
        if (treeSize > size()) {
            throw new org.quartermaster.shared.InvalidField("treeSize", "must not exceed the journal's " + size() + " events");
        }
    }

    /**
     * The hashed body: canonical JSON of the event with its keys in order, the payload given as
     * its canonical tree (so it is serialised once, not once for the body and once for the leaf).
     */
    static String body(long sequence, String time, org.quartermaster.shared.Actor actor, String type, String entity,
                       com.fasterxml.jackson.databind.JsonNode payload) {
        Map<String, Object> event = new java.util.TreeMap<>();
        event.put("sequence", sequence);
        event.put("time", time);
        event.put("actor", actor.user());
        event.put("organisation", actor.organisation());
        event.put("type", type);
        event.put("entity", entity);
        event.put("payload", payload);
        return CanonicalJson.writeSorted(event);
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
        return feed(after, limit, org.quartermaster.shared.Actor.SYSTEM);
    }

    /** The change feed as {@code viewer} may read it: events of records it may not see are left out in the query. */
    public Page<JournalEvent> feed(String after, Integer limit, org.quartermaster.shared.Actor viewer) {
        long from = Cursor.decode(after);
        int size = Cursor.limit(limit);
        Visible visible = visibleTo(viewer);
        List<JournalEvent> events = db.read(h -> h.createQuery(
                        "SELECT * FROM journal_events WHERE sequence > :from AND " + visible.sql()
                                + " ORDER BY sequence LIMIT :limit")
                .bind("from", from).bind("limit", size + 1).bindMap(visible.params())
                .map((rs, ctx) -> map(rs)).list());
        return Page.cut(events, size, JournalEvent::sequence);
    }

    /** The events of one entity, oldest first, at most {@code max}. */
    public List<JournalEvent> forEntity(String entityId, int max) {
        return forEntity(entityId, max, org.quartermaster.shared.Actor.SYSTEM);
    }

    /** The events of one entity that {@code viewer} may read, oldest first, at most {@code max}. */
    public List<JournalEvent> forEntity(String entityId, int max, org.quartermaster.shared.Actor viewer) {
        Visible visible = visibleTo(viewer);
        return db.read(h -> h.createQuery(
                        "SELECT * FROM journal_events WHERE entity_id = :entity AND " + visible.sql()
                                + " ORDER BY sequence LIMIT :max")
                .bind("entity", entityId).bind("max", max).bindMap(visible.params())
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Events {@code from} to {@code to} (sequence numbers, inclusive), in order. */
    public List<JournalEvent> range(long from, long to) {
        return range(from, to, org.quartermaster.shared.Actor.SYSTEM);
    }

    /** The events {@code from} to {@code to} that {@code viewer} may read, in order. */
    public List<JournalEvent> range(long from, long to, org.quartermaster.shared.Actor viewer) {
        Visible visible = visibleTo(viewer);
        return db.read(h -> h.createQuery(
                        "SELECT * FROM journal_events WHERE sequence BETWEEN :from AND :to AND " + visible.sql()
                                + " ORDER BY sequence")
                .bind("from", from).bind("to", to).bindMap(visible.params()).map((rs, ctx) -> map(rs)).list());
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


    static JournalEvent map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new JournalEvent(rs.getLong("sequence"), Rows.instant(rs, "occurred_at"),
                rs.getString("actor"), rs.getString("organisation"), rs.getString("event_type"),
                rs.getString("entity_id"), rs.getString("body"), rs.getString("prev_hash"), rs.getString("hash"),
                rs.getString("payload"));
    }
}
