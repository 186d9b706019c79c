package org.quartermaster.capacity.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.quartermaster.access.ReadFilter;
import org.quartermaster.capacity.model.LineTerms;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.RampStep;
import org.quartermaster.capacity.model.Reference;
import org.quartermaster.capacity.model.Reservation;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.shared.StaleRecord;
import org.quartermaster.store.Dialect;
import org.quartermaster.store.Rows;

/** SQL of production lines, their ramp-up steps and reservations. Only the capacity context uses it. */
public final class CapacityTables {
    /** Keys bound in one IN list: well under SQLite's parameter limit. */
    static final int KEYS_PER_QUERY = 500;

    /** The row keys a line refers to; the codes sit beside them in the row. */
    public record Refs(long supplier, long item, long site) {}

    // ---- lines

    public long insertLine(Handle h, ProductionLine l, Refs refs) {
        long key = h.createUpdate("""
                INSERT INTO capacity_lines (owner_org, supplier_key, item_key, item_code, site_key, site_code, name,
                  first_week, horizon_weeks, capacity_per_week, unit_price_minor, currency, lead_time_weeks,
                  framework, releasable_to, version, created_at, updated_at)
                VALUES (:owner, :supplierKey, :itemKey, :item, :siteKey, :site, :name, :firstWeek, :horizon,
                  :capacity, :price, :currency, :lead, :framework, :releasable, 1, :created, :updated)""")
                .bind("owner", l.supplier()).bind("supplierKey", refs.supplier()).bind("itemKey", refs.item())
                .bind("item", l.item()).bind("siteKey", refs.site()).bind("site", l.site()).bind("name", l.name())
                .bind("firstWeek", l.terms().firstWeek()).bind("horizon", l.terms().horizonWeeks())
                .bind("capacity", l.terms().capacityPerWeek()).bind("price", l.terms().unitPriceMinor())
                .bind("currency", l.terms().currency()).bind("lead", l.terms().leadTimeWeeks())
                .bind("framework", l.framework() ? 1 : 0).bind("releasable", joined(l.releasableTo()))
                .bind("created", l.createdAt()).bind("updated", l.updatedAt())
                .executeAndReturnGeneratedKeys("line_key").mapTo(Long.class).one();
        insertSteps(h, key, l.terms().rampUp());
        return key;
    }

    /** Writes the line's terms and flags where {@code expectedVersion} is current; zero rows is stale. */
    public void updateLine(Handle h, ProductionLine l, long expectedVersion) {
        int rows = h.createUpdate("""
                UPDATE capacity_lines SET name = :name, capacity_per_week = :capacity, unit_price_minor = :price,
                  currency = :currency, lead_time_weeks = :lead, framework = :framework, version = version + 1,
                  updated_at = :updated
                WHERE line_key = :key AND version = :version""")
                .bind("name", l.name()).bind("capacity", l.terms().capacityPerWeek())
                .bind("price", l.terms().unitPriceMinor()).bind("currency", l.terms().currency())
                .bind("lead", l.terms().leadTimeWeeks()).bind("framework", l.framework() ? 1 : 0)
                .bind("updated", l.updatedAt()).bind("key", l.key()).bind("version", expectedVersion).execute();
        if (rows == 0) throw new StaleRecord("production line", l.publicId(), expectedVersion);
        h.createUpdate("DELETE FROM capacity_line_steps WHERE line_key = :key").bind("key", l.key()).execute();
        insertSteps(h, l.key(), l.terms().rampUp());
    }

    private static void insertSteps(Handle h, long key, List<RampStep> steps) {
        for (RampStep s : steps) {
            h.createUpdate("""
                    INSERT INTO capacity_line_steps (line_key, from_week, capacity_per_week)
                    VALUES (:key, :from, :capacity)""")
                    .bind("key", key).bind("from", s.fromWeek()).bind("capacity", s.capacityPerWeek()).execute();
        }
    }

    /** The line, visible or not (writes check access themselves). */
    public Optional<ProductionLine> lineByKey(Handle h, long key) {
        return first(lines(h, "SELECT * FROM capacity_lines WHERE line_key = :key", Map.of("key", key)));
    }

    /**
     * The line with its row locked until the transaction ends (PostgreSQL): reservations and
     * capacity changes on one line queue here, so the free-capacity check and the write it
     * allows are never interleaved with another's. SQLite has one writer, so it needs no lock.
     */
    public Optional<ProductionLine> lineForUpdate(Handle h, Dialect dialect, long key) {
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        return first(lines(h, "SELECT * FROM capacity_lines WHERE line_key = :key" + lock, Map.of("key", key)));
    }

    /** The line if {@code visible} lets the reader see it. */
    public Optional<ProductionLine> visibleLine(Handle h, long key, ReadFilter.Condition visible) {
        Map<String, Object> args = new HashMap<>(visible.params());
        args.put("key", key);
        return first(lines(h, "SELECT * FROM capacity_lines l WHERE l.line_key = :key AND " + visible.sql(), args));
    }

