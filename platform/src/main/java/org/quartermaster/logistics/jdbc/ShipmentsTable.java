package org.quartermaster.logistics.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.quartermaster.logistics.Fulfilment;
import org.quartermaster.logistics.model.CustodyEvent;
import org.quartermaster.logistics.model.CustodyKind;
import org.quartermaster.logistics.model.Discrepancy;
import org.quartermaster.logistics.model.DiscrepancyKind;
import org.quartermaster.logistics.model.Position;
import org.quartermaster.logistics.model.Receipt;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.logistics.model.ShipmentStatus;
import org.quartermaster.shared.StaleRecord;
import org.quartermaster.store.Plans;

/** SQL for shipments, their stops, lines, custody chain, receipts and discrepancies. Logistics only. */
public final class ShipmentsTable {

    /** A filter already checked by the facade; {@code access} is the read filter's SQL. */
    public record Query(String access, Map<String, Object> params, ShipmentStatus status, Boolean overdue,
                        String destination, long now) {}

    public long insert(Handle h, Shipment s) {
        return h.createUpdate("""
                INSERT INTO shipments (owner_org, receiver_org, origin_code, destination_code, mode, status, holder_org,
                  stop_index, custody_count, planned_departure, planned_arrival, releasable_to, version, created_at,
                  updated_at)
                VALUES (:owner, :receiver, :origin, :destination, :mode, :status, :holder, 0, 0, :plannedDeparture,
                  :plannedArrival, :releasable, 1, :now, :now)""")
                .bind("owner", s.owner()).bind("receiver", s.receiver()).bind("origin", s.origin())
                .bind("destination", s.destination()).bind("mode", s.mode()).bind("status", s.status().name())
                .bind("holder", s.position().holder()).bind("plannedDeparture", s.plannedDeparture().toEpochMilli())
                .bind("plannedArrival", s.plannedArrival().toEpochMilli())
                .bind("releasable", joined(s.releasableTo())).bind("now", s.createdAt().toEpochMilli())
                .executeAndReturnGeneratedKeys("shipment_key").mapTo(Long.class).one();
    }

    /** The route's stops, in one statement batch (one round trip). */
    public void insertStops(Handle h, long key, List<Shipment.Stop> stops) {
        var batch = h.prepareBatch("""
                INSERT INTO shipment_stops (shipment_key, stop_index, location_code, planned_arrival, planned_departure)
                VALUES (:key, :index, :location, :arrival, :departure)""");
        for (Shipment.Stop stop : stops) {
            batch.bind("key", key).bind("index", stop.index()).bind("location", stop.location())
                    .bind("arrival", millis(stop.plannedArrival())).bind("departure", millis(stop.plannedDeparture()))
                    .add();
        }
        batch.execute();
    }

    public void insertLine(Handle h, long key, Shipment.Line line) {
        h.createUpdate("""
                INSERT INTO shipment_lines (shipment_key, line_no, item_code, quantity, fulfils_kind, fulfils_id)
                VALUES (:key, :no, :item, :quantity, :kind, :id)""")
                .bind("key", key).bind("no", line.no()).bind("item", line.item()).bind("quantity", line.quantity())
                .bind("kind", line.fulfils().kind().name()).bind("id", line.fulfils().id()).execute();
        for (Shipment.NeedShare n : line.needs()) {
            h.createUpdate("""
                    INSERT INTO shipment_line_needs (shipment_key, line_no, need_id, quantity)
                    VALUES (:key, :no, :need, :quantity)""")
                    .bind("key", key).bind("no", line.no()).bind("need", n.need()).bind("quantity", n.quantity())
                    .execute();
        }
    }

    /** Units already committed on shipment lines to {@code ref}, over every shipment. */
    public long committedTo(Handle h, Fulfilment ref) {
        return h.createQuery("""
                SELECT COALESCE(SUM(quantity), 0) FROM shipment_lines WHERE fulfils_kind = :kind AND fulfils_id = :id""")
                .bind("kind", ref.kind().name()).bind("id", ref.id()).mapTo(Long.class).one();
    }

