package org.quartermaster.offers.jdbc;

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
import org.quartermaster.offers.OfferFilter;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferStatus;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.shared.StaleRecord;
import org.quartermaster.store.Rows;

/** SQL for offers. Only the offers context uses it. */
public final class OffersTable {

    /** Row keys the offer refers to. */
    public record Refs(long donor, long item, long origin, Long need) {}

    public long insert(Handle h, Offer o, Refs refs) {
        return h.createUpdate("""
                INSERT INTO offers (donor_key, donor_code, item_key, item_code, quantity, condition, origin_key,
                  origin_code, available_from, terms, non_lethal_only, restrictions, reimbursement_requested,
                  need_key, status, releasable_to, version, created_at, updated_at)
                VALUES (:donorKey, :donor, :itemKey, :item, :quantity, :condition, :originKey, :origin, :available,
                  :terms, :nonLethal, :restrictions, :reimbursement, :needKey, :status, :releasable, 1, :created,
                  :updated)""")
                .bind("donorKey", refs.donor()).bind("donor", o.donor()).bind("itemKey", refs.item())
                .bind("item", o.item()).bind("quantity", o.quantity()).bind("condition", o.condition().name())
                .bind("originKey", refs.origin()).bind("origin", o.origin()).bind("available", o.availableFrom())
                .bind("terms", o.terms().name()).bind("nonLethal", o.nonLethalOnly())
                .bind("restrictions", o.restrictions()).bind("reimbursement", o.reimbursementRequested())
                .bind("needKey", refs.need()).bind("status", o.status().name())
                .bind("releasable", String.join(",", new java.util.TreeSet<>(o.releasableTo())))
                .bind("created", o.createdAt()).bind("updated", o.updatedAt())
                .executeAndReturnGeneratedKeys("offer_key").mapTo(Long.class).one();
    }

    public void updateStatus(Handle h, Offer o, long expectedVersion) {
        int rows = h.createUpdate("""
                UPDATE offers SET status = :status, version = version + 1, updated_at = :updated
                WHERE offer_key = :key AND version = :version""")
                .bind("status", o.status().name()).bind("updated", o.updatedAt()).bind("key", o.key())
                .bind("version", expectedVersion).execute();
        if (rows == 0) throw new StaleRecord("offer", o.publicId(), expectedVersion);
    }

    /** Sets who the offer is released to where {@code expectedVersion} is current, bumping the version. */
    public void updateReleasability(Handle h, Offer o, long expectedVersion) {
        int rows = h.createUpdate("""
                UPDATE offers SET releasable_to = :releasable, version = version + 1, updated_at = :updated
                WHERE offer_key = :key AND version = :version""")
                .bind("releasable", String.join(",", new java.util.TreeSet<>(o.releasableTo())))
                .bind("updated", o.updatedAt()).bind("key", o.key()).bind("version", expectedVersion).execute();
        if (rows == 0) throw new StaleRecord("offer", o.publicId(), expectedVersion);
    }

    public Optional<Offer> byKey(Handle h, long key) {
        return h.createQuery("SELECT * FROM offers WHERE offer_key = :key").bind("key", key)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** Offers matching {@code f} that {@code visible} (the viewer's read filter) lets through. */
    public List<Offer> list(Handle h, OfferFilter f, Long needKey, ReadFilter.Condition visible, long afterKey,
                            int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM offers WHERE offer_key > :after AND " + visible.sql());
        Map<String, Object> args = new java.util.HashMap<>(visible.params());
        if (f.status() != null) { sql.append(" AND status = :status"); args.put("status", f.status()); }
        if (f.item() != null) { sql.append(" AND item_code = :item"); args.put("item", f.item()); }
        if (f.donor() != null) { sql.append(" AND donor_code = :donor"); args.put("donor", f.donor()); }
        if (needKey != null) { sql.append(" AND need_key = :need"); args.put("need", needKey); }
        sql.append(" ORDER BY offer_key LIMIT :limit");
        var query = h.createQuery(sql.toString()).bind("after", afterKey).bind("limit", limit);
        args.forEach(query::bind);
        return query.map((rs, ctx) -> row(rs)).list();
    }

    /** Offers not pledged to a need that are still on the table (offered or accepted), oldest first. */
    public List<Offer> unpledged(Handle h) {
        return h.createQuery("""
                SELECT * FROM offers WHERE status IN ('OFFERED', 'ACCEPTED') AND need_key IS NULL
                ORDER BY offer_key""").map((rs, ctx) -> row(rs)).list();
    }

    /** Quantities offered and delivered per status, for the dashboard's pledged-versus-delivered view. */
    public Map<String, Long> quantityByStatus(Handle h, ReadFilter.Condition visible) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        h.createQuery("SELECT status, SUM(quantity) FROM offers WHERE " + visible.sql() + " GROUP BY status ORDER BY status")
                .bindMap(visible.params())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Offer row(ResultSet rs) throws SQLException {
        String releasable = rs.getString("releasable_to");
        Set<String> rel = releasable == null || releasable.isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(releasable.split(",")));
        Long need = Rows.nullableLong(rs, "need_key");
        return new Offer(rs.getLong("offer_key"), rs.getString("donor_code"), rs.getString("item_code"),
                rs.getLong("quantity"), Offer.Condition.valueOf(rs.getString("condition")),
                rs.getString("origin_code"), Rows.date(rs, "available_from"),
                Offer.Terms.valueOf(rs.getString("terms")), rs.getBoolean("non_lethal_only"),
                rs.getString("restrictions"), rs.getBoolean("reimbursement_requested"),
                need == null ? null : PublicIds.format("N", need), OfferStatus.of(rs.getString("status")), rel,
                rs.getLong("version"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
