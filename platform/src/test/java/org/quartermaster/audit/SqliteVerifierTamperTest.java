package org.quartermaster.audit;

import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;

/** The tamper contract on SQLite. */
class SqliteVerifierTamperTest extends VerifierTamperContract {
    @Override
    Database open() {
        return TestDatabases.sqlite();
    }
}
