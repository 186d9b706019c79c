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

    /** A change to be journalled: its type (past tense, e.g. {@code NeedFiled}), entity, payload and marking. */
    record Draft(String type, String entityId, Object payload, EventMarking marking) implements Tx.Change {}

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

    /** Journals one change of the platform's own records in {@code tx}; see {@link #record(Tx, String, String, Object, EventMarking)}. */
    public void record(Tx tx, String type, String entityId, Object payload) {
        record(tx, type, entityId, payload, EventMarking.PLATFORM);
    }

    /** Journals one change in {@code tx}, readable as {@code marking} says; it commits with the change or not at all. */
    public void record(Tx tx, String type, String entityId, Object payload, EventMarking marking) {
        Checks.text("event.type", type, TYPE_LENGTH_MAX);
        Checks.text("event.entity", entityId, ENTITY_LENGTH_MAX);
        tx.defer(new Draft(type, entityId, payload, java.util.Objects.requireNonNull(marking, "marking")));
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

    private void flush(Tx tx) {
        List<Draft> drafts = tx.deferred().stream()
                .filter(Draft.class::isInstance).map(Draft.class::cast).toList();
        if (drafts.isEmpty()) return;
        Handle h = tx.handle();
        String lock = tx.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        Map<String, Object> head = h.createQuery("SELECT sequence, hash FROM journal_head WHERE id = 1" + lock)
                .mapToMap().one();
        long sequence = ((Number) head.get("sequence")).longValue();
        long before = sequence;
        String prevHash = (String) head.get("hash");
        MerkleTree tree = new MerkleTree(new SqlNodeStore(h), sequence);
        for (Draft draft : drafts) {
            sequence++;
            String payload = Leaves.canonicalPayload(draft.payload());
            String body = body(sequence, tx, draft);
            String hash = chain(prevHash, body);
            h.createUpdate("""
                    INSERT INTO journal_events (sequence, occurred_at, actor, organisation, event_type, entity_id,
                      body, prev_hash, hash, payload, owner_org, releasable_to)
                    VALUES (:sequence, :time, :actor, :organisation, :type, :entity, :body, :prevHash, :hash,
                      :payload, :owner, :releasable)""")
                    .bind("owner", draft.marking().owner()).bind("releasable", draft.marking().releasableTo())
                    .bind("sequence", sequence).bind("time", tx.now())
                    .bind("actor", tx.actor().user()).bind("organisation", tx.actor().organisation())
                    .bind("type", draft.type()).bind("entity", draft.entityId())
                    .bind("body", body).bind("prevHash", prevHash).bind("hash", hash).bind("payload", payload)
                    .execute();
            tree.append(Leaves.leaf(sequence, tx.now(), tx.actor().user(), tx.actor().organisation(), draft.type(),
                    draft.entityId(), payload));
            prevHash = hash;
        }
        h.createUpdate("UPDATE journal_head SET sequence = :sequence, hash = :hash WHERE id = 1")
                .bind("sequence", sequence).bind("hash", prevHash).execute();
        // A head whenever the journal passes a multiple of everyEvents: no extra read under the lock,
        // and never more than everyEvents (plus one transaction's events) between heads.
        if (sequence / policy.everyEvents() > before / policy.everyEvents()) {
            sign(h, tree, tx.now().toEpochMilli());
        }
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
