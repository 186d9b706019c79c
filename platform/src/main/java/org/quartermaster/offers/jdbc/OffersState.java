package org.quartermaster.offers.jdbc;

import static org.quartermaster.audit.StateRows.flag;
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

/** The offers table as the verifier replays it from OfferMade and OfferStatusChanged. */
public final class OffersState implements StateContribution {

    @Override
    public String table() {
        return "offers";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("OfferMade", "OfferStatusChanged", "OfferReleasabilityChanged");
    }

    @Override
    public Map<String, Map<String, Object>> stored(Handle h) {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        h.createQuery("SELECT * FROM offers").setFetchSize(1000).map((rs, ctx) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("donor", rs.getString("donor_code"));
            r.put("item", rs.getString("item_code"));
            r.put("quantity", rs.getLong("quantity"));
            r.put("condition", rs.getString("condition"));
            r.put("origin", rs.getString("origin_code"));
            r.put("availableFrom", Rows.date(rs, "available_from").toString());
            r.put("terms", rs.getString("terms"));
            r.put("nonLethalOnly", rs.getBoolean("non_lethal_only"));
            r.put("restrictions", rs.getString("restrictions"));
            r.put("reimbursementRequested", rs.getBoolean("reimbursement_requested"));
            Long need = Rows.nullableLong(rs, "need_key");
            r.put("need", need == null ? null : PublicIds.format("N", need));
            r.put("status", rs.getString("status"));
            r.put("releasableTo", sorted(rs.getString("releasable_to")));
            r.put("version", rs.getLong("version"));
            r.put("createdAt", Rows.instant(rs, "created_at").toString());
            r.put("updatedAt", Rows.instant(rs, "updated_at").toString());
            return Map.entry(PublicIds.format("O", rs.getLong("offer_key")), r);
        }).forEach(e -> rows.put(e.getKey(), e.getValue()));
        return rows;
    }

    @Override
    public void replay(String type, String entity, Instant time, JsonNode p, Map<String, Map<String, Object>> rows) {
        switch (type) {
            case "OfferMade" -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("donor", text(p, "donor"));
                r.put("item", text(p, "item"));
                r.put("quantity", number(p, "quantity"));
                r.put("condition", text(p, "condition"));
                r.put("origin", text(p, "origin"));
                r.put("availableFrom", text(p, "availableFrom"));
                r.put("terms", text(p, "terms"));
                r.put("nonLethalOnly", flag(p, "nonLethalOnly"));
                r.put("restrictions", text(p, "restrictions"));
                r.put("reimbursementRequested", flag(p, "reimbursementRequested"));
                r.put("need", text(p, "need"));
                r.put("status", "OFFERED");
                r.put("releasableTo", sortedList(p, "releasableTo"));
                r.put("version", 1L);
                r.put("createdAt", time.toString());
                r.put("updatedAt", time.toString());
                rows.put(entity, r);
            }
            case "OfferStatusChanged" -> {
                Map<String, Object> r = rows.computeIfAbsent(entity, k -> new LinkedHashMap<>());
                r.put("status", text(p, "to"));
                r.put("version", number(p, "version"));
                r.put("updatedAt", time.toString());
            }
            case "OfferReleasabilityChanged" -> {
                Map<String, Object> r = rows.computeIfAbsent(entity, k -> new LinkedHashMap<>());
                r.put("releasableTo", sortedList(p, "releasableTo"));
                r.put("version", number(p, "version"));
                r.put("updatedAt", time.toString());
            }
            default -> throw new IllegalArgumentException("offers cannot replay " + type);
        }
    }
}
