package org.quartermaster.access.jdbc;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.quartermaster.access.model.ThrottleLimit;
import org.quartermaster.store.Rows;

/** SQL of failed logins, per account name and per address, for the sliding-window throttle. */
public final class LoginFailuresTable {

    public void insert(Handle h, ThrottleLimit.Subject kind, String subject, Instant at) {
        h.createUpdate("INSERT INTO login_failures (subject_kind, subject, failed_at) VALUES (:kind, :subject, :at)")
                .bind("kind", kind.name()).bind("subject", subject).bind("at", at).execute();
    }

    /** Failures of one subject since {@code since}, oldest first, at most {@code max}+1 newest ones. */
    public List<Instant> since(Handle h, ThrottleLimit.Subject kind, String subject, Instant since) {
        return h.createQuery("""
                SELECT failed_at FROM login_failures
                WHERE subject_kind = :kind AND subject = :subject AND failed_at > :since ORDER BY failed_at""")
                .bind("kind", kind.name()).bind("subject", subject).bind("since", since)
                .map((rs, ctx) -> Rows.instant(rs, "failed_at")).list();
    }

    public void clear(Handle h, ThrottleLimit.Subject kind, String subject) {
        h.createUpdate("DELETE FROM login_failures WHERE subject_kind = :kind AND subject = :subject")
                .bind("kind", kind.name()).bind("subject", subject).execute();
    }

    /** Forgets failures older than {@code before}: the table holds only what a window can still see. */
    public void prune(Handle h, Instant before) {
        h.createUpdate("DELETE FROM login_failures WHERE failed_at <= :before").bind("before", before).execute();
    }
}
