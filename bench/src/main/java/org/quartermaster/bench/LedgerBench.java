package org.quartermaster.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartermaster.audit.Journal;
import org.quartermaster.funds.Ledger;
import org.quartermaster.funds.MakeTransfer;
import org.quartermaster.funds.OpenAccount;
import org.quartermaster.funds.TransferOutcome;
import org.quartermaster.funds.model.Account;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./qm bench ledger}: posted transfers per second through the ledger facade on
 * PostgreSQL (each one locks two account rows, checks the rule, writes both balances, the
 * transfer and a journal event, and commits), side by side with pgbench running single-row
 * INSERT transactions on the same server, in the same run, at the same concurrency.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Ledger transfers per second on PostgreSQL versus pgbench single-row inserts.")
public final class LedgerBench implements Callable<Integer> {
    static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    @Option(names = "--db", description = "PostgreSQL JDBC URL (default: $QM_TEST_POSTGRES or the local test database)")
    String db;

    @Option(names = "--seconds", defaultValue = "10", description = "measured seconds per side (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--threads", defaultValue = "8", description = "concurrent writers per side (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--accounts", defaultValue = "64", description = "accounts the transfers spread over")
    int accounts;

    @Option(names = "--pgbench", defaultValue = "/usr/lib/postgresql/15/bin/pgbench", description = "pgbench binary")
    Path pgbench;

    @Option(names = "--batch", defaultValue = "100",
            description = "transfers per transaction in the batched run (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--json", description = "print the figures as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 600) throw new IllegalArgumentException("--seconds must be between 1 and 600");
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("--threads must be between 1 and 64");
        if (accounts < 2 || accounts > 10_000) throw new IllegalArgumentException("--accounts must be 2 to 10000");
        if (batch < 1 || batch > Ledger.BATCH_SIZE_MAX) throw new IllegalArgumentException("--batch must be 1 to 1000");
        String base = db != null ? db : System.getenv().getOrDefault("QM_TEST_POSTGRES",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "qm_bench_ledger_" + ProcessHandle.current().pid();
        exec(base, "CREATE SCHEMA " + schema);
        try {
            double[] app = ledger(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            double reference = pgbench(base, schema);
            print(app[0], app[1], reference);
        } finally {
            exec(base, "DROP SCHEMA " + schema + " CASCADE");
        }
        return 0;
    }

    /** Transfers per second one per transaction, then in batches of {@code batch} per transaction. */
    private double[] ledger(String url) throws Exception {
        try (Database database = Database.open(url)) {
            Ledger ledger = new Ledger(database, new Journal(database));
            List<Account> from = new ArrayList<>();
            List<Account> to = new ArrayList<>();
            for (int i = 0; i < accounts / 2; i++) {
                from.add(ledger.open(new OpenAccount("M" + i, "BENCH", "CONTRIBUTIONS", "EUR", false), Actor.SYSTEM));
                to.add(ledger.open(new OpenAccount("BENCH", "BENCH", "ENVELOPE-" + i, "EUR", true), Actor.SYSTEM));
            }
            run(ledger, from, to, 2, "warm-", 1);
            long started = System.nanoTime();
            long made = run(ledger, from, to, seconds, "t-", 1);
            double rate = made / ((System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            long batched = run(ledger, from, to, seconds, "b-", batch);
            double batchedRate = batched / ((System.nanoTime() - started) / 1e9);
            Ledger.Verification v = ledger.verify();
            if (!v.sound()) throw new IllegalStateException("ledger unsound after the run: " + v.problems());
            if (!json) System.err.printf("ledger: %d single and %d batched transfers, verified (%d replayed)%n", made,
                    batched, v.transfers());
            return new double[] {rate, batchedRate};
        }
    }

    /** Posted transfers from random members to random envelopes for {@code runSeconds}; returns how many were made. */
    private long run(Ledger ledger, List<Account> from, List<Account> to, int runSeconds, String prefix, int size)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong made = new AtomicLong();
        AtomicLong ids = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (!stop.get()) {
                        List<MakeTransfer> transfers = new ArrayList<>();
                        for (int i = 0; i < size; i++) {
                            Account debit = from.get(random.nextInt(from.size()));
                            Account credit = to.get(random.nextInt(to.size()));
                            transfers.add(new MakeTransfer(prefix + ids.incrementAndGet(), debit.publicId(),
                                    credit.publicId(), 1 + random.nextInt(100_000), "EUR", false, null));
                        }
                        for (TransferOutcome o : ledger.transferAll(transfers, Actor.SYSTEM)) {
                            if (!(o instanceof TransferOutcome.Created)) throw new IllegalStateException("not made: " + o);
                        }
                        made.addAndGet(size);
                    }
                    return null;
                }));
            }
            Thread.sleep(runSeconds * 1000L);
            stop.set(true);
            for (Future<?> f : workers) f.get();
        }
        return made.get();
    }

    private double pgbench(String base, String schema) throws Exception {
        exec(base, "CREATE TABLE " + schema + ".pgbench_rows (id BIGSERIAL PRIMARY KEY, value BIGINT NOT NULL, "
                + "created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        Path script = Files.createTempFile("qm-pgbench-", ".sql");
        try {
            Files.writeString(script, "\\set v random(1, 100000)\nINSERT INTO " + schema
                    + ".pgbench_rows (value) VALUES (:v);\n");
            URI uri = URI.create(base.substring("jdbc:".length()));
            String user = query(uri, "user", "postgres");
            String database = uri.getPath().substring(1);
            List<String> command = List.of(pgbench.toString(), "-h", uri.getHost(),
                    "-p", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()), "-U", user, "-n",
                    "-c", String.valueOf(threads), "-j", String.valueOf(Math.min(threads, 4)),
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

    private void print(double app, double batched, double reference) {
        if (json) {
            System.out.printf(Locale.ROOT, "{\"transfersPerSecond\":%.1f,\"pgbenchPerSecond\":%.1f,\"ratio\":%.3f,"
                            + "\"batchedTransfersPerSecond\":%.1f,\"batch\":%d,\"batchedRatio\":%.3f,"
                            + "\"threads\":%d,\"seconds\":%d,\"accounts\":%d}%n", app, reference, app / reference,
                    batched, batch, batched / reference, threads, seconds, accounts);
            return;
        }
        System.out.printf(Locale.ROOT, "%-50s %12s %8s%n", "PostgreSQL, " + threads + " writers, " + seconds + " s each",
                "per second", "ratio");
        System.out.printf(Locale.ROOT, "%-50s %12.1f %7.1f%%%n", "pgbench single-row INSERT transactions", reference, 100.0);
        System.out.printf(Locale.ROOT, "%-50s %12.1f %7.1f%%%n", "ledger transfers, one per transaction", app,
                100 * app / reference);
        System.out.printf(Locale.ROOT, "%-50s %12.1f %7.1f%%%n", "ledger transfers, " + batch + " per transaction",
                batched, 100 * batched / reference);
        System.out.println("goal: ledger >= 50% of pgbench");
    }

    private static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute(sql);
        }
    }
}
