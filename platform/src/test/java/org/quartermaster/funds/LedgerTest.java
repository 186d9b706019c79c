package org.quartermaster.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.audit.Journal;
import org.quartermaster.funds.model.Account;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestDatabases.Kind;

class LedgerTest {
    static final int CONCURRENT_RETRIES = 50;
    static final Actor ACTOR = Actor.SYSTEM;

    record World(Database db, Journal journal, Ledger ledger, Account source, Account target) implements AutoCloseable {
        static World open(Kind kind, boolean sourceNoNegative) {
            Database db = TestDatabases.open(kind);
            Journal journal = new Journal(db);
            Ledger ledger = new Ledger(db, journal);
            Account source = ledger.open(new OpenAccount("DEU", "EPF", "CONTRIBUTIONS", "EUR", sourceNoNegative), ACTOR);
            Account target = ledger.open(new OpenAccount("EPF", "EPF", "ENVELOPE:LETHAL", "EUR", true), ACTOR);
            return new World(db, journal, ledger, source, target);
        }

        TransferOutcome move(String id, long amount, boolean pending) {
            return ledger.transfer(new MakeTransfer(id, source.publicId(), target.publicId(), amount, "EUR", pending,
                    null), ACTOR);
        }

        @Override
        public void close() {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRetryWithTheSameIdAndContentReturnsTheOriginalAndDoesNothing(Kind kind) {
        try (World w = World.open(kind, false)) {
            var first = w.move("t-1", 1_000, false);
            long journalSize = w.journal().size();
            var again = w.move("t-1", 1_000, false);
            assertThat(first).isInstanceOf(TransferOutcome.Created.class);
            assertThat(again).isInstanceOf(TransferOutcome.Replayed.class);
            assertThat(again.transfer().key()).isEqualTo(first.transfer().key());
            assertThat(w.journal().size()).isEqualTo(journalSize);
            assertThat(w.ledger().account(w.target().publicId()).balance().posted()).isEqualTo(1_000);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRetryWithOtherContentIsAConflict(Kind kind) {
        try (World w = World.open(kind, false)) {
            w.move("t-1", 1_000, false);
            assertThat(w.move("t-1", 1_001, false)).isInstanceOf(TransferOutcome.Conflict.class);
            assertThat(w.move("t-1", 1_000, true)).isInstanceOf(TransferOutcome.Conflict.class);
            assertThat(w.ledger().verify().sound()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void refusesToTakeANoNegativeAccountBelowZero(Kind kind) {
        try (World w = World.open(kind, true)) {
            var refused = w.move("t-1", 1, false);
            assertThat(refused).isInstanceOf(TransferOutcome.Refused.class);
            assertThat(((TransferOutcome.Refused) refused).type()).isEqualTo("insufficient-funds");
            assertThat(w.ledger().transfers(null, null, null).items()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPendingTransferReservesUntilPostedOrVoided(Kind kind) {
        try (World w = World.open(kind, false)) {
            w.move("p-1", 700, true);
            w.move("p-2", 300, true);
            Account target = w.ledger().account(w.target().publicId());
            assertThat(target.balance().creditsPending()).isEqualTo(1_000);
            assertThat(target.balance().available()).isZero();
            assertThat(w.ledger().post("p-1", ACTOR)).isInstanceOf(TransferOutcome.Created.class);
            assertThat(w.ledger().post("p-1", ACTOR)).isInstanceOf(TransferOutcome.Replayed.class);
            assertThat(w.ledger().voidPending("p-2", ACTOR)).isInstanceOf(TransferOutcome.Created.class);
            assertThat(w.ledger().post("p-2", ACTOR)).isInstanceOf(TransferOutcome.Conflict.class);
            target = w.ledger().account(w.target().publicId());
            assertThat(target.balance().posted()).isEqualTo(700);
            assertThat(target.balance().creditsPending()).isZero();
            assertThat(w.ledger().verify().problems()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void refusesACurrencyOtherThanTheAccounts(Kind kind) {
        try (World w = World.open(kind, false)) {
            var o = w.ledger().transfer(new MakeTransfer("t-1", w.source().publicId(), w.target().publicId(), 5, "USD",
                    false, null), ACTOR);
            assertThat(o).isInstanceOf(TransferOutcome.Refused.class);
            assertThatThrownBy(() -> w.move("t 2", 5, false)).isInstanceOf(InvalidField.class);
            assertThatThrownBy(() -> w.move("t-3", 0, false)).isInstanceOf(InvalidField.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fiftyConcurrentRetriesOfOneIdMakeExactlyOneTransfer(Kind kind) throws Exception {
        try (World w = World.open(kind, false);
             ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_RETRIES)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TransferOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_RETRIES; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return w.move("same-id", 4_200, false);
                }));
            }
            start.countDown();
            int created = 0;
            int replayed = 0;
            for (Future<TransferOutcome> f : futures) {
                TransferOutcome o = f.get();
                if (o instanceof TransferOutcome.Created) created++;
                if (o instanceof TransferOutcome.Replayed) replayed++;
            }
            assertThat(created).isEqualTo(1);
            assertThat(replayed).isEqualTo(CONCURRENT_RETRIES - 1);
            assertThat(w.ledger().transfers(null, null, null).items()).hasSize(1);
            assertThat(w.ledger().account(w.target().publicId()).balance().posted()).isEqualTo(4_200);
            assertThat(w.ledger().verify().problems()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentWritersNeverTakeANoNegativeAccountBelowZero(Kind kind) throws Exception {
        int writers = 16;
        try (World w = World.open(kind, false);
             ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            w.move("fill", 1_000, false);
            Account sink = w.ledger().open(new OpenAccount("X", "EPF", "SINK", "EUR", true), ACTOR);
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<TransferOutcome>> drains = new ArrayList<>();
            for (int i = 0; i < writers * 2; i++) {
                String id = "drain-" + i;
                drains.add(() -> {
                    start.await();
                    return w.ledger().transfer(new MakeTransfer(id, w.target().publicId(), sink.publicId(), 100, "EUR",
                            false, null), ACTOR);
                });
            }
            List<Future<TransferOutcome>> futures = drains.stream().map(pool::submit).toList();
            start.countDown();
            long created = 0;
            for (Future<TransferOutcome> f : futures) if (f.get() instanceof TransferOutcome.Created) created++;
            // 1,000 available, 100 each: exactly ten drains fit
            assertThat(created).isEqualTo(10);
            assertThat(w.ledger().account(w.target().publicId()).balance().available()).isZero();
            assertThat(w.ledger().verify().problems()).isEmpty();
        }
    }
}