    /**
     * Units on their way to fulfil one of {@code ids} of {@code kind} and not yet counted by a
     * receipt: a planned line's quantity, a departed line's shipped quantity.
     */
    public long pendingOn(Handle h, Fulfilment.Kind kind, List<String> ids) {
        if (ids.isEmpty()) return 0;
        return h.createQuery("""
                SELECT COALESCE(SUM(CASE WHEN s.status = 'PLANNED' THEN l.quantity ELSE l.shipped_quantity END), 0)
                FROM shipment_lines l JOIN shipments s ON s.shipment_key = l.shipment_key
                WHERE l.counted = 0 AND l.fulfils_kind = :kind AND l.fulfils_id IN (<ids>)""")
                .bind("kind", kind.name()).bindList("ids", ids).mapTo(Long.class).one();
    }

    /**
     * Moves the shipment to {@code p} where {@code version} is current; zero rows means someone
     * recorded a step first (stale).
     */
    public void move(Handle h, Shipment s, Position p, Instant now, Set<String> releasable, long version) {
        int rows = h.createUpdate("""
                UPDATE shipments SET status = :status, holder_org = :holder, stop_index = :stop,
                  custody_count = custody_count + 1, releasable_to = :releasable,
                  departed_at = CASE WHEN departed_at IS NULL AND :status = 'IN_TRANSIT' THEN :now ELSE departed_at END,
                  arrived_at = CASE WHEN :status = 'ARRIVED' THEN :now ELSE arrived_at END,
                  received_at = CASE WHEN :status = 'RECEIVED' THEN :now ELSE received_at END,
                  version = version + 1, updated_at = :now
                WHERE shipment_key = :key AND version = :version""")
                .bind("status", p.status().name()).bind("holder", p.holder()).bind("stop", p.stop())
                .bind("releasable", joined(releasable)).bind("now", now.toEpochMilli())
                .bind("key", s.key()).bind("version", version).execute();
        if (rows == 0) throw new StaleRecord("shipment", s.publicId(), version);
    }

    /**
     * One custody step's row changes: move {@code s} to {@code position} where its version is
     * still {@code s.version()}, append {@code event} to its chain, set the stop's departure or
     * arrival (either may be null).
     */
    public record StepRow(Shipment s, Position position, Set<String> releasable, CustodyEvent event, Instant departed,
                          Instant arrived) {}

    /** Writes one step's rows; throws {@link StaleRecord}, having written nothing, when the version moved. */
    public void step(Handle h, org.quartermaster.store.Dialect dialect, StepRow r, Instant now) {
        if (dialect != org.quartermaster.store.Dialect.POSTGRESQL) {
            move(h, r.s(), r.position(), now, r.releasable(), r.s().version());
            insertCustody(h, r.s().key(), r.event());
            if (r.departed() != null) stopReached(h, r.s().key(), r.position().stop(), false, r.departed());
            if (r.arrived() != null) stopReached(h, r.s().key(), r.position().stop(), true, r.arrived());
            return;
        }
        StepBatch one = new StepBatch(dialect);
        one.rows.add(r);
        one.execute(h, now);
    }

    /**
     * The steps of a group commit, written together: on PostgreSQL in one statement after the
     * last step (each row applies only where its shipment still has the version its checks saw),
     * elsewhere each at once. {@link #execute} throws {@link StaleRecord} when a row did not
     * apply: the transaction then holds the others' rows and must not commit.
     */
    public static final class StepBatch {
        private final org.quartermaster.store.Dialect dialect;
        private final List<StepRow> rows = new ArrayList<>();

        public StepBatch(org.quartermaster.store.Dialect dialect) {
            this.dialect = dialect;
        }

        public void add(Handle h, StepRow r, Instant now) {
            if (dialect == org.quartermaster.store.Dialect.POSTGRESQL) {
                rows.add(r);
            } else {
                new ShipmentsTable().step(h, dialect, r, now);
            }
        }

