package org.quartermaster.access.jdbc;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.quartermaster.store.Rows;

/** SQL of server-side sessions, keyed by the SHA-256 of their token. */
public final class SessionsTable {

    /** A stored session. */
    public record SessionRow(String tokenHash, long userKey, Instant createdAt, Instant lastSeenAt, Instant revokedAt) {}

    public void insert(Handle h, String tokenHash, long userKey, Instant now) {
        h.createUpdate("""
                INSERT INTO sessions (token_hash, user_key, created_at, last_seen_at)
                VALUES (:hash, :user, :now, :now)""")
                .bind("hash", tokenHash).bind("user", userKey).bind("now", now).execute();
    }

    public Optional<SessionRow> byHash(Handle h, String tokenHash) {
        return h.createQuery("SELECT * FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash)
                .map((rs, ctx) -> new SessionRow(rs.getString("token_hash"), rs.getLong("user_key"),
                        Rows.instant(rs, "created_at"), Rows.instant(rs, "last_seen_at"),
                        Rows.instant(rs, "revoked_at")))
                .findOne();
    }

    public void touch(Handle h, String tokenHash, Instant now) {
        h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE token_hash = :hash AND last_seen_at < :now")
                .bind("now", now).bind("hash", tokenHash).execute();
    }

    public int revoke(Handle h, String tokenHash, Instant now) {
        return h.createUpdate("UPDATE sessions SET revoked_at = :now WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("now", now).bind("hash", tokenHash).execute();
    }

    public int revokeAllOf(Handle h, long userKey, Instant now) {
        return h.createUpdate("UPDATE sessions SET revoked_at = :now WHERE user_key = :user AND revoked_at IS NULL")
                .bind("now", now).bind("user", userKey).execute();
    }
}
