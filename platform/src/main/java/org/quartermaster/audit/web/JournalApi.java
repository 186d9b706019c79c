package org.quartermaster.audit.web;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.quartermaster.audit.Journal;
import org.quartermaster.audit.JournalEvent;
import org.quartermaster.journal.SignedTreeHead;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.NotFound;

/**
 * The verifiable journal: its public key, signed tree heads, inclusion and consistency proofs
 * (RFC 9162), and events with their exact leaf bytes, so a client that trusts nobody can check.
 */
public final class JournalApi {
    /** Events served by one range request at most. */
    static final int RANGE_MAX = 1_000;

    private JournalApi() {}

    public record KeyResponse(String algorithm, String format, String key) {}

    public record HeadResponse(long treeSize, String rootHash, long timestampMillis, String signature) {}

    public record HeadList(List<HeadResponse> items) {}

    public record InclusionProof(long sequence, long leafIndex, long treeSize, String leafHash, List<String> path) {}

    public record ConsistencyProof(long first, long second, List<String> path) {}

    public record LeafEvent(long sequence, long leafIndex, String type, String entity, String leaf, String leafHash) {}

    public record EventRange(List<LeafEvent> items) {}

    public static void routes(RouteTable t, Journal journal) {
        t.get("/api/v1/journal/key", "journal", "The journal's Ed25519 public key (X.509 DER, base64)",
                KeyResponse.class, ctx -> Http.json(ctx, 200, new KeyResponse("Ed25519", "X.509",
                        Base64.getEncoder().encodeToString(journal.keys().publicKeyBytes()))));
        t.get("/api/v1/journal/head", "journal", "The latest signed tree head", HeadResponse.class, ctx -> {
            SignedTreeHead head = journal.latestHead().orElseThrow(() -> new NotFound("signed head", "(none yet)"));
            Http.json(ctx, 200, response(head));
        });
        t.get("/api/v1/journal/heads", "journal", "Every signed tree head, oldest first", HeadList.class,
                ctx -> Http.json(ctx, 200, new HeadList(journal.heads().stream().map(JournalApi::response).toList())));
        t.get("/api/v1/journal/proofs/inclusion", "journal", "Inclusion proof of one event in a tree size",
                InclusionProof.class, List.of(new Param("sequence", "the event's sequence number (1-based)", Long.class),
                        new Param("treeSize", "the size of a signed head", Long.class)), ctx -> {
                    long sequence = longParam(ctx, "sequence");
                    long size = longParam(ctx, "treeSize");
                    List<String> path = journal.inclusionProof(sequence, size).stream().map(JournalApi::hex).toList();
                    Http.json(ctx, 200, new InclusionProof(sequence, sequence - 1, size, hex(journal.leafHash(sequence)),
                            path));
                });
        t.get("/api/v1/journal/proofs/consistency", "journal", "Consistency proof between two tree sizes",
                ConsistencyProof.class, List.of(new Param("first", "the older tree size", Long.class),
                        new Param("second", "the newer tree size", Long.class)), ctx -> {
                    long first = longParam(ctx, "first");
                    long second = longParam(ctx, "second");
                    Http.json(ctx, 200, new ConsistencyProof(first, second,
                            journal.consistencyProof(first, second).stream().map(JournalApi::hex).toList()));
                });
        t.get("/api/v1/journal/events", "journal", "Events by sequence range with their leaf bytes (base64)",
                EventRange.class, List.of(new Param("from", "first sequence, 1-based", Long.class),
                        new Param("to", "last sequence, inclusive; at most 1,000 events", Long.class)), ctx -> {
                    long from = longParam(ctx, "from");
                    long to = longParam(ctx, "to");
                    if (from < 1) throw new InvalidField("from", "must be at least 1");
                    if (to < from || to - from >= RANGE_MAX) {
                        throw new InvalidField("to", "must be from `from` to `from` + " + (RANGE_MAX - 1));
                    }
                    List<LeafEvent> items = journal.range(from, to, Actors.of(ctx)).stream().map(e -> leafEvent(journal, e)).toList();
                    Http.json(ctx, 200, new EventRange(items));
                });
    }

    private static LeafEvent leafEvent(Journal journal, JournalEvent e) {
        return new LeafEvent(e.sequence(), e.sequence() - 1, e.type(), e.entityId(),
                Base64.getEncoder().encodeToString(e.leafBytes()), hex(journal.leafHash(e.sequence())));
    }

    static HeadResponse response(SignedTreeHead h) {
        return new HeadResponse(h.treeSize(), hex(h.rootHash()), h.timestampMillis(),
                Base64.getEncoder().encodeToString(h.signature()));
    }

    private static long longParam(io.javalin.http.Context ctx, String name) {
        String raw = Http.param(ctx, name);
        if (raw == null) throw new InvalidField(name, "is required");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new InvalidField(name, "must be a whole number");
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
