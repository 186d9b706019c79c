package org.quartermaster.needs.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quartermaster.access.ReadFilter;
import org.jdbi.v3.core.Handle;
import org.quartermaster.needs.CoverageRow;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.needs.model.Need;
import org.quartermaster.needs.model.NeedStatus;
import org.quartermaster.needs.model.Priority;
import org.quartermaster.shared.StaleRecord;
import org.quartermaster.store.Rows;

/** SQL for need lines. Only the needs context uses it. */
public final class NeedsTable {

    /** The row keys a need refers to; the codes sit beside them in the row. */
    public record Refs(long requester, long item, long destination) {}

    public long insert(Handle h, Need n, Refs refs) {
        return h.createUpdate("""
                INSERT INTO needs (requester_key, requester_code, item_key, item_code, quantity, priority, due_date,
                  destination_key, destination_code, justification, status, covered_quantity, delivered_quantity,
                  releasable_to, version, created_at, updated_at)
                VALUES (:requesterKey, :requester, :itemKey, :item, :quantity, :priority, :due, :destinationKey,
                  :destination, :justification, :status, 0, 0, :releasable, 1, :created, :updated)""")
                .bind("requesterKey", refs.requester()).bind("requester", n.requester())
                .bind("itemKey", refs.item()).bind("item", n.item()).bind("quantity", n.quantity())
                .bind("priority", n.priority().rank()).bind("due", n.dueDate())
                .bind("destinationKey", refs.destination()).bind("destination", n.destination())
                .bind("justification", n.justification()).bind("status", n.status().name())
                .bind("releasable", String.join(",", new java.util.TreeSet<>(n.releasableTo())))
                .bind("created", n.createdAt()).bind("updated", n.updatedAt())
                .executeAndReturnGeneratedKeys("need_key").mapTo(Long.class).one();
    }

    /**
     * Writes the need's mutable fields where {@code expectedVersion} is current and bumps the
     * version; zero rows means someone else changed it first.
     */
    public void update(Handle h, Need n, Long destinationKey, long expectedVersion) {
        int rows = h.createUpdate("""
                UPDATE needs SET quantity = :quantity, priority = :priority, due_date = :due,
                  destination_key = COALESCE(:destinationKey, destination_key), destination_code = :destination,
                  justification = :justification, status = :status, covered_quantity = :covered,
                  delivered_quantity = :delivered, releasable_to = :releasable, version = version + 1,
                  updated_at = :updated
                WHERE need_key = :key AND version = :version""")
                .bind("releasable", String.join(",", new java.util.TreeSet<>(n.releasableTo())))
                .bind("quantity", n.quantity()).bind("priority", n.priority().rank()).bind("due", n.dueDate())
                .bind("destinationKey", destinationKey).bind("destination", n.destination())
                .bind("justification", n.justification()).bind("status", n.status().name())
                .bind("covered", n.coveredQuantity()).bind("delivered", n.deliveredQuantity())
                .bind("updated", n.updatedAt()).bind("key", n.key()).bind("version", expectedVersion)
                .execute();
        if (rows == 0) throw new StaleRecord("need", n.publicId(), expectedVersion);
    }

    public Optional<Need> byKey(Handle h, long key) {
        return h.createQuery("SELECT * FROM needs WHERE need_key = :key").bind("key", key)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** Needs after {@code afterKey} matching {@code f} that {@code visible} (the viewer's read filter) lets through. */
    public List<Need> list(Handle h, NeedFilter f, ReadFilter.Condition visible, long afterKey, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM needs WHERE need_key > :after AND " + visible.sql());
        Map<String, Object> args = new java.util.HashMap<>(visible.params());
        if (f.status() != null) { sql.append(" AND status = :status"); args.put("status", f.status()); }
        if (f.item() != null) { sql.append(" AND item_code = :item"); args.put("item", f.item()); }
        if (f.requester() != null) { sql.append(" AND requester_code = :requester"); args.put("requester", f.requester()); }
        if (f.destination() != null) {
            sql.append(" AND destination_code = :destination");
            args.put("destination", f.destination());
        }
        if (f.priority() != null) { sql.append(" AND priority = :priority"); args.put("priority", f.priority()); }
        if (f.dueBefore() != null) { sql.append(" AND due_date < :dueBefore"); args.put("dueBefore", f.dueBefore()); }
        sql.append(" ORDER BY need_key LIMIT :limit");
        var query = h.createQuery(sql.toString()).bind("after", afterKey).bind("limit", limit);
        args.forEach(query::bind);
        return query.map((rs, ctx) -> row(rs)).list();
    }

    /** Needs that pledges can still cover and that are not yet fully covered, oldest first. */
    public List<Need> uncovered(Handle h) {
        return h.createQuery("""
                SELECT * FROM needs WHERE status IN ('OPEN', 'PARTLY_COVERED') AND quantity > covered_quantity
                ORDER BY need_key""").map((rs, ctx) -> row(rs)).list();
    }

    /** Asked, covered and delivered per item and priority over needs that are neither drafts nor cancelled. */
    public List<CoverageRow> coverage(Handle h, ReadFilter.Condition visible) {
        return h.createQuery("""
                SELECT item_code, priority, COUNT(*) AS needs, SUM(quantity) AS quantity,
                  SUM(covered_quantity) AS covered, SUM(delivered_quantity) AS delivered
                FROM needs WHERE status NOT IN ('DRAFT', 'CANCELLED') AND %s
                GROUP BY item_code, priority ORDER BY item_code, priority""".formatted(visible.sql()))
                .bindMap(visible.params())
                .map((rs, ctx) -> new CoverageRow(rs.getString("item_code"), rs.getInt("priority"),
                        rs.getLong("needs"), rs.getLong("quantity"), rs.getLong("covered"), rs.getLong("delivered")))
                .list();
    }

    public Map<String, Long> countByStatus(Handle h, ReadFilter.Condition visible) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        h.createQuery("SELECT status, COUNT(*) FROM needs WHERE " + visible.sql() + " GROUP BY status ORDER BY status")
                .bindMap(visible.params())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Need row(ResultSet rs) throws SQLException {
        String releasable = rs.getString("releasable_to");
        Set<String> rel = releasable == null || releasable.isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(releasable.split(",")));
        return new Need(rs.getLong("need_key"), rs.getString("requester_code"), rs.getString("item_code"),
                rs.getLong("quantity"), Priority.ofRank(rs.getInt("priority")), Rows.date(rs, "due_date"),
                rs.getString("destination_code"), rs.getString("justification"),
                NeedStatus.of(rs.getString("status")), rs.getLong("covered_quantity"),
                rs.getLong("delivered_quantity"), rel, rs.getLong("version"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
