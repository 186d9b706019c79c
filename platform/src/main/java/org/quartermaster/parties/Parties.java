package org.quartermaster.parties;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.audit.Journal;
import org.quartermaster.parties.jdbc.PartiesTables;
import org.quartermaster.parties.model.Location;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.Organisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Cursor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Page;
import org.quartermaster.store.Database;
import org.quartermaster.store.Tx;

/** Organisations and locations: registration, look-up, and code resolution for other contexts. */
public final class Parties {
    private final Database db;
    private final Journal journal;
    private final PartiesTables tables = new PartiesTables();
    /** How long an organisation's groups read for {@link #groupsOf} are used before they are read again. */
    static final long GROUPS_FRESH_NANOS = 2_000_000_000L;

    private record CachedGroups(Set<String> groups, long readAtNanos) {}

    private final java.util.concurrent.ConcurrentHashMap<String, CachedGroups> groups =
            new java.util.concurrent.ConcurrentHashMap<>();

    public Parties(Database db, Journal journal) {
        this.db = db;
        this.journal = journal;
    }

    /** Registers an organisation; a duplicate code or bad country or group fails on that field. */
    public Organisation register(RegisterOrganisation c, Actor actor) {
        Organisation registered = db.write(actor, tx -> {
            Organisation o = new Organisation(0, c.code(), c.name(), c.kind(), c.country(),
                    c.groups() == null ? Set.of() : c.groups(), c.ncage(), 1, tx.now(), tx.now());
            if (tables.organisationKey(tx.handle(), o.code()).isPresent()) {
                throw new InvalidField("code", "is already used by another organisation");
            }
            tables.insert(tx.handle(), o);
            journal.record(tx, "OrganisationRegistered", o.code(), Map.of(
                    "code", o.code(), "name", o.name(), "kind", o.kind().name(), "country", o.country(),
                    "groups", List.copyOf(o.groups()), "ncage", o.ncage() == null ? "" : o.ncage()), Journal.EventMarking.PUBLIC);
            return tables.organisation(tx.handle(), o.code()).orElseThrow();
        });
        groups.remove(registered.code());
        return registered;
    }

    /** Changes an organisation at {@code expectedVersion}. */
    public Organisation change(String code, RegisterOrganisation c, long expectedVersion, Actor actor) {
        Organisation changed = db.write(actor, tx -> {
            Organisation current = tables.organisation(tx.handle(), code)
                    .orElseThrow(() -> new NotFound("organisation", code));
            if (c.code() != null && !c.code().equals(code)) throw new InvalidField("code", "cannot be changed");
            Organisation o = new Organisation(current.key(), code, c.name(), c.kind(), c.country(),
                    c.groups() == null ? Set.of() : c.groups(), c.ncage(), expectedVersion + 1,
                    current.createdAt(), tx.now());
            tables.update(tx.handle(), o, expectedVersion);
            journal.record(tx, "OrganisationChanged", code, Map.of(
                    "name", o.name(), "kind", o.kind().name(), "country", o.country(),
                    "groups", List.copyOf(o.groups()), "ncage", o.ncage() == null ? "" : o.ncage(),
                    "version", o.version()), Journal.EventMarking.PUBLIC);
            return tables.organisation(tx.handle(), code).orElseThrow();
        });
        groups.remove(code);
        return changed;
    }

    /** Organisations and locations for the journal verifier's replay. */
    public org.quartermaster.audit.StateContribution state() {
        return new org.quartermaster.parties.jdbc.PartiesState();
    }

    public Organisation organisation(String code) {
        return db.read(h -> tables.organisation(h, code)).orElseThrow(() -> new NotFound("organisation", code));
    }

    /**
     * The groups of organisation {@code code}, as access decisions need them on every request.
     * Read at most once per {@link #GROUPS_FRESH_NANOS} per organisation; a change made through
     * this facade is seen at once, one made by another process within that time.
     */
    public Set<String> groupsOf(String code) {
        long now = System.nanoTime();
        CachedGroups cached = groups.get(code);
        if (cached != null && now - cached.readAtNanos() < GROUPS_FRESH_NANOS) return cached.groups();
        Set<String> read = organisation(code).groups();
        groups.put(code, new CachedGroups(read, now));
        return read;
    }

