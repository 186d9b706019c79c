package org.quartermaster.funds.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;

/**
 * The ledger's group-commit statements on PostgreSQL are planned for their arguments every
 * time: however often they run on one connection, the server caches no plan for them (a plan
 * cached while the transfers table was nearly empty scanned all of it, ever slower as it grew).
 */
class PostgresLedgerPlansTest {
    @Test
    void theLedgersLookupsAndWritesLeaveNoCachedPlan() {
        try (Database db = TestDatabases.postgres()) {
            LedgerTables table = new LedgerTables();
            int held = db.write(Actor.SYSTEM, tx -> {
                long from = table.insertAccount(tx.handle(), "QM", "F", "A", "EUR", false, tx.now());
                long to = table.insertAccount(tx.handle(), "QM", "F", "B", "EUR", false, tx.now());
                for (int i = 0; i < 12; i++) {
                    var locked = table.lockAndFind(tx.handle(), tx.dialect(), new long[] {from, to}, List.of("t" + i));
                    assertEquals(2, locked.accounts().size());
                    table.transfersByIds(tx.handle(), tx.dialect(), List.of("t" + i, "u" + i));
                }
                return tx.handle().createQuery("""
                        SELECT count(*) FROM pg_prepared_statements
                        WHERE (statement LIKE '%fund_transfers%' OR statement LIKE '%fund_accounts%')
                          AND statement NOT LIKE '%pg_prepared_statements%'""")
                        .mapTo(Integer.class).one();
            });
            assertEquals(0, held, "ledger statements were server-prepared (a generic plan could be cached)");
        }
    }
}
