package org.quartermaster.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.quartermaster.store.Database;

/**
 * Fresh databases for tests: a SQLite file in a temporary directory, or a new schema on the
 * PostgreSQL named by {@code QM_TEST_POSTGRES} (a JDBC URL). Without that variable PostgreSQL
 * tests are skipped, with a notice on standard error; CI always sets it.
 */
public final class TestDatabases {
    public static final String POSTGRES_ENV = "QM_TEST_POSTGRES";
    private static final AtomicBoolean NOTICE_SHOWN = new AtomicBoolean();
    private static final AtomicLong SCHEMAS = new AtomicLong();

    private TestDatabases() {}

    /** The kinds of database every repository contract runs against. */
    public enum Kind { SQLITE, POSTGRESQL }

    public static Database open(Kind kind) {
        return kind == Kind.SQLITE ? sqlite() : postgres();
    }

    public static Database sqlite() {
        try {
            Path dir = Files.createTempDirectory("qm-test-");
            dir.toFile().deleteOnExit();
            return Database.embedded(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PostgreSQL URL of a fresh, empty schema; skips the test when no PostgreSQL is configured. */
    public static String postgresUrl() {
        String base = System.getenv(POSTGRES_ENV);
        if (base == null || base.isBlank()) {
            if (NOTICE_SHOWN.compareAndSet(false, true)) {
                System.err.println("NOTICE: " + POSTGRES_ENV + " is not set: PostgreSQL tests are SKIPPED. "
                        + "Set it to a JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            }
            Assumptions.abort(POSTGRES_ENV + " is not set; PostgreSQL tests skipped");
        }
        String schema = "qm_t_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + "_"
                + Long.toString(System.nanoTime() & 0xffffff, 36).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + base + ": " + e.getMessage(), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static Database postgres() {
        return Database.open(postgresUrl());
    }

    /** A fresh database of {@code kind} whose transactions read the time from {@code clock}. */
    public static Database open(Kind kind, java.time.Clock clock) {
        if (kind == Kind.POSTGRESQL) return Database.open(postgresUrl(), clock);
        try {
            Path dir = Files.createTempDirectory("qm-test-");
            dir.toFile().deleteOnExit();
            return Database.open("jdbc:sqlite:" + dir.resolve("quartermaster.db").toAbsolutePath(), clock);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<String> postgresBase() {
        return Optional.ofNullable(System.getenv(POSTGRES_ENV)).filter(s -> !s.isBlank());
    }
}
