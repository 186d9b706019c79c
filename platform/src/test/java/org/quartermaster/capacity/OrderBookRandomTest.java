package org.quartermaster.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.capacity.CapacityFixture.MONDAY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.Quartermaster;
import org.quartermaster.capacity.model.OrderBook;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.Reservation;
import org.quartermaster.capacity.model.WeekCell;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Refused;
import org.quartermaster.testing.TestDatabases;

/**
 * The order book against an independent computation on random data: random lines (random
 * horizons, ramp-ups) of three suppliers and three items, random reservations (some above what
 * is free, which must be refused) and releases; the reference keeps plain arrays of capacity and
 * reserved units per line and week, and the book must equal their sums for any window.
 */
class OrderBookRandomTest {
    static final long SEED = Long.getLong("qm.seed", 20_270_104L);
    static final String[] SUPPLIERS = {"SUP-A", "SUP-B", "SUP-C"};
    static final String[] ITEMS = {CapacityFixture.SHELLS, CapacityFixture.CARTRIDGES, CapacityFixture.KITS};
    static final int LINES = 12;
    static final int OPERATIONS = 250;
    static final int MAX_WEEKS = 40;

    /** The reference model of one line: capacity and reserved per week index from MONDAY. */
    record Ref(ProductionLine line, long[] capacity, long[] reserved) {}

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void orderBookEqualsTheSumsOfAnIndependentModel(TestDatabases.Kind kind) {
        try (Quartermaster app = new Quartermaster(TestDatabases.open(kind))) {
            CapacityFixture.load(app);
            Random random = new Random(SEED);
            List<Ref> refs = new ArrayList<>();
            for (int i = 0; i < LINES; i++) refs.add(randomLine(app, random));
            Map<String, Reservation> active = new HashMap<>();
            int refused = 0;
            for (int op = 0; op < OPERATIONS; op++) {
                if (!active.isEmpty() && random.nextInt(5) == 0) {
                    Reservation r = new ArrayList<>(new TreeMap<>(active).values()).get(random.nextInt(active.size()));
                    app.capacity().release(r.publicId(), r.version(), Actor.SYSTEM);
                    active.remove(r.publicId());
                    Ref ref = refs.stream().filter(x -> x.line().publicId().equals(r.line())).findFirst().orElseThrow();
                    ref.reserved()[week(r)] -= r.quantity();
                    continue;
                }
                Ref ref = refs.get(random.nextInt(refs.size()));
                int week = random.nextInt(ref.capacity().length);
                long free = ref.capacity()[week] - ref.reserved()[week];
                long quantity = 1 + random.nextInt((int) Math.max(1, free + 5));
                boolean fits = quantity <= free;
                try {
                    Reservation r = app.capacity().reserve(CapacityFixture.slot(ref.line(), week, quantity, false),
                            Actor.SYSTEM);
                    assertThat(fits).as("seed %d: %d of %d free units were accepted", SEED, quantity, free).isTrue();
                    active.put(r.publicId(), r);
                    ref.reserved()[week] += quantity;
                } catch (Refused e) {
                    assertThat(fits).as("seed %d: %d of %d free units were refused", SEED, quantity, free).isFalse();
                    refused++;
                }
            }
            assertThat(refused).as("seed %d: the data tried overbooking", SEED).isPositive();
            for (int window = 0; window < 4; window++) {
                int from = random.nextInt(MAX_WEEKS) - 5;
                int weeks = 1 + random.nextInt(MAX_WEEKS);
                for (String item : new String[] {null, ITEMS[random.nextInt(ITEMS.length)]}) {
                    OrderBook book = app.capacity().orderBook(item, MONDAY.plusWeeks(from), weeks, Actor.SYSTEM);
                    assertThat(book.items()).as("seed %d, from %d, weeks %d", SEED, from, weeks)
                            .isEqualTo(expected(refs, item, from, weeks, book));
                }
            }
        }
    }

    /** The reference book: per item in code order, per week, sums over the reference arrays. */
    static List<OrderBook.ItemRow> expected(List<Ref> refs, String item, int from, int weeks, OrderBook book) {
        TreeMap<String, List<Ref>> byItem = new TreeMap<>();
        for (Ref r : refs) {
            if (item == null || item.equals(r.line().item())) {
                byItem.computeIfAbsent(r.line().item(), k -> new ArrayList<>()).add(r);
            }
        }
        List<OrderBook.ItemRow> rows = new ArrayList<>();
        byItem.forEach((code, lines) -> {
            List<WeekCell> cells = new ArrayList<>();
            for (int w = 0; w < weeks; w++) {
                int index = from + w;
                long capacity = 0;
                long reserved = 0;
                for (Ref r : lines) {
                    if (index >= 0 && index < r.capacity().length) {
                        capacity += r.capacity()[index];
                        reserved += r.reserved()[index];
                    }
                }
                cells.add(new WeekCell(MONDAY.plusWeeks(index), capacity, reserved, capacity - reserved));
            }
            rows.add(new OrderBook.ItemRow(code, lines.size(), cells));
        });
        return rows;
    }

    /** A line with a random horizon and ramp-up; the reference fills its capacity array step by step. */
    static Ref randomLine(Quartermaster app, Random random) {
        int weeks = 1 + random.nextInt(MAX_WEEKS);
        long[] capacity = new long[weeks];
        long units = random.nextInt(50);
        int steps = random.nextInt(4);
        List<long[]> ramp = new ArrayList<>();
        int at = 0;
        for (int w = 0; w < weeks; w++) capacity[w] = units;
        for (int s = 0; s < steps && at < weeks - 1; s++) {
            at = at + 1 + random.nextInt(Math.max(1, (weeks - at - 1)));
            if (at >= weeks) break;
            long next = random.nextInt(80);
            ramp.add(new long[] {at, next});
            for (int w = at; w < weeks; w++) capacity[w] = next;
        }
        String supplier = SUPPLIERS[random.nextInt(SUPPLIERS.length)];
        ProductionLine line = CapacityFixture.line(app, supplier, ITEMS[random.nextInt(ITEMS.length)], weeks, units,
                random.nextBoolean(), ramp.toArray(new long[0][]));
        return new Ref(line, capacity, new long[weeks]);
    }

    static int week(Reservation r) {
        return (int) java.time.temporal.ChronoUnit.WEEKS.between(MONDAY, r.week());
    }
}
