package org.quartermaster.catalog.jdbc;

import static org.quartermaster.audit.StateRows.flag;
import static org.quartermaster.audit.StateRows.number;
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
import org.quartermaster.audit.StateRows;
import org.quartermaster.store.Rows;

/** Items and their compatibility links as the verifier replays them from ItemDefined and ItemChanged. */
public final class ItemsState implements StateContribution {

    @Override
    public String table() {
        return "items";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("ItemDefined", "ItemChanged");
    }

    @Override
    public Map<String, Map<String, Object>> stored(Handle h) {
        Map<String, List<String>> links = new HashMap<>();
        h.createQuery("""
                SELECT i.code AS item, s.code AS serves, c.penalty FROM item_compatibility c
                JOIN items i ON i.item_key = c.item_key JOIN items s ON s.item_key = c.serves_item_key""")
                .map((rs, ctx) -> Map.entry(rs.getString("item"), rs.getString("serves") + ":" + rs.getInt("penalty")))
                .forEach(e -> links.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, Map<String, Object>> rows = new HashMap<>();
        h.createQuery("SELECT * FROM items").map((rs, ctx) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            String code = rs.getString("code");
            r.put("name", rs.getString("name"));
            r.put("unit", rs.getString("unit"));
            r.put("nsn", rs.getString("nsn"));
            r.put("cpv", rs.getString("cpv"));
            r.put("category", rs.getString("category"));
            r.put("lethal", rs.getBoolean("lethal"));
            r.put("compatibleWith", StateRows.sorted(links.getOrDefault(code, List.of())));
            r.put("version", rs.getLong("version"));
            r.put("createdAt", Rows.instant(rs, "created_at").toString());
            r.put("updatedAt", Rows.instant(rs, "updated_at").toString());
            return Map.entry(code, r);
        }).forEach(e -> rows.put(e.getKey(), e.getValue()));
        return rows;
    }

    @Override
    public void replay(String type, String entity, Instant time, JsonNode p, Map<String, Map<String, Object>> rows) {
        Map<String, Object> before = rows.get(entity);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", text(p, "name"));
        r.put("unit", text(p, "unit"));
        r.put("nsn", text(p, "nsn"));
        r.put("cpv", text(p, "cpv"));
        r.put("category", text(p, "category"));
        r.put("lethal", flag(p, "lethal"));
        List<String> links = new ArrayList<>();
        JsonNode compatible = p.get("compatibleWith");
        if (compatible != null) compatible.forEach(c -> links.add(c.get("servesItem").asText() + ":" + c.get("penalty").asLong()));
        r.put("compatibleWith", StateRows.sorted(links));
        r.put("version", number(p, "version"));
        r.put("createdAt", before == null ? time.toString() : before.get("createdAt"));
        r.put("updatedAt", time.toString());
        rows.put(entity, r);
    }
}
