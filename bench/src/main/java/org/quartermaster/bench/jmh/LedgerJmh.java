package org.quartermaster.bench.jmh;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.quartermaster.audit.Journal;
import org.quartermaster.funds.Ledger;
import org.quartermaster.funds.MakeTransfer;
import org.quartermaster.funds.OpenAccount;
import org.quartermaster.funds.TransferOutcome;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;

/**
 * The ledger's write path in process, without HTTP, against its reference on the same
 * PostgreSQL: {@link #ledgerTransfers} makes 100 transfers per call through the ledger's group
 * commit (policy check, account locks, rules, balances, transfers, hash-chained journal with
 * Merkle leaves, commit), {@link #pgInsert} one single-row INSERT transaction per call, as
 * pgbench does. Both run with 16 threads; scores are transfers and inserts per second. Run by
 * {@code ./qm bench jmh}, which prints them side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
public class LedgerJmh {
    static final int TRANSFERS_PER_CALL = 100;
    static final int ACCOUNT_PAIRS = 32;
    static final Actor OFFICER = new Actor("jmh-fund-officer", "QM", Set.of(), Set.of("FUND_OFFICER"));

    /** PostgreSQL JDBC URL; empty: {@code $QM_TEST_POSTGRES} or the local test database. */
    @Param("")
    public String db;

    String base;
    String schema;
    Database database;
    Ledger ledger;
    final List<String> from = new ArrayList<>();
    final List<String> to = new ArrayList<>();
    final AtomicLong ids = new AtomicLong();
    final AtomicLong created = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws SQLException {
        base = !db.isEmpty() ? db : System.getenv().getOrDefault("QM_TEST_POSTGRES",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        schema = "qm_jmh_ledger_" + ProcessHandle.current().pid();
        exec(base, "CREATE SCHEMA " + schema);
        database = Database.open(inSchema());
        exec(inSchema(), "CREATE TABLE pgbench_rows (id BIGSERIAL PRIMARY KEY, value BIGINT NOT NULL, "
                + "created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        ledger = new Ledger(database, new Journal(database));
        for (int i = 0; i < ACCOUNT_PAIRS; i++) {
            from.add(ledger.open(new OpenAccount("QM", "JMH", "CONTRIBUTIONS-" + i, "EUR", false), OFFICER).publicId());
            to.add(ledger.open(new OpenAccount("QM", "JMH", "ENVELOPE-" + i, "EUR", true), OFFICER).publicId());
        }
    }

    String inSchema() {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        try {
            Ledger.Verification v = ledger.verify();
            if (!v.sound()) throw new IllegalStateException("ledger unsound after the benchmark: " + v.problems());
            if (v.transfers() != created.get()) {
                throw new IllegalStateException("ledger holds " + v.transfers() + " transfers, " + created.get()
                        + " were created");
            }
        } finally {
            database.close();
            exec(base, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** 100 transfers of one caller, committed with the other threads' in the ledger's groups. */
    @Benchmark
    @OperationsPerInvocation(TRANSFERS_PER_CALL)
    public List<TransferOutcome> ledgerTransfers() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<MakeTransfer> batch = new ArrayList<>(TRANSFERS_PER_CALL);
        for (int i = 0; i < TRANSFERS_PER_CALL; i++) {
            batch.add(new MakeTransfer("j-" + ids.incrementAndGet(), from.get(random.nextInt(ACCOUNT_PAIRS)),
                    to.get(random.nextInt(ACCOUNT_PAIRS)), 1 + random.nextInt(100_000), "EUR", false, null));
        }
        List<TransferOutcome> outcomes = ledger.transferAll(batch, OFFICER);
        for (TransferOutcome o : outcomes) {
            if (!(o instanceof TransferOutcome.Created)) throw new IllegalStateException("not created: " + o);
        }
        created.addAndGet(outcomes.size());
        return outcomes;
    }

    /** One connection per thread, autocommit: each INSERT is a transaction, as in pgbench. */
    @State(Scope.Thread)
    public static class Inserter {
        Connection connection;
        PreparedStatement insert;

        @Setup(Level.Trial)
        public void connect(LedgerJmh bench) throws SQLException {
            connection = DriverManager.getConnection(bench.inSchema());
            insert = connection.prepareStatement("INSERT INTO pgbench_rows (value) VALUES (?)");
        }

        @TearDown(Level.Trial)
        public void disconnect() throws SQLException {
            connection.close();
        }
    }

    /** One single-row INSERT transaction (pgbench's script, from the JVM over JDBC). */
    @Benchmark
    public int pgInsert(Inserter in) throws SQLException {
        in.insert.setLong(1, 1 + ThreadLocalRandom.current().nextInt(100_000));
        return in.insert.executeUpdate();
    }

    static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute(sql);
        }
    }
}
