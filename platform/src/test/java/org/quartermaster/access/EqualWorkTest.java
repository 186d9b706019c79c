package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quartermaster.access.model.Role;
import org.quartermaster.testing.TestDatabases;

/** No user enumeration by timing: a missing account costs the same Argon2 work as a wrong password. */
class EqualWorkTest {
    static final int TRIES = 3;
    /** Argon2id at a fifth of production memory: slow enough to see, quick enough for the suite. */
    static final AccessSettings.PasswordHashing MEASURED = new AccessSettings.PasswordHashing(4_096, 1, 1);

    @Test
    void anUnknownUserTakesAboutAsLongAsAWrongPassword() {
        try (AccessFixture f = new AccessFixture(TestDatabases.sqlite(), MEASURED)) {
            f.add("olena", "UKR-MOD", Role.REQUESTER);
            // Warm up both paths (JIT, the lazily made dummy hash) before timing.
            f.access.login(new Login("ghost", "some password", null, "10.0.9.1", null));
            f.access.login(new Login("olena", "some password", null, "10.0.9.2", null));
            long[] unknown = new long[TRIES];
            long[] wrong = new long[TRIES];
            for (int n = 0; n < TRIES; n++) {
                int i = n;
                unknown[i] = time(() -> f.access.login(new Login("ghost" + i, "some password", null, "10.0.0." + i, null)));
                wrong[i] = time(() -> f.access.login(new Login("olena", "some password", null, "10.0.1." + i, null)));
            }
            long u = median(unknown);
            long w = median(wrong);
            // Both spend one Argon2id verification (milliseconds), so neither is near zero,
            // and they differ by far less than a factor of two.
            assertThat(u).as("unknown %d us, wrong %d us", u / 1000, w / 1000).isGreaterThan(w / 2).isLessThan(w * 2);
            assertThat(Math.min(u, w)).as("Argon2 ran").isGreaterThan(1_000_000L);
        }
    }

    private static long time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return System.nanoTime() - t0;
    }

    private static long median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
