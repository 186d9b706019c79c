package org.quartermaster.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;
import org.quartermaster.store.Database;
import org.quartermaster.store.Tx;

/**
 * {@code Idempotency-Key} on POST: the same key with the same body replays the first response
 * and has no second effect; the same key with another body is refused (422).
 *
 * <p>The key is claimed inside the request's own write transaction, so the effect and the claim
 * commit together: a crash can never leave an effect without its claim. The response is stored
 * right after, before it is sent.
 */
final class Idempotency {
    static final String HEADER = "Idempotency-Key";
    private static final ThreadLocal<Claim> CURRENT = new ThreadLocal<>();

    private final Database db;

    /** A key being used by the request on this thread. */
    static final class Claim {
        final String key;
        final String method;
        final String path;
        final String requestHash;
        boolean claimed;

        Claim(String key, String method, String path, String requestHash) {
            this.key = key;
            this.method = method;
            this.path = path;
            this.requestHash = requestHash;
        }
    }

    /** A key reused with another body (422) or while its first request is still running (409). */
    static final class Conflict extends RuntimeException {
        private final int status;
        private final String type;

        Conflict(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }

        int status() {
            return status;
        }

        String type() {
            return type;
        }
    }

    private record Stored(String requestHash, Integer status, String contentType, String body, String location) {}

    Idempotency(Database db) {
        this.db = db;
        db.listen(this::claimInTransaction);
    }

    /** Before the handler: replays a stored response, refuses a conflicting reuse, or arms a claim. */
    void before(Context ctx) {
        CURRENT.remove();
        if (!"POST".equals(ctx.method().name())) return;
        String key = ctx.header(HEADER);
        if (key == null) return;
        if (key.isBlank() || key.length() > Limits.IDEMPOTENCY_KEY_LENGTH_MAX) {
            throw new InvalidField(HEADER, "must be 1 to " + Limits.IDEMPOTENCY_KEY_LENGTH_MAX + " characters");
        }
        Claim claim = new Claim(key, ctx.method().name(), ctx.path(), hash(ctx));
        Optional<Stored> stored = find(claim);
        if (stored.isEmpty()) {
            CURRENT.set(claim);
            return;
        }
        Stored s = stored.get();
        if (!s.requestHash().equals(claim.requestHash)) {
            throw new Conflict(422, "idempotency-key-reused",
                    "this Idempotency-Key was used with a different request body");
        }
        if (s.status() == null) {
            // The claim commits with the effect, so the effect happened; only its response was
            // not stored (the server stopped in between, or is about to store it). Point at the
            // result rather than leave the client in doubt.
            if (s.location() == null) {
                throw new Conflict(409, "idempotency-key-in-progress",
                        "a request with this Idempotency-Key was processed but its response is not recorded yet;"
                                + " retry shortly");
            }
            ctx.header("Location", s.location());
            ctx.header("Idempotency-Replayed", "true");
            Problems.send(ctx, 303, "idempotency-see-other", "See other",
                    "this request was processed before its response could be recorded; its result is at "
                            + s.location(), null);
            ctx.skipRemainingHandlers();
            return;
        }
        if (s.location() != null) ctx.header("Location", s.location());
        ctx.header("Idempotency-Replayed", "true");
        ctx.status(s.status()).contentType(s.contentType()).result(s.body());
        ctx.skipRemainingHandlers();
    }

    /** After the handler: stores the response of a request whose effect claimed the key. */
    void after(Context ctx) {
        Claim claim = CURRENT.get();
        CURRENT.remove();
        if (claim == null || !claim.claimed) return;
        String body = ctx.attribute(Http.RESPONSE_BODY);
        db.write(Actor.SYSTEM, tx -> tx.handle().createUpdate("""
                UPDATE idempotency_keys SET status = :status, content_type = :type, response_body = :body,
                  location = COALESCE(:location, location)
                WHERE idempotency_key = :key AND method = :method AND path = :path""")
                .bind("status", ctx.statusCode()).bind("type", ctx.res().getContentType())
                .bind("body", body == null ? "" : body).bind("location", ctx.res().getHeader("Location"))
                .bind("key", claim.key).bind("method", claim.method).bind("path", claim.path).execute());
    }

    private void claimInTransaction(Tx tx) {
        Claim claim = CURRENT.get();
        if (claim == null || claim.claimed) return;
        int rows = tx.handle().createUpdate("""
                INSERT INTO idempotency_keys (idempotency_key, method, path, request_hash, location, created_at)
                VALUES (:key, :method, :path, :hash, :location, :now)
                ON CONFLICT (idempotency_key, method, path) DO NOTHING""")
                .bind("key", claim.key).bind("method", claim.method).bind("path", claim.path)
                .bind("hash", claim.requestHash).bind("location", resultLocation(claim.path, tx))
                .bind("now", tx.now()).execute();
        if (rows == 0) {
            throw new Conflict(409, "idempotency-key-in-progress",
                    "another request with this Idempotency-Key got there first; retry to see its response");
        }
        claim.claimed = true;
    }

    /**
     * Where the result of a claimed request can be read: the record its first journal event
     * names. A step on a record ({@code /api/v1/needs/N-000001/submit}) answers at the record's
     * path; a creation ({@code /api/v1/needs}) at the path plus the new record's id.
     */
    static String resultLocation(String path, Tx tx) {
        return tx.firstChangedEntity().map(entity -> {
            String marker = "/" + entity;
            int at = path.indexOf(marker + "/");
            if (at >= 0) return path.substring(0, at + marker.length());
            if (path.endsWith(marker)) return path;
            return path + marker;
        }).orElse(null);
    }

    private Optional<Stored> find(Claim c) {
        return db.read(h -> h.createQuery("""
                SELECT request_hash, status, content_type, response_body, location FROM idempotency_keys
                WHERE idempotency_key = :key AND method = :method AND path = :path""")
                .bindMap(Map.of("key", c.key, "method", c.method, "path", c.path))
                .map((rs, ctx) -> {
                    int status = rs.getInt(2);
                    Integer known = rs.wasNull() ? null : status;
                    return new Stored(rs.getString(1), known, rs.getString(3), rs.getString(4), rs.getString(5));
                })
                .findOne());
    }

    private static String hash(Context ctx) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // The caller is part of the request: another account reusing a key is refused, never replayed.
            Actor actor = Actors.of(ctx);
            sha.update((actor.organisation() + "/" + actor.user() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update((ctx.method().name() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(ctx.bodyAsBytes());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
