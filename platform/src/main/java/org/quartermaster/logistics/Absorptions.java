package org.quartermaster.logistics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quartermaster.access.Permissions;
import org.quartermaster.access.model.Action;
import org.quartermaster.audit.Journal;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.logistics.jdbc.AbsorptionTable;
import org.quartermaster.logistics.jdbc.ShipmentsTable;
import org.quartermaster.parties.Parties;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;
import org.quartermaster.store.Database;

/**
 * Absorption capacity: the units per week a destination can take in per item, set by the
 * receiving organisation, and the planned arrivals of shipments on their way against it.
 */
public final class Absorptions {
    /** Weeks ahead the dashboard compares (this week first). */
    public static final int WEEKS_SHOWN = 8;

    private final Database db;
    private final Journal journal;
    private final Parties parties;
    private final Catalog catalog;
    private final AbsorptionTable table = new AbsorptionTable();
    private final ShipmentsTable shipments = new ShipmentsTable();

    public Absorptions(Database db, Journal journal, Parties parties, Catalog catalog) {
        this.db = db;
        this.journal = journal;
        this.parties = parties;
        this.catalog = catalog;
    }

    /** Sets (or changes, at {@code version}) a destination's capacity for an item. */
    public void set(SetAbsorption c, Actor actor) {
        db.write(actor, tx -> {
            String org = c.organisation() != null ? c.organisation() : (actor.isSystem() ? null : actor.organisation());
            if (org == null) throw new InvalidField("organisation", "is required");
            parties.organisationKey(tx, "organisation", org);
            long destination = parties.locationKey(tx, "destination", c.destination());
            // a destination held by an organisation takes in what that organisation says
            String holder = parties.locationsByKey(tx, List.of(destination)).get(destination).organisation();
            if (holder != null) {
                Permissions.requireWrite(actor, holder, Set.of(), Action.RECEIVE);
                if (!holder.equals(org)) {
                    throw new InvalidField("organisation", "must be " + holder + ", which holds " + c.destination());
                }
            }
            catalog.keyOf(tx, "item", c.item());
            long units = Checks.atMost("unitsPerWeek", Checks.notNegative("unitsPerWeek",
                    Checks.required("unitsPerWeek", c.unitsPerWeek())), Limits.QUANTITY_MAX);
            Permissions.requireWrite(actor, org, Set.of(), Action.RECEIVE);
            var existing = table.of(tx.handle(), c.destination(), c.item());
            var row = new AbsorptionTable.Row(c.destination(), c.item(), units, org, 1, tx.now());
            if (existing.isEmpty()) {
                table.insert(tx.handle(), row);
            } else {
                if (!existing.get().owner().equals(org)) {
                    throw new org.quartermaster.shared.Refused("not-owner", "organisation",
                            "the capacity is set by " + existing.get().owner());
                }
                table.update(tx.handle(), row, c.version() == null ? existing.get().version() : c.version());
            }
            journal.record(tx, "AbsorptionSet", c.destination() + "/" + c.item(),
                    new ShipmentEvents.AbsorptionSet(c.destination(), c.item(), units, org));
            return null;
        });
    }

    /**
     * Every destination and item with a capacity or with units on their way, the coming weeks
     * compared; the units on their way are those of the consignments {@code viewer} may see.
     */
    public List<Absorption> overview(Actor viewer, Instant now) {
        var access = Permissions.readFilter(viewer, db.dialect(), "s.owner_org", "s.releasable_to");
        LocalDate monday = now.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, long[]> planned = new TreeMap<>();
        Map<String, Long> capacity = new TreeMap<>();
        db.read(h -> {
            for (AbsorptionTable.Row r : table.all(h)) capacity.put(r.destination() + "\t" + r.item(), r.unitsPerWeek());
            for (Object[] row : shipments.inbound(h, access.sql(), access.params())) {
                LocalDate arrival = Instant.ofEpochMilli((Long) row[2]).atZone(ZoneOffset.UTC).toLocalDate();
                // Late arrivals count in this week: they are still to be absorbed.
                long week = Math.max(0, java.time.temporal.ChronoUnit.WEEKS.between(monday, arrival));
                if (week >= WEEKS_SHOWN) continue;
                planned.computeIfAbsent(row[0] + "\t" + row[1], k -> new long[WEEKS_SHOWN])[(int) week] += (Long) row[3];
            }
            return null;
        });
        java.util.Set<String> keys = new java.util.TreeSet<>(capacity.keySet());
        keys.addAll(planned.keySet());
        List<Absorption> out = new ArrayList<>();
        for (String k : keys) {
            String[] parts = k.split("\t", 2);
            Long cap = capacity.get(k);
            long[] weeks = planned.getOrDefault(k, new long[WEEKS_SHOWN]);
            List<Absorption.Week> w = new ArrayList<>();
            for (int i = 0; i < WEEKS_SHOWN; i++) {
                w.add(new Absorption.Week(monday.plusWeeks(i), weeks[i], cap != null && weeks[i] > cap));
            }
            out.add(new Absorption(parts[0], parts[1], cap, w));
        }
        return out;
    }
}
