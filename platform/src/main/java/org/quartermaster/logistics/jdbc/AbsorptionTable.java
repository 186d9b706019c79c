package org.quartermaster.logistics.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.quartermaster.shared.StaleRecord;

/** Units a destination can take in per week, per item. Logistics only. */
public final class AbsorptionTable {

    public record Row(String destination, String item, long unitsPerWeek, String owner, long version,
                      Instant updatedAt) {}

    public Optional<Row> of(Handle h, String destination, String item) {
        return h.createQuery("SELECT * FROM absorption_capacities WHERE destination_code = :d AND item_code = :i")
                .bind("d", destination).bind("i", item).map((rs, ctx) -> row(rs)).findOne();
    }

    public void insert(Handle h, Row r) {
        h.createUpdate("""
                INSERT INTO absorption_capacities (destination_code, item_code, units_per_week, owner_org, version,
                  updated_at)
                VALUES (:d, :i, :u, :o, 1, :at)""")
                .bind("d", r.destination()).bind("i", r.item()).bind("u", r.unitsPerWeek()).bind("o", r.owner())
                .bind("at", r.updatedAt().toEpochMilli()).execute();
    }

    public void update(Handle h, Row r, long version) {
        int rows = h.createUpdate("""
                UPDATE absorption_capacities SET units_per_week = :u, version = version + 1, updated_at = :at
                WHERE destination_code = :d AND item_code = :i AND version = :v""")
                .bind("d", r.destination()).bind("i", r.item()).bind("u", r.unitsPerWeek())
                .bind("at", r.updatedAt().toEpochMilli()).bind("v", version).execute();
        if (rows == 0) throw new StaleRecord("absorption", r.destination() + "/" + r.item(), version);
    }

    public List<Row> all(Handle h) {
        return h.createQuery("SELECT * FROM absorption_capacities ORDER BY destination_code, item_code")
                .map((rs, ctx) -> row(rs)).list();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString("destination_code"), rs.getString("item_code"), rs.getLong("units_per_week"),
                rs.getString("owner_org"), rs.getLong("version"), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
