package org.quartermaster.api;

import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;

/** The HTTP contract on PostgreSQL (skipped with a notice when QM_TEST_POSTGRES is unset). */
class PostgresApiTest extends ApiContract {
    @Override
    Database database() {
        return TestDatabases.postgres();
    }
}
