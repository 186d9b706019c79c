package org.quartermaster.parties.jdbc;

import static org.quartermaster.audit.StateRows.number;
import static org.quartermaster.audit.StateRows.optionalText;
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
import org.quartermaster.audit.StateRows;
import org.quartermaster.store.Rows;

/**
 * Organisations (with their groups) and locations as the verifier replays them. Both tables
 * are keyed by code; locations get an {@code L:} prefix so the two never collide.
 */
public final class PartiesState implements StateContribution {

    @Override
    public String table() {
        return "organisations+locations";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("OrganisationRegistered", "OrganisationChanged", "LocationAdded");
    }

    @Override
    public Map<String, Map<String, Object>> stored(Handle h) {
        Map<String, List<String>> groups = new HashMap<>();
        h.createQuery("""
                SELECT o.code, g.group_code FROM organisation_groups g
                JOIN organisations o ON o.organisation_key = g.organisation_key""")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, Map<String, Object>> rows = new HashMap<>();
        h.createQuery("SELECT * FROM organisations").map((rs, ctx) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            String code = rs.getString("code");
            r.put("name", rs.getString("name"));
            r.put("kind", rs.getString("kind"));
            r.put("country", rs.getString("country"));
            r.put("groups", StateRows.sorted(groups.getOrDefault(code, List.of())));
            r.put("ncage", rs.getString("ncage"));
            r.put("version", rs.getLong("version"));
            r.put("createdAt", Rows.instant(rs, "created_at").toString());
            r.put("updatedAt", Rows.instant(rs, "updated_at").toString());
            return Map.entry(code, r);
        }).forEach(e -> rows.put(e.getKey(), e.getValue()));
        h.createQuery("""
                SELECT l.*, o.code AS organisation_code FROM locations l
                LEFT JOIN organisations o ON o.organisation_key = l.organisation_key""").map((rs, ctx) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", rs.getString("name"));
            r.put("country", rs.getString("country"));
            r.put("kind", rs.getString("kind"));
            r.put("organisation", rs.getString("organisation_code"));
            r.put("version", rs.getLong("version"));
            r.put("createdAt", Rows.instant(rs, "created_at").toString());
            return Map.entry("L:" + rs.getString("code"), r);
        }).forEach(e -> rows.put(e.getKey(), e.getValue()));
        return rows;
    }

    @Override
    public void replay(String type, String entity, Instant time, JsonNode p, Map<String, Map<String, Object>> rows) {
        switch (type) {
            case "OrganisationRegistered", "OrganisationChanged" -> {
                Map<String, Object> before = rows.get(entity);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", text(p, "name"));
                r.put("kind", text(p, "kind"));
                r.put("country", text(p, "country"));
                r.put("groups", sortedList(p, "groups"));
                r.put("ncage", optionalText(p, "ncage"));
                r.put("version", type.equals("OrganisationRegistered") ? 1L : number(p, "version"));
                r.put("createdAt", before == null ? time.toString() : before.get("createdAt"));
                r.put("updatedAt", time.toString());
                rows.put(entity, r);
            }
            case "LocationAdded" -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", text(p, "name"));
                r.put("country", text(p, "country"));
                r.put("kind", text(p, "kind"));
                r.put("organisation", optionalText(p, "organisation"));
                r.put("version", 1L);
                r.put("createdAt", time.toString());
                rows.put("L:" + entity, r);
            }
            default -> throw new IllegalArgumentException("parties cannot replay " + type);
        }
    }
}
