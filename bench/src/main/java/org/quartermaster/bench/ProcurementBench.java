package org.quartermaster.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.crypto.SecretKey;
import org.quartermaster.audit.Journal;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.procurement.Procurement;
import org.quartermaster.procurement.ProcurementCommands;
import org.quartermaster.procurement.model.BidContent;
import org.quartermaster.procurement.model.BidSeal;
import org.quartermaster.procurement.model.Criterion;
import org.quartermaster.procurement.model.Evaluation;
import org.quartermaster.procurement.model.EvaluationMethod;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./qm bench procurement}: evaluating a procedure of {@code --bids} bids on each of
 * {@code --lots} lots (default 10,000 x 20 = 200,000 bids). In memory: sealing every bid, the
 * opening (unwrap the procedure key, AES-GCM open and commitment check of each bid), and the
 * evaluation by lowest price and by weighted criteria scored by three evaluators. Then, through
 * the facade on SQLite, a smaller procedure end to end: submissions, opening and evaluation.
 */
@Command(name = "procurement", mixinStandardHelpOptions = true,
        description = "Time to open and evaluate a procedure of N bids x M lots (in memory and through the store).")
public final class ProcurementBench implements Callable<Integer> {
    @Option(names = "--bids", defaultValue = "10000", description = "bids per lot (default ${DEFAULT-VALUE})")
    int bids;

    @Option(names = "--lots", defaultValue = "20", description = "lots (default ${DEFAULT-VALUE})")
    int lots;

    @Option(names = "--store-bids", defaultValue = "250",
            description = "bids per lot through the facade on SQLite, 0 to skip (default ${DEFAULT-VALUE})")
    int storeBids;

    @Option(names = "--seed", defaultValue = "7", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print the figures as one JSON object")
    boolean json;

    private final Map<String, Object> figures = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (bids < 1 || bids > 100_000) throw new IllegalArgumentException("--bids must be 1 to 100000");
        if (lots < 1 || lots > Procurement.LOTS_MAX) throw new IllegalArgumentException("--lots must be 1 to 50");
        if ((long) bids * lots > Procurement.BIDS_MAX) throw new IllegalArgumentException("--bids x --lots must be at most 500000");
        if (storeBids < 0 || storeBids > 2_000) throw new IllegalArgumentException("--store-bids must be 0 to 2000");
        figures.put("bidsPerLot", bids);
        figures.put("lots", lots);
        figures.put("seed", seed);
        inMemory();
        if (storeBids > 0) throughStore();
        if (json) {
            System.out.println(toJson(figures));
        } else {
            System.out.printf(Locale.ROOT, "%-44s %14s%n", "procurement bench (seed " + seed + ")", "");
            figures.forEach((k, v) -> System.out.printf(Locale.ROOT, "%-44s %14s%n", k, v));
        }
        return 0;
    }

    private void inMemory() {
        Random random = new Random(seed);
        SecretKey platform = BidSeal.platformKey(bytes(random, 32));
        String label = "PR-000001";
        String wrapped = BidSeal.newProcedureKey(platform, label);
        record Sealed(long key, int lot, String supplier, String sealed, String commitment) {}
        List<Sealed> sealed = new ArrayList<>(bids * lots);
        long t0 = System.nanoTime();
        SecretKey key = BidSeal.procedureKey(platform, wrapped, label);
        long k = 1;
        for (int lot = 1; lot <= lots; lot++) {
            for (int b = 0; b < bids; b++) {
                BidContent content = new BidContent(300_000 + random.nextInt(200_000), 4 + random.nextInt(40),
                        "bid " + b + " for lot " + lot);
                BidSeal.Sealed s = BidSeal.seal(key, label, lot, content);
                sealed.add(new Sealed(k++, lot, "SUP-" + b, s.sealed(), s.commitment()));
            }
        }
        long t1 = System.nanoTime();
        SecretKey opening = BidSeal.procedureKey(platform, wrapped, label);
        List<Evaluation.Entry> priceOnly = new ArrayList<>(sealed.size());
        List<Evaluation.Entry> weighted = new ArrayList<>(sealed.size());
        for (Sealed s : sealed) {
            BidSeal.Opened o = BidSeal.open(opening, label, s.lot(), s.sealed());
            if (!o.commitment().equals(s.commitment())) throw new IllegalStateException("commitment mismatch");
            priceOnly.add(new Evaluation.Entry(s.key(), s.lot(), s.supplier(), o.content().unitPriceMinor(), s.key(),
                    false, Map.of()));
            weighted.add(new Evaluation.Entry(s.key(), s.lot(), s.supplier(), o.content().unitPriceMinor(), s.key(), false,
                    Map.of("quality", List.of(random.nextInt(101), random.nextInt(101), random.nextInt(101)),
                            "delivery", List.of(random.nextInt(101), random.nextInt(101), random.nextInt(101)))));
        }
        long t2 = System.nanoTime();
        List<Integer> lotNumbers = new ArrayList<>();
        for (int lot = 1; lot <= lots; lot++) lotNumbers.add(lot);
        Evaluation.Result cheapest = Evaluation.evaluate(EvaluationMethod.LOWEST_PRICE,
                List.of(new Criterion("price", 10_000)), lotNumbers, priceOnly);
        long t3 = System.nanoTime();
        Evaluation.Result best = Evaluation.evaluate(EvaluationMethod.WEIGHTED, List.of(new Criterion("price", 6_000),
                new Criterion("quality", 3_000), new Criterion("delivery", 1_000)), lotNumbers, weighted);
        long t4 = System.nanoTime();
        check(cheapest, priceOnly);
        if (best.winners().size() != lots) throw new IllegalStateException("weighted evaluation left a lot without a winner");
        figures.put("memory.bids", sealed.size());
        figures.put("memory.sealMillis", millis(t1 - t0));
        figures.put("memory.openMillis", millis(t2 - t1));
        figures.put("memory.evaluateLowestPriceMillis", millis(t3 - t2));
        figures.put("memory.evaluateWeightedMillis", millis(t4 - t3));
        figures.put("memory.openAndEvaluateMillis", millis(t4 - t1));
    }

