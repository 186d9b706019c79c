package org.quartermaster.catalog.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.quartermaster.catalog.ItemFilter;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.catalog.model.Compatibility;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.catalog.model.Nsn;
import org.quartermaster.shared.StaleRecord;
import org.quartermaster.store.Rows;

/** SQL for items and their compatibility links. Only the catalogue uses it. */
public final class ItemsTable {

    public long insert(Handle h, Item item) {
        long key = h.createUpdate("""
                INSERT INTO items (code, name, unit, nsn, cpv, category, lethal, version, created_at, updated_at)
                VALUES (:code, :name, :unit, :nsn, :cpv, :category, :lethal, 1, :created, :updated)""")
                .bind("code", item.code()).bind("name", item.name()).bind("unit", item.unit())
                .bind("nsn", item.nsn() == null ? null : item.nsn().value()).bind("cpv", item.cpv())
                .bind("category", item.category().name()).bind("lethal", item.lethal())
                .bind("created", item.createdAt()).bind("updated", item.updatedAt())
                .executeAndReturnGeneratedKeys("item_key").mapTo(Long.class).one();
        insertLinks(h, key, item.compatibleWith());
        return key;
    }

    /** Updates where the version still matches; throws {@link StaleRecord} otherwise. */
    public void update(Handle h, Item item, long expectedVersion) {
        int rows = h.createUpdate("""
                UPDATE items SET name = :name, unit = :unit, nsn = :nsn, cpv = :cpv, category = :category,
                  lethal = :lethal, version = version + 1, updated_at = :updated
                WHERE item_key = :key AND version = :version""")
                .bind("name", item.name()).bind("unit", item.unit())
                .bind("nsn", item.nsn() == null ? null : item.nsn().value()).bind("cpv", item.cpv())
                .bind("category", item.category().name()).bind("lethal", item.lethal())
                .bind("updated", item.updatedAt()).bind("key", item.key()).bind("version", expectedVersion)
                .execute();
        if (rows == 0) throw new StaleRecord("item", item.code(), expectedVersion);
        h.createUpdate("DELETE FROM item_compatibility WHERE item_key = :key").bind("key", item.key()).execute();
        insertLinks(h, item.key(), item.compatibleWith());
    }

    private static void insertLinks(Handle h, long key, List<Compatibility> links) {
        for (Compatibility link : links) {
            h.createUpdate("""
                    INSERT INTO item_compatibility (item_key, serves_item_key, penalty)
                    SELECT :key, item_key, :penalty FROM items WHERE code = :serves""")
                    .bind("key", key).bind("penalty", link.penalty()).bind("serves", link.servesItem()).execute();
        }
    }

    public Optional<Long> keyOf(Handle h, String code) {
        return h.createQuery("SELECT item_key FROM items WHERE code = :code").bind("code", code)
                .mapTo(Long.class).findOne();
    }

    public Optional<Item> byCode(Handle h, String code) {
        return h.createQuery("SELECT * FROM items WHERE code = :code").bind("code", code)
                .map((rs, ctx) -> row(rs)).findOne().map(r -> r.toModel(links(h, List.of(r.key())).get(r.key())));
    }

    public Map<Long, Item> byKeys(Handle h, java.util.Collection<Long> keys) {
        Map<Long, Item> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        List<Row> rows = h.createQuery("SELECT * FROM items WHERE item_key IN (<keys>)")
                .bindList("keys", List.copyOf(keys)).map((rs, ctx) -> row(rs)).list();
        Map<Long, List<Compatibility>> links = links(h, keys);
        for (Row r : rows) out.put(r.key(), r.toModel(links.get(r.key())));
        return out;
    }

    /** Items after {@code afterKey} in key order, {@code limit} at most. */
    public List<Item> list(Handle h, ItemFilter filter, long afterKey, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM items WHERE item_key > :after");
        if (filter.category() != null) sql.append(" AND category = :category");
        if (filter.lethal() != null) sql.append(" AND lethal = :lethal");
        if (filter.text() != null) sql.append(" AND (lower(name) LIKE :text OR lower(code) LIKE :text)");
        sql.append(" ORDER BY item_key LIMIT :limit");
        var query = h.createQuery(sql.toString()).bind("after", afterKey).bind("limit", limit);
        if (filter.category() != null) query.bind("category", filter.category().name());
        if (filter.lethal() != null) query.bind("lethal", filter.lethal());
        if (filter.text() != null) query.bind("text", "%" + filter.text().toLowerCase(java.util.Locale.ROOT) + "%");
        List<Row> rows = query.map((rs, ctx) -> row(rs)).list();
        Map<Long, List<Compatibility>> links = links(h, rows.stream().map(Row::key).toList());
        List<Item> items = new ArrayList<>(rows.size());
        for (Row r : rows) items.add(r.toModel(links.get(r.key())));
        return items;
    }

    private static Map<Long, List<Compatibility>> links(Handle h, java.util.Collection<Long> keys) {
        Map<Long, List<Compatibility>> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        h.createQuery("""
                SELECT c.item_key, i.code, c.penalty FROM item_compatibility c
                JOIN items i ON i.item_key = c.serves_item_key
                WHERE c.item_key IN (<keys>) ORDER BY c.item_key, i.code""")
                .bindList("keys", List.copyOf(keys))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Compatibility(rs.getString(2), rs.getInt(3))))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("item_key"), rs.getString("code"), rs.getString("name"), rs.getString("unit"),
                rs.getString("nsn"), rs.getString("cpv"), rs.getString("category"), rs.getBoolean("lethal"),
                rs.getLong("version"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }

    record Row(long key, String code, String name, String unit, String nsn, String cpv, String category,
               boolean lethal, long version, java.time.Instant createdAt, java.time.Instant updatedAt) {
        Item toModel(List<Compatibility> links) {
            return new Item(key, code, name, unit, Nsn.ofNullable(nsn), cpv, Category.valueOf(category), lethal,
                    links == null ? List.of() : links, version, createdAt, updatedAt);
        }
    }
}
