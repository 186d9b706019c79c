package org.quartermaster.access;

import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;

/** The access matrix on PostgreSQL (skipped with a notice when QM_TEST_POSTGRES is unset). */
class PostgresAccessMatrixTest extends AccessMatrixTest {
    @Override
    Database database() {
        return TestDatabases.open(TestDatabases.Kind.POSTGRESQL, clock);
    }
}
