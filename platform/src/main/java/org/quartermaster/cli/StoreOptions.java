package org.quartermaster.cli;

import java.nio.file.Path;
import org.quartermaster.store.Database;
import picocli.CommandLine.Option;

/** Where the data lives: an embedded data directory, or a database URL. */
final class StoreOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "data directory of the embedded database (default: ./qm-data)")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "database URL instead of the embedded one, e.g. jdbc:postgresql://127.0.0.1:5432/qm?user=qm")
    String db;

    Database open(Path defaultData) {
        if (db != null) return Database.open(db);
        return Database.embedded(data != null ? data : defaultData);
    }

    /** The journal's signing key, kept in the data directory (generated on first start). */
    org.quartermaster.journal.JournalKeys keys(Path defaultData) {
        Path dir = data != null ? data : defaultData;
        try {
            return org.quartermaster.journal.JournalKeys.loadOrGenerate(dir);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("journal key in " + dir + " cannot be read or created: " + e.getMessage(), e);
        }
    }

    /** The platform over this store, signing with the data directory's key. */
    org.quartermaster.Quartermaster platform(Path defaultData) {
        org.quartermaster.journal.JournalKeys keys = keys(defaultData);
        return new org.quartermaster.Quartermaster(open(defaultData), keys);
    }

    String describe(Path defaultData) {
        if (db != null) return db.replaceAll("password=[^&]*", "password=***");
        return (data != null ? data : defaultData).toAbsolutePath().resolve("quartermaster.db").toString();
    }
}
