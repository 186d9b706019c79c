package org.quartermaster.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.quartermaster.journal.InMemoryNodeStore;
import org.quartermaster.journal.JournalKeys;
import org.quartermaster.journal.JournalVerifier;
import org.quartermaster.journal.MerkleTree;
import org.quartermaster.journal.SignedTreeHead;
import org.quartermaster.journal.TreeHasher;
import org.quartermaster.journal.TreeHead;
import org.quartermaster.journal.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./qm bench journal}: append and offline-verify throughput of the journal, side by
 * side with raw JDK SHA-256 over exactly the same event bytes in the same run.
 */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Journal append and verify throughput vs raw SHA-256 over the same bytes.")
public final class JournalBench implements Callable<Integer> {

    /** Past this the packed corpus alone would need more than ~100 GB. */
    static final int EVENTS_MAX = 300_000_000;
    static final int REPETITIONS_MAX = 50;

    @Option(names = "--events", description = "Number of events (default ${DEFAULT-VALUE}).")
    int events = 10_000_000;

    @Option(names = "--repetitions", description = "Runs per measurement; the median is"
            + " reported (default ${DEFAULT-VALUE}).")
    int repetitions = 3;

    @Option(names = "--seed", description = "Seed of the generated events (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--head-every", description = "Sign a tree head every N events"
            + " (default ${DEFAULT-VALUE}).")
    int headEvery = 100_000;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    /** Events whose leaves are hashed per hand-off between the two threads. */
    static final int CHUNK_EVENTS = 16_384;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Wall-clock and CPU time of one measurement (CPU summed over the threads it used). */
    record Timing(long wallNanos, long cpuNanos) {
    }

