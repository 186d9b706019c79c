package org.quartermaster.store;

import org.quartermaster.testing.TestDatabases;

/** The repository contract on SQLite. */
class SqliteStoreTest extends StoreContract {
    @Override
    Database database() {
        return TestDatabases.sqlite();
    }
}
