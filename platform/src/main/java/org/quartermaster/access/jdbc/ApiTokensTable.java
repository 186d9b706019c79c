package org.quartermaster.access.jdbc;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.quartermaster.store.Rows;

/** SQL of API tokens, found by the SHA-256 of their secret. */
public final class ApiTokensTable {

    /** A stored token: never the secret. */
    public record TokenRow(long id, String name, String organisation, String roles, String createdBy,
                           Instant createdAt, Instant expiresAt, Instant revokedAt) {}

    public long insert(Handle h, String name, String tokenHash, String organisation, String roles, String createdBy,
                       Instant now, Instant expiresAt) {
        return h.createUpdate("""
                INSERT INTO api_tokens (name, token_hash, organisation, roles, created_by, created_at, expires_at)
                VALUES (:name, :hash, :organisation, :roles, :by, :now, :expires)""")
                .bind("name", name).bind("hash", tokenHash).bind("organisation", organisation).bind("roles", roles)
                .bind("by", createdBy).bind("now", now).bind("expires", expiresAt)
                .executeAndReturnGeneratedKeys("token_key").mapTo(Long.class).one();
    }

    public Optional<TokenRow> byHash(Handle h, String tokenHash) {
        return h.createQuery("SELECT * FROM api_tokens WHERE token_hash = :hash").bind("hash", tokenHash)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    public Optional<TokenRow> byId(Handle h, long id) {
        return h.createQuery("SELECT * FROM api_tokens WHERE token_key = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    public int revoke(Handle h, long id, Instant now) {
        return h.createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE token_key = :id AND revoked_at IS NULL")
                .bind("now", now).bind("id", id).execute();
    }

    private static TokenRow map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TokenRow(rs.getLong("token_key"), rs.getString("name"), rs.getString("organisation"),
                rs.getString("roles"), rs.getString("created_by"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "expires_at"), Rows.instant(rs, "revoked_at"));
    }
}
