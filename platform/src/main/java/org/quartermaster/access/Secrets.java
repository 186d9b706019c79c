package org.quartermaster.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random tokens and their stored form. Only hashes are stored, so a database leak grants nothing. */
final class Secrets {
    /** Session tokens: 128 bits from SecureRandom, base64url without padding (22 characters). */
    static final int SESSION_TOKEN_BYTES = 16;
    static final Pattern SESSION_TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
    /** API tokens: 256 bits, prefixed so that secret scanners recognise a leaked one. */
    static final int API_TOKEN_BYTES = 32;
    static final String API_TOKEN_PREFIX = "qm_";
    static final Pattern API_TOKEN = Pattern.compile("qm_[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String sessionToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(SESSION_TOKEN_BYTES));
    }

    static String apiToken() {
        return API_TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(API_TOKEN_BYTES));
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** The CSRF token of a session: derived from its token, so it is bound to it and needs no storage. */
    static String csrfToken(String sessionToken) {
        byte[] digest = sha256(("qm-csrf\u0000" + sessionToken).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
