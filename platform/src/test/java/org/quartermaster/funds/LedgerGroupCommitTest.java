package org.quartermaster.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.audit.Journal;
import org.quartermaster.audit.JournalEvent;
import org.quartermaster.funds.model.Account;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestDatabases.Kind;

/**
 * The ledger's group commit: concurrent callers' transfers share transactions, yet each caller
 * gets exactly its own outcome, a refusal never touches another's transfer, a failed shared
 * transaction loses nothing and writes nothing half, and the journal names each requester.
 */
class LedgerGroupCommitTest {
    static final int CALLERS = 48;
    static final int ROUNDS = 6;

    /** A fresh ledger: a funded source that may not go negative, a sink, and a member account that may. */
    record World(Database db, Journal journal, Ledger ledger, Account funded, Account sink, Account member)
            implements AutoCloseable {
        static World open(Kind kind) {
            Database db = TestDatabases.open(kind);
            Journal journal = new Journal(db);
            Ledger ledger = new Ledger(db, journal);
            Account member = ledger.open(new OpenAccount("DEU", "EPF", "CONTRIBUTIONS", "EUR", false), Actor.SYSTEM);
            Account funded = ledger.open(new OpenAccount("EPF", "EPF", "ENVELOPE:LETHAL", "EUR", true), Actor.SYSTEM);
            Account sink = ledger.open(new OpenAccount("UKR", "EPF", "RECEIVED", "EUR", true), Actor.SYSTEM);
            return new World(db, journal, ledger, funded, sink, member);
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentCallersEachGetTheirOwnOutcomeAndRefusalsTouchNoOneElse(Kind kind) throws Exception {
        long seed = System.nanoTime();
        try (World w = World.open(kind)) {
            // 3,000 in the funded account; callers ask for more in total, so some must be refused.
            assertThat(w.ledger().transfer(new MakeTransfer("fund", w.member().publicId(), w.funded().publicId(),
                    3_000, "EUR", false, null), Actor.SYSTEM)).isInstanceOf(TransferOutcome.Created.class);
            Random random = new Random(seed);
            Map<String, MakeTransfer> asked = new HashMap<>();
            List<List<MakeTransfer>> perCaller = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                List<MakeTransfer> mine = new ArrayList<>();
                for (int r = 0; r < ROUNDS; r++) {
                    String id = "c" + c + "-" + r;
                    MakeTransfer t = switch (random.nextInt(4)) {
                        // may be refused: insufficient funds once the funded account runs dry
                        case 0, 1 -> new MakeTransfer(id, w.funded().publicId(), w.sink().publicId(),
                                1 + random.nextInt(120), "EUR", false, null);
                        // always refused: wrong currency
                        case 2 -> new MakeTransfer(id, w.member().publicId(), w.sink().publicId(), 5, "USD", false, null);
                        // always made: the member account may go negative
                        default -> new MakeTransfer(id, w.member().publicId(), w.sink().publicId(),
                                1 + random.nextInt(50), "EUR", random.nextBoolean(), null);
                    };
                    asked.put(id, t);
                    mine.add(t);
                }
                perCaller.add(mine);
            }
            CountDownLatch start = new CountDownLatch(1);
            Map<String, TransferOutcome> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(CALLERS)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < CALLERS; c++) {
                    List<MakeTransfer> mine = perCaller.get(c);
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (MakeTransfer t : mine) outcomes.put(t.id(), w.ledger().transfer(t, Actor.SYSTEM));
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) f.get();
            }
            String context = "seed " + seed;
            assertThat(outcomes).as(context).hasSize(asked.size());
            int created = 0;
            int refusedFunds = 0;
            for (var e : outcomes.entrySet()) {
                MakeTransfer t = asked.get(e.getKey());
                TransferOutcome o = e.getValue();
                if (t.currency().equals("USD")) {
                    assertThat(o).as(context + " " + t).isInstanceOf(TransferOutcome.Refused.class);
                    assertThat(((TransferOutcome.Refused) o).type()).isEqualTo("currency-mismatch");
                } else if (t.debit().equals(w.member().publicId())) {
                    assertThat(o).as(context + " " + t).isInstanceOf(TransferOutcome.Created.class);
                } else if (o instanceof TransferOutcome.Refused r) {
                    assertThat(r.type()).as(context).isEqualTo("insufficient-funds");
                    refusedFunds++;
                }
                if (o instanceof TransferOutcome.Created c) {
                    created++;
                    // its own transfer, as asked, is stored
                    assertThat(c.transfer().id()).isEqualTo(t.id());
                    assertThat(c.transfer().amountMinor()).isEqualTo(t.amountMinor());
                    assertThat(w.ledger().transfer(t.id()).key()).isEqualTo(c.transfer().key());
                } else {
                    assertThatThrownBy(() -> w.ledger().transfer(t.id())).as(context)
                            .isInstanceOf(org.quartermaster.shared.NotFound.class);
                }
            }
            Ledger.Verification v = w.ledger().verify();
            assertThat(v.problems()).as(context).isEmpty();
            assertThat(v.transfers()).as(context).isEqualTo(created + 1);
            assertThat(w.ledger().account(w.funded().publicId()).balance().available()).as(context).isNotNegative();
            // the funded account ran dry: refusals happened, and only where money was really short
            long spent = outcomes.entrySet().stream()
                    .filter(e -> e.getValue() instanceof TransferOutcome.Created
                            && asked.get(e.getKey()).debit().equals(w.funded().publicId()))
                    .mapToLong(e -> asked.get(e.getKey()).amountMinor()).sum();
            assertThat(spent).as(context).isLessThanOrEqualTo(3_000);
            assertThat(3_000 - spent).as(context).isEqualTo(
                    w.ledger().account(w.funded().publicId()).balance().available());
            // a refusal for funds only when what was left could not pay it: at the end, every refused
            // amount exceeds what is left (what was left when it was decided was never less than that)
            long left = w.ledger().account(w.funded().publicId()).balance().available();
            outcomes.forEach((id, o) -> {
                if (o instanceof TransferOutcome.Refused r && r.type().equals("insufficient-funds")) {
                    assertThat(asked.get(id).amountMinor()).as(context + " " + id).isGreaterThan(left);
                }
            });
            // every made transfer is journalled once, chain intact
            assertThat(w.journal().firstBrokenLink()).as(context).isZero();
            long[] counts = w.ledger().committerCounts();
            assertThat(refusedFunds).as(context + ": the funded account must run dry").isPositive();
            System.out.printf("LedgerGroupCommitTest %s: %d requests in %d groups, %d created, %d refused for funds, "
                    + "seed %d%n", kind, counts[1], counts[0], created, refusedFunds, seed);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailedSharedTransactionLosesNothingAndWritesNothingHalf(Kind kind) throws Exception {
        try (World w = World.open(kind)) {
            // Fail every transaction that carries more than one transfer event just before commit,
            // after all its statements ran: the group must fall back to one caller at a time.
            AtomicInteger failed = new AtomicInteger();
            w.db().listen(tx -> {
                long transfers = tx.deferred().stream().filter(d -> d instanceof org.quartermaster.store.Tx.Change).count();
                if (transfers > 1) {
                    failed.incrementAndGet();
                    throw new IllegalStateException("crash in the middle of a group");
                }
            });
            List<TransferOutcome> outcomes = concurrently(w, 32, "x");
            assertThat(outcomes).allMatch(o -> o instanceof TransferOutcome.Created);
            Ledger.Verification v = w.ledger().verify();
            assertThat(v.problems()).isEmpty();
            assertThat(v.transfers()).isEqualTo(32);
            assertThat(w.journal().firstBrokenLink()).isZero();
            assertThat(w.journal().size()).isEqualTo(3 + 32);
            assertThat(failed.get()).as("some group shared a transaction and failed").isPositive();
            System.out.printf("LedgerGroupCommitTest %s: %d shared transactions failed, all 32 transfers made alone%n",
                    kind, failed.get());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void whenEveryTransactionFailsEachCallerHearsItAndNothingIsWritten(Kind kind) throws Exception {
        try (World w = World.open(kind)) {
            long before = w.journal().size();
            AtomicBoolean broken = new AtomicBoolean(true);
            w.db().listen(tx -> {
                if (broken.get() && tx.deferred().stream().anyMatch(d -> d instanceof org.quartermaster.store.Tx.Change)) {
                    throw new IllegalStateException("the database is gone");
                }
            });
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger errors = new AtomicInteger();
            try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < 16; c++) {
                    String id = "y" + c;
                    futures.add(pool.submit(() -> {
                        start.await();
                        try {
                            w.ledger().transfer(new MakeTransfer(id, w.member().publicId(), w.sink().publicId(), 7,
                                    "EUR", false, null), Actor.SYSTEM);
                        } catch (IllegalStateException e) {
                            if (e.getMessage().contains("the database is gone")) errors.incrementAndGet();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) f.get();
            }
            assertThat(errors.get()).isEqualTo(16);
            assertThat(w.ledger().verify().transfers()).isZero();
            assertThat(w.journal().size()).isEqualTo(before);
            assertThat(w.ledger().account(w.sink().publicId()).balance().posted()).isZero();
            // the committer still works once the fault is gone, and the chain goes on intact
            broken.set(false);
            assertThat(concurrently(w, 8, "z")).allMatch(o -> o instanceof TransferOutcome.Created);
            assertThat(w.journal().firstBrokenLink()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void acknowledgedTransfersAreThereAfterTheDatabaseIsReopened(Kind kind) throws Exception {
        String url = kind == Kind.POSTGRESQL ? TestDatabases.postgresUrl()
                : "jdbc:sqlite:" + java.nio.file.Files.createTempDirectory("qm-group-").resolve("q.db");
        List<TransferOutcome> outcomes;
        String member;
        String sink;
        try (Database db = Database.open(url)) {
            Ledger ledger = new Ledger(db, new Journal(db));
            member = ledger.open(new OpenAccount("DEU", "EPF", "CONTRIBUTIONS", "EUR", false), Actor.SYSTEM).publicId();
            sink = ledger.open(new OpenAccount("UKR", "EPF", "RECEIVED", "EUR", true), Actor.SYSTEM).publicId();
            List<TransferOutcome> made = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(24)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < 24; c++) {
                    String id = "k" + c;
                    futures.add(pool.submit(() -> made.add(ledger.transfer(new MakeTransfer(id, member, sink, 3, "EUR",
                            false, null), Actor.SYSTEM))));
                }
                for (Future<?> f : futures) f.get();
            }
            outcomes = made;
        }
        try (Database db = Database.open(url)) {
            Ledger ledger = new Ledger(db, new Journal(db));
            for (TransferOutcome o : outcomes) {
                assertThat(o).isInstanceOf(TransferOutcome.Created.class);
                assertThat(ledger.transfer(o.transfer().id()).key()).isEqualTo(o.transfer().key());
            }
            assertThat(ledger.account(sink).balance().posted()).isEqualTo(3L * outcomes.size());
            assertThat(ledger.verify().sound()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachJournalEventNamesItsOwnRequesterInASharedTransaction(Kind kind) throws Exception {
        try (World w = World.open(kind)) {
            CountDownLatch start = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < 20; c++) {
                    // named tool actors: the ledger's access rules are not what this test is about
                    Actor actor = Actor.system("user" + c, c % 2 == 0 ? "DEU" : "FRA");
                    String id = "a" + c;
                    futures.add(pool.submit(() -> {
                        start.await();
                        return w.ledger().transfer(new MakeTransfer(id, w.member().publicId(), w.sink().publicId(), 1,
                                "EUR", false, null), actor);
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) f.get();
            }
            for (int c = 0; c < 20; c++) {
                List<JournalEvent> events = w.journal().forEntity("a" + c, 10);
                assertThat(events).hasSize(1);
                assertThat(events.getFirst().actor()).isEqualTo("user" + c);
                assertThat(events.getFirst().organisation()).isEqualTo(c % 2 == 0 ? "DEU" : "FRA");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBatchNamesTheBadEntryAndMakesNothing(Kind kind) {
        try (World w = World.open(kind)) {
            List<MakeTransfer> batch = List.of(
                    new MakeTransfer("ok-1", w.member().publicId(), w.sink().publicId(), 5, "EUR", false, null),
                    new MakeTransfer("ok-2", w.member().publicId(), "X-1", 5, "EUR", false, null));
            assertThatThrownBy(() -> w.ledger().transferAll(batch, Actor.SYSTEM))
                    .isInstanceOf(InvalidField.class)
                    .satisfies(e -> assertThat(((InvalidField) e).field()).isEqualTo("transfers[1].credit"));
            assertThat(w.ledger().verify().transfers()).isZero();
            // in a batch, the same id twice: the first is made, the second is its replay
            List<TransferOutcome> twice = w.ledger().transferAll(List.of(
                    new MakeTransfer("dup", w.member().publicId(), w.sink().publicId(), 5, "EUR", false, null),
                    new MakeTransfer("dup", w.member().publicId(), w.sink().publicId(), 5, "EUR", false, null),
                    new MakeTransfer("dup", w.member().publicId(), w.sink().publicId(), 6, "EUR", false, null)),
                    Actor.SYSTEM);
            assertThat(twice.get(0)).isInstanceOf(TransferOutcome.Created.class);
            assertThat(twice.get(1)).isInstanceOf(TransferOutcome.Replayed.class);
            assertThat(twice.get(2)).isInstanceOf(TransferOutcome.Conflict.class);
            assertThat(twice.get(1).transfer().key()).isEqualTo(twice.get(0).transfer().key()).isPositive();
            assertThat(w.ledger().verify().transfers()).isEqualTo(1);
        }
    }

    /** {@code n} callers at once, one transfer each from the member account. */
    private static List<TransferOutcome> concurrently(World w, int n, String prefix) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<TransferOutcome> out = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                String id = prefix + c;
                futures.add(pool.submit(() -> {
                    start.await();
                    out.add(w.ledger().transfer(new MakeTransfer(id, w.member().publicId(), w.sink().publicId(), 2,
                            "EUR", false, null), Actor.SYSTEM));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) f.get();
        }
        return out;
    }
}
