package org.quartermaster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./qm bench writes}: needs filed per second through the HTTP API by concurrent clients,
 * on the embedded SQLite database and on PostgreSQL, side by side in one run.
 */
@Command(name = "writes", mixinStandardHelpOptions = true,
        description = "Write throughput (needs filed over HTTP) on SQLite and PostgreSQL, side by side.")
final class WriteBench implements Callable<Integer> {
    static final int CLIENTS_MAX = 1_024;
    static final String POSTGRES_ENV = "QM_TEST_POSTGRES";

    @Option(names = "--clients", defaultValue = "16", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--warmup-s", defaultValue = "5", description = "warm-up seconds, not measured (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--duration-s", defaultValue = "20", description = "measured seconds (default: ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(names = "--requests", defaultValue = "0",
            description = "stop the measured period after this many requests (default: 0 = time only)")
    long requests;

    @Option(names = "--db", description = "PostgreSQL URL (default: env " + POSTGRES_ENV + "; 'none' = SQLite only); "
            + "a fresh schema is created in it and dropped afterwards")
    String postgres;

    @Option(names = "--no-idempotency-keys",
            description = "send no Idempotency-Key (by default every request has one, as clients should)")
    boolean noIdempotencyKeys;

    @Option(names = "--jar", description = "the fat jar (default: platform/target/quartermaster.jar above this directory)")
    Path jar;

    @Option(names = "--java-opt", description = "extra JVM option of the server, repeatable (default: -Xmx512m)")
    List<String> javaOptions = List.of("-Xmx512m");

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    /** One database's figures. */
    record Row(String database, int clients, long requests, long failed, double seconds, double perSecond,
               double p50Millis, double p99Millis, double maxMillis, String firstFailure) {}

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || clients > CLIENTS_MAX) throw new IllegalArgumentException("--clients must be 1 to " + CLIENTS_MAX);
        if (durationSeconds < 1 || warmupSeconds < 0) throw new IllegalArgumentException("need --duration-s >= 1, --warmup-s >= 0");
        Path fatJar = ServerProcess.findJar(jar);
        String pg = postgres != null ? postgres : System.getenv(POSTGRES_ENV);
        List<Row> rows = new ArrayList<>();
        Path sqliteDir = Files.createTempDirectory("qm-writes-");
        rows.add(measure("sqlite", fatJar, List.of("--data", sqliteDir.toString()), sqliteDir.resolve("serve.log")));
        if (pg == null || pg.equals("none")) {
            if (!json) System.out.println("PostgreSQL skipped: pass --db jdbc:postgresql://... or set " + POSTGRES_ENV);
        } else {
            rows.add(onFreshSchema(pg, fatJar, sqliteDir.resolve("serve-postgresql.log")));
        }
        print(rows);
        return rows.stream().allMatch(r -> r.failed() == 0) ? 0 : 1;
    }

    private Row onFreshSchema(String url, Path fatJar, Path log) throws Exception {
        String schema = "qm_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return measure("postgresql", fatJar, List.of("--db", inSchema), log);
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop schema " + schema + ": " + e.getMessage());
            }
        }
    }

    private Row measure(String database, Path fatJar, List<String> storeArgs, Path log)
            throws IOException, InterruptedException {
        try (ServerProcess server = ServerProcess.start(fatJar, storeArgs, javaOptions, log)) {
            ApiClient api = ReferenceData.create(new ApiClient(server.base()), fatJar, storeArgs);
            if (warmupSeconds > 0) {
                LoadPhase.run(api, clients, Duration.ofSeconds(warmupSeconds), 0, "warm", !noIdempotencyKeys);
            }
            LoadPhase.Outcome o = LoadPhase.run(api, clients, Duration.ofSeconds(durationSeconds), requests, "run",
                    !noIdempotencyKeys);
            return new Row(database, clients, o.created(), o.failed(), o.elapsedNanos() / 1e9, o.perSecond(),
                    Latencies.percentileMillis(o.latencyNanos(), 50), Latencies.percentileMillis(o.latencyNanos(), 99),
                    Latencies.percentileMillis(o.latencyNanos(), 100), o.firstFailure());
        }
    }

    private void print(List<Row> rows) throws IOException {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "writes");
            m.put("clients", clients);
            m.put("warmupSeconds", warmupSeconds);
            m.put("idempotencyKeys", !noIdempotencyKeys);
            m.put("results", rows);
            System.out.println(ApiClient.JSON.writeValueAsString(m));
            return;
        }
        System.out.printf("needs filed over HTTP: %d clients, %d s warm-up, %s measured, Idempotency-Key %s%n", clients,
                warmupSeconds, requests > 0 ? "up to " + durationSeconds + " s or " + requests + " requests"
                        : durationSeconds + " s", noIdempotencyKeys ? "off" : "on");
        System.out.printf("%-10s %7s %9s %6s %7s %9s %8s %8s %8s%n", "database", "clients", "requests", "failed",
                "seconds", "req/s", "p50_ms", "p99_ms", "max_ms");
        for (Row r : rows) {
            System.out.printf("%-10s %7d %9d %6d %7.1f %9.1f %8.2f %8.2f %8.2f%n", r.database(), r.clients(),
                    r.requests(), r.failed(), r.seconds(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis());
            if (r.firstFailure() != null) System.out.println("  first failure: " + r.firstFailure());
        }
    }
}
