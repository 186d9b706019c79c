package org.quartermaster.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.quartermaster.shared.Actor;

/**
 * One write transaction: the connection, who acts, and the one instant all its rows and its
 * journal events carry. Work that must happen last, just before commit (journal appends,
 * idempotency claims), is queued here so the journal's lock is always the last one taken.
 */
public final class Tx {
    private final Handle handle;
    private final Actor actor;
    private final Instant now;
    private final Dialect dialect;
    private final List<Object> pending;

    Tx(Handle handle, Actor actor, Instant now, Dialect dialect) {
        this(handle, actor, now, dialect, new ArrayList<>());
    }

    private Tx(Handle handle, Actor actor, Instant now, Dialect dialect, List<Object> pending) {
        this.handle = handle;
        this.actor = actor;
        this.now = now;
        this.dialect = dialect;
        this.pending = pending;
    }

    /**
     * This transaction acting for {@code member}: a group commit's requester. Same connection,
     * instant and deferred items; what it journals names {@code member}.
     */
    public Tx actingFor(Actor member) {
        return new Tx(handle, java.util.Objects.requireNonNull(member, "member"), now, dialect, pending);
    }

    public Handle handle() {
        return handle;
    }

    public Actor actor() {
        return actor;
    }

    public Instant now() {
        return now;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Takes exclusive locks on {@code names} until this transaction ends, in one fixed order (so
     * two transactions never wait on each other in a circle). For a check that reads what other
     * writers may add at the same time, e.g. how much of a contract is already on shipments: a
     * second transaction naming the same record waits here until the first commits, and then
     * reads what it wrote. On PostgreSQL transaction-scoped advisory locks on a 64-bit digest of
     * each name (a clash of digests only makes unrelated writers wait); SQLite has one writer.
     */
    public void lockExclusively(java.util.Collection<String> names) {
        if (dialect != Dialect.POSTGRESQL || names.isEmpty()) return;
        long[] keys = names.stream().distinct().mapToLong(Tx::digest).sorted().distinct().toArray();
        for (long key : keys) {
            handle.createQuery("SELECT pg_advisory_xact_lock(:key)").bind("key", key).mapTo(String.class).one();
        }
    }

    private static long digest(String name) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(d).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** A deferred change that names the record it changed (journal drafts are). */
    public interface Change {
        String entityId();
    }

    /** The record named by the first deferred {@link Change}, if any. */
    public java.util.Optional<String> firstChangedEntity() {
        return pending.stream().filter(Change.class::isInstance).map(c -> ((Change) c).entityId()).findFirst();
    }

    /** Queues an item for the before-commit listeners (e.g. a journal event draft). */
    public void defer(Object item) {
        pending.add(item);
    }

    /** What was deferred, in order. */
    public List<Object> deferred() {
        return List.copyOf(pending);
    }
}