    /** The lowest-price winner of each lot against a plain minimum (the independent reference). */
    private void check(Evaluation.Result result, List<Evaluation.Entry> entries) {
        Map<Integer, Long> minimum = new HashMap<>();
        for (Evaluation.Entry e : entries) minimum.merge(e.lot(), e.unitPriceMinor(), Math::min);
        result.winners().forEach((lot, r) -> {
            if (r.unitPriceMinor() != minimum.get(lot)) throw new IllegalStateException("lot " + lot + " winner is not the cheapest");
        });
    }

    private void throughStore() throws Exception {
        Path dir = Files.createTempDirectory("qm-bench-procurement-");
        MovableClock clock = new MovableClock(Instant.parse("2026-01-05T08:00:00Z"));
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("bench.db").toAbsolutePath(), clock)) {
            Journal journal = new Journal(db);
            Catalog catalog = new Catalog(db, journal);
            Parties parties = new Parties(db, journal);
            Procurement procurement = new Procurement(db, journal, catalog, parties,
                    BidSeal.platformKey(bytes(new Random(seed), 32)));
            parties.register(new RegisterOrganisation("LEAD", "Lead buyer", OrganisationKind.PROCUREMENT_AGENCY, "BEL",
                    Set.of(), null), Actor.SYSTEM);
            for (int s = 0; s < storeBids; s++) {
                String code = "SUP-" + s;
                parties.register(new RegisterOrganisation(code, "Supplier " + s, OrganisationKind.SUPPLIER, "DEU",
                        Set.of(), null), Actor.SYSTEM);
                procurement.vet(code, new ProcurementCommands.Eligibility(true, false, null), Actor.SYSTEM);
            }
            List<ProcurementCommands.LotSpec> lotSpecs = new ArrayList<>();
            for (int lot = 1; lot <= lots; lot++) {
                catalog.define(new DefineItem("ITEM-" + lot, "Item " + lot, "H87", null, "35331200-5", Category.AMMUNITION,
                        true, List.of()), Actor.SYSTEM);
                lotSpecs.add(new ProcurementCommands.LotSpec("ITEM-" + lot, null, 400_000L));
            }
            Instant now = clock.instant();
            var p = procurement.open(new ProcurementCommands.OpenProcedure("LEAD", "Bench", "OPEN", "LOWEST_PRICE", null,
                    "EUR", true, 2_000, 0, now.plusSeconds(3600), now.plusSeconds(7200), lotSpecs, null), Actor.SYSTEM);
            String id = p.publicId();
            procurement.join(id, new ProcurementCommands.Join("LEAD", 4_000_000_000_000L, "bench"), Actor.SYSTEM);
            for (int lot = 1; lot <= lots; lot++) {
                procurement.commit(id, new ProcurementCommands.Commit("LEAD", lot, 1000L), Actor.SYSTEM);
            }
            clock.advance(Duration.ofMinutes(61));
            procurement.publish(id, new ProcurementCommands.Publish("bench", procurement.get(id, Actor.SYSTEM).version()),
                    Actor.SYSTEM);
            Random random = new Random(seed);
            long t0 = System.nanoTime();
            for (int lot = 1; lot <= lots; lot++) {
                for (int s = 0; s < storeBids; s++) {
                    procurement.submitBid(id, new ProcurementCommands.SubmitBid("SUP-" + s, lot,
                            300_000L + random.nextInt(200_000), 8, null), Actor.SYSTEM);
                }
            }
            long t1 = System.nanoTime();
            clock.advance(Duration.ofHours(2));
            Actor anna = new Actor("anna", "LEAD", Set.of(), Set.of("PROCUREMENT_OFFICER"));
            Actor bruno = new Actor("bruno", "LEAD", Set.of(), Set.of("PROCUREMENT_OFFICER"));
            procurement.requestOpening(id, procurement.get(id, anna).version(), anna);
            long t2 = System.nanoTime();
            procurement.confirmOpening(id, procurement.get(id, bruno).version(), bruno);
            long t3 = System.nanoTime();
            procurement.evaluate(id, procurement.get(id, anna).version(), anna);
            long t4 = System.nanoTime();
            figures.put("store.bids", (long) storeBids * lots);
            figures.put("store.submitMillis", millis(t1 - t0));
            figures.put("store.submitPerSecond", Math.round(storeBids * lots / ((t1 - t0) / 1e9)));
            figures.put("store.openMillis", millis(t3 - t2));
            figures.put("store.evaluateMillis", millis(t4 - t3));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }

    private static String toJson(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("{\"bench\":\"procurement\"");
        m.forEach((k, v) -> sb.append(",\"").append(k).append("\":").append(v));
        return sb.append("}").toString();
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