        private static final String STEPS_POSTGRES = """
                WITH input AS (
                  SELECT * FROM UNNEST(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::text[], ?::int[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[])
                    AS i(skey, version, status, holder, stop, releasable, seq, kind, location, organisation, person,
                      to_org, occurred, departed, arrived)),
                moved AS (
                  UPDATE shipments s SET status = i.status, holder_org = i.holder, stop_index = i.stop,
                    custody_count = s.custody_count + 1, releasable_to = i.releasable,
                    departed_at = CASE WHEN s.departed_at IS NULL AND i.status = 'IN_TRANSIT' THEN ? ELSE s.departed_at END,
                    arrived_at = CASE WHEN i.status = 'ARRIVED' THEN ? ELSE s.arrived_at END,
                    received_at = CASE WHEN i.status = 'RECEIVED' THEN ? ELSE s.received_at END,
                    version = s.version + 1, updated_at = ?
                  FROM input i WHERE s.shipment_key = i.skey AND s.version = i.version
                  RETURNING i.*),
                chained AS (
                  INSERT INTO custody_events (shipment_key, seq, kind, location_code, organisation, person, to_org,
                    occurred_at, recorded_at)
                  SELECT skey, seq, kind, location, organisation, person, to_org, occurred, ? FROM moved),
                reached AS (
                  UPDATE shipment_stops t SET departed_at = COALESCE(m.departed, t.departed_at),
                    arrived_at = COALESCE(m.arrived, t.arrived_at)
                  FROM moved m WHERE t.shipment_key = m.skey AND t.stop_index = m.stop
                    AND (m.departed IS NOT NULL OR m.arrived IS NOT NULL))
                SELECT count(*) FROM moved""";

        /** Writes the rows added (PostgreSQL); {@link StaleRecord} when one of them did not apply. */
        public void execute(Handle h, Instant now) {
            if (rows.isEmpty()) return;
            java.sql.Connection c = h.getConnection();
            int n = rows.size();
            Long[] keys = new Long[n];
            Long[] versions = new Long[n];
            String[] status = new String[n];
            String[] holder = new String[n];
            Integer[] stop = new Integer[n];
            String[] releasable = new String[n];
            Integer[] seq = new Integer[n];
            String[] kind = new String[n];
            String[] location = new String[n];
            String[] organisation = new String[n];
            String[] person = new String[n];
            String[] to = new String[n];
            Long[] occurred = new Long[n];
            Long[] departed = new Long[n];
            Long[] arrived = new Long[n];
            for (int i = 0; i < n; i++) {
                StepRow r = rows.get(i);
                keys[i] = r.s().key();
                versions[i] = r.s().version();
                status[i] = r.position().status().name();
                holder[i] = r.position().holder();
                stop[i] = r.position().stop();
                releasable[i] = joined(r.releasable());
                seq[i] = r.event().seq();
                kind[i] = r.event().kind().name();
                location[i] = r.event().location();
                organisation[i] = r.event().organisation();
                person[i] = r.event().person();
                to[i] = r.event().to();
                occurred[i] = r.event().occurredAt().toEpochMilli();
                departed[i] = millis(r.departed());
                arrived[i] = millis(r.arrived());
            }
            long moved;
            try (java.sql.PreparedStatement st = Plans.eachTime(c, STEPS_POSTGRES)) {
                int p = 1;
                st.setArray(p++, c.createArrayOf("bigint", keys));
                st.setArray(p++, c.createArrayOf("bigint", versions));
                st.setArray(p++, c.createArrayOf("text", status));
                st.setArray(p++, c.createArrayOf("text", holder));
                st.setArray(p++, c.createArrayOf("integer", stop));
                st.setArray(p++, c.createArrayOf("text", releasable));
                st.setArray(p++, c.createArrayOf("integer", seq));
                st.setArray(p++, c.createArrayOf("text", kind));
                st.setArray(p++, c.createArrayOf("text", location));
                st.setArray(p++, c.createArrayOf("text", organisation));
                st.setArray(p++, c.createArrayOf("text", person));
                st.setArray(p++, c.createArrayOf("text", to));
                st.setArray(p++, c.createArrayOf("bigint", occurred));
                st.setArray(p++, c.createArrayOf("bigint", departed));
                st.setArray(p++, c.createArrayOf("bigint", arrived));
                for (int i = 0; i < 4; i++) st.setLong(p++, now.toEpochMilli());
                st.setLong(p, rows.getFirst().event().recordedAt().toEpochMilli());
                try (java.sql.ResultSet rs = st.executeQuery()) {
                    rs.next();
                    moved = rs.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("custody steps failed: " + e.getMessage(), e);
            }
            if (moved != n) {
                Shipment first = rows.getFirst().s();
                throw new StaleRecord("shipment", n == 1 ? first.publicId() : "of a group", first.version());
            }
            rows.clear();
        }
    }