    /** Visible lines after {@code afterKey}, optionally of one supplier or item, in key order. */
    public List<ProductionLine> lines(Handle h, String supplier, String item, long afterKey, int limit,
                                      ReadFilter.Condition visible) {
        StringBuilder sql = new StringBuilder("SELECT * FROM capacity_lines l WHERE l.line_key > :after AND ")
                .append(visible.sql());
        Map<String, Object> args = new HashMap<>(visible.params());
        args.put("after", afterKey);
        args.put("limit", limit);
        if (supplier != null) { sql.append(" AND l.owner_org = :supplier"); args.put("supplier", supplier); }
        if (item != null) { sql.append(" AND l.item_code = :item"); args.put("item", item); }
        sql.append(" ORDER BY l.line_key LIMIT :limit");
        return lines(h, sql.toString(), args);
    }

    private List<ProductionLine> lines(Handle h, String sql, Map<String, Object> args) {
        var query = h.createQuery(sql);
        args.forEach(query::bind);
        List<LineRow> rows = query.map((rs, ctx) -> lineRow(rs)).list();
        Map<Long, List<RampStep>> steps = steps(h, rows.stream().map(LineRow::key).toList());
        return rows.stream().map(r -> r.toModel(steps.getOrDefault(r.key(), List.of()))).toList();
    }

    private static Map<Long, List<RampStep>> steps(Handle h, List<Long> keys) {
        Map<Long, List<RampStep>> out = new HashMap<>();
        for (int i = 0; i < keys.size(); i += KEYS_PER_QUERY) {
            List<Long> chunk = keys.subList(i, Math.min(keys.size(), i + KEYS_PER_QUERY));
            h.createQuery("""
                    SELECT line_key, from_week, capacity_per_week FROM capacity_line_steps
                    WHERE line_key IN (<keys>) ORDER BY line_key, from_week""")
                    .bindList("keys", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getLong("line_key"),
                            new RampStep(Rows.date(rs, "from_week"), rs.getLong("capacity_per_week"))))
                    .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return out;
    }

    /** A line row before its steps are attached. */
    private record LineRow(long key, String supplier, String item, String site, String name, LocalDate firstWeek,
                           int horizonWeeks, long capacity, long price, String currency, int lead, boolean framework,
                           Set<String> releasable, long version, java.time.Instant created, java.time.Instant updated) {
        ProductionLine toModel(List<RampStep> steps) {
            return new ProductionLine(key, supplier, item, site, name,
                    new LineTerms(firstWeek, horizonWeeks, capacity, steps, price, currency, lead), framework,
                    releasable, version, created, updated);
        }
    }

