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
