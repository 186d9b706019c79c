package org.quartermaster.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.quartermaster.journal.JournalVerifier;
import org.quartermaster.journal.SignedTreeHead;
import org.quartermaster.journal.TreeHasher;
import org.quartermaster.journal.Verification;
import org.quartermaster.store.Database;

/**
 * {@code qm verify} on a live database, in one read snapshot: walks every event in order and
 * checks its numbering, its hash chain, its Merkle leaf against the leaf hash recorded at
 * append time, every signed tree head (signature and root), and then replays all events
 * through the contexts' {@link StateContribution}s and compares the result with the stored
 * rows. Stops at the first divergence and says where: event number, table, row.
 */
public final class Verifier {

    /** The outcome of a verification. */
    public sealed interface Report {
        /** Everything checked. {@code unsignedEvents} are newer than the last signed head. */
        record Verified(long events, long heads, long unsignedEvents, List<String> tables,
                        List<String> eventTypesNotReplayed, Map<String, String> stateDigests) implements Report {}

        /** The first divergence: the event number (1-based; 0 when none applies), table and row. */
        record Diverged(long event, String table, String row, String what) implements Report {
            public String describe() {
                return "first divergence: event " + event + ", table " + table + ", row " + row + ": " + what;
            }
        }
    }

    private final Database db;

    public Verifier(Database db) {
        this.db = db;
    }

    public Report verify(PublicKey key, List<StateContribution> contributions) {
        return db.read(h -> verify(h, key, contributions));
    }

    private Report verify(Handle h, PublicKey key, List<StateContribution> contributions) {
        List<SignedTreeHead> heads = h.createQuery("SELECT * FROM journal_heads ORDER BY tree_size")
                .map((rs, ctx) -> new SignedTreeHead(rs.getLong("tree_size"), rs.getBytes("root_hash"),
                        rs.getLong("timestamp_millis"), rs.getBytes("signature"))).list();
        Map<String, StateContribution> byType = new HashMap<>();
        for (StateContribution c : contributions) for (String t : c.eventTypes()) byType.put(t, c);
        Map<StateContribution, Map<String, Map<String, Object>>> replayed = new HashMap<>();
        Map<String, Long> lastEvent = new HashMap<>();
        TreeSet<String> notReplayed = new TreeSet<>();
        Walk walk = new Walk(key, heads);
        Report.Diverged broken = h.createQuery("""
                        SELECT e.*, n.hash AS leaf_hash FROM journal_events e
                        LEFT JOIN journal_nodes n ON n.level = 0 AND n.idx = e.sequence - 1
                        ORDER BY e.sequence""").setFetchSize(1000)
                .map((rs, ctx) -> Map.entry(Journal.map(rs), java.util.Optional.ofNullable(rs.getBytes("leaf_hash"))))
                .withStream(events -> {
                    for (Iterator<Map.Entry<JournalEvent, java.util.Optional<byte[]>>> it = events.iterator(); it.hasNext(); ) {
                        var row = it.next();
                        JournalEvent e = row.getKey();
                        Report.Diverged d = walk.event(e, row.getValue().orElse(null));
                        if (d != null) return d;
                        StateContribution c = byType.get(e.type());
                        if (c == null) {
                            notReplayed.add(e.type());
                            continue;
                        }
                        JsonNode payload = CanonicalJson.read(e.payload());
                        c.replay(e.type(), e.entityId(), e.time(), payload, replayed.computeIfAbsent(c, k -> new HashMap<>()));
                        lastEvent.put(c.table() + "\u0000" + e.entityId(), e.sequence());
                    }
                    return null;
                });
        if (broken != null) return broken;
        Report.Diverged end = walk.finish(h);
        if (end != null) return end;
        Map<String, String> digests = new java.util.TreeMap<>();
        for (StateContribution c : contributions) {
            Report.Diverged d = compare(c, c.stored(h), replayed.getOrDefault(c, Map.of()), lastEvent, digests);
            if (d != null) return d;
        }
        return new Report.Verified(walk.count, heads.size(), walk.count - walk.lastSignedSize,
                contributions.stream().map(StateContribution::table).toList(), List.copyOf(notReplayed), digests);
    }

