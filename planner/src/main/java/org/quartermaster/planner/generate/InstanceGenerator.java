package org.quartermaster.planner.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.quartermaster.planner.AbsorptionLimit;
import org.quartermaster.planner.Compatibility;
import org.quartermaster.planner.FundBudget;
import org.quartermaster.planner.Item;
import org.quartermaster.planner.Lane;
import org.quartermaster.planner.Need;
import org.quartermaster.planner.Offer;
import org.quartermaster.planner.PlanInput;
import org.quartermaster.planner.Priority;
import org.quartermaster.planner.ProductionLine;

/**
 * Seeded random planning instances: the same seed and shape always give the same input.
 * Most items stand alone; a share of them form compatibility groups of 2 to 4 items. Each
 * destination needs a subset of the items and is served by a few origins; supply (offers and
 * production) covers most but not all demand, so plans have lateness and shortfall.
 */
public final class InstanceGenerator {

    /**
     * The shape of an instance. {@code itemsPerDestination} bounds how many items one
     * destination asks for; {@code lanesPerDestination} how many origins serve it.
     */
    public record Shape(int items, int destinations, int origins, int productionLines, int offers,
                        int weeks, int needs, int itemsPerDestination, int lanesPerDestination,
                        double groupedItemShare, int absorptionLimits, int funds) {
        public Shape {
            if (items < 1 || destinations < 1 || origins < 1 || weeks < 1 || needs < 0) {
                throw new IllegalArgumentException("items, destinations, origins and weeks must be >= 1, needs >= 0");
            }
            if (itemsPerDestination < 1 || lanesPerDestination < 1) {
                throw new IllegalArgumentException("items and lanes per destination must be >= 1");
            }
        }

        /** The benchmark shape of issue 3: 60 items, 40 destinations, 30 origins, 52 weeks. */
        public static Shape benchmark(int needs) {
            return new Shape(60, 40, 30, 200, 2_000, 52, needs, 20, 6, 0.3, 0, 0);
        }
    }

    private final Random random;
    private final Shape shape;

    private InstanceGenerator(long seed, Shape shape) {
        this.random = new Random(seed);
        this.shape = shape;
    }

    public static PlanInput generate(long seed, Shape shape) {
        return new InstanceGenerator(seed, shape).build();
    }

