package org.quartermaster.bench;

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
    static final int CHUNK_EVENTS = 4096;

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
        long[] raw = new long[repetitions];
        long[] append = new long[repetitions];
        long[] verify = new long[repetitions];
        long[] verifyParallel = new long[repetitions];
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "journal-bench-leaf-hasher");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int r = 0; r < repetitions; r++) {
                raw[r] = timeRaw(corpus);
                AppendResult appended = timeAppend(corpus, keys);
                append[r] = appended.nanos();
                verify[r] = timeVerify(corpus, keys, appended);
                verifyParallel[r] = timeVerifyTwoThreads(corpus, keys, appended, worker);
                log("repetition %d: raw %.2f s, append %.2f s, verify %.2f s, verify x2 %.2f s",
                        r + 1, raw[r] / 1e9, append[r] / 1e9, verify[r] / 1e9,
                        verifyParallel[r] / 1e9);
            }
        } finally {
            worker.shutdownNow();
        }
        report(corpus, median(raw), median(append), median(verify), median(verifyParallel));
        return 0;
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
    private static long timeRaw(EventCorpus corpus) {
        MessageDigest digest = TreeHasher.newSha256();
        byte[] out = new byte[TreeHasher.HASH_BYTES];
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
        blackhole(out);
        return nanos;
    }

    record AppendResult(long nanos, InMemoryNodeStore store, List<SignedTreeHead> heads) {
    }

    /** Append every event to a fresh tree and store, signing a head every --head-every. */
    private AppendResult timeAppend(EventCorpus corpus, JournalKeys keys) {
        InMemoryNodeStore store = new InMemoryNodeStore();
        MerkleTree tree = new MerkleTree(store);
        List<SignedTreeHead> heads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < corpus.size(); i++) {
            tree.append(corpus.page(i), corpus.offset(i), corpus.lengths[i]);
            if (tree.size() % headEvery == 0 || tree.size() == corpus.size()) {
                heads.add(keys.sign(new TreeHead(tree.size(), tree.rootHash(), 1_767_225_600L)));
            }
        }
        return new AppendResult(System.nanoTime() - start, store, heads);
    }

    /**
     * Offline verification as of a bundle: structure and sequence of each event, its leaf
     * hash against the recorded one, the tree, and every head's signature and root.
     */
    private static long timeVerify(EventCorpus corpus, JournalKeys keys, AppendResult appended) {
        JournalVerifier verifier = new JournalVerifier(keys.publicKey());
        byte[] recorded = new byte[TreeHasher.HASH_BYTES];
        List<SignedTreeHead> heads = appended.heads();
        int nextHead = 0;
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
        if (!(result instanceof Verification.Verified)) {
            throw new IllegalStateException("bench journal must verify: " + result);
        }
        return nanos;
    }

    /**
     * The same verification with leaf hashing split over two threads per chunk: leaves are
     * independent, so each thread hashes half of a chunk; the order-dependent checks (sequence,
     * recorded hash, tree fold, heads) then run on this thread.
     */
    private static long timeVerifyTwoThreads(EventCorpus corpus, JournalKeys keys,
                                             AppendResult appended, ExecutorService worker) {
        JournalVerifier verifier = new JournalVerifier(keys.publicKey());
        TreeHasher mainHasher = new TreeHasher();
        TreeHasher workerHasher = new TreeHasher(); // used only inside worker tasks
        byte[] leafHashes = new byte[CHUNK_EVENTS * TreeHasher.HASH_BYTES];
        byte[] recorded = new byte[TreeHasher.HASH_BYTES];
        List<SignedTreeHead> heads = appended.heads();
        int nextHead = 0;
        long start = System.nanoTime();
        for (int from = 0; from < corpus.size(); from += CHUNK_EVENTS) {
            int to = Math.min(corpus.size(), from + CHUNK_EVENTS);
            int mid = from + (to - from) / 2;
            int chunkStart = from;
            Future<?> half = worker.submit(
                    () -> hashLeaves(corpus, mid, to, chunkStart, leafHashes, workerHasher));
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
        if (!(result instanceof Verification.Verified)) {
            throw new IllegalStateException("bench journal must verify: " + result);
        }
        return nanos;
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

    private void report(EventCorpus corpus, long rawNanos, long appendNanos, long verifyNanos,
                        long verifyParallelNanos) {
        double rawRate = corpus.size() / (rawNanos / 1e9);
        double appendRate = corpus.size() / (appendNanos / 1e9);
        double verifyRate = corpus.size() / (verifyNanos / 1e9);
        double verifyParallelRate = corpus.size() / (verifyParallelNanos / 1e9);
        if (json) {
            System.out.printf(Locale.ROOT, "{\"events\":%d,\"bytes\":%d,\"repetitions\":%d,"
                    + "\"appendPerSecond\":%.0f,\"verifyPerSecond\":%.0f,"
                    + "\"rawSha256PerSecond\":%.0f,\"verifyOneThreadPerSecond\":%.0f,"
                    + "\"verifyTwoThreadsPerSecond\":%.0f,\"appendToRaw\":%.3f,"
                    + "\"verifyToRaw\":%.3f,\"verifyOneThreadToRaw\":%.3f,"
                    + "\"headEvery\":%d,\"seed\":%d}%n", corpus.size(), corpus.totalBytes,
                    repetitions, appendRate, Math.max(verifyRate, verifyParallelRate), rawRate,
                    verifyRate, verifyParallelRate, appendRate / rawRate,
                    Math.max(verifyRate, verifyParallelRate) / rawRate, verifyRate / rawRate,
                    headEvery, seed);
            return;
        }
        double mb = corpus.totalBytes / 1e6;
        System.out.printf(Locale.ROOT, "journal bench: %,d events, %.1f MB (%.0f B/event),"
                + " head every %,d, seed %d, median of %d%n", corpus.size(), mb,
                (double) corpus.totalBytes / corpus.size(), headEvery, seed, repetitions);
        System.out.printf(Locale.ROOT, "%-40s %14s %10s %10s %8s%n", "measurement", "events/s",
                "MB/s", "seconds", "vs raw");
        row("raw SHA-256 (JDK MessageDigest, 1 thr)", rawRate, mb, rawNanos, 1.0);
        row("append (leaf+nodes+store+heads, 1 thr)", appendRate, mb, appendNanos,
                appendRate / rawRate);
        row("verify (offline, all heads, 1 thread)", verifyRate, mb, verifyNanos,
                verifyRate / rawRate);
        row("verify (offline, all heads, 2 threads)", verifyParallelRate, mb,
                verifyParallelNanos, verifyParallelRate / rawRate);
    }

    private static void row(String name, double rate, double mb, long nanos, double ratio) {
        System.out.printf(Locale.ROOT, "%-34s %,14.0f %10.1f %10.2f %7.0f%%%n", name, rate,
                mb / (nanos / 1e9), nanos / 1e9, ratio * 100);
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
