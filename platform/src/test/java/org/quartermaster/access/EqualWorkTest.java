package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quartermaster.access.model.Role;
import org.quartermaster.testing.TestDatabases;

/**
 * No user enumeration by timing: every failing login path (unknown user, wrong password,
 * disabled account, malformed name) spends exactly one Argon2id verification, against a hash
 * with the same parameters. Counted rather than timed: wall-clock comparisons are flaky on a
 * shared machine, while the count and the parameters are what make the work equal.
 */
class EqualWorkTest {

    @Test
    void everyFailingLoginSpendsOneArgon2VerificationWithTheSameParameters() {
        try (AccessFixture f = new AccessFixture(TestDatabases.sqlite())) {
            f.add("olena", "UKR-MOD", Role.REQUESTER);
            f.add("ivan", "UKR-MOD", Role.VIEWER);
            f.access.disableUser("ivan", AccessFixture.OPERATOR);
            PasswordHasher hasher = f.access.hasher();
            String[][] attempts = {{"ghost", "some password"}, {"olena", "some password"}, {"ivan", "correct horse battery"},
                    {"\u0000bad name", "x"}, {"olena", null}, {"ghost2", "x".repeat(10_000)}};
            for (int i = 0; i < attempts.length; i++) {
                long before = hasher.verifications();
                LoginResult r = f.access.login(new Login(attempts[i][0], attempts[i][1], null, "10.0.0." + i, null));
                assertThat(r).as(attempts[i][0]).isEqualTo(new LoginResult.Failed(LoginResult.FAILED_MESSAGE));
                assertThat(hasher.verifications() - before).as(attempts[i][0]).isEqualTo(1);
            }
            String stored = f.db.read(h -> h.createQuery("SELECT password_hash FROM users WHERE user_name = 'olena'")
                    .mapTo(String.class).one());
            assertThat(parameters(hasher.dummyHash())).isEqualTo(parameters(stored)).startsWith("$argon2id$");
        }
    }

    /** The PHC string up to the salt: algorithm, version, memory, passes, lanes. */
    private static String parameters(String phc) {
        return phc.substring(0, phc.indexOf('$', phc.indexOf("m=")));
    }
}
