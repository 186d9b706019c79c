package org.quartermaster.funds;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.quartermaster.funds.Ledger.Item;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;
import org.quartermaster.store.Tx;

/**
 * Group commit of ledger transfers. Callers enqueue their transfers and wait; one committer
 * thread takes everything pending (up to {@link #GROUP_TRANSFERS_MAX} transfers), makes it in
 * one transaction (one lock of the accounts, statement batches, one journal flush, one commit)
 * and only then completes each caller's future with that caller's own outcomes. While one group
 * commits, the next one gathers, so the group size follows the load and a lone caller waits for
 * one transaction only.
 *
 * <p>If the shared transaction fails (a lost race on a transfer id with a writer outside the
 * committer, a database error), nothing of it was committed; each caller's transfers then run
 * again in a transaction of their own, so one caller's failure is never another's.
 */
final class LedgerCommitter {
    /** Most transfers in one group transaction (bounds its statements and the wait of its callers). */
    static final int GROUP_TRANSFERS_MAX = 1_000;
    /** How long the committer thread waits for work before it ends (it starts again on demand). */
    static final long IDLE_MS = 2_000;

    /** One caller's transfers and the future it waits on. */
    private record Request(List<Item> items, Actor actor, CompletableFuture<List<TransferOutcome>> done) {}

    private final Database db;
    private final Function<Tx, Function<List<Item>, List<TransferOutcome>>> apply;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private Thread thread;
    private volatile Request carried;
    private final java.util.concurrent.atomic.AtomicLong groups = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    /** {@code apply}: makes items in a transaction (the ledger's one write path). */
    LedgerCommitter(Database db, Function<Tx, Function<List<Item>, List<TransferOutcome>>> apply) {
        this.db = db;
        this.apply = apply;
    }

    /** Groups taken so far and the requests in them (a group is one shared transaction, or its fallback). */
    long[] counts() {
        return new long[] {groups.get(), requests.get()};
    }

    /** Enqueues {@code items} (one caller's, at most {@link #GROUP_TRANSFERS_MAX}) and waits until they are committed. */
    List<TransferOutcome> submit(List<Item> items) {
        if (items.isEmpty()) return List.of();
        Actor actor = items.getFirst().actor();
        Request r = new Request(List.copyOf(items), actor, new CompletableFuture<>());
        queue.add(r);
        start();
        try {
            return r.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** Starts the committer unless it runs; after {@link #IDLE_MS} without work it ends, and starts again on demand. */
    private synchronized void start() {
        if (thread != null) return;
        thread = Thread.ofPlatform().daemon().name("qm-ledger-committer").start(this::run);
    }

    /** Whether the committer may end: nothing queued (checked under the lock {@link #start} takes). */
    private synchronized boolean idleEnd() {
        if (!queue.isEmpty() || carried != null) return false;
        thread = null;
        return true;
    }

    private void run() {
        while (true) {
            List<Request> group;
            try {
                group = next();
            } catch (InterruptedException e) {
                synchronized (this) {
                    thread = null;
                }
                return;
            }
            if (group == null) {
                if (idleEnd()) return;
                continue;
            }
            try {
                groups.incrementAndGet();
                requests.addAndGet(group.size());
                commit(group);
            } catch (Throwable t) {
                // never leave a caller waiting
                for (Request r : group) r.done().completeExceptionally(t);
            }
        }
    }

    /** Waits for one request, then takes what else is pending, up to the bound; null when idle for a while. */
    private List<Request> next() throws InterruptedException {
        Request first = carried != null ? carried : queue.poll(IDLE_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (first == null) return null;
        carried = null;
        List<Request> group = new ArrayList<>();
        group.add(first);
        int transfers = first.items().size();
        for (Request r; (r = queue.poll()) != null; ) {
            if (transfers + r.items().size() > GROUP_TRANSFERS_MAX) {
                carried = r;
                break;
            }
            group.add(r);
            transfers += r.items().size();
        }
        return group;
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
