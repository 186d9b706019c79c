package org.quartermaster.store;

/** The two databases the platform runs on. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The folder of this dialect's migrations under {@code db/}. */
    public String folder() {
        return folder;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl == null) throw new IllegalArgumentException("a JDBC URL is required");
        if (jdbcUrl.startsWith("jdbc:sqlite:")) return SQLITE;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("database URL must start with jdbc:sqlite: or jdbc:postgresql:, got "
                + jdbcUrl.replaceAll("password=[^&]*", "password=***"));
    }
}