    private static Report.Diverged compare(StateContribution c, Map<String, Map<String, Object>> stored,
                                           Map<String, Map<String, Object>> replayed, Map<String, Long> lastEvent,
                                           Map<String, String> digests) {
        TreeSet<String> keys = new TreeSet<>(stored.keySet());
        keys.addAll(replayed.keySet());
        MessageDigest sha = TreeHasher.newSha256();
        for (String key : keys) {
            Map<String, Object> s = stored.get(key);
            Map<String, Object> r = replayed.get(key);
            long event = lastEvent.getOrDefault(c.table() + "\u0000" + key.replaceFirst("^L:", ""), 0L);
            if (s == null) return new Report.Diverged(event, c.table(), key, "the events create this row, but it is not stored");
            if (r == null) return new Report.Diverged(0, c.table(), key, "this row is stored, but no event created it");
            String stext = CanonicalJson.write(s);
            if (!stext.equals(CanonicalJson.write(r))) {
                return new Report.Diverged(event, c.table(), key, difference(s, r));
            }
            sha.update((key + "=" + stext + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        digests.put(c.table(), java.util.HexFormat.of().formatHex(sha.digest()));
        return null;
    }

    private static String difference(Map<String, Object> stored, Map<String, Object> replayed) {
        TreeSet<String> fields = new TreeSet<>(stored.keySet());
        fields.addAll(replayed.keySet());
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            if (!Objects.equals(String.valueOf(stored.get(f)), String.valueOf(replayed.get(f)))) {
                out.add(f + " is " + stored.get(f) + " but the events say " + replayed.get(f));
            }
        }
        return "the stored row differs from the replay of its events: " + String.join("; ", out);
    }

    /** The order-dependent checks of the event stream. */
    private static final class Walk {
        private final JournalVerifier merkle;
        private final List<SignedTreeHead> heads;
        private final TreeHasher hasher = new TreeHasher();
        private int nextHead;
        private long count;
        private long lastSignedSize;
        private String prevHash = Journal.GENESIS_HASH;

        Walk(PublicKey key, List<SignedTreeHead> heads) {
            this.merkle = new JournalVerifier(key);
            this.heads = heads;
        }

        Report.Diverged event(JournalEvent e, byte[] recordedLeaf) {
            long expected = count + 1;
            if (e.sequence() != expected) {
                return new Report.Diverged(expected, "journal_events", String.valueOf(e.sequence()),
                        "event " + expected + " expected, " + e.sequence() + " found: events deleted, inserted or reordered");
            }
            if (!e.prevHash().equals(prevHash) || !e.hash().equals(Journal.chain(prevHash, e.body()))) {
                return new Report.Diverged(expected, "journal_events", String.valueOf(expected),
                        "the hash chain is broken at this event (its body or hashes were changed)");
            }
            byte[] leafBytes = e.leafBytes();
            if (recordedLeaf == null || !MessageDigest.isEqual(hasher.leaf(leafBytes), recordedLeaf)) {
                return new Report.Diverged(expected, "journal_events", String.valueOf(expected),
                        "the event no longer matches the Merkle leaf hash recorded when it was appended");
            }
            prevHash = e.hash();
            merkle.event(leafBytes, 0, leafBytes.length, recordedLeaf);
            count++;
            while (nextHead < heads.size() && heads.get(nextHead).treeSize() == count) {
                merkle.head(heads.get(nextHead++));
                if (merkle.diverged()) return fromMerkle(merkle.finish());
                lastSignedSize = count;
            }
            return null;
        }

        Report.Diverged finish(Handle h) {
            if (nextHead < heads.size()) {
                return new Report.Diverged(count + 1, "journal_heads", String.valueOf(heads.get(nextHead).treeSize()),
                        "a signed head covers " + heads.get(nextHead).treeSize() + " events but only " + count
                                + " are stored: events were deleted");
            }
            long head = h.createQuery("SELECT sequence FROM journal_head WHERE id = 1").mapTo(Long.class).one();
            if (head != count) {
                return new Report.Diverged(Math.min(head, count) + 1, "journal_head", "1",
                        "the journal's head says " + head + " events but " + count + " are stored");
            }
            return null;
        }

        private static Report.Diverged fromMerkle(Verification v) {
            if (v instanceof Verification.Divergence d) {
                return new Report.Diverged(d.eventNumber() + 1, "journal_heads", "", d.describe());
            }
            return null;
        }
    }
}