    public Page<Organisation> organisations(OrganisationKind kind, String group, String after, Integer limit) {
        int size = Cursor.limit(limit);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> args = new java.util.HashMap<>();
        if (kind != null) {
            where.append(" AND kind = :kind");
            args.put("kind", kind.name());
        }
        if (group != null) {
            where.append(" AND organisation_key IN (SELECT organisation_key FROM organisation_groups WHERE group_code = :group)");
            args.put("group", group);
        }
        List<Organisation> rows = db.read(h -> tables.organisations(h, where.toString(), args, Cursor.decode(after), size + 1));
        return Page.cut(rows, size, Organisation::key);
    }

    /** Adds a location; its holding organisation, if named, must exist. */
    public Location addLocation(AddLocation c, Actor actor) {
        return db.write(actor, tx -> {
            Long orgKey = c.organisation() == null ? null : organisationKey(tx, "organisation", c.organisation());
            Location l = new Location(0, c.code(), c.name(), c.country(), c.kind(), c.organisation(), 1, tx.now(), tx.now());
            if (tables.locationKey(tx.handle(), l.code()).isPresent()) {
                throw new InvalidField("code", "is already used by another location");
            }
            long key = tables.insert(tx.handle(), l, orgKey);
            journal.record(tx, "LocationAdded", l.code(), Map.of("code", l.code(), "name", l.name(),
                    "country", l.country(), "kind", l.kind().name(),
                    "organisation", l.organisation() == null ? "" : l.organisation()), Journal.EventMarking.PUBLIC);
            return tables.locationsByKey(tx.handle(), List.of(key)).get(key);
        });
    }

    public Location location(String code) {
        return db.read(h -> tables.locations(h, "l.code = :code", Map.of("code", code), 0, 1)).stream().findFirst()
                .orElseThrow(() -> new NotFound("location", code));
    }

    public Page<Location> locations(LocationKind kind, String country, String after, Integer limit) {
        int size = Cursor.limit(limit);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> args = new java.util.HashMap<>();
        if (kind != null) {
            where.append(" AND l.kind = :kind");
            args.put("kind", kind.name());
        }
        if (country != null) {
            where.append(" AND l.country = :country");
            args.put("country", country);
        }
        List<Location> rows = db.read(h -> tables.locations(h, where.toString(), args, Cursor.decode(after), size + 1));
        return Page.cut(rows, size, Location::key);
    }

    /** Row key of organisation {@code code} for another context's write; unknown codes fail on {@code field}. */
    public long organisationKey(Tx tx, String field, String code) {
        if (code == null || code.isBlank()) throw new InvalidField(field, "is required");
        return tables.organisationKey(tx.handle(), code)
                .orElseThrow(() -> new InvalidField(field, "names no registered organisation: " + code));
    }

    /** Row key of location {@code code}; unknown codes fail on {@code field}. */
    public long locationKey(Tx tx, String field, String code) {
        if (code == null || code.isBlank()) throw new InvalidField(field, "is required");
        return tables.locationKey(tx.handle(), code)
                .orElseThrow(() -> new InvalidField(field, "names no known location: " + code));
    }

    public Map<Long, Organisation> organisationsByKey(Collection<Long> keys) {
        return db.read(h -> tables.organisationsByKey(h, keys));
    }

    public Map<Long, Organisation> organisationsByKey(Tx tx, Collection<Long> keys) {
        return tables.organisationsByKey(tx.handle(), keys);
    }

    public Map<Long, Location> locationsByKey(Collection<Long> keys) {
        return db.read(h -> tables.locationsByKey(h, keys));
    }

    public Map<Long, Location> locationsByKey(Tx tx, Collection<Long> keys) {
        return tables.locationsByKey(tx.handle(), keys);
    }

    public List<Organisation> allOrganisations() {
        return db.read(h -> tables.organisations(h, null, Map.of(), 0, Integer.MAX_VALUE));
    }

    public List<Location> allLocations() {
        return db.read(h -> tables.locations(h, null, Map.of(), 0, Integer.MAX_VALUE));
    }

}