    @Override
    public Integer call() {
        checkOptions();
        long needBytes = (long) events * 400;
        if (needBytes > Runtime.getRuntime().maxMemory() * 8 / 10) {
            System.err.printf("journal bench: %d events need about %d MB of heap; set"
                    + " QM_BENCH_JAVA_OPTS=-Xmx...%n", events, needBytes >> 20);
            return 2;
        }
        log("generating %,d events (seed %d)...", events, seed);
        EventCorpus corpus = EventCorpus.generate(events, seed);
        JournalKeys keys = JournalKeys.generate();
        Timing[] raw = new Timing[repetitions];
        Timing[] append = new Timing[repetitions];
        Timing[] verify = new Timing[repetitions];
        Timing[] verifyParallel = new Timing[repetitions];
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "journal-bench-leaf-hasher");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int r = 0; r < repetitions; r++) {
                raw[r] = timeRaw(corpus);
                AppendResult appended = timeAppend(corpus, keys);
                append[r] = appended.timing();
                verify[r] = timeVerify(corpus, keys, appended);
                verifyParallel[r] = timeVerifyTwoThreads(corpus, keys, appended, worker);
                log("repetition %d: raw %s, append %s, verify %s, verify x2 %s", r + 1,
                        show(raw[r]), show(append[r]), show(verify[r]), show(verifyParallel[r]));
            }
        } finally {
            worker.shutdownNow();
        }
        report(corpus, median(raw), median(append), median(verify), median(verifyParallel));
        return 0;
    }

    private static String show(Timing t) {
        return String.format(Locale.ROOT, "%.2f s wall / %.2f s cpu", t.wallNanos() / 1e9,
                t.cpuNanos() / 1e9);
    }

    /** Medians of wall and CPU time, taken separately. */
    private static Timing median(Timing[] timings) {
        long[] wall = new long[timings.length];
        long[] cpu = new long[timings.length];
        for (int i = 0; i < timings.length; i++) {
            wall[i] = timings[i].wallNanos();
            cpu[i] = timings[i].cpuNanos();
        }
        return new Timing(median(wall), median(cpu));
    }

    private void checkOptions() {
        if (events < 1 || events > EVENTS_MAX) {
            throw new IllegalArgumentException("--events must be in [1, " + EVENTS_MAX + "]");
        }
        if (repetitions < 1 || repetitions > REPETITIONS_MAX) {
            throw new IllegalArgumentException("--repetitions must be in [1, "
                    + REPETITIONS_MAX + "]");
        }
        if (headEvery < 1) {
            throw new IllegalArgumentException("--head-every must be >= 1");
        }
    }

    /** The physical limit: one SHA-256 per event over its bytes, nothing else. */
    private static Timing timeRaw(EventCorpus corpus) {
        MessageDigest digest = TreeHasher.newSha256();
        byte[] out = new byte[TreeHasher.HASH_BYTES];
        long startCpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < corpus.size(); i++) {
            digest.update(corpus.page(i), corpus.offset(i), corpus.lengths[i]);
            try {
                digest.digest(out, 0, out.length);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
        }
        long nanos = System.nanoTime() - start;
        long cpu = THREADS.getCurrentThreadCpuTime() - startCpu;
        blackhole(out);
        return new Timing(nanos, cpu);
    }

    record AppendResult(Timing timing, InMemoryNodeStore store, List<SignedTreeHead> heads) {
    }

    /** Append every event to a fresh tree and store, signing a head every --head-every. */
    private AppendResult timeAppend(EventCorpus corpus, JournalKeys keys) {
        InMemoryNodeStore store = new InMemoryNodeStore();
        MerkleTree tree = new MerkleTree(store);
        List<SignedTreeHead> heads = new ArrayList<>();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < corpus.size(); i++) {
            tree.append(corpus.page(i), corpus.offset(i), corpus.lengths[i]);
            if (tree.size() % headEvery == 0 || tree.size() == corpus.size()) {
                heads.add(keys.sign(new TreeHead(tree.size(), tree.rootHash(), 1_767_225_600L)));
            }
        }
        long nanos = System.nanoTime() - start;
        long cpu = THREADS.getCurrentThreadCpuTime() - startCpu;
        return new AppendResult(new Timing(nanos, cpu), store, heads);
    }

    /**
     * Offline verification as of a bundle: structure and sequence of each event, its leaf
     * hash against the recorded one, the tree, and every head's signature and root.
     */
    private static Timing timeVerify(EventCorpus corpus, JournalKeys keys,
                                     AppendResult appended) {
        JournalVerifier verifier = new JournalVerifier(keys.publicKey());
        byte[] recorded = new byte[TreeHasher.HASH_BYTES];
        List<SignedTreeHead> heads = appended.heads();
        int nextHead = 0;
        long startCpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < corpus.size(); i++) {
            appended.store().get(0, i, recorded, 0);
            verifier.event(corpus.page(i), corpus.offset(i), corpus.lengths[i], recorded);
            while (nextHead < heads.size() && heads.get(nextHead).treeSize() == i + 1) {
                verifier.head(heads.get(nextHead++));
            }
        }
        Verification result = verifier.finish();
        long nanos = System.nanoTime() - start;
        long cpu = THREADS.getCurrentThreadCpuTime() - startCpu;
        checkVerified(result);
        return new Timing(nanos, cpu);
    }

    private static void checkVerified(Verification result) {
        if (!(result instanceof Verification.Verified)) {
            throw new IllegalStateException("bench journal must verify: " + result);
        }
    }

    /**
     * The same verification with leaf hashing split over two threads per chunk: leaves are
     * independent, so each thread hashes half of a chunk; the order-dependent checks (sequence,
     * recorded hash, tree fold, heads) then run on this thread.
     */
    private static Timing timeVerifyTwoThreads(EventCorpus corpus, JournalKeys keys,
                                               AppendResult appended, ExecutorService worker) {
        JournalVerifier verifier = new JournalVerifier(keys.publicKey());
        TreeHasher mainHasher = new TreeHasher();
        TreeHasher workerHasher = new TreeHasher(); // used only inside worker tasks
        byte[] leafHashes = new byte[CHUNK_EVENTS * TreeHasher.HASH_BYTES];
        byte[] recorded = new byte[TreeHasher.HASH_BYTES];
        List<SignedTreeHead> heads = appended.heads();
        int nextHead = 0;
        LongAdder workerCpu = new LongAdder();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int from = 0; from < corpus.size(); from += CHUNK_EVENTS) {
            int to = Math.min(corpus.size(), from + CHUNK_EVENTS);
            int mid = from + (to - from) / 2;
            int chunkStart = from;
            Future<?> half = worker.submit(() -> {
                long taskCpu = THREADS.getCurrentThreadCpuTime();
                hashLeaves(corpus, mid, to, chunkStart, leafHashes, workerHasher);
                workerCpu.add(THREADS.getCurrentThreadCpuTime() - taskCpu);
            });
            hashLeaves(corpus, from, mid, chunkStart, leafHashes, mainHasher);
            await(half);
            for (int i = from; i < to; i++) {
                appended.store().get(0, i, recorded, 0);
                verifier.eventPrehashed(corpus.page(i), corpus.offset(i), corpus.lengths[i],
                        leafHashes, (i - from) * TreeHasher.HASH_BYTES, recorded);
                while (nextHead < heads.size() && heads.get(nextHead).treeSize() == i + 1) {
                    verifier.head(heads.get(nextHead++));
                }
            }
        }
        Verification result = verifier.finish();
        long nanos = System.nanoTime() - start;
        long cpu = THREADS.getCurrentThreadCpuTime() - startCpu + workerCpu.sum();
        checkVerified(result);
        return new Timing(nanos, cpu);
    }

    private static void hashLeaves(EventCorpus corpus, int from, int to, int chunkStart,
                                   byte[] out, TreeHasher hasher) {
        for (int i = from; i < to; i++) {
            hasher.leaf(corpus.page(i), corpus.offset(i), corpus.lengths[i], out,
                    (i - chunkStart) * TreeHasher.HASH_BYTES);
        }
    }

    private static void await(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing leaves", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("leaf hashing failed", e.getCause());
        }
    }

    private void report(EventCorpus corpus, Timing raw, Timing append, Timing verify,
                        Timing verifyParallel) {
        double rawRate = rate(corpus, raw.wallNanos());
        double appendRate = rate(corpus, append.wallNanos());
        double verifyRate = rate(corpus, verify.wallNanos());
        double verifyParallelRate = rate(corpus, verifyParallel.wallNanos());
        double verifyBest = Math.max(verifyRate, verifyParallelRate);
        if (json) {
            System.out.printf(Locale.ROOT, "{\"events\":%d,\"bytes\":%d,\"repetitions\":%d,"
                    + "\"appendPerSecond\":%.0f,\"verifyPerSecond\":%.0f,"
                    + "\"rawSha256PerSecond\":%.0f,\"verifyOneThreadPerSecond\":%.0f,"
                    + "\"verifyTwoThreadsPerSecond\":%.0f,\"appendToRaw\":%.3f,"
                    + "\"verifyToRaw\":%.3f,\"rawSha256PerCpuSecond\":%.0f,"
                    + "\"appendPerCpuSecond\":%.0f,\"verifyOneThreadPerCpuSecond\":%.0f,"
                    + "\"verifyTwoThreadsPerCpuSecond\":%.0f,\"headEvery\":%d,\"seed\":%d}%n",
                    corpus.size(), corpus.totalBytes, repetitions, appendRate, verifyBest,
                    rawRate, verifyRate, verifyParallelRate, appendRate / rawRate,
                    verifyBest / rawRate, rate(corpus, raw.cpuNanos()),
                    rate(corpus, append.cpuNanos()), rate(corpus, verify.cpuNanos()),
                    rate(corpus, verifyParallel.cpuNanos()), headEvery, seed);
            return;
        }
        System.out.printf(Locale.ROOT, "journal bench: %,d events, %.1f MB (%.0f B/event),"
                + " head every %,d, seed %d, median of %d; load average %.1f on %d cores%n",
                corpus.size(), corpus.totalBytes / 1e6, (double) corpus.totalBytes / corpus.size(),
                headEvery, seed, repetitions,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-40s %12s %9s %7s %12s %9s%n", "measurement",
                "events/s", "MB/s", "vs raw", "events/cpu-s", "vs raw");
        row(corpus, "raw SHA-256 (JDK MessageDigest, 1 thr)", raw, raw);
        row(corpus, "append (leaf+nodes+store+heads, 1 thr)", append, raw);
        row(corpus, "verify (offline, all heads, 1 thread)", verify, raw);
        row(corpus, "verify (offline, all heads, 2 threads)", verifyParallel, raw);
        System.out.println("wall-clock rates are the throughput; events/cpu-s divides by CPU"
                + " time summed over the threads used, which shared cores distort less.");
    }

    private static double rate(EventCorpus corpus, long nanos) {
        return corpus.size() / (nanos / 1e9);
    }

    private static void row(EventCorpus corpus, String name, Timing t, Timing raw) {
        double wallRate = rate(corpus, t.wallNanos());
        double cpuRate = rate(corpus, t.cpuNanos());
        System.out.printf(Locale.ROOT, "%-40s %,12.0f %9.1f %6.0f%% %,12.0f %8.0f%%%n", name,
                wallRate, corpus.totalBytes / 1e6 / (t.wallNanos() / 1e9),
                100 * wallRate / rate(corpus, raw.wallNanos()), cpuRate,
                100 * cpuRate / rate(corpus, raw.cpuNanos()));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static volatile byte sink;

    private static void blackhole(byte[] bytes) {
        sink = bytes[0];
    }

    private void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "journal bench: " + format + "%n", args);
    }
}
