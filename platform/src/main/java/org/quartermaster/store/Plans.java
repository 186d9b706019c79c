package org.quartermaster.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * PostgreSQL statements that are planned for their actual arguments at every execution.
 *
 * <p>The driver turns a statement into a named server-side one after five uses, and the server
 * then may keep one generic plan for it. A generic plan made while a table was nearly empty and
 * had no statistics yet (a fresh database, the first minute of a bench) reads the whole table
 * (a sequential scan is cheapest for a page or two) and stays in use while the table grows until
 * the next ANALYZE: measured on the ledger's group commit, a lookup of 1,000 transfer ids went
 * from 5 ms to 450 ms over 60,000 transfers, and the bench ran at a fifth of its rate in about
 * one run of four. The hot statements that look rows up by arrays of keys are therefore planned
 * each time (a fraction of a millisecond, once per statement of a whole group).
 */
public final class Plans {
    private Plans() {}

    /** {@code sql} prepared on {@code c} so that PostgreSQL plans it for its arguments at every execution. */
    public static PreparedStatement eachTime(Connection c, String sql) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        if (st.isWrapperFor(org.postgresql.PGStatement.class)) {
            // 0: never a named server-side statement, so never a cached generic plan
            st.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
        }
        return st;
    }
}
