package org.quartermaster.access;

import java.time.Duration;
import java.util.Locale;

/**
 * Reads the credentials a request presents (an {@code Authorization: Bearer} API token or the
 * session cookie) from raw header values, and writes the session cookie. Pure string work with
 * no server types, so the server's filter stays a few lines; nothing here ever throws on what a
 * client sent: bad input is {@link Presented.Malformed}, which the server answers with 401.
 */
public final class Credentials {
    /** {@code __Host-}: browsers accept it only with Secure, Path=/ and no Domain, so no subdomain can plant it. */
    public static final String SESSION_COOKIE = "__Host-qm-session";
    /**
     * The session cookie over plain HTTP (a development or demo server on 127.0.0.1), where a
     * browser refuses {@code Secure} and therefore {@code __Host-}. Never read over HTTPS.
     */
    public static final String PLAIN_SESSION_COOKIE = "qm-session";
    /** Longest Cookie or Authorization header read; longer ones are refused, not scanned. */
    public static final int HEADER_LENGTH_MAX = 8_192;
    static final int TOKEN_LENGTH_MAX = 200;

    private Credentials() {}

    /** What a request presented. */
    public sealed interface Presented {
        record None() implements Presented {}

        record SessionToken(String token) implements Presented {}

        record ApiToken(String token) implements Presented {}

        record Malformed(String reason) implements Presented {}
    }

    /**
     * The credentials in {@code authorization} (the Authorization header, or null) and
     * {@code cookies} (the Cookie header, or null). An Authorization header wins over a cookie;
     * a session cookie given twice is malformed (a planted cookie must not shadow the real one).
     */
    public static Presented read(String authorization, String cookies) {
        return read(authorization, cookies, false);
    }

    /**
     * As {@link #read(String, String)}; with {@code plainHttp} the {@link #PLAIN_SESSION_COOKIE}
     * is read too (a request over plain HTTP, where the {@code __Host-} cookie cannot exist).
     */
    public static Presented read(String authorization, String cookies, boolean plainHttp) {
        if (authorization != null) return bearer(authorization);
        if (cookies == null || cookies.isBlank()) return new Presented.None();
        if (cookies.length() > HEADER_LENGTH_MAX) return new Presented.Malformed("cookie header too long");
        String found = null;
        for (String pair : cookies.split(";")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            String name = pair.substring(0, eq).strip();
            if (!name.equals(SESSION_COOKIE) && !(plainHttp && name.equals(PLAIN_SESSION_COOKIE))) continue;
            if (found != null) return new Presented.Malformed("session cookie given twice");
            found = pair.substring(eq + 1).strip();
        }
        if (found == null) return new Presented.None();
        if (found.isEmpty() || found.length() > TOKEN_LENGTH_MAX) return new Presented.Malformed("bad session cookie");
        return new Presented.SessionToken(found);
    }

    private static Presented bearer(String header) {
        if (header.length() > HEADER_LENGTH_MAX) return new Presented.Malformed("authorization header too long");
        String h = header.strip();
        int space = h.indexOf(' ');
        if (space < 0 || !h.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return new Presented.Malformed("authorization must be Bearer");
        }
        String token = h.substring(space + 1).strip();
        if (token.isEmpty() || token.length() > TOKEN_LENGTH_MAX) return new Presented.Malformed("bad bearer token");
        return new Presented.ApiToken(token);
    }

    /** The Set-Cookie value of a session: HttpOnly, Secure, SameSite=Strict, whole site, {@code maxAge} long. */
    public static String sessionCookie(String token, Duration maxAge) {
        if (token == null || token.isEmpty() || token.contains(";") || token.contains(",") || token.contains(" ")) {
            throw new IllegalArgumentException("not a cookie-safe token");
        }
        return SESSION_COOKIE + "=" + token + "; Path=/; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; Secure; SameSite=Strict";
    }

    /**
     * The Set-Cookie value of a session over plain HTTP: as {@link #sessionCookie} but without
     * Secure (a browser would drop it) and so without the {@code __Host-} prefix.
     */
    public static String plainSessionCookie(String token, Duration maxAge) {
        if (token == null || token.isEmpty() || token.contains(";") || token.contains(",") || token.contains(" ")) {
            throw new IllegalArgumentException("not a cookie-safe token");
        }
        return PLAIN_SESSION_COOKIE + "=" + token + "; Path=/; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Strict";
    }

    /** The Set-Cookie value that removes the plain-HTTP session cookie. */
    public static String clearedPlainSessionCookie() {
        return PLAIN_SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
    }

    /** The Set-Cookie value that removes the session cookie (logout). */
    public static String clearedSessionCookie() {
        return SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict";
    }
}
