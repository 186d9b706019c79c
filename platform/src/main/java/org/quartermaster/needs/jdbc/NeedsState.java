package org.quartermaster.needs.jdbc;

import static org.quartermaster.audit.StateRows.number;
import static org.quartermaster.audit.StateRows.sorted;
import static org.quartermaster.audit.StateRows.sortedList;
import static org.quartermaster.audit.StateRows.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.quartermaster.audit.StateContribution;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.store.Rows;

/** The needs table as the verifier replays it from NeedFiled, NeedChanged and NeedStatusChanged. */
public final class NeedsState implements StateContribution {

    @Override
    public String table() {
        return "needs";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("NeedFiled", "NeedChanged", "NeedStatusChanged", "NeedReleasabilityChanged");
    }

    @Override
    public Map<String, Map<String, Object>> stored(Handle h) {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        h.createQuery("SELECT * FROM needs").setFetchSize(1000).map((rs, ctx) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("requester", rs.getString("requester_code"));
            r.put("item", rs.getString("item_code"));
            r.put("quantity", rs.getLong("quantity"));
            r.put("priority", "P" + rs.getInt("priority"));
            r.put("dueDate", Rows.date(rs, "due_date").toString());
            r.put("destination", rs.getString("destination_code"));
            r.put("justification", rs.getString("justification"));
            r.put("status", rs.getString("status"));
            r.put("covered", rs.getLong("covered_quantity"));
            r.put("delivered", rs.getLong("delivered_quantity"));
            r.put("releasableTo", sorted(rs.getString("releasable_to")));
            r.put("version", rs.getLong("version"));
            r.put("createdAt", Rows.instant(rs, "created_at").toString());
            r.put("updatedAt", Rows.instant(rs, "updated_at").toString());
            return Map.entry(PublicIds.format("N", rs.getLong("need_key")), r);
        }).forEach(e -> rows.put(e.getKey(), e.getValue()));
        return rows;
    }

    @Override
    public void replay(String type, String entity, Instant time, JsonNode p, Map<String, Map<String, Object>> rows) {
        switch (type) {
            case "NeedFiled" -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("requester", text(p, "requester"));
                r.put("item", text(p, "item"));
                r.put("quantity", number(p, "quantity"));
                r.put("priority", text(p, "priority"));
                r.put("dueDate", text(p, "dueDate"));
                r.put("destination", text(p, "destination"));
                r.put("justification", text(p, "justification"));
                r.put("status", text(p, "status"));
                r.put("covered", 0L);
                r.put("delivered", 0L);
                r.put("releasableTo", sortedList(p, "releasableTo"));
                r.put("version", 1L);
                r.put("createdAt", time.toString());
                r.put("updatedAt", time.toString());
                rows.put(entity, r);
            }
            case "NeedChanged" -> {
                Map<String, Object> r = rows.computeIfAbsent(entity, k -> new LinkedHashMap<>());
                r.put("quantity", number(p, "quantity"));
                r.put("priority", text(p, "priority"));
                r.put("dueDate", text(p, "dueDate"));
                r.put("destination", text(p, "destination"));
                r.put("justification", text(p, "justification"));
                r.put("status", text(p, "status"));
                r.put("version", number(p, "version"));
                r.put("updatedAt", time.toString());
            }
            case "NeedStatusChanged" -> {
                Map<String, Object> r = rows.computeIfAbsent(entity, k -> new LinkedHashMap<>());
                r.put("status", text(p, "to"));
                r.put("covered", number(p, "coveredQuantity"));
                r.put("delivered", number(p, "deliveredQuantity"));
                r.put("version", number(p, "version"));
                r.put("updatedAt", time.toString());
            }
            case "NeedReleasabilityChanged" -> {
                Map<String, Object> r = rows.computeIfAbsent(entity, k -> new LinkedHashMap<>());
                r.put("releasableTo", sortedList(p, "releasableTo"));
                r.put("version", number(p, "version"));
                r.put("updatedAt", time.toString());
            }
            default -> throw new IllegalArgumentException("needs cannot replay " + type);
        }
    }
}
