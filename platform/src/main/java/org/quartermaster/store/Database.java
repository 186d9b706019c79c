package org.quartermaster.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.quartermaster.shared.Actor;

/**
 * The platform's database: SQLite embedded (one writer connection, WAL, synchronous=FULL) or
 * PostgreSQL. Migrations run on open. Every write goes through {@link #write}, which hands the
 * callback a {@link Tx}; whatever the callback journals commits with it or not at all.
 */
public final class Database implements AutoCloseable {
    /** How long a SQLite writer waits for a lock before giving up. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
    static final int SQLITE_READERS_MAX = 4;
    static final int POSTGRES_POOL_MAX = 12;

    private final Dialect dialect;
    private final HikariDataSource writerPool;
    private final HikariDataSource readerPool;
    private final Jdbi writer;
    private final Jdbi reader;
    private final Clock clock;
    private final java.util.List<TxListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Database(Dialect dialect, HikariDataSource writerPool, HikariDataSource readerPool, Clock clock) {
        this.dialect = dialect;
        this.writerPool = writerPool;
        this.readerPool = readerPool;
        this.writer = Jdbi.create(writerPool);
        this.reader = readerPool == writerPool ? writer : Jdbi.create(readerPool);
        this.clock = clock;
        PortableTypes.register(writer, dialect);
        if (reader != writer) PortableTypes.register(reader, dialect);
    }

    /** Opens (creating if needed) the embedded database in {@code dataDir}. */
    public static Database embedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("data directory " + dataDir + " cannot be created: " + e.getMessage(), e);
        }
        return open("jdbc:sqlite:" + dataDir.resolve("quartermaster.db").toAbsolutePath());
    }

    /** Opens a database by JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}) and migrates it. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC());
    }

    public static Database open(String jdbcUrl, Clock clock) {
        Dialect dialect = Dialect.of(jdbcUrl);
        Database db = switch (dialect) {
            case SQLITE -> new Database(dialect, sqlitePool(jdbcUrl, true), sqlitePool(jdbcUrl, false), clock);
            case POSTGRESQL -> {
                HikariDataSource pool = postgresPool(jdbcUrl);
                yield new Database(dialect, pool, pool, clock);
            }
        };
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static HikariDataSource sqlitePool(String url, boolean writer) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName(writer ? "sqlite-writer" : "sqlite-readers");
        // One writer: SQLite serialises writes anyway; queuing in the pool beats SQLITE_BUSY.
        config.setMaximumPoolSize(writer ? 1 : SQLITE_READERS_MAX);
        config.setMinimumIdle(1);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
        config.addDataSourceProperty("foreign_keys", "true");
        if (writer) {
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            config.addDataSourceProperty("query_only", "true");
        }
        return new HikariDataSource(config);
    }

    private static HikariDataSource postgresPool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("postgresql");
        config.setMaximumPoolSize(POSTGRES_POOL_MAX);
        config.setMinimumIdle(2);
        return new HikariDataSource(config);
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(writerPool)
                .locations("classpath:db/" + dialect.folder())
                .loggers("slf4j")
                .load()
                .migrate();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Adds a hook that runs inside every write transaction just before it commits, in order added. */
    public void listen(TxListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener));
    }

    /** Runs {@code work} in one write transaction on behalf of {@code actor}. */
    public <T> T write(Actor actor, Function<Tx, T> work) {
        return writer.inTransaction(handle -> {
            Tx tx = new Tx(handle, actor, now(), dialect);
            T result = work.apply(tx);
            for (TxListener listener : listeners) listener.beforeCommit(tx);
            return result;
        });
    }

    /** Runs a read in one transaction on a reader connection: a consistent snapshot on both databases. */
    public <T> T read(Function<Handle, T> work) {
        return reader.inTransaction(work::apply);
    }

    /**
     * Runs {@code work} in one read transaction on behalf of {@code actor}, handed a {@link Tx}:
     * the checks of a write that commits later (its rows re-checked then, e.g. by their
     * version). Nothing may be deferred (journalled) in it: that throws, and nothing commits.
     */
    public <T> T read(Actor actor, Function<Tx, T> work) {
        return reader.inTransaction(handle -> {
            Tx tx = new Tx(handle, actor, now(), dialect);
            T result = work.apply(tx);
            if (!tx.deferred().isEmpty()) throw new IllegalStateException("a read transaction deferred a change");
            return result;
        });
    }

    /** The time of the next write, to milliseconds (what the journal signs). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        if (readerPool != writerPool) readerPool.close();
        writerPool.close();
    }

    /** Runs inside each write transaction before commit (idempotency keys are claimed here). */
    @FunctionalInterface
    public interface TxListener {
        void beforeCommit(Tx tx);
    }
}