    public void stopReached(Handle h, long key, int stop, boolean arrived, Instant at) {
        String column = arrived ? "arrived_at" : "departed_at";
        h.createUpdate("UPDATE shipment_stops SET " + column + " = :at WHERE shipment_key = :key AND stop_index = :stop")
                .bind("at", at.toEpochMilli()).bind("key", key).bind("stop", stop).execute();
    }

    public void insertCustody(Handle h, long key, CustodyEvent e) {
        h.createUpdate("""
                INSERT INTO custody_events (shipment_key, seq, kind, location_code, organisation, person, to_org,
                  occurred_at, recorded_at)
                VALUES (:key, :seq, :kind, :location, :organisation, :person, :to, :occurred, :recorded)""")
                .bind("key", key).bind("seq", e.seq()).bind("kind", e.kind().name()).bind("location", e.location())
                .bind("organisation", e.organisation()).bind("person", e.person()).bind("to", e.to())
                .bind("occurred", e.occurredAt().toEpochMilli()).bind("recorded", e.recordedAt().toEpochMilli())
                .execute();
    }

    public List<CustodyEvent> custody(Handle h, long key) {
        return h.createQuery("SELECT * FROM custody_events WHERE shipment_key = :key ORDER BY seq").bind("key", key)
                .map((rs, ctx) -> new CustodyEvent(rs.getInt("seq"), CustodyKind.valueOf(rs.getString("kind")),
                        rs.getString("location_code"), rs.getString("organisation"), rs.getString("person"),
                        rs.getString("to_org"), instant(rs, "occurred_at"), instant(rs, "recorded_at")))
                .list();
    }

    /** When the last custody step occurred, if any. */
    public Optional<Instant> lastOccurred(Handle h, long key) {
        return h.createQuery("SELECT MAX(occurred_at) FROM custody_events WHERE shipment_key = :key").bind("key", key)
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }

    public void shipped(Handle h, long key, int line, long quantity) {
        h.createUpdate("UPDATE shipment_lines SET shipped_quantity = :q WHERE shipment_key = :key AND line_no = :line")
                .bind("q", quantity).bind("key", key).bind("line", line).execute();
    }

    /** Counts a line's received units once: a line already counted is an invariant broken upstream. */
    public void received(Handle h, long key, int line, long quantity) {
        int rows = h.createUpdate("""
                UPDATE shipment_lines SET received_quantity = :q, counted = 1
                WHERE shipment_key = :key AND line_no = :line AND counted = 0""")
                .bind("q", quantity).bind("key", key).bind("line", line).execute();
        if (rows != 1) throw new IllegalStateException("line " + line + " of shipment " + key + " counted twice");
    }

    public void needDelivered(Handle h, long key, int line, String need, long quantity) {
        h.createUpdate("""
                UPDATE shipment_line_needs SET delivered_quantity = :q
                WHERE shipment_key = :key AND line_no = :line AND need_id = :need""")
                .bind("q", quantity).bind("key", key).bind("line", line).bind("need", need).execute();
    }

