package org.quartermaster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./qm bench ledger}: posted transfers per second through the app's HTTP API on
 * PostgreSQL ({@code qm serve} in a child process, a fresh schema), side by side with pgbench
 * running single-row INSERT transactions on the same server, in the same run, with the same
 * number of clients for the same time. The sides alternate in {@code --rounds} rounds and the
 * medians are reported, with the ratio of each round.
 *
 * <p>Two ways of sending are measured: one transfer per request ({@code POST /api/v1/transfers},
 * which the ledger commits in groups with other clients' transfers), and {@code --batch}
 * transfers per request ({@code POST /api/v1/transfer-batches}, each entry with its own id and
 * outcome). Only transfers answered CREATED count. Every transfer locks its accounts, checks the
 * rules, writes both balances, the transfer and a hash-chained journal event with its Merkle
 * leaf, and is committed before it is answered. After the run the ledger is replayed
 * ({@code GET /api/v1/ledger/verify}): it must be sound and hold exactly the transfers counted.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Ledger transfers per second over HTTP on PostgreSQL versus pgbench single-row inserts.")
public final class LedgerBench implements Callable<Integer> {
    static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    static final int BATCH_MAX = 1_000;
    static final String CREATED = "\"outcome\":\"CREATED\"";

    @Option(names = "--db", description = "PostgreSQL JDBC URL (default: $QM_TEST_POSTGRES or the local test database)")
    String db;

    @Option(names = "--seconds", defaultValue = "10", description = "measured seconds per side (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = {"--clients", "--threads"}, defaultValue = "16",
            description = "concurrent clients per side, the app's and pgbench's (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--accounts", defaultValue = "64", description = "accounts the transfers spread over")
    int accounts;

    @Option(names = "--pgbench", defaultValue = "/usr/lib/postgresql/15/bin/pgbench", description = "pgbench binary")
    Path pgbench;

    @Option(names = "--batch", defaultValue = "100",
            description = "transfers per request on POST /api/v1/transfer-batches (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--rounds", defaultValue = "3",
            description = "rounds of pgbench, one-per-request and batched, alternating; medians are reported "
                    + "(default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--jar", description = "the fat jar (default: platform/target/quartermaster.jar above this directory)")
    Path jar;

    @Option(names = "--java-opt", description = "extra JVM option of the server, repeatable (default: -Xmx512m)")
    List<String> javaOptions = List.of("-Xmx512m");

    @Option(names = "--json", description = "print the figures as JSON")
    boolean json;

    /** One phase's figures: transfers answered CREATED, requests, failures, and request latencies. */
    record Phase(long transfers, long requests, long failed, double seconds, long[] latencyNanos, String firstFailure) {
        double perSecond() {
            return transfers / seconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 600) throw new IllegalArgumentException("--seconds must be between 1 and 600");
        if (clients < 1 || clients > 256) throw new IllegalArgumentException("--clients must be between 1 and 256");
        if (accounts < 2 || accounts > 10_000) throw new IllegalArgumentException("--accounts must be 2 to 10000");
        if (batch < 1 || batch > BATCH_MAX) throw new IllegalArgumentException("--batch must be 1 to " + BATCH_MAX);
        if (rounds < 1 || rounds > 20) throw new IllegalArgumentException("--rounds must be 1 to 20");
        Path fatJar = ServerProcess.findJar(jar);
        String base = db != null ? db : System.getenv().getOrDefault("QM_TEST_POSTGRES",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "qm_bench_ledger_" + ProcessHandle.current().pid();
        exec(base, "CREATE SCHEMA " + schema);
        try {
            Path log = Files.createTempFile("qm-bench-ledger-", ".log");
            String inSchema = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            List<Round> done = new ArrayList<>();
            try (ServerProcess server = ServerProcess.start(fatJar, List.of("--db", inSchema), javaOptions, log)) {
                // after the server migrated the schema (Flyway will not migrate a schema that holds tables)
                exec(base, "CREATE TABLE " + schema + ".pgbench_rows (id BIGSERIAL PRIMARY KEY, value BIGINT NOT NULL, "
                        + "created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
                ApiClient api = ReferenceData.platformClient(new ApiClient(server.base()), fatJar,
                        List.of("--db", inSchema), "bench-fund-officer", List.of("FUND_OFFICER", "AUDITOR"));
                List<String>[] pairs = openAccounts(api);
                run(api, pairs, 2, "warm-", 1);
                run(api, pairs, 2, "warmb-", batch);
                // Rounds alternate the sides, so a slow spell of the machine hits both alike.
                for (int r = 1; r <= rounds; r++) {
                    double reference = pgbench(base, schema);
                    Phase single = run(api, pairs, seconds, "t" + r + "-", 1);
                    Phase batched = run(api, pairs, seconds, "b" + r + "-", batch);
                    done.add(new Round(reference, single, batched));
                    if (!json) System.err.printf(Locale.ROOT, "round %d of %d: pgbench %.1f/s, batched %.1f/s (%.1f%%), "
                            + "single %.1f/s%n", r, rounds, reference, batched.perSecond(),
                            100 * batched.perSecond() / reference, single.perSecond());
                }
                JsonNode v = api.get("/api/v1/ledger/verify").json();
                long made = done.stream().mapToLong(d -> d.single().transfers() + d.batched().transfers()).sum();
                if (!v.get("sound").asBoolean()) throw new IllegalStateException("ledger unsound after the run: " + v);
                if (v.get("transfers").asLong() < made) {
                    throw new IllegalStateException("ledger holds " + v.get("transfers").asLong()
                            + " transfers but " + made + " were answered CREATED in the measured rounds");
                }
                if (!json) {
                    System.err.printf("ledger: %d transfers replayed, sound; server log %s%n",
                            v.get("transfers").asLong(), log);
                }
            }
            print(done);
            long failed = done.stream().mapToLong(d -> d.single().failed() + d.batched().failed()).sum();
            return failed == 0 ? 0 : 1;
        } finally {
            exec(base, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** One round: pgbench, then the app one transfer per request, then batched, each for {@code --seconds}. */
    record Round(double pgbench, Phase single, Phase batched) {
        double ratio() {
            return batched.perSecond() / pgbench;
        }

        double singleRatio() {
            return single.perSecond() / pgbench;
        }
    }

    /**
     * Contribution accounts (may go negative) and envelopes (may not): the two sides of every
     * transfer. All are the platform's own, since a fund officer moves only their organisation's money.
     */
    @SuppressWarnings("unchecked")
    private List<String>[] openAccounts(ApiClient api) throws Exception {
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        for (int i = 0; i < accounts / 2; i++) {
            from.add(api.postExpecting(201, "/api/v1/accounts", """
                    {"owner":"QM","fund":"BENCH","purpose":"CONTRIBUTIONS-%d","currency":"EUR","noNegative":false}"""
                    .formatted(i)).json().get("id").asText());
            to.add(api.postExpecting(201, "/api/v1/accounts", """
                    {"owner":"QM","fund":"BENCH","purpose":"ENVELOPE-%d","currency":"EUR","noNegative":true}"""
                    .formatted(i)).json().get("id").asText());
        }
        return new List[] {from, to};
    }

    /** {@code clients} clients posting transfers of {@code size} per request for {@code runSeconds}. */
    private Phase run(ApiClient api, List<String>[] pairs, int runSeconds, String prefix, int size)
            throws InterruptedException {
        AtomicLong transfers = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong ids = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        long deadline = started + runSeconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            // each client its own HTTP client (its own connection and selector), as separate clients are
            ApiClient own = api.at(api.base());
            threads.add(Thread.ofVirtual().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    StringBuilder body = new StringBuilder(size == 1 ? "" : "{\"transfers\":[");
                    for (int i = 0; i < size; i++) {
                        if (i > 0) body.append(',');
                        body.append("{\"id\":\"").append(prefix).append(ids.incrementAndGet())
                                .append("\",\"debit\":\"").append(pairs[0].get(random.nextInt(pairs[0].size())))
                                .append("\",\"credit\":\"").append(pairs[1].get(random.nextInt(pairs[1].size())))
                                .append("\",\"amountMinor\":").append(1 + random.nextInt(100_000))
                                .append(",\"currency\":\"EUR\"}");
                    }
                    if (size > 1) body.append("]}");
                    long t0 = System.nanoTime();
                    try {
                        ApiClient.Reply r = own.post(size == 1 ? "/api/v1/transfers" : "/api/v1/transfer-batches",
                                body.toString(), null);
                        long made = created(r, size);
                        mine.add(System.nanoTime() - t0);
                        requests.incrementAndGet();
                        transfers.addAndGet(made);
                        if (made != size) {
                            failed.addAndGet(size - made);
                            firstFailure.compareAndSet(null, r.status() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failed.addAndGet(size);
                        firstFailure.compareAndSet(null, e.toString());
                    }
                }
                latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
            }));
        }
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        return new Phase(transfers.get(), requests.get(), failed.get(), elapsed, all, firstFailure.get());
    }

    /** How many of the request's transfers were answered CREATED. */
    private static long created(ApiClient.Reply r, int size) {
        if (size == 1) return r.status() == 201 ? 1 : 0;
        if (r.status() != 200) return 0;
        // Counted in the text (the client's CPU is shared with the server's on one machine): each
        // item has exactly one "outcome" member; CREATED is one of four fixed words.
        long n = 0;
        for (int at = r.body().indexOf(CREATED); at >= 0; at = r.body().indexOf(CREATED, at + 1)) n++;
        return n;
    }

    private double pgbench(String base, String schema) throws Exception {
        Path script = Files.createTempFile("qm-pgbench-", ".sql");
        try {
            Files.writeString(script, "\\set v random(1, 100000)\nINSERT INTO " + schema
                    + ".pgbench_rows (value) VALUES (:v);\n");
            URI uri = URI.create(base.substring("jdbc:".length()));
            String user = query(uri, "user", "postgres");
            String database = uri.getPath().substring(1);
            List<String> command = List.of(pgbench.toString(), "-h", uri.getHost(),
                    "-p", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()), "-U", user, "-n",
                    "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 4)),
                    "-T", String.valueOf(seconds), "-f", script.toString(), database);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IllegalStateException("pgbench failed:\n" + out);
            Matcher m = TPS.matcher(out);
            if (!m.find()) throw new IllegalStateException("no tps in pgbench output:\n" + out);
            return Double.parseDouble(m.group(1));
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static String query(URI uri, String name, String fallback) {
        if (uri.getQuery() == null) return fallback;
        for (String pair : uri.getQuery().split("&")) {
            if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        }
        return fallback;
    }

    private void print(List<Round> done) throws Exception {
        double reference = median(done.stream().mapToDouble(Round::pgbench));
        double batched = median(done.stream().mapToDouble(d -> d.batched().perSecond()));
        double single = median(done.stream().mapToDouble(d -> d.single().perSecond()));
        double ratio = median(done.stream().mapToDouble(Round::ratio));
        double singleRatio = median(done.stream().mapToDouble(Round::singleRatio));
        long[] batchedLatencies = done.stream().flatMapToLong(d -> java.util.Arrays.stream(d.batched().latencyNanos()))
                .toArray();
        long[] singleLatencies = done.stream().flatMapToLong(d -> java.util.Arrays.stream(d.single().latencyNanos()))
                .toArray();
        long failed = done.stream().mapToLong(d -> d.single().failed() + d.batched().failed()).sum();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transfersPerSecond", round(batched));
            m.put("pgbenchPerSecond", round(reference));
            m.put("ratio", Math.round(1000 * ratio) / 1000.0);
            m.put("transfersPerRequest", batch);
            m.put("singleTransfersPerSecond", round(single));
            m.put("singleRatio", Math.round(1000 * singleRatio) / 1000.0);
            m.put("rounds", done.size());
            m.put("ratios", done.stream().map(d -> Math.round(1000 * d.ratio()) / 1000.0).toList());
            m.put("clients", clients);
            m.put("seconds", seconds);
            m.put("accounts", accounts);
            m.put("batchP50Millis", Latencies.percentileMillis(batchedLatencies, 50));
            m.put("batchP99Millis", Latencies.percentileMillis(batchedLatencies, 99));
            m.put("singleP50Millis", Latencies.percentileMillis(singleLatencies, 50));
            m.put("singleP99Millis", Latencies.percentileMillis(singleLatencies, 99));
            m.put("failed", failed);
            System.out.println(ApiClient.JSON.writeValueAsString(m));
            return;
        }
        System.out.printf(Locale.ROOT, "PostgreSQL, %d clients per side, %d s each, %d round(s) alternating the sides, "
                + "over HTTP (qm serve)%n", clients, seconds, done.size());
        System.out.printf(Locale.ROOT, "%-52s %11s %7s %8s %8s%n", "median of the rounds", "per second", "ratio",
                "p50_ms", "p99_ms");
        System.out.printf(Locale.ROOT, "%-52s %11.1f %6.1f%%%n", "pgbench single-row INSERT transactions", reference, 100.0);
        line("ledger transfers, " + batch + " per request (transfer-batches)", batched, ratio, batchedLatencies);
        line("ledger transfers, 1 per request (group commit)", single, singleRatio, singleLatencies);
        if (done.size() > 1) {
            System.out.println("ratio of each round (batched / pgbench): " + String.join(", ", done.stream()
                    .map(d -> String.format(Locale.ROOT, "%.1f%%", 100 * d.ratio())).toList()));
        }
        System.out.println("goal: ledger >= 50% of pgbench; transfersPerSecond in --json is the batched line");
        for (Round d : done) {
            for (Phase p : List.of(d.batched(), d.single())) {
                if (p.failed() > 0) System.out.println("failed: " + p.failed() + ", first: " + p.firstFailure());
            }
        }
    }

    private static void line(String label, double perSecond, double ratio, long[] latencies) {
        System.out.printf(Locale.ROOT, "%-52s %11.1f %6.1f%% %8.2f %8.2f%n", label, perSecond, 100 * ratio,
                Latencies.percentileMillis(latencies, 50), Latencies.percentileMillis(latencies, 99));
    }

    /** The median of {@code values} (the mean of the middle two when even). */
    static double median(java.util.stream.DoubleStream values) {
        double[] v = values.sorted().toArray();
        if (v.length == 0) throw new IllegalArgumentException("no values");
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute(sql);
        }
    }
}
