package org.quartermaster.access.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
    static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238Sha1TestVectors() {
        // Appendix B of RFC 6238, SHA1 column: time (s) -> 8-digit TOTP.
        long[][] vectors = {{59L, 94287082L}, {1111111109L, 7081804L}, {1111111111L, 14050471L},
                {1234567890L, 89005924L}, {2000000000L, 69279037L}, {20000000000L, 65353130L}};
        for (long[] v : vectors) {
            long step = Totp.step(Instant.ofEpochSecond(v[0]));
            assertThat(Totp.code(RFC_SECRET, step, 8)).as("t=%d", v[0]).isEqualTo(String.format("%08d", v[1]));
        }
    }

    @Test
    void matchesTheRfc4226HotpVectorsForSixDigits() {
        // Appendix D of RFC 4226: counters 0..9 with the same secret.
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
                "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(RFC_SECRET, counter, 6)).as("counter %d", counter).isEqualTo(expected[counter]);
        }
    }

    @Test
    void acceptsOneStepOfDriftEitherSideButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        for (int drift = -1; drift <= 1; drift++) {
            String code = Totp.code(RFC_SECRET, step + drift, 6);
            assertThat(Totp.verify(RFC_SECRET, code, now, 0)).as("drift %d", drift).hasValue(step + drift);
        }
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2, 6), now, 0)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 2, 6), now, 0)).isEmpty();
    }

    @Test
    void refusesACodeOfAStepAlreadyUsed() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String code = Totp.code(RFC_SECRET, now);
        assertThat(Totp.verify(RFC_SECRET, code, now, Totp.step(now))).isEmpty();
    }

    @Test
    void refusesMalformedCodesWithoutThrowing() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        for (String bad : new String[] {null, "", "12345", "1234567", "12a456", " 123456", "１２３４５６"}) {
            assertThat(Totp.verify(RFC_SECRET, bad, now, 0)).as("%s", bad).isEmpty();
        }
    }

    @Test
    void base32RoundTripsAndProvisioningUriCarriesTheSecret() {
        byte[] secret = new byte[20];
        for (int i = 0; i < secret.length; i++) secret[i] = (byte) (i * 37 + 11);
        String text = Base32.encode(secret);
        assertThat(Base32.decode(text)).isEqualTo(secret);
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI"); // RFC 4648 §10
        assertThat(Totp.provisioningUri("Quartermaster", "olena", secret)).startsWith("otpauth://totp/Quartermaster:olena?")
                .contains("secret=" + text);
    }
}
