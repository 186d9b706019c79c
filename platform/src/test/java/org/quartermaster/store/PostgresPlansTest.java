package org.quartermaster.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.TestDatabases;

/**
 * {@link Plans#eachTime} keeps a statement off the server's plan cache: after many executions
 * PostgreSQL holds no named statement for it, while the driver's default (named after five
 * executions) does, which is what lets a generic plan made on a near-empty table outlive it.
 */
class PostgresPlansTest {
    private static final int EXECUTIONS = 12;

    @Test
    void aStatementPlannedEachTimeIsNeverCachedOnTheServer() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl())) {
            c.createStatement().execute("CREATE TABLE plans_probe (id TEXT PRIMARY KEY, v BIGINT)");
            c.createStatement().execute("INSERT INTO plans_probe VALUES ('a', 1), ('b', 2)");
            String each = "SELECT v FROM plans_probe WHERE id = ANY (?::text[]) /* each */";
            String cached = "SELECT v FROM plans_probe WHERE id = ANY (?::text[]) /* cached */";
            for (int i = 0; i < EXECUTIONS; i++) {
                assertEquals(2, rows(Plans.eachTime(c, each), c));
                assertEquals(2, rows(c.prepareStatement(cached), c));
            }
            assertEquals(0, serverStatements(c, "/* each */"), "planned-each-time statement was server-prepared");
            // the control: without Plans the driver names the statement and the server may cache its plan
            assertTrue(serverStatements(c, "/* cached */") >= 1, "the driver's default did not server-prepare");
        }
    }

    private static int rows(PreparedStatement st, Connection c) throws SQLException {
        try (st) {
            st.setArray(1, c.createArrayOf("text", new String[] {"a", "b", "z"}));
            int n = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) n++;
            }
            return n;
        }
    }

    /** Named statements this session holds whose text contains {@code marker}. */
    static int serverStatements(Connection c, String marker) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%' || ? || '%' AND statement NOT LIKE '%pg_prepared_statements%'")) {
            st.setString(1, marker);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