    /** Records a rating once per line; false when the line was rated already. */
    public boolean rate(Handle h, long key, int line, int rating, String comment, String by, Instant at) {
        return h.createUpdate("""
                UPDATE shipment_lines SET rating = :rating, rating_comment = :comment, rated_by = :by, rated_at = :at
                WHERE shipment_key = :key AND line_no = :line AND rating IS NULL""")
                .bind("rating", rating).bind("comment", comment).bind("by", by).bind("at", at.toEpochMilli())
                .bind("key", key).bind("line", line).execute() == 1;
    }

    public void insertReceipt(Handle h, long key, Receipt r) {
        h.createUpdate("""
                INSERT INTO shipment_receipts (shipment_key, receiver_org, person, document, signature, signed_at)
                VALUES (:key, :receiver, :person, :document, :signature, :at)""")
                .bind("key", key).bind("receiver", r.receiver()).bind("person", r.person())
                .bind("document", r.document()).bind("signature", r.signature()).bind("at", r.signedAt().toEpochMilli())
                .execute();
    }

    public Optional<Receipt> receipt(Handle h, long key, String publicId) {
        return h.createQuery("SELECT * FROM shipment_receipts WHERE shipment_key = :key").bind("key", key)
                .map((rs, ctx) -> new Receipt(publicId, rs.getString("receiver_org"), rs.getString("person"),
                        rs.getString("document"), rs.getString("signature"), instant(rs, "signed_at")))
                .findOne();
    }

    public long insertDiscrepancy(Handle h, long key, Discrepancy d) {
        return h.createUpdate("""
                INSERT INTO shipment_discrepancies (shipment_key, line_no, kind, quantity, note, organisation, person,
                  created_at)
                VALUES (:key, :line, :kind, :quantity, :note, :organisation, :person, :at)""")
                .bind("key", key).bind("line", d.line()).bind("kind", d.kind().name()).bind("quantity", d.quantity())
                .bind("note", d.note()).bind("organisation", d.organisation()).bind("person", d.person())
                .bind("at", d.createdAt().toEpochMilli())
                .executeAndReturnGeneratedKeys("discrepancy_key").mapTo(Long.class).one();
    }

    public void insertAttachment(Handle h, long discrepancy, String name, String mediaType, byte[] content,
                                 String sha256) {
        h.createUpdate("""
                INSERT INTO shipment_attachments (discrepancy_key, file_name, media_type, size_bytes, sha256, content)
                VALUES (:d, :name, :type, :size, :sha, :content)""")
                .bind("d", discrepancy).bind("name", name).bind("type", mediaType).bind("size", content.length)
                .bind("sha", sha256).bind("content", content).execute();
    }

