package org.quartermaster.capacity.jdbc;

import static org.quartermaster.audit.StateRows.flag;
import static org.quartermaster.audit.StateRows.number;
import static org.quartermaster.audit.StateRows.sorted;
import static org.quartermaster.audit.StateRows.sortedList;
import static org.quartermaster.audit.StateRows.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.quartermaster.audit.StateContribution;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.Reservation;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.store.Rows;

/**
 * Production lines (with their ramp-up steps) and reservations as the verifier replays them from
 * the capacity events: a reservation or a capacity edited without its event is found.
 */
public final class CapacityState implements StateContribution {

    @Override
    public String table() {
        return "capacity_lines";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("CapacityLinePublished", "CapacityLineChanged", "CapacitySlotReserved",
                "CapacityReservationReleased");
    }

    @Override
    public Map<String, Map<String, Object>> stored(Handle h) {
        Map<Long, List<String>> steps = new HashMap<>();
        h.createQuery("SELECT line_key, from_week, capacity_per_week FROM capacity_line_steps ORDER BY line_key, from_week")
                .map((rs, ctx) -> Map.entry(rs.getLong("line_key"),
                        Rows.date(rs, "from_week") + ":" + rs.getLong("capacity_per_week")))
                .forEach(e -> steps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, Map<String, Object>> rows = new HashMap<>();
        h.createQuery("SELECT * FROM capacity_lines").setFetchSize(1000).map((rs, ctx) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            long key = rs.getLong("line_key");
            r.put("supplier", rs.getString("owner_org"));
            r.put("item", rs.getString("item_code"));
            r.put("site", rs.getString("site_code"));
            r.put("name", rs.getString("name"));
            r.put("firstWeek", Rows.date(rs, "first_week").toString());
            r.put("horizonWeeks", rs.getLong("horizon_weeks"));
            r.put("capacityPerWeek", rs.getLong("capacity_per_week"));
            r.put("rampUp", String.join(",", steps.getOrDefault(key, List.of())));
            r.put("unitPriceMinor", rs.getLong("unit_price_minor"));
            r.put("currency", rs.getString("currency"));
            r.put("leadTimeWeeks", rs.getLong("lead_time_weeks"));
            r.put("framework", rs.getInt("framework") == 1);
            r.put("releasableTo", sorted(rs.getString("releasable_to")));
            r.put("version", rs.getLong("version"));
            r.put("createdAt", Rows.instant(rs, "created_at").toString());
            r.put("updatedAt", Rows.instant(rs, "updated_at").toString());
            return Map.entry(PublicIds.format(ProductionLine.ID_PREFIX, key), r);
        }).forEach(e -> rows.put(e.getKey(), e.getValue()));
        h.createQuery("SELECT * FROM capacity_reservations").setFetchSize(1000).map((rs, ctx) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("line", PublicIds.format(ProductionLine.ID_PREFIX, rs.getLong("line_key")));
            r.put("reserver", rs.getString("owner_org"));
            r.put("supplier", rs.getString("supplier_code"));
            r.put("item", rs.getString("item_code"));
            r.put("week", Rows.date(rs, "week").toString());
            r.put("quantity", rs.getLong("quantity"));
            r.put("referenceKind", rs.getString("reference_kind"));
            r.put("referenceId", rs.getString("reference_id"));
            r.put("framework", rs.getInt("framework") == 1);
            r.put("status", rs.getString("status"));
            r.put("releasableTo", sorted(rs.getString("releasable_to")));
            r.put("version", rs.getLong("version"));
            r.put("createdAt", Rows.instant(rs, "created_at").toString());
            r.put("updatedAt", Rows.instant(rs, "updated_at").toString());
            return Map.entry(PublicIds.format(Reservation.ID_PREFIX, rs.getLong("reservation_key")), r);
        }).forEach(e -> rows.put(e.getKey(), e.getValue()));
        return rows;
    }

    @Override
    public void replay(String type, String entity, Instant time, JsonNode p, Map<String, Map<String, Object>> rows) {
        switch (type) {
            case "CapacityLinePublished" -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("supplier", text(p, "supplier"));
                r.put("item", text(p, "item"));
                r.put("site", text(p, "site"));
                r.put("name", text(p, "name"));
                r.put("firstWeek", text(p, "firstWeek"));
                r.put("horizonWeeks", number(p, "horizonWeeks"));
                r.put("capacityPerWeek", number(p, "capacityPerWeek"));
                r.put("rampUp", steps(p));
                r.put("unitPriceMinor", number(p, "unitPriceMinor"));
                r.put("currency", text(p, "currency"));
                r.put("leadTimeWeeks", number(p, "leadTimeWeeks"));
                r.put("framework", flag(p, "framework"));
                r.put("releasableTo", sortedList(p, "releasableTo"));
                r.put("version", 1L);
                r.put("createdAt", time.toString());
                r.put("updatedAt", time.toString());
                rows.put(entity, r);
            }
            case "CapacityLineChanged" -> {
                Map<String, Object> r = rows.computeIfAbsent(entity, k -> new LinkedHashMap<>());
                r.put("name", text(p, "name"));
                r.put("capacityPerWeek", number(p, "capacityPerWeek"));
                r.put("rampUp", steps(p));
                r.put("unitPriceMinor", number(p, "unitPriceMinor"));
                r.put("currency", text(p, "currency"));
                r.put("leadTimeWeeks", number(p, "leadTimeWeeks"));
                r.put("framework", flag(p, "framework"));
                r.put("version", number(p, "version"));
                r.put("updatedAt", time.toString());
            }
            case "CapacitySlotReserved" -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("line", text(p, "line"));
                r.put("reserver", text(p, "reserver"));
                r.put("supplier", text(p, "supplier"));
                r.put("item", text(p, "item"));
                r.put("week", text(p, "week"));
                r.put("quantity", number(p, "quantity"));
                r.put("referenceKind", text(p, "referenceKind"));
                r.put("referenceId", text(p, "referenceId"));
                r.put("framework", flag(p, "framework"));
                r.put("status", Reservation.Status.ACTIVE.name());
                r.put("releasableTo", sortedList(p, "releasableTo"));
                r.put("version", 1L);
                r.put("createdAt", time.toString());
                r.put("updatedAt", time.toString());
                rows.put(entity, r);
            }
            case "CapacityReservationReleased" -> {
                Map<String, Object> r = rows.computeIfAbsent(entity, k -> new LinkedHashMap<>());
                r.put("status", Reservation.Status.RELEASED.name());
                r.put("version", number(p, "version"));
                r.put("updatedAt", time.toString());
            }
            default -> throw new IllegalArgumentException("capacity cannot replay " + type);
        }
    }

    private static String steps(JsonNode p) {
        List<String> out = new ArrayList<>();
        JsonNode steps = p.get("rampUp");
        if (steps != null && steps.isArray()) {
            steps.forEach(s -> out.add(text(s, "fromWeek") + ":" + number(s, "capacityPerWeek")));
        }
        return String.join(",", out);
    }
}
