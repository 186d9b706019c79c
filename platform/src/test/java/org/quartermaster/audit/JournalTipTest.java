package org.quartermaster.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.journal.InMemoryNodeStore;
import org.quartermaster.journal.JournalKeys;
import org.quartermaster.journal.MerkleTree;
import org.quartermaster.journal.ProofVerifier;
import org.quartermaster.journal.SignedTreeHead;
import org.quartermaster.journal.SigningPolicy;
import org.quartermaster.journal.TreeHasher;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestDatabases.Kind;

/**
 * The journal appends from the tip it remembers (head and Merkle border) without reading them
 * again. That tip goes stale when its transaction rolls back or when another process appends
 * to the same database: then the append must notice and start from the stored head. Two
 * journals on two connections pools of one database, interleaved at random with rollbacks and
 * then concurrently, must still make one intact chain, a Merkle tree whose stored nodes give the
 * roots of a tree rebuilt from the events, valid proofs and signed heads, and a clean verify.
 */
class JournalTipTest {
    static final int STEPS = 120;
    static final int CONCURRENT_WRITES = 40;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoWritersAndRollbacksKeepOneIntactChainAndTree(Kind kind) throws Exception {
        long seed = System.nanoTime();
        String url = kind == Kind.POSTGRESQL ? TestDatabases.postgresUrl()
                : "jdbc:sqlite:" + java.nio.file.Files.createTempDirectory("qm-tip-").resolve("q.db");
        JournalKeys keys = JournalKeys.generate();
        SigningPolicy policy = new SigningPolicy(7, Duration.ofHours(1));
        try (Database a = Database.open(url); Database b = Database.open(url)) {
            Journal ja = new Journal(a, keys, policy);
            Journal jb = new Journal(b, keys, policy);
            Random random = new Random(seed);
            long committed = 0;
            for (int step = 0; step < STEPS; step++) {
                boolean first = random.nextBoolean();
                Database db = first ? a : b;
                Journal j = first ? ja : jb;
                int events = 1 + random.nextInt(4);
                boolean rollback = random.nextInt(5) == 0;
                int n = step;
                if (rollback) {
                    assertThatThrownBy(() -> db.write(Actor.SYSTEM, tx -> {
                        for (int e = 0; e < events; e++) j.record(tx, "Tested", "E-" + n, Map.of("step", n, "e", e));
                        throw new IllegalStateException("rolled back");
                    })).hasMessageContaining("rolled back");
                } else {
                    db.write(Actor.SYSTEM, tx -> {
                        for (int e = 0; e < events; e++) j.record(tx, "Tested", "E-" + n, Map.of("step", n, "e", e));
                        return null;
                    });
                    committed += events;
                }
            }
            AtomicLong concurrent = new AtomicLong();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < CONCURRENT_WRITES; w++) {
                    Database db = w % 2 == 0 ? a : b;
                    Journal j = w % 2 == 0 ? ja : jb;
                    int n = w;
                    futures.add(pool.submit(() -> db.write(Actor.SYSTEM, tx -> {
                        j.record(tx, "Tested", "C-" + n, Map.of("writer", n));
                        j.record(tx, "Tested", "C-" + n, Map.of("writer", n, "second", true));
                        return concurrent.addAndGet(2);
                    })));
                }
                for (Future<?> f : futures) f.get();
            }
            committed += concurrent.get();
            String context = kind + " seed " + seed;
            assertThat(ja.size()).as(context).isEqualTo(committed);
            assertThat(ja.firstBrokenLink()).as(context).isZero();
            assertThat(jb.firstBrokenLink()).as(context).isZero();

            // the tree rebuilt in memory from the stored events
            MerkleTree rebuilt = new MerkleTree(new InMemoryNodeStore());
            List<JournalEvent> all = ja.range(1, committed);
            List<byte[]> roots = new ArrayList<>();
            roots.add(rebuilt.rootHash());
            for (JournalEvent e : all) {
                rebuilt.append(e.leafBytes());
                roots.add(rebuilt.rootHash());
            }
            // every signed head (signed inside appends from either tip) names the right root
            List<SignedTreeHead> heads = ja.heads();
            assertThat(heads).as(context).isNotEmpty();
            for (SignedTreeHead h : heads) {
                assertThat(h.rootHash()).as(context + " head " + h.treeSize()).isEqualTo(roots.get((int) h.treeSize()));
                assertThat(h.verify(keys.publicKey())).as(context).isTrue();
            }
            // a head over everything, from the stored nodes' border
            SignedTreeHead last = jb.signIfDue(true).orElseThrow();
            assertThat(last.treeSize()).isEqualTo(committed);
            assertThat(last.rootHash()).as(context).isEqualTo(roots.get((int) committed));
            // inclusion and consistency proofs from the stored nodes
            TreeHasher hasher = new TreeHasher();
            for (int i = 0; i < 30; i++) {
                long size = 1 + random.nextInt((int) committed);
                long seq = 1 + random.nextInt((int) size);
                assertThat(ProofVerifier.verifyInclusion(hasher.leaf(all.get((int) seq - 1).leafBytes()), seq - 1, size,
                        ja.inclusionProof(seq, size), roots.get((int) size))).as(context + " inclusion " + seq + "/" + size)
                        .isTrue();
                long smaller = 1 + random.nextInt((int) size);
                assertThat(ProofVerifier.verifyConsistency(smaller, size, roots.get((int) smaller), roots.get((int) size),
                        jb.consistencyProof(smaller, size))).as(context + " consistency " + smaller + "/" + size).isTrue();
            }
            assertThat(new Verifier(a).verify(keys.publicKey(), List.of()))
                    .as(context).isInstanceOf(Verifier.Report.Verified.class);
            System.out.printf("JournalTipTest %s: %d events committed by two journals with rollbacks, %d heads, seed %d%n",
                    kind, committed, heads.size(), seed);
        }
    }
}