    public List<Discrepancy> discrepancies(Handle h, long key) {
        Map<Long, List<Discrepancy.Attachment>> files = new LinkedHashMap<>();
        h.createQuery("""
                SELECT a.attachment_key, a.discrepancy_key, a.file_name, a.media_type, a.size_bytes, a.sha256
                FROM shipment_attachments a JOIN shipment_discrepancies d ON d.discrepancy_key = a.discrepancy_key
                WHERE d.shipment_key = :key ORDER BY a.attachment_key""").bind("key", key)
                .map((rs, ctx) -> Map.entry(rs.getLong("discrepancy_key"), new Discrepancy.Attachment(
                        rs.getLong("attachment_key"), rs.getString("file_name"), rs.getString("media_type"),
                        rs.getLong("size_bytes"), rs.getString("sha256"))))
                .forEach(e -> files.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return h.createQuery("SELECT * FROM shipment_discrepancies WHERE shipment_key = :key ORDER BY discrepancy_key")
                .bind("key", key)
                .map((rs, ctx) -> new Discrepancy(rs.getLong("discrepancy_key"), rs.getInt("line_no"),
                        DiscrepancyKind.valueOf(rs.getString("kind")), rs.getLong("quantity"), rs.getString("note"),
                        rs.getString("organisation"), rs.getString("person"), instant(rs, "created_at"),
                        files.getOrDefault(rs.getLong("discrepancy_key"), List.of())))
                .list();
    }

    /** An attachment's media type and bytes, found by the SHA-256 it was stored with. */
    public Optional<Map.Entry<String, byte[]>> attachment(Handle h, long key, String sha256) {
        return h.createQuery("""
                SELECT a.media_type, a.content FROM shipment_attachments a
                JOIN shipment_discrepancies d ON d.discrepancy_key = a.discrepancy_key
                WHERE d.shipment_key = :key AND a.sha256 = :sha ORDER BY a.attachment_key""")
                .bind("key", key).bind("sha", sha256)
                .map((rs, ctx) -> Map.entry(rs.getString("media_type"), rs.getBytes("content"))).findFirst();
    }

    public Optional<Shipment> byKey(Handle h, long key) {
        return h.createQuery("SELECT * FROM shipments WHERE shipment_key = :key").bind("key", key)
                .map((rs, ctx) -> head(rs)).findOne().map(s -> complete(h, s));
    }

    public List<Shipment> list(Handle h, Query q, long afterKey, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM shipments s WHERE s.shipment_key > :after AND ")
                .append(q.access());
        if (q.status() != null) sql.append(" AND s.status = :status");
        if (q.destination() != null) sql.append(" AND s.destination_code = :destination");
        if (Boolean.TRUE.equals(q.overdue())) {
            sql.append(" AND s.status IN ('PLANNED', 'IN_TRANSIT', 'AT_HUB') AND s.planned_arrival < :now");
        }
        sql.append(" ORDER BY s.shipment_key LIMIT :limit");
        var query = h.createQuery(sql.toString()).bind("after", afterKey).bind("limit", limit);
        q.params().forEach(query::bind);
        if (q.status() != null) query.bind("status", q.status().name());
        if (q.destination() != null) query.bind("destination", q.destination());
        if (Boolean.TRUE.equals(q.overdue())) query.bind("now", q.now());
        return query.map((rs, ctx) -> head(rs)).list().stream().map(s -> complete(h, s)).toList();
    }

    /** Keys of the shipments (visible through {@code q}) with a line serving {@code need}, oldest first. */
    public List<Long> forNeed(Handle h, Query q, String need, int limit) {
        var query = h.createQuery("""
                SELECT DISTINCT s.shipment_key FROM shipments s
                JOIN shipment_line_needs n ON n.shipment_key = s.shipment_key
                WHERE n.need_id = :need AND """ + q.access() + " ORDER BY s.shipment_key LIMIT :limit")
                .bind("need", need).bind("limit", limit);
        q.params().forEach(query::bind);
        return query.mapTo(Long.class).list();
    }

    /** Shipments per status, and how many are overdue, over what {@code q} lets the viewer see. */
    public Map<String, Long> board(Handle h, Query q) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ShipmentStatus s : ShipmentStatus.values()) out.put(s.name(), 0L);
        var counts = h.createQuery("SELECT s.status, COUNT(*) FROM shipments s WHERE " + q.access()
                + " GROUP BY s.status");
        q.params().forEach(counts::bind);
        counts.map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        var overdue = h.createQuery("SELECT COUNT(*) FROM shipments s WHERE " + q.access()
                + " AND s.status IN ('PLANNED', 'IN_TRANSIT', 'AT_HUB') AND s.planned_arrival < :now").bind("now", q.now());
        q.params().forEach(overdue::bind);
        out.put("OVERDUE", overdue.mapTo(Long.class).one());
        return out;
    }

