package org.quartermaster.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The thread of a group commit: callers enqueue requests and wait on their own futures; one
 * committer thread waits for a request, takes what else is pending up to a bound on the
 * requests' total weight (a request that would pass it waits for the next group), and hands the
 * group to {@code commit}, which answers each request. While one group commits the next one
 * gathers, so a group's size follows the load and a lone caller waits for one transaction only.
 * The thread ends after {@link #IDLE_MS} without work and starts again on demand. If
 * {@code commit} throws, every request of the group is failed with it: no caller is left waiting.
 *
 * @param <R> a request, carrying what {@code commit} needs to answer its caller
 */
public final class GroupCommitter<R> {
    /** How long the committer thread waits for work before it ends (it starts again on demand). */
    public static final long IDLE_MS = 2_000;

    private final String threadName;
    private final ToIntFunction<R> weight;
    private final int weightMax;
    private final Consumer<List<R>> commit;
    private final BiConsumer<R, Throwable> fail;
    private final LinkedBlockingQueue<R> queue = new LinkedBlockingQueue<>();
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private Thread thread;
    /** A request taken from the queue that did not fit its group: the first of the next. */
    private volatile R carried;

    /**
     * {@code commit} makes a group and answers its requests; {@code fail} answers one request with
     * a failure; a group's requests weigh at most {@code weightMax} together (a heavier request
     * alone is a group of its own).
     */
    public GroupCommitter(String threadName, ToIntFunction<R> weight, int weightMax, Consumer<List<R>> commit,
                          BiConsumer<R, Throwable> fail) {
        this.threadName = threadName;
        this.weight = weight;
        this.weightMax = weightMax;
        this.commit = commit;
        this.fail = fail;
    }

    /** Queues {@code request} for the next group, starting the committer thread if it is not running. */
    public void enqueue(R request) {
        queue.add(request);
        start();
    }

    /** Groups taken so far and the requests in them: {@code {groups, requests}}. */
    public long[] counts() {
        return new long[] {groups.get(), requests.get()};
    }

    /** Waits for a request's answer; its failure is thrown as it was (unchecked). */
    public static <T> T await(CompletableFuture<T> done) {
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private synchronized void start() {
        if (thread != null) return;
        thread = Thread.ofPlatform().daemon().name(threadName).start(this::run);
    }

    /** Whether the committer may end: nothing queued (checked under the lock {@link #start} takes). */
    private synchronized boolean idleEnd() {
        if (!queue.isEmpty() || carried != null) return false;
        thread = null;
        return true;
    }

    private void run() {
        while (true) {
            List<R> group;
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
                commit.accept(group);
            } catch (Throwable t) {
                // never leave a caller waiting
                for (R r : group) fail.accept(r, t);
            }
        }
    }

    /** Waits for one request, then takes what else is pending, up to the bound; null when idle for a while. */
    private List<R> next() throws InterruptedException {
        R first = carried != null ? carried : queue.poll(IDLE_MS, TimeUnit.MILLISECONDS);
        if (first == null) return null;
        carried = null;
        List<R> group = new ArrayList<>();
        group.add(first);
        int total = weight.applyAsInt(first);
        for (R r; (r = queue.poll()) != null; ) {
            if (total + weight.applyAsInt(r) > weightMax) {
                carried = r;
                break;
            }
            group.add(r);
            total += weight.applyAsInt(r);
        }
        return group;
    }
}
