package org.quartermaster.api;

import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;

/** The shared HTTP edge on PostgreSQL (skipped with a notice when QM_TEST_POSTGRES is unset). */
class PostgresEdgeTest extends EdgeContract {
    @Override
    Database database() {
        return TestDatabases.postgres();
    }
}
