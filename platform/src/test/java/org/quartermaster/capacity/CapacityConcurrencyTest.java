package org.quartermaster.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.Quartermaster;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.Reservation;
import org.quartermaster.capacity.model.WeekCell;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Refused;
import org.quartermaster.testing.TestDatabases;

/**
 * Concurrent writers never overbook a week: eight threads race to reserve (and some to release)
 * slots of the same weeks of one line; every reservation that succeeded is within capacity,
 * the stored sums match what the threads were told, and the weeks end up (nearly) full.
 */
class CapacityConcurrencyTest {
    static final int THREADS = 8;
    static final int ATTEMPTS = 30;
    static final long CAPACITY = 100;
    static final int WEEKS = 2;
    static final long SEED = 7_2027L;

    /** What one thread was told: units it holds per week. */
    record Outcome(long[] held, int refused) {}

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void concurrentReservationsNeverExceedFreeCapacity(TestDatabases.Kind kind) throws Exception {
        try (Quartermaster app = new Quartermaster(TestDatabases.open(kind))) {
            CapacityFixture.load(app);
            ProductionLine line = CapacityFixture.line(app, "SUP-A", CapacityFixture.SHELLS, 10, CAPACITY, false);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(SEED + t);
                futures.add(pool.submit(() -> race(app, line, random, go)));
            }
            go.countDown();
            long[] held = new long[WEEKS];
            int refused = 0;
            for (Future<Outcome> f : futures) {
                Outcome o = f.get(120, TimeUnit.SECONDS);
                for (int w = 0; w < WEEKS; w++) held[w] += o.held()[w];
                refused += o.refused();
            }
            pool.shutdown();
            List<WeekCell> weeks = app.capacity().lineWeeks(line.publicId(), Actor.SYSTEM);
            for (int w = 0; w < WEEKS; w++) {
                WeekCell cell = weeks.get(w);
                assertThat(cell.reserved()).as("seed %d, week %d", SEED, w).isEqualTo(held[w]);
                assertThat(cell.reserved()).as("seed %d, week %d", SEED, w).isLessThanOrEqualTo(CAPACITY);
                // 8 x 30 attempts of 1..7 units far exceed 2 x 100: each week ends with less free than a try
                assertThat(cell.free()).as("seed %d, week %d", SEED, w).isLessThan(7);
            }
            assertThat(refused).as("some writers were turned away").isPositive();
        }
    }

    private static Outcome race(Quartermaster app, ProductionLine line, Random random, CountDownLatch go)
            throws InterruptedException {
        go.await();
        long[] held = new long[WEEKS];
        List<Reservation> mine = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < ATTEMPTS; i++) {
            // Releases only in the first half, so that the second half refills whatever they freed.
            if (i < ATTEMPTS / 2 && !mine.isEmpty() && random.nextInt(6) == 0) {
                Reservation r = mine.remove(random.nextInt(mine.size()));
                app.capacity().release(r.publicId(), r.version(), Actor.SYSTEM);
                held[weekOf(r)] -= r.quantity();
                continue;
            }
            int week = random.nextInt(WEEKS);
            long quantity = 1 + random.nextInt(7);
            try {
                Reservation r = app.capacity().reserve(CapacityFixture.slot(line, week, quantity, false), Actor.SYSTEM);
                mine.add(r);
                held[week] += quantity;
            } catch (Refused e) {
                assertThat(e.type()).isEqualTo("capacity-exceeded");
                refused++;
            }
        }
        return new Outcome(held, refused);
    }

    private static int weekOf(Reservation r) {
        return (int) java.time.temporal.ChronoUnit.WEEKS.between(CapacityFixture.MONDAY, r.week());
    }
}
