package org.quartermaster.audit;

import org.quartermaster.store.Database;
import org.quartermaster.testing.TestDatabases;

/** The tamper contract on PostgreSQL (skipped with a notice when QM_TEST_POSTGRES is unset). */
class PostgresVerifierTamperTest extends VerifierTamperContract {
    @Override
    Database open() {
        return TestDatabases.postgres();
    }
}
