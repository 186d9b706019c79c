package org.quartermaster.api;

import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;

/** The HTTP contract on the embedded SQLite database. */
class SqliteApiTest extends ApiContract {
    @Override
    Database database() {
        return TestDatabases.sqlite();
    }
}
