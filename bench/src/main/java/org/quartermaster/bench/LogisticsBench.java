package org.quartermaster.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./qm bench logistics}: custody events ingested through the HTTP API on PostgreSQL.
 * Shipments through two hubs are planned first (not measured); then concurrent clients post each
 * shipment's nine custody steps in order (hand-over, departure, arrival at hub, ... hand-over to
 * the receiver), every step its own HTTP request, checked and journalled. Access is enforced:
 * a platform admin (added with {@code qm user add}) sets the reference data up and issues each
 * organisation's logisticians an API token; every step is posted with the token of the
 * organisation holding the goods. Reports events per second and latency percentiles of the
 * custody posts, and then reads every shipment back to check that each step was stored.
 */
@Command(name = "logistics", mixinStandardHelpOptions = true,
        description = "Custody events per second and p99 latency through the API, on PostgreSQL.")
final class LogisticsBench implements Callable<Integer> {
    static final String POSTGRES_ENV = "QM_TEST_POSTGRES";
    static final int CLIENTS_MAX = 512;
    static final long EVENTS_MAX = 100_000_000L;
    static final int HUBS_MAX = org.quartermaster.logistics.Logistics.HUBS_MAX;

    /**
     * Custody steps of one shipment from the origin through {@code hubs} hubs to the receiver:
     * the sender hands over to the first carrier; at every odd-numbered hub the goods change
     * carrier (1 to 2, 2 to 1, ...); the last carrier hands over to the receiver. Each step is
     * {kind, organisation taking it, organisation taking the goods (hand-overs)}. Two hubs: nine.
     */
    static String[][] chain(int hubs) {
        List<String[]> steps = new ArrayList<>();
        String holder = "B-CARRIER-1";
        steps.add(new String[] {"HANDED_OVER", "B-SENDER", holder});
        steps.add(new String[] {"DEPARTED", holder, null});
        for (int h = 1; h <= hubs; h++) {
            steps.add(new String[] {"ARRIVED_AT_HUB", holder, null});
            if (h % 2 == 1) {
                String other = holder.equals("B-CARRIER-1") ? "B-CARRIER-2" : "B-CARRIER-1";
                steps.add(new String[] {"HANDED_OVER", holder, other});
                holder = other;
            }
            steps.add(new String[] {"DEPARTED", holder, null});
        }
        steps.add(new String[] {"ARRIVED", holder, null});
        steps.add(new String[] {"HANDED_OVER", holder, "B-RECEIVER"});
        return steps.toArray(String[][]::new);
    }

    @Option(names = "--hubs", defaultValue = "2", description = "hubs on each shipment's route, 0 to " + HUBS_MAX
            + " (default: ${DEFAULT-VALUE}: nine steps a shipment); more hubs, fewer shipments to plan")
    int hubs;

    private String[][] chain;

    @Option(names = "--events", defaultValue = "1000000", description = "custody events to ingest (default: ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--clients", defaultValue = "16", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--db", description = "PostgreSQL URL (default: env " + POSTGRES_ENV + "); a fresh schema is "
            + "created in it and dropped afterwards")
    String postgres;

    @Option(names = "--jar", description = "the fat jar (default: platform/target/quartermaster.jar above this directory)")
    Path jar;

    @Option(names = "--java-opt", description = "extra JVM option of the server, repeatable (default: -Xmx1g)")
    List<String> javaOptions = List.of("-Xmx1g");

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    /** The figures of one run. */
    record Result(long events, long failed, long stored, long shipments, int hubs, int clients, double planSeconds,
                  double seconds, double eventsPerSecond, double p50Millis, double p99Millis, double maxMillis,
                  double verifySeconds, double loadBefore, double loadAfter, int cores, String firstFailure) {}

