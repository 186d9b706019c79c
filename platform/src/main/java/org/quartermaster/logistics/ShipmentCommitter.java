package org.quartermaster.logistics;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.quartermaster.logistics.jdbc.ShipmentsTable;
import org.quartermaster.shared.AccessDenied;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Refused;
import org.quartermaster.shared.StaleRecord;
import org.quartermaster.store.Database;
import org.quartermaster.store.GroupCommitter;
import org.quartermaster.store.Tx;

/**
 * Group commit of custody steps. Every step is its own checked, journalled write, but a commit
 * waits for the disk and the journal's head is locked until it is done, so one transaction per
 * step caps the platform at one step per disk flush. Callers therefore check their step in a
 * read of their own (in parallel), enqueue its write and wait; the committer thread
 * ({@link GroupCommitter}) takes what is pending (up to {@link #GROUP_MAX}) and writes the steps one after another in one
 * transaction, each acting for its own caller ({@link Tx#actingFor}) and seeing the writes before
 * it. A step refused before it writes anything (its time is out of order) is that caller's alone,
 * and the others go on. The steps' row changes are written together in one statement
 * ({@link ShipmentsTable.StepBatch}), each only where its shipment still has the version its
 * checks saw; when one does not (it moved since), the group goes again, each step alone, and
 * that step is refused as stale. The journal is appended once and
 * the transaction commits once; only then is each caller answered with its own outcome.
 *
 * <p>If the shared transaction fails as a whole (a database error, a failure after a step began
 * writing, a lost commit), nothing of it was committed; each caller's step then runs again in a
 * transaction of its own, so one caller's failure is never another's.
 */
final class ShipmentCommitter {
    /** Most steps in one group transaction (bounds its statements and its callers' wait). */
    static final int GROUP_MAX = 64;

    /** One caller's write, made in a (group) transaction. */
    @FunctionalInterface
    interface Step<T> {
        /**
         * Writes the step in {@code tx}, running {@code writing} once it begins to write; a failure
         * before that must leave {@code tx} as it was (nothing written or deferred). The step's
         * row changes may be added to {@code batch} (null: write them at once), which the group
         * writes after its last step: if a row does not apply there (a shipment moved since its
         * checks), the whole group goes again, each step alone.
         */
        T write(Tx tx, ShipmentsTable.StepBatch batch, Runnable writing);
    }

    private record Request(Actor actor, Step<?> step, CompletableFuture<Object> done) {}

    private final Database db;
    private final GroupCommitter<Request> groups = new GroupCommitter<>("qm-custody-committer", r -> 1, GROUP_MAX,
            this::commit, (r, t) -> r.done().completeExceptionally(t));

    ShipmentCommitter(Database db) {
        this.db = db;
    }

    /** Groups taken so far and the steps in them: {@code {groups, steps}} (for tests). */
    long[] counts() {
        return groups.counts();
    }

    /** Enqueues {@code step} for {@code actor} and waits until it is committed, or refused. */
    @SuppressWarnings("unchecked")
    <T> T submit(Actor actor, Step<T> step) {
        Request r = new Request(actor, step, new CompletableFuture<>());
        groups.enqueue(r);
        return (T) GroupCommitter.await(r.done());
    }

    /** The refusals a write's own checks throw, before any statement could fail. */
    static boolean refusal(RuntimeException e) {
        return e instanceof InvalidField || e instanceof Refused || e instanceof NotFound || e instanceof AccessDenied
                || e instanceof StaleRecord;
    }

    private void commit(List<Request> group) {
        Object[] outcomes = new Object[group.size()];
        try {
            db.write(Actor.SYSTEM, tx -> {
                ShipmentsTable.StepBatch batch = new ShipmentsTable.StepBatch(tx.dialect());
                for (int i = 0; i < group.size(); i++) {
                    Request r = group.get(i);
                    boolean[] wrote = {false};
                    try {
                        outcomes[i] = r.step().write(tx.actingFor(r.actor()), batch, () -> wrote[0] = true);
                    } catch (RuntimeException failed) {
                        // Half written, or a failure of the database (which may have spoilt the
                        // transaction): the whole group goes again, each alone.
                        if (wrote[0] || !refusal(failed)) throw failed;
                        outcomes[i] = failed;
                    }
                }
                batch.execute(tx.handle(), tx.now());
                return null;
            });
        } catch (RuntimeException shared) {
            if (group.size() == 1) {
                group.getFirst().done().completeExceptionally(shared);
                return;
            }
            // Nothing of the group committed: each caller's step again, alone.
            for (Request r : group) {
                try {
                    r.done().complete(db.write(r.actor(), tx -> r.step().write(tx, null, () -> {})));
                } catch (RuntimeException own) {
                    r.done().completeExceptionally(own);
                }
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            if (outcomes[i] instanceof RuntimeException e) {
                group.get(i).done().completeExceptionally(e);
            } else {
                group.get(i).done().complete(outcomes[i]);
            }
        }
    }
}
