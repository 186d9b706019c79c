package org.quartermaster.access.jdbc;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.quartermaster.access.SecurityEvent;
import org.quartermaster.store.Rows;

/** SQL of the security log table; values arrive already encoded. */
public final class SecurityEventsTable {

    public void insert(Handle h, SecurityEvent e) {
        h.createUpdate("""
                INSERT INTO security_events (occurred_at, kind, actor, organisation, address, detail)
                VALUES (:time, :kind, :actor, :organisation, :address, :detail)""")
                .bind("time", e.time()).bind("kind", e.kind().name()).bind("actor", e.actor())
                .bind("organisation", e.organisation()).bind("address", e.address()).bind("detail", e.detail())
                .execute();
    }

    /** The newest {@code max} events, newest first. */
    public List<SecurityEvent> newest(Handle h, int max) {
        return h.createQuery("SELECT * FROM security_events ORDER BY event_key DESC LIMIT :max").bind("max", max)
                .map((rs, ctx) -> new SecurityEvent(Rows.instant(rs, "occurred_at"),
                        SecurityEvent.Kind.valueOf(rs.getString("kind")), rs.getString("actor"),
                        rs.getString("organisation"), rs.getString("address"), rs.getString("detail")))
                .list();
    }
}