    @Override
    public Integer call() throws Exception {
        if (hubs < 0 || hubs > HUBS_MAX) throw new IllegalArgumentException("--hubs must be 0 to " + HUBS_MAX);
        chain = chain(hubs);
        if (events < chain.length || events > EVENTS_MAX) {
            throw new IllegalArgumentException("--events must be " + chain.length + " to " + EVENTS_MAX);
        }
        if (clients < 1 || clients > CLIENTS_MAX) throw new IllegalArgumentException("--clients must be 1 to " + CLIENTS_MAX);
        String url = postgres != null ? postgres : System.getenv(POSTGRES_ENV);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("this bench runs on PostgreSQL: pass --db jdbc:postgresql://... or set "
                    + POSTGRES_ENV);
        }
        Path fatJar = ServerProcess.findJar(jar);
        String schema = "qm_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            Path log = Files.createTempDirectory("qm-logistics-").resolve("serve.log");
            List<String> storeArgs = List.of("--db", inSchema);
            try (ServerProcess server = ServerProcess.start(fatJar, storeArgs, javaOptions, log)) {
                ApiClient admin = ReferenceData.platformClient(new ApiClient(server.base()), fatJar, storeArgs,
                        "bench-logistics-admin", List.of("ADMIN"));
                Result r = run(admin);
                print(r);
                return r.failed() == 0 && r.stored() == r.events() ? 0 : 1;
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop schema " + schema + ": " + e.getMessage());
            }
        }
    }

    private Result run(ApiClient admin) throws Exception {
        referenceData(admin, hubs);
        // Each organisation's logisticians post its steps with its own API token.
        Map<String, ApiClient> byOrganisation = new LinkedHashMap<>();
        for (String org : List.of("B-SENDER", "B-CARRIER-1", "B-CARRIER-2")) {
            String token = admin.postExpecting(201, "/api/v1/tokens", """
                    {"name":"bench %s","organisation":"%s","roles":["LOGISTICIAN"]}""".formatted(org, org))
                    .json().get("token").asText();
            byOrganisation.put(org, admin.withToken(token));
        }
        ApiClient sender = byOrganisation.get("B-SENDER");
        int shipments = (int) ((events + chain.length - 1) / chain.length);
        String[] offers = acceptedOffers(admin, sender, (shipments + OFFER_SHIPMENTS - 1) / OFFER_SHIPMENTS);
        String[] ids = new String[shipments];
        long planStart = System.nanoTime();
        parallel(shipments, (i, own) -> ids[i] = own.get("B-SENDER").postExpecting(201, "/api/v1/shipments",
                plan(i, hubs, offers[i / OFFER_SHIPMENTS])).json().get("id").asText(), byOrganisation, "planned", null);
        double planSeconds = (System.nanoTime() - planStart) / 1e9;

        double loadBefore = loadAverage();
        long[] latencies = new long[(int) events];
        AtomicLong recorded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        parallel(shipments, (i, own) -> {
            int steps = (int) Math.min(chain.length, events - (long) i * chain.length);
            for (int step = 0; step < steps; step++) {
                String[] e = chain[step];
                String body = "{\"kind\":\"" + e[0] + "\",\"organisation\":\"" + e[1] + "\""
                        + (e[2] == null ? "" : ",\"to\":\"" + e[2] + "\"") + "}";
                long t0 = System.nanoTime();
                ApiClient.Reply reply = own.get(e[1]).post("/api/v1/shipments/" + ids[i] + "/custody", body, null);
                latencies[(int) recorded.getAndIncrement()] = System.nanoTime() - t0;
                if (reply.status() != 201) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, reply.status() + " " + reply.body());
                    return; // the rest of this chain would be refused as out of order
                }
            }
        }, byOrganisation, "custody events", recorded);
        double seconds = (System.nanoTime() - start) / 1e9;
        double loadAfter = loadAverage();
        long[] measured = java.util.Arrays.copyOf(latencies, (int) recorded.get());

        // Read every shipment back (as its owner): the steps stored must be the steps answered 201.
        long verifyStart = System.nanoTime();
        AtomicLong stored = new AtomicLong();
        parallel(shipments, (i, own) -> {
            ApiClient.Reply r = own.get("B-SENDER").get("/api/v1/shipments/" + ids[i]);
            if (r.status() != 200) throw new IllegalStateException("GET shipment " + ids[i] + ": " + r.status());
            stored.addAndGet(r.json().get("custodyCount").asLong());
        }, byOrganisation, "verified", null);
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
        long ok = measured.length - failed.get();
        if (stored.get() != ok) {
            firstFailure.compareAndSet(null, "stored " + stored.get() + " custody steps, but " + ok + " were answered 201");
        }
        return new Result(measured.length, failed.get(), stored.get(), shipments, hubs, clients, planSeconds, seconds,
                measured.length / seconds, Latencies.percentileMillis(measured, 50),
                Latencies.percentileMillis(measured, 99), Latencies.percentileMillis(measured, 100), verifySeconds,
                loadBefore, loadAfter, Runtime.getRuntime().availableProcessors(), firstFailure.get());
    }

    /** The machine's 1-minute load average (NaN where /proc/loadavg is missing). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    interface Task {
        /** Works on index {@code index} with the client's own HTTP clients, one per organisation. */
        void run(int index, Map<String, ApiClient> own) throws Exception;
    }

    /**
     * Runs {@code task} for indexes 0..count-1 on the clients, each index once, each client with
     * its own HTTP connections; prints progress on stderr about every 10 s (with the rate of
     * {@code counter} when given, else of the indexes done).
     */
    private void parallel(int count, Task task, Map<String, ApiClient> clientsByOrganisation, String what,
                          AtomicLong counter) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        Thread progress = Thread.ofPlatform().daemon().start(() -> {
            long lastCount = 0;
            long last = start;
            try {
                while (true) {
                    Thread.sleep(10_000);
                    long now = System.nanoTime();
                    long c = counter != null ? counter.get() : done.get();
                    System.err.printf("  %s: %d / %d shipments, %d %s in %.0f s (%.0f/s now), load %.1f%n", what,
                            done.get(), count, c, counter != null ? "requests" : "done", (now - start) / 1e9,
                            (c - lastCount) / ((now - last) / 1e9), loadAverage());
                    lastCount = c;
                    last = now;
                }
            } catch (InterruptedException e) {
                // finished
            }
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Map<String, ApiClient> own = new LinkedHashMap<>();
                clientsByOrganisation.forEach((org, client) -> own.put(org, client.at(client.base())));
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        task.run(i, own);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
            progress.interrupt();
        }
    }

    static void referenceData(ApiClient api, int hubs) throws Exception {
        api.postExpecting(201, "/api/v1/items", """
                {"code":"B-CRATE","name":"Crate (bench)","unit":"H87","category":"OTHER","lethal":false}""");
        for (String org : List.of("B-SENDER", "B-CARRIER-1", "B-CARRIER-2", "B-RECEIVER")) {
            api.postExpecting(201, "/api/v1/organisations", """
                    {"code":"%s","name":"%s","kind":"SUPPLIER","country":"POL"}""".formatted(org, org));
        }
        List<String> locations = new ArrayList<>(List.of("B-ORIGIN", "B-DEST"));
        for (int h = 1; h <= hubs; h++) locations.add("B-HUB-" + h);
        for (String loc : locations) {
            api.postExpecting(201, "/api/v1/locations", """
                    {"code":"%s","name":"%s","country":"POL","kind":"HUB"}""".formatted(loc, loc));
        }
    }

    /** Shipments that carry one offer: each offer's shipped total, checked at every plan, stays small. */
    static final int OFFER_SHIPMENTS = 100;

    /**
     * The sender's offers of crates, accepted by the receiver: what the shipments' lines fulfil (a
     * line must name an accepted offer, a contract or call-off it is party to, or an allocation).
     */
    private static String[] acceptedOffers(ApiClient admin, ApiClient sender, int count) throws Exception {
        String token = admin.postExpecting(201, "/api/v1/tokens", """
                {"name":"bench receiver","organisation":"B-RECEIVER","roles":["REQUESTER"]}""")
                .json().get("token").asText();
        ApiClient receiver = admin.withToken(token);
        String[] out = new String[count];
        for (int k = 0; k < count; k++) {
            String id = sender.postExpecting(201, "/api/v1/offers", """
                    {"donor":"B-SENDER","item":"B-CRATE","quantity":%d,"condition":"NEW","origin":"B-ORIGIN",
                     "availableFrom":"2026-01-01","terms":"DONATION","releasableTo":["B-RECEIVER"]}"""
                    .formatted(100 * OFFER_SHIPMENTS)).json().get("id").asText();
            receiver.postExpecting(200, "/api/v1/offers/" + id + "/accept", "{\"version\":1}");
            out[k] = id;
        }
        return out;
    }

    static String plan(int i, int hubs, String offer) {
        StringBuilder route = new StringBuilder();
        for (int h = 1; h <= hubs; h++) route.append(h > 1 ? "," : "").append("{\"location\":\"B-HUB-").append(h).append("\"}");
        return """
                {"owner":"B-SENDER","receiver":"B-RECEIVER","origin":"B-ORIGIN","destination":"B-DEST","mode":"ROAD",
                 "plannedDeparture":"2026-01-01T00:00:00Z","plannedArrival":"2030-01-01T00:00:00Z",
                 "hubs":[%s],
                 "lines":[{"kind":"OFFER","fulfils":"%s","item":"B-CRATE","quantity":%d}]}"""
                .formatted(route, offer, 1 + i % 100);
    }

    private void print(Result r) throws Exception {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "logistics");
            m.put("database", "postgresql");
            m.put("result", r);
            System.out.println(ApiClient.JSON.writeValueAsString(m));
            return;
        }
        System.out.printf("custody events over HTTP on PostgreSQL, one step per request: %d shipments through %d hubs "
                + "(%d steps each), %d clients; planning them took %.1f s (not measured)%n", r.shipments(), hubs,
                chain.length, r.clients(), r.planSeconds());
        System.out.printf("%9s %6s %9s %8s %10s %8s %8s %8s%n", "events", "failed", "stored", "seconds", "events/s",
                "p50_ms", "p99_ms", "max_ms");
        System.out.printf("%9d %6d %9d %8.1f %10.1f %8.2f %8.2f %8.2f%n", r.events(), r.failed(), r.stored(),
                r.seconds(), r.eventsPerSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis());
        System.out.printf("stored steps read back per shipment in %.1f s; load average %.1f before, %.1f after, "
                + "on %d cores%n", r.verifySeconds(), r.loadBefore(), r.loadAfter(), r.cores());
        if (r.firstFailure() != null) System.out.println("  first failure: " + r.firstFailure());
    }
}
