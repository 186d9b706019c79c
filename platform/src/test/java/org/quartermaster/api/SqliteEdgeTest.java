package org.quartermaster.api;

import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;

/** The shared HTTP edge on SQLite. */
class SqliteEdgeTest extends EdgeContract {
    @Override
    Database database() {
        return TestDatabases.sqlite();
    }
}