    private PlanInput build() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < shape.items(); i++) {
            items.add(new Item("I" + i));
        }
        List<Compatibility> compat = compatibilities();
        int[][] wanted = wantedItems();
        List<Lane> lanes = lanes();
        List<Need> needs = needs(wanted);
        long demand = 0;
        for (Need need : needs) {
            demand += need.quantity();
        }
        List<Offer> offers = offers(demand);
        List<ProductionLine> lines = productionLines(demand);
        return new PlanInput(shape.weeks(), items, compat, needs, offers, lines, lanes,
                absorption(wanted), funds(lines, demand));
    }

    private List<Compatibility> compatibilities() {
        List<Compatibility> result = new ArrayList<>();
        int grouped = (int) Math.round(shape.items() * shape.groupedItemShare());
        int i = 0;
        while (i + 1 < grouped) {
            int size = Math.min(2 + random.nextInt(3), grouped - i);
            for (int a = i; a < i + size; a++) {
                for (int b = i; b < i + size; b++) {
                    if (a != b && random.nextInt(3) > 0) {
                        result.add(new Compatibility("I" + a, "I" + b, 50 + random.nextInt(450)));
                    }
                }
            }
            i += size;
        }
        return result;
    }

    private int[][] wantedItems() {
        int[][] wanted = new int[shape.destinations()][];
        for (int d = 0; d < wanted.length; d++) {
            int count = Math.min(shape.items(), shape.itemsPerDestination());
            Set<Integer> chosen = new HashSet<>();
            while (chosen.size() < count) {
                chosen.add(random.nextInt(shape.items()));
            }
            wanted[d] = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return wanted;
    }

    private List<Lane> lanes() {
        List<Lane> lanes = new ArrayList<>();
        for (int d = 0; d < shape.destinations(); d++) {
            Set<Integer> origins = new HashSet<>();
            int count = Math.min(shape.origins(), shape.lanesPerDestination());
            while (origins.size() < count) {
                origins.add(random.nextInt(shape.origins()));
            }
            for (int o : origins.stream().sorted().toList()) {
                int transit = Math.min(shape.weeks() - 1, 1 + random.nextInt(4));
                lanes.add(new Lane("O" + o, "D" + d, transit, 10 + random.nextInt(190)));
            }
        }
        return lanes;
    }

    private List<Need> needs(int[][] wanted) {
        List<Need> needs = new ArrayList<>(shape.needs());
        Priority[] priorities = Priority.values();
        for (int k = 0; k < shape.needs(); k++) {
            int d = random.nextInt(shape.destinations());
            int item = wanted[d][random.nextInt(wanted[d].length)];
            Priority p = priorities[Math.min(4, (int) Math.floor(Math.abs(random.nextGaussian()) * 2))];
            needs.add(new Need("N" + k, "I" + item, 1 + random.nextInt(20), p,
                    random.nextInt(shape.weeks()), "D" + d, 1_700_000_000_000L + random.nextInt(1_000_000)));
        }
        return needs;
    }

    private List<Offer> offers(long demand) {
        List<Offer> offers = new ArrayList<>();
        long mean = Math.max(1, demand / 2 / Math.max(1, shape.offers()));
        for (int k = 0; k < shape.offers(); k++) {
            long quantity = 1 + (long) (random.nextDouble() * 2 * mean);
            long price = random.nextInt(4) == 0 ? 0 : 100 + random.nextInt(900);
            offers.add(new Offer("F" + k, "I" + random.nextInt(shape.items()), quantity,
                    "O" + random.nextInt(shape.origins()), random.nextInt(shape.weeks()), price));
        }
        return offers;
    }

    private List<ProductionLine> productionLines(long demand) {
        List<ProductionLine> lines = new ArrayList<>();
        long weekly = Math.max(1, demand * 2 / 5 / Math.max(1, shape.productionLines()) / shape.weeks());
        for (int l = 0; l < shape.productionLines(); l++) {
            lines.add(new ProductionLine("L" + l, "I" + random.nextInt(shape.items()),
                    "O" + random.nextInt(shape.origins()), 1 + (long) (random.nextDouble() * 2 * weekly),
                    random.nextInt(Math.max(1, Math.min(8, shape.weeks()))), 500 + random.nextInt(4500)));
        }
        return lines;
    }

    private List<AbsorptionLimit> absorption(int[][] wanted) {
        List<AbsorptionLimit> limits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < shape.absorptionLimits(); k++) {
            int d = random.nextInt(shape.destinations());
            int item = wanted[d][random.nextInt(wanted[d].length)];
            if (seen.add(d + "/" + item)) {
                limits.add(new AbsorptionLimit("D" + d, "I" + item, 1 + random.nextInt(30)));
            }
        }
        return limits;
    }

    private List<FundBudget> funds(List<ProductionLine> lines, long demand) {
        List<FundBudget> funds = new ArrayList<>();
        if (shape.funds() == 0 || lines.isEmpty()) {
            return funds;
        }
        List<List<String>> eligible = new ArrayList<>();
        for (int f = 0; f < shape.funds(); f++) {
            eligible.add(new ArrayList<>());
        }
        for (ProductionLine line : lines) {
            int f = random.nextInt(shape.funds() + 1);
            if (f < shape.funds()) {
                eligible.get(f).add(line.id());
            }
        }
        for (int f = 0; f < shape.funds(); f++) {
            if (!eligible.get(f).isEmpty()) {
                long amount = 500 + random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, 20_000 + demand * 50));
                funds.add(new FundBudget("B" + f, amount, eligible.get(f)));
            }
        }
        return funds;
    }
}
