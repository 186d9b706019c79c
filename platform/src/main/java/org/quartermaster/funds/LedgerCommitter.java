package org.quartermaster.funds;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.quartermaster.funds.Ledger.Item;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;
import org.quartermaster.store.GroupCommitter;
import org.quartermaster.store.Tx;

/**
 * Group commit of ledger transfers. Callers enqueue their transfers and wait; the committer
 * thread ({@link GroupCommitter}) takes everything pending (up to {@link #GROUP_TRANSFERS_MAX}
 * transfers), makes it in one transaction (one lock of the accounts, statement batches, one
 * journal flush, one commit) and only then completes each caller's future with that caller's
 * own outcomes.
 *
 * <p>If the shared transaction fails (a lost race on a transfer id with a writer outside the
 * committer, a database error), nothing of it was committed; each caller's transfers then run
 * again in a transaction of their own, so one caller's failure is never another's.
 */
final class LedgerCommitter {
    /** Most transfers in one group transaction (bounds its statements and the wait of its callers). */
    static final int GROUP_TRANSFERS_MAX = 1_000;

    /** One caller's transfers and the future it waits on. */
    private record Request(List<Item> items, Actor actor, CompletableFuture<List<TransferOutcome>> done) {}

    private final Database db;
    private final Function<Tx, Function<List<Item>, List<TransferOutcome>>> apply;
    private final GroupCommitter<Request> groups = new GroupCommitter<>("qm-ledger-committer",
            r -> r.items().size(), GROUP_TRANSFERS_MAX, this::commit, (r, t) -> r.done().completeExceptionally(t));

    /** {@code apply}: makes items in a transaction (the ledger's one write path). */
    LedgerCommitter(Database db, Function<Tx, Function<List<Item>, List<TransferOutcome>>> apply) {
        this.db = db;
        this.apply = apply;
    }

    /** Groups taken so far and the requests in them (a group is one shared transaction, or its fallback). */
    long[] counts() {
        return groups.counts();
    }

    /** Enqueues {@code items} (one caller's, at most {@link #GROUP_TRANSFERS_MAX}) and waits until they are committed. */
    List<TransferOutcome> submit(List<Item> items) {
        if (items.isEmpty()) return List.of();
        Request r = new Request(List.copyOf(items), items.getFirst().actor(), new CompletableFuture<>());
        groups.enqueue(r);
        return GroupCommitter.await(r.done());
    }

    private void commit(List<Request> group) {
        List<Item> all = new ArrayList<>();
        for (Request r : group) all.addAll(r.items());
        Actor actor = group.stream().map(Request::actor).distinct().count() == 1 ? group.getFirst().actor() : Actor.SYSTEM;
        List<TransferOutcome> outcomes;
        try {
            outcomes = Ledger.retryingDuplicates(() -> db.write(actor, tx -> apply.apply(tx).apply(all)));
        } catch (RuntimeException shared) {
            if (group.size() == 1) {
                group.getFirst().done().completeExceptionally(shared);
                return;
            }
            // Nothing of the group committed: each caller's transfers again, alone.
            for (Request r : group) {
                try {
                    r.done().complete(Ledger.retryingDuplicates(
                            () -> db.write(r.actor(), tx -> apply.apply(tx).apply(r.items()))));
                } catch (RuntimeException own) {
                    r.done().completeExceptionally(own);
                }
            }
            return;
        }
        int at = 0;
        for (Request r : group) {
            r.done().complete(List.copyOf(outcomes.subList(at, at + r.items().size())));
            at += r.items().size();
        }
    }
}
