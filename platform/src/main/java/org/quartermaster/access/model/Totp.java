package org.quartermaster.access.model;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 with RFC 4226's truncation: HMAC-SHA1, 30-second
 * steps from the Unix epoch, 6 digits. A code is accepted one step either side of now, to
 * allow for clock drift; a step once used is refused again (the caller keeps the last one).
 */
public final class Totp {
    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Steps of drift accepted either side of the current one. */
    public static final int DRIFT_STEPS_MAX = 1;
    /** Secret length: 160 bits, RFC 4226's recommendation for HMAC-SHA1. */
    public static final int SECRET_BYTES = 20;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {}

    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code secret} at time step {@code step} with {@code digits} digits, zero-padded. */
    public static String code(byte[] secret, long step, int digits) {
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) message[i] = (byte) (step >>> (8 * (7 - i)));
        byte[] hash = hmacSha1(secret, message);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String text = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - text.length()) + text;
    }

    public static String code(byte[] secret, Instant time) {
        return code(secret, step(time), DIGITS);
    }

    /**
     * The step at which {@code code} is valid for {@code secret} near {@code now}, if it is and
     * that step is later than {@code lastUsedStep}; empty otherwise. Malformed codes: empty.
     */
    public static OptionalLong verify(byte[] secret, String code, Instant now, long lastUsedStep) {
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long s = current - DRIFT_STEPS_MAX; s <= current + DRIFT_STEPS_MAX; s++) {
            boolean same = MessageDigest.isEqual(code(secret, s, DIGITS).getBytes(), code.getBytes());
            if (same && s > lastUsedStep) return OptionalLong.of(s);
        }
        return OptionalLong.empty();
    }

    /** The {@code otpauth://} URI an authenticator app scans to enrol. */
    public static String provisioningUri(String issuer, String account, byte[] secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA1", e);
        }
    }
}