    private static LineRow lineRow(ResultSet rs) throws SQLException {
        return new LineRow(rs.getLong("line_key"), rs.getString("owner_org"), rs.getString("item_code"),
                rs.getString("site_code"), rs.getString("name"), Rows.date(rs, "first_week"),
                rs.getInt("horizon_weeks"), rs.getLong("capacity_per_week"), rs.getLong("unit_price_minor"),
                rs.getString("currency"), rs.getInt("lead_time_weeks"), rs.getInt("framework") == 1,
                split(rs.getString("releasable_to")), rs.getLong("version"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    // ---- reserved units

    /** Active reserved units of one line per week in [from, to). */
    public Map<LocalDate, Long> reservedByWeek(Handle h, long lineKey, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> out = new HashMap<>();
        h.createQuery("""
                SELECT week, SUM(quantity) AS units FROM capacity_reservations
                WHERE line_key = :line AND status = 'ACTIVE' AND week >= :from AND week < :to
                GROUP BY week""")
                .bind("line", lineKey).bind("from", from).bind("to", to)
                .map((rs, ctx) -> Map.entry(Rows.date(rs, "week"), rs.getLong("units")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Active reserved units per line and week in [from, to), over the lines {@code visible} lets
     * the reader see (optionally of one item). The sums include reservations the reader may not
     * see one by one: the supplier publishes what is taken, not by whom.
     */
    public Map<Long, Map<LocalDate, Long>> reserved(Handle h, String item, LocalDate from, LocalDate to,
                                                    ReadFilter.Condition visible) {
        StringBuilder sql = new StringBuilder("""
                SELECT r.line_key, r.week, SUM(r.quantity) AS units FROM capacity_reservations r
                JOIN capacity_lines l ON l.line_key = r.line_key
                WHERE r.status = 'ACTIVE' AND r.week >= :from AND r.week < :to AND """).append(visible.sql());
        Map<String, Object> args = new HashMap<>(visible.params());
        args.put("from", from);
        args.put("to", to);
        if (item != null) { sql.append(" AND l.item_code = :item"); args.put("item", item); }
        sql.append(" GROUP BY r.line_key, r.week");
        var query = h.createQuery(sql.toString());
        args.forEach(query::bind);
        Map<Long, Map<LocalDate, Long>> out = new HashMap<>();
        query.map((rs, ctx) -> new Object[] {rs.getLong("line_key"), Rows.date(rs, "week"), rs.getLong("units")})
                .forEach(r -> out.computeIfAbsent((Long) r[0], k -> new HashMap<>()).put((LocalDate) r[1], (Long) r[2]));
        return out;
    }

    /** Keys of visible lines carrying at least one active framework reservation. */
    public Set<Long> linesWithFrameworkReservations(Handle h, ReadFilter.Condition visible) {
        var query = h.createQuery("""
                SELECT DISTINCT r.line_key FROM capacity_reservations r
                JOIN capacity_lines l ON l.line_key = r.line_key
                WHERE r.status = 'ACTIVE' AND r.framework = 1 AND """ + visible.sql());
        visible.params().forEach(query::bind);
        return new TreeSet<>(query.mapTo(Long.class).list());
    }

    // ---- reservations

    public long insertReservation(Handle h, long lineKey, Reservation r) {
        return h.createUpdate("""
                INSERT INTO capacity_reservations (line_key, owner_org, supplier_code, item_code, week, quantity,
                  reference_kind, reference_id, framework, status, releasable_to, version, created_at, updated_at)
                VALUES (:line, :owner, :supplier, :item, :week, :quantity, :kind, :ref, :framework, :status,
                  :releasable, 1, :created, :updated)""")
                .bind("line", lineKey).bind("owner", r.reserver()).bind("supplier", r.supplier())
                .bind("item", r.item()).bind("week", r.week()).bind("quantity", r.quantity())
                .bind("kind", r.reference().kind().name()).bind("ref", r.reference().id())
                .bind("framework", r.framework() ? 1 : 0).bind("status", r.status().name())
                .bind("releasable", joined(r.releasableTo())).bind("created", r.createdAt())
                .bind("updated", r.updatedAt())
                .executeAndReturnGeneratedKeys("reservation_key").mapTo(Long.class).one();
    }

    /** Sets the status where {@code expectedVersion} is current and bumps the version; zero rows is stale. */
    public void updateStatus(Handle h, Reservation r, Reservation.Status status, long expectedVersion,
                             java.time.Instant now) {
        int rows = h.createUpdate("""
                UPDATE capacity_reservations SET status = :status, version = version + 1, updated_at = :updated
                WHERE reservation_key = :key AND version = :version""")
                .bind("status", status.name()).bind("updated", now).bind("key", r.key())
                .bind("version", expectedVersion).execute();
        if (rows == 0) throw new StaleRecord("reservation", r.publicId(), expectedVersion);
    }

    public Optional<Reservation> reservationByKey(Handle h, long key) {
        return h.createQuery("SELECT * FROM capacity_reservations WHERE reservation_key = :key").bind("key", key)
                .map((rs, ctx) -> reservation(rs)).findOne();
    }

    /** Visible reservations after {@code afterKey}, optionally of one line, in key order. */
    public List<Reservation> reservations(Handle h, Long lineKey, String status, long afterKey, int limit,
                                          ReadFilter.Condition visible) {
        StringBuilder sql = new StringBuilder("SELECT * FROM capacity_reservations r WHERE r.reservation_key > :after AND ")
                .append(visible.sql());
        Map<String, Object> args = new HashMap<>(visible.params());
        args.put("after", afterKey);
        args.put("limit", limit);
        if (lineKey != null) { sql.append(" AND r.line_key = :line"); args.put("line", lineKey); }
        if (status != null) { sql.append(" AND r.status = :status"); args.put("status", status); }
        sql.append(" ORDER BY r.reservation_key LIMIT :limit");
        var query = h.createQuery(sql.toString());
        args.forEach(query::bind);
        return query.map((rs, ctx) -> reservation(rs)).list();
    }

    private static Reservation reservation(ResultSet rs) throws SQLException {
        return new Reservation(rs.getLong("reservation_key"),
                PublicIds.format(ProductionLine.ID_PREFIX, rs.getLong("line_key")), rs.getString("owner_org"),
                rs.getString("supplier_code"), rs.getString("item_code"), Rows.date(rs, "week"),
                rs.getLong("quantity"),
                new Reference(Reference.Kind.valueOf(rs.getString("reference_kind")), rs.getString("reference_id")),
                rs.getInt("framework") == 1, Reservation.Status.valueOf(rs.getString("status")),
                split(rs.getString("releasable_to")), rs.getLong("version"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static String joined(Set<String> codes) {
        return String.join(",", new TreeSet<>(codes));
    }

    private static Set<String> split(String column) {
        return column == null || column.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(column.split(",")));
    }
}
