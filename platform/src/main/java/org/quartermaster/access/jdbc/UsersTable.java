package org.quartermaster.access.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.model.User;
import org.quartermaster.shared.StaleRecord;
import org.quartermaster.store.Rows;

/** SQL of accounts. Only the access context uses it. */
public final class UsersTable {

    public long insert(Handle h, User u) {
        return h.createUpdate("""
                INSERT INTO users (user_name, person_id, organisation, roles, password_hash, totp_secret,
                  totp_last_step, disabled, version, created_at, updated_at)
                VALUES (:name, :person, :organisation, :roles, :hash, :totp, 0, :disabled, 1, :created, :updated)""")
                .bind("name", u.userName()).bind("person", u.personId()).bind("organisation", u.organisation())
                .bind("roles", Role.toList(u.roles())).bind("hash", u.passwordHash()).bind("totp", u.totpSecret())
                .bind("disabled", u.disabled()).bind("created", u.createdAt()).bind("updated", u.updatedAt())
                .executeAndReturnGeneratedKeys("user_key").mapTo(Long.class).one();
    }

    public Optional<User> byName(Handle h, String userName) {
        return h.createQuery("SELECT * FROM users WHERE user_name = :name").bind("name", userName)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    /** The accounts of {@code organisation}, by name. */
    public java.util.List<User> byOrganisation(Handle h, String organisation) {
        return h.createQuery("SELECT * FROM users WHERE organisation = :org ORDER BY user_name")
                .bind("org", organisation).map((rs, ctx) -> map(rs)).list();
    }

    public Optional<User> byKey(Handle h, long key) {
        return h.createQuery("SELECT * FROM users WHERE user_key = :key").bind("key", key)
                .map((rs, ctx) -> map(rs)).findOne();
    }

    public void disable(Handle h, User u, Instant now) {
        stale(u, h.createUpdate("""
                UPDATE users SET disabled = :disabled, version = version + 1, updated_at = :now
                WHERE user_key = :key AND version = :version""")
                .bind("disabled", true).bind("now", now).bind("key", u.key()).bind("version", u.version()).execute());
    }

    public void setPassword(Handle h, User u, String hash, Instant now) {
        stale(u, h.createUpdate("""
                UPDATE users SET password_hash = :hash, version = version + 1, updated_at = :now
                WHERE user_key = :key AND version = :version""")
                .bind("hash", hash).bind("now", now).bind("key", u.key()).bind("version", u.version()).execute());
    }

    /**
     * Records the TOTP step just used, only if it is later than the stored one: of two logins
     * racing with the same code, one wins. Returns false when the step was already used.
     */
    public boolean useTotpStep(Handle h, long userKey, long step) {
        return h.createUpdate("UPDATE users SET totp_last_step = :step WHERE user_key = :key AND totp_last_step < :step")
                .bind("step", step).bind("key", userKey).execute() == 1;
    }

    private static void stale(User u, int rows) {
        if (rows == 0) throw new StaleRecord("user", u.userName(), u.version());
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("user_key"), rs.getString("user_name"), rs.getString("person_id"),
                rs.getString("organisation"), Role.parseList("roles", rs.getString("roles")),
                rs.getString("password_hash"), rs.getString("totp_secret"), rs.getLong("totp_last_step"),
                rs.getBoolean("disabled"), rs.getLong("version"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
