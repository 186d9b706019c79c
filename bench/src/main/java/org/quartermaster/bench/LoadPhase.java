package org.quartermaster.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One timed phase of concurrent clients filing needs: each client is a virtual thread that sends
 * one request after another until the time is up or the request budget is spent.
 */
final class LoadPhase {
    /** Requests of one phase at most, so a run is bounded in count as well as time. */
    static final long REQUESTS_MAX = 10_000_000;

    /** What a phase measured: 201s, other answers, wall time and each 201's latency in nanoseconds. */
    record Outcome(long created, long failed, long elapsedNanos, long[] latencyNanos, String firstFailure) {
        double perSecond() {
            return elapsedNanos == 0 ? 0 : created / (elapsedNanos / 1e9);
        }
    }

    private LoadPhase() {}

    /**
     * Runs {@code clients} clients for {@code duration} or {@code requests} requests (0 = no count
     * limit), whichever ends first. {@code keyPrefix} makes each request's key and body unique.
     */
    static Outcome run(ApiClient api, int clients, Duration duration, long requests, String keyPrefix,
                       boolean idempotencyKeys) throws InterruptedException {
        AtomicLong budget = new AtomicLong(requests > 0 ? Math.min(requests, REQUESTS_MAX) : REQUESTS_MAX);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Client> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(api, keyPrefix + "-c" + c + "-", idempotencyKeys);
            all.add(client);
            threads.add(Thread.ofVirtual().start(() -> client.loop(deadline, budget)));
        }
        for (Thread t : threads) t.join();
        long elapsed = System.nanoTime() - started;
        long[] latencies = all.stream().flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).toArray();
        long failed = all.stream().mapToLong(c -> c.failed).sum();
        String firstFailure = all.stream().map(c -> c.firstFailure).filter(f -> f != null).findFirst().orElse(null);
        return new Outcome(latencies.length, failed, elapsed, latencies, firstFailure);
    }

    /** One client's loop and its own (unshared) records. */
    private static final class Client {
        private final ApiClient api;
        private final String prefix;
        private final boolean idempotencyKeys;
        long[] latencies = new long[1024];
        int count;
        long failed;
        String firstFailure;

        Client(ApiClient api, String prefix, boolean idempotencyKeys) {
            this.api = api;
            this.prefix = prefix;
            this.idempotencyKeys = idempotencyKeys;
        }

        void loop(long deadline, AtomicLong budget) {
            for (long n = 1; System.nanoTime() < deadline && budget.getAndDecrement() > 0; n++) {
                String key = prefix + n;
                long t0 = System.nanoTime();
                try {
                    ApiClient.Reply r = api.post("/api/v1/needs", ReferenceData.need(key, n), idempotencyKeys ? key : null);
                    long took = System.nanoTime() - t0;
                    if (r.status() == 201) record(took);
                    else fail(r.status() + " " + r.body());
                } catch (IOException e) {
                    fail(e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
            latencies[count++] = nanos;
        }

        private void fail(String what) {
            failed++;
            if (firstFailure == null) firstFailure = what;
        }
    }
}
