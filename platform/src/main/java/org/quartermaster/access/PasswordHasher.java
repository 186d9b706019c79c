package org.quartermaster.access;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id hashing (password4j), PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}),
 * so a stored hash keeps the parameters it was made with and they can be raised later.
 */
final class PasswordHasher {
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final Argon2Function function;
    /**
     * Checked against when the account does not exist, so that a missing account costs the same
     * work. Made on first need: a CLI command that never logs anyone in should not pay for it.
     */
    private volatile String dummyHash;

    /** Verifications done, so a test can check that every login path spends the same work. */
    private final java.util.concurrent.atomic.AtomicLong verifications = new java.util.concurrent.atomic.AtomicLong();

    PasswordHasher(AccessSettings.PasswordHashing p) {
        this.function = Argon2Function.getInstance(p.memoryKib(), p.iterations(), p.parallelism(), HASH_BYTES,
                Argon2.ID);
    }

    String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    /** True when {@code password} matches {@code stored}; a malformed stored hash never matches. */
    boolean verify(String password, String stored) {
        verifications.incrementAndGet();
        try {
            return Password.check(password, stored).with(Argon2Function.getInstanceFromHash(stored));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the work of one verification and answers false. */
    boolean verifyNobody(String password) {
        verify(password, dummyHash());
        return false;
    }

    String dummyHash() {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hash("not a password of anyone " + System.nanoTime());
            dummyHash = dummy;
        }
        return dummy;
    }

    long verifications() {
        return verifications.get();
    }
}