    /**
     * Units on their way (not yet received) per destination, item and planned arrival (epoch millis),
     * over the shipments {@code access} (a read filter over {@code s}) admits.
     */
    public List<Object[]> inbound(Handle h, String access, Map<String, Object> params) {
        var query = h.createQuery("SELECT s.destination_code, l.item_code, s.planned_arrival,"
                + " SUM(l.quantity - l.received_quantity)"
                + " FROM shipments s JOIN shipment_lines l ON l.shipment_key = s.shipment_key"
                + " WHERE s.status <> 'RECEIVED' AND " + access
                + " GROUP BY s.destination_code, l.item_code, s.planned_arrival");
        params.forEach(query::bind);
        return query.map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)}).list();
    }

    /** Units received through signed receipts, in total, over the shipments {@code access} admits. */
    public long receivedTotal(Handle h, String access, Map<String, Object> params) {
        var query = h.createQuery("SELECT COALESCE(SUM(l.received_quantity), 0) FROM shipment_lines l"
                + " JOIN shipments s ON s.shipment_key = l.shipment_key WHERE l.counted = 1 AND " + access);
        params.forEach(query::bind);
        return query.mapTo(Long.class).one();
    }

    private Shipment complete(Handle h, Shipment head) {
        List<Shipment.Stop> stops = h.createQuery(
                        "SELECT * FROM shipment_stops WHERE shipment_key = :key ORDER BY stop_index")
                .bind("key", head.key())
                .map((rs, ctx) -> new Shipment.Stop(rs.getInt("stop_index"), rs.getString("location_code"),
                        instant(rs, "planned_arrival"), instant(rs, "planned_departure"), instant(rs, "arrived_at"),
                        instant(rs, "departed_at"))).list();
        Map<Integer, List<Shipment.NeedShare>> needs = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM shipment_line_needs WHERE shipment_key = :key ORDER BY line_no, need_id")
                .bind("key", head.key())
                .map((rs, ctx) -> Map.entry(rs.getInt("line_no"), new Shipment.NeedShare(rs.getString("need_id"),
                        rs.getLong("quantity"), rs.getLong("delivered_quantity"))))
                .forEach(e -> needs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<Shipment.Line> lines = h.createQuery("SELECT * FROM shipment_lines WHERE shipment_key = :key ORDER BY line_no")
                .bind("key", head.key())
                .map((rs, ctx) -> {
                    int rating = rs.getInt("rating");
                    Integer rated = rs.wasNull() ? null : rating;
                    return new Shipment.Line(rs.getInt("line_no"), rs.getString("item_code"), rs.getLong("quantity"),
                            new Fulfilment(Fulfilment.Kind.valueOf(rs.getString("fulfils_kind")), rs.getString("fulfils_id")),
                            needs.getOrDefault(rs.getInt("line_no"), List.of()), rs.getLong("shipped_quantity"),
                            rs.getLong("received_quantity"), rs.getInt("counted") == 1, rated,
                            rs.getString("rating_comment"), rs.getString("rated_by"));
                }).list();
        return new Shipment(head.key(), head.owner(), head.receiver(), head.mode(), stops, lines, head.position(),
                head.custodyCount(), head.plannedDeparture(), head.plannedArrival(), head.departedAt(),
                head.arrivedAt(), head.receivedAt(), head.releasableTo(), head.version(), head.createdAt(),
                head.updatedAt());
    }

    private static Shipment head(ResultSet rs) throws SQLException {
        String releasable = rs.getString("releasable_to");
        Set<String> rel = releasable == null || releasable.isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(releasable.split(",")));
        Position p = new Position(ShipmentStatus.valueOf(rs.getString("status")), rs.getInt("stop_index"),
                rs.getString("holder_org"));
        // Stops and lines are read next; the origin and destination stand in until then.
        List<Shipment.Stop> ends = List.of(new Shipment.Stop(0, rs.getString("origin_code"), null, null, null, null),
                new Shipment.Stop(1, rs.getString("destination_code"), null, null, null, null));
        return new Shipment(rs.getLong("shipment_key"), rs.getString("owner_org"), rs.getString("receiver_org"),
                rs.getString("mode"), ends, List.of(), p, rs.getInt("custody_count"), instant(rs, "planned_departure"),
                instant(rs, "planned_arrival"), instant(rs, "departed_at"), instant(rs, "arrived_at"),
                instant(rs, "received_at"), rel, rs.getLong("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    static String joined(Set<String> codes) {
        return String.join(",", new java.util.TreeSet<>(codes));
    }
}
