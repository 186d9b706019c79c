package org.quartermaster.parties.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.quartermaster.parties.model.Location;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.Organisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.StaleRecord;
import org.quartermaster.store.Rows;

/** SQL for organisations, their groups, and locations. Only the parties context uses it. */
public final class PartiesTables {

    public long insert(Handle h, Organisation o) {
        long key = h.createUpdate("""
                INSERT INTO organisations (code, name, kind, country, ncage, version, created_at, updated_at)
                VALUES (:code, :name, :kind, :country, :ncage, 1, :created, :updated)""")
                .bind("code", o.code()).bind("name", o.name()).bind("kind", o.kind().name())
                .bind("country", o.country()).bind("ncage", o.ncage())
                .bind("created", o.createdAt()).bind("updated", o.updatedAt())
                .executeAndReturnGeneratedKeys("organisation_key").mapTo(Long.class).one();
        insertGroups(h, key, o.groups());
        return key;
    }

    public void update(Handle h, Organisation o, long expectedVersion) {
        int rows = h.createUpdate("""
                UPDATE organisations SET name = :name, kind = :kind, country = :country, ncage = :ncage,
                  version = version + 1, updated_at = :updated
                WHERE organisation_key = :key AND version = :version""")
                .bind("name", o.name()).bind("kind", o.kind().name()).bind("country", o.country())
                .bind("ncage", o.ncage()).bind("updated", o.updatedAt()).bind("key", o.key())
                .bind("version", expectedVersion).execute();
        if (rows == 0) throw new StaleRecord("organisation", o.code(), expectedVersion);
        h.createUpdate("DELETE FROM organisation_groups WHERE organisation_key = :key").bind("key", o.key()).execute();
        insertGroups(h, o.key(), o.groups());
    }

    private static void insertGroups(Handle h, long key, Set<String> groups) {
        for (String group : groups) {
            h.createUpdate("INSERT INTO organisation_groups (organisation_key, group_code) VALUES (:key, :group)")
                    .bind("key", key).bind("group", group).execute();
        }
    }

    public Optional<Long> organisationKey(Handle h, String code) {
        return h.createQuery("SELECT organisation_key FROM organisations WHERE code = :code").bind("code", code)
                .mapTo(Long.class).findOne();
    }

    public Optional<Organisation> organisation(Handle h, String code) {
        return organisations(h, "code = :code", Map.of("code", code), 0, 1).stream().findFirst();
    }

    public List<Organisation> organisations(Handle h, String where, Map<String, ?> args, long afterKey, int limit) {
        List<OrgRow> rows = h.createQuery("SELECT * FROM organisations WHERE organisation_key > :after"
                        + (where == null ? "" : " AND " + where) + " ORDER BY organisation_key LIMIT :limit")
                .bindMap(args).bind("after", afterKey).bind("limit", limit)
                .map((rs, ctx) -> orgRow(rs)).list();
        Map<Long, Set<String>> groups = groups(h, rows.stream().map(OrgRow::key).toList());
        List<Organisation> out = new ArrayList<>();
        for (OrgRow r : rows) out.add(r.toModel(groups.getOrDefault(r.key(), Set.of())));
        return out;
    }

    public Map<Long, Organisation> organisationsByKey(Handle h, java.util.Collection<Long> keys) {
        Map<Long, Organisation> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        List<OrgRow> rows = h.createQuery("SELECT * FROM organisations WHERE organisation_key IN (<keys>)")
                .bindList("keys", List.copyOf(keys)).map((rs, ctx) -> orgRow(rs)).list();
        Map<Long, Set<String>> groups = groups(h, keys);
        for (OrgRow r : rows) out.put(r.key(), r.toModel(groups.getOrDefault(r.key(), Set.of())));
        return out;
    }

    private static Map<Long, Set<String>> groups(Handle h, java.util.Collection<Long> keys) {
        Map<Long, Set<String>> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        h.createQuery("SELECT organisation_key, group_code FROM organisation_groups WHERE organisation_key IN (<keys>)")
                .bindList("keys", List.copyOf(keys))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return out;
    }

    public long insert(Handle h, Location l, Long organisationKey) {
        return h.createUpdate("""
                INSERT INTO locations (code, name, country, kind, organisation_key, version, created_at, updated_at)
                VALUES (:code, :name, :country, :kind, :organisation, 1, :created, :updated)""")
                .bind("code", l.code()).bind("name", l.name()).bind("country", l.country())
                .bind("kind", l.kind().name()).bind("organisation", organisationKey)
                .bind("created", l.createdAt()).bind("updated", l.updatedAt())
                .executeAndReturnGeneratedKeys("location_key").mapTo(Long.class).one();
    }

    public Optional<Long> locationKey(Handle h, String code) {
        return h.createQuery("SELECT location_key FROM locations WHERE code = :code").bind("code", code)
                .mapTo(Long.class).findOne();
    }

    private static final String LOCATION_SELECT = """
            SELECT l.*, o.code AS organisation_code FROM locations l
            LEFT JOIN organisations o ON o.organisation_key = l.organisation_key""";

    public List<Location> locations(Handle h, String where, Map<String, ?> args, long afterKey, int limit) {
        return h.createQuery(LOCATION_SELECT + " WHERE l.location_key > :after"
                        + (where == null ? "" : " AND " + where) + " ORDER BY l.location_key LIMIT :limit")
                .bindMap(args).bind("after", afterKey).bind("limit", limit)
                .map((rs, ctx) -> location(rs)).list();
    }

    public Map<Long, Location> locationsByKey(Handle h, java.util.Collection<Long> keys) {
        Map<Long, Location> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        h.createQuery(LOCATION_SELECT + " WHERE l.location_key IN (<keys>)").bindList("keys", List.copyOf(keys))
                .map((rs, ctx) -> location(rs)).forEach(l -> out.put(l.key(), l));
        return out;
    }

    private static Location location(ResultSet rs) throws SQLException {
        return new Location(rs.getLong("location_key"), rs.getString("code"), rs.getString("name"),
                rs.getString("country"), LocationKind.valueOf(rs.getString("kind")), rs.getString("organisation_code"),
                rs.getLong("version"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }

    private static OrgRow orgRow(ResultSet rs) throws SQLException {
        return new OrgRow(rs.getLong("organisation_key"), rs.getString("code"), rs.getString("name"),
                rs.getString("kind"), rs.getString("country"), rs.getString("ncage"), rs.getLong("version"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }

    record OrgRow(long key, String code, String name, String kind, String country, String ncage, long version,
                  java.time.Instant createdAt, java.time.Instant updatedAt) {
        Organisation toModel(Set<String> groups) {
            return new Organisation(key, code, name, OrganisationKind.valueOf(kind), country, groups, ncage,
                    version, createdAt, updatedAt);
        }
    }
}
