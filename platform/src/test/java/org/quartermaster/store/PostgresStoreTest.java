package org.quartermaster.store;

import org.quartermaster.testing.TestDatabases;

/** The repository contract on PostgreSQL (skipped with a notice when QM_TEST_POSTGRES is unset). */
class PostgresStoreTest extends StoreContract {
    @Override
    Database database() {
        return TestDatabases.postgres();
    }
}
