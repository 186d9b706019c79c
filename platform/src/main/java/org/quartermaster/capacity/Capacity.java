package org.quartermaster.capacity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.quartermaster.access.Permissions;
import org.quartermaster.access.ReadFilter;
import org.quartermaster.access.model.Action;
import org.quartermaster.audit.Journal;
import org.quartermaster.capacity.CapacityEvents.LineChanged;
import org.quartermaster.capacity.CapacityEvents.LinePublished;
import org.quartermaster.capacity.CapacityEvents.ReservationReleased;
import org.quartermaster.capacity.CapacityEvents.SlotReserved;
import org.quartermaster.capacity.jdbc.CapacityTables;
import org.quartermaster.capacity.model.FrameworkAlerts;
import org.quartermaster.capacity.model.LineTerms;
import org.quartermaster.capacity.model.OrderBook;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.Reference;
import org.quartermaster.capacity.model.Reservation;
import org.quartermaster.capacity.model.SlotRules;
import org.quartermaster.capacity.model.WeekCell;
import org.quartermaster.capacity.model.Weeks;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Cursor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Page;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.shared.Refused;
import org.quartermaster.store.Database;
import org.quartermaster.store.Tx;

/**
 * The capacity context's use cases: suppliers publish production lines; buyers reserve and
 * release weekly slots ({@link #reserve(Tx, ReserveSlot)} and {@link #release(Tx, String, long)}
 * run inside another context's transaction, for procurement's contracts and call-offs); readers
 * see the order book and the alerts on idle framework capacity, filtered by what they may see.
 */
public final class Capacity {
    /** Lines one order book or alert computation reads: far above any real market of one item. */
    public static final int LINES_READ_MAX = 10_000;

    private final Database db;
    private final Journal journal;
    private final Catalog catalog;
    private final Parties parties;
    private final CapacityTables tables = new CapacityTables();

    public Capacity(Database db, Journal journal, Catalog catalog, Parties parties) {
        this.db = db;
        this.journal = journal;
        this.catalog = catalog;
        this.parties = parties;
    }

    // ---- lines

    /**
     * Publishes a production line. Unknown supplier, item or site, a supplier that is not of kind
     * SUPPLIER, or any bad term fails on its field (422); a writer without PUBLISH_CAPACITY in
     * the supplier's organisation is refused (401/403).
     */
    public ProductionLine publish(PublishLine c, Actor actor) {
        return db.write(actor, tx -> {
            String supplier = Checks.text("supplier", c.supplier(), Limits.NAME_LENGTH_MAX);
            long supplierKey = parties.organisationKey(tx, "supplier", supplier);
            if (parties.organisationsByKey(tx, List.of(supplierKey)).get(supplierKey).kind() != OrganisationKind.SUPPLIER) {
                throw new InvalidField("supplier", "must name an organisation of kind SUPPLIER");
            }
            long itemKey = catalog.keyOf(tx, "item", c.item());
            long siteKey = parties.locationKey(tx, "site", c.site());
            String name = Checks.text("name", c.name(), Limits.NAME_LENGTH_MAX);
            LineTerms terms = new LineTerms(c.firstWeek(), Checks.required("horizonWeeks", c.horizonWeeks()),
                    Checks.required("capacityPerWeek", c.capacityPerWeek()),
                    c.rampUp() == null ? List.of() : c.rampUp(), Checks.required("unitPriceMinor", c.unitPriceMinor()),
                    c.currency(), Checks.required("leadTimeWeeks", c.leadTimeWeeks()));
            Set<String> releasable = c.releasableTo() == null ? Set.of("PUBLIC")
                    : Checks.releasability("releasableTo", new HashSet<>(c.releasableTo()), Limits.GROUPS_MAX);
            Permissions.requireWrite(tx.actor(), supplier, releasable, Action.PUBLISH_CAPACITY);
            ProductionLine draft = new ProductionLine(0, supplier, c.item(), c.site(), name, terms, c.framework(),
                    releasable, 1, tx.now(), tx.now());
            long key = tables.insertLine(tx.handle(), draft,
                    new CapacityTables.Refs(supplierKey, itemKey, siteKey));
            ProductionLine stored = tables.lineByKey(tx.handle(), key).orElseThrow();
            LineTerms t = stored.terms();
            journal.record(tx, "CapacityLinePublished", stored.publicId(), new LinePublished(stored.publicId(),
                    stored.supplier(), stored.item(), stored.site(), stored.name(), t.firstWeek(), t.horizonWeeks(),
                    t.capacityPerWeek(), t.rampUp(), t.unitPriceMinor(), t.currency(), t.leadTimeWeeks(),
                    stored.framework(), List.copyOf(new TreeSet<>(stored.releasableTo()))));
            return stored;
        });
    }

    /**
     * Changes a line's terms at {@code c.version()}. Refused (409, on {@code capacityPerWeek})
     * when a week would make fewer units than are already reserved in it; stale versions are 409.
     */
    public ProductionLine change(String id, ChangeLine c, Actor actor) {
        return db.write(actor, tx -> {
            long key = PublicIds.parse(ProductionLine.ID_PREFIX, id, "production line");
            visible(tx, key);
            ProductionLine line = tables.lineForUpdate(tx.handle(), tx.dialect(), key).orElseThrow();
            Permissions.requireWrite(tx.actor(), line.supplier(), line.releasableTo(), Action.PUBLISH_CAPACITY);
            LineTerms old = line.terms();
            LineTerms terms = new LineTerms(old.firstWeek(), old.horizonWeeks(),
                    c.capacityPerWeek() == null ? old.capacityPerWeek() : c.capacityPerWeek(),
                    c.rampUp() == null ? old.rampUp() : c.rampUp(),
                    c.unitPriceMinor() == null ? old.unitPriceMinor() : c.unitPriceMinor(),
                    c.currency() == null ? old.currency() : c.currency(),
                    c.leadTimeWeeks() == null ? old.leadTimeWeeks() : c.leadTimeWeeks());
            String name = c.name() == null ? line.name() : Checks.text("name", c.name(), Limits.NAME_LENGTH_MAX);
            Map<LocalDate, Long> reserved = tables.reservedByWeek(tx.handle(), key, old.firstWeek(), old.endWeek());
            for (var e : new java.util.TreeMap<>(reserved).entrySet()) {
                if (!SlotRules.canShrinkTo(terms.capacityIn(e.getKey()), e.getValue())) {
                    throw new Refused("capacity-below-reserved", c.rampUp() == null ? "capacityPerWeek" : "rampUp",
                            "week " + e.getKey() + " already has " + e.getValue() + " units reserved; capacity "
                                    + terms.capacityIn(e.getKey()) + " would not cover them");
                }
            }
            ProductionLine changed = new ProductionLine(key, line.supplier(), line.item(), line.site(), name, terms,
                    c.framework() == null ? line.framework() : c.framework(), line.releasableTo(), line.version(),
                    line.createdAt(), tx.now());
            tables.updateLine(tx.handle(), changed, c.version());
            journal.record(tx, "CapacityLineChanged", line.publicId(), new LineChanged(line.publicId(), name,
                    terms.capacityPerWeek(), terms.rampUp(), terms.unitPriceMinor(), terms.currency(),
                    terms.leadTimeWeeks(), changed.framework(), c.version() + 1));
            return tables.lineByKey(tx.handle(), key).orElseThrow();
        });
    }

    /** The line {@code id} if {@code viewer} may see it; otherwise (or unknown) a {@link NotFound}. */
    public ProductionLine line(String id, Actor viewer) {
        long key = PublicIds.parse(ProductionLine.ID_PREFIX, id, "production line");
        return db.read(h -> tables.visibleLine(h, key, lineFilter(viewer)))
                .orElseThrow(() -> new NotFound("production line", id));
    }

    /** Lines {@code viewer} may see, optionally of one supplier or item, a page at a time. */
    public Page<ProductionLine> lines(String supplier, String item, String after, Integer limit, Actor viewer) {
        int size = Cursor.limit(limit);
        return Page.cut(db.read(h -> tables.lines(h, supplier, item, Cursor.decode(after), size + 1,
                lineFilter(viewer))), size, ProductionLine::key);
    }

    /** A visible line's weeks (capacity, reserved, free) over its whole horizon. */
    public List<WeekCell> lineWeeks(String id, Actor viewer) {
        ProductionLine line = line(id, viewer);
        LineTerms t = line.terms();
        Map<LocalDate, Long> reserved = db.read(h -> tables.reservedByWeek(h, line.key(), t.firstWeek(), t.endWeek()));
        return OrderBook.lineWeeks(t, reserved, t.firstWeek(), t.horizonWeeks());
    }

    // ---- reservations

    /** Reserves a slot in its own transaction; see {@link #reserve(Tx, ReserveSlot)}. */
    public Reservation reserve(ReserveSlot c, Actor actor) {
        return db.write(actor, tx -> reserve(tx, c));
    }

    /**
     * Reserves {@code c.quantity()} units of a week of a line within the caller's transaction, on
     * behalf of {@code tx.actor()}. The line's row is locked first, so the free units checked are
     * still free when the reservation is written, whatever other writers do. A week outside the
     * line's horizon or any bad field is a 422; more than is free is refused (409, on
     * {@code quantity}) and nothing is written.
     */
    public Reservation reserve(Tx tx, ReserveSlot c) {
        long key = PublicIds.parse(ProductionLine.ID_PREFIX, Checks.required("line", c.line()), "production line");
        visible(tx, key);
        ProductionLine line = tables.lineForUpdate(tx.handle(), tx.dialect(), key).orElseThrow();
        LocalDate week = Weeks.requireMonday("week", c.week());
        if (!line.terms().inHorizon(week)) {
            throw new InvalidField("week", "must lie inside the line's horizon, " + line.terms().firstWeek()
                    + " to " + line.terms().endWeek().minusWeeks(1));
        }
        long quantity = Checks.positive("quantity", Checks.required("quantity", c.quantity()));
        Checks.atMost("quantity", quantity, Limits.QUANTITY_MAX);
        String reserver = Checks.text("reserver", c.reserver(), Limits.NAME_LENGTH_MAX);
        parties.organisationKey(tx, "reserver", reserver);
        Reference reference = new Reference(Reference.kind(c.referenceKind()), c.referenceId());
        Set<String> releasable = new HashSet<>(c.releasableTo() == null ? Set.of()
                : Checks.releasability("releasableTo", new HashSet<>(c.releasableTo()), Limits.GROUPS_MAX - 1));
        releasable.add(line.supplier());
        Permissions.requireWrite(tx.actor(), reserver, releasable, Action.RESERVE_CAPACITY);
        long capacity = line.terms().capacityIn(week);
        long reserved = tables.reservedByWeek(tx.handle(), key, week, week.plusWeeks(1)).getOrDefault(week, 0L);
        long freeAfter = switch (SlotRules.reserve(capacity, reserved, quantity)) {
            case SlotRules.Outcome.Fits f -> f.freeAfter();
            case SlotRules.Outcome.Exceeds x -> throw new Refused("capacity-exceeded", "quantity", "only " + x.free()
                    + " of " + capacity + " units of " + line.publicId() + " are free in week " + week
                    + "; " + quantity + " asked");
        };
        Reservation draft = new Reservation(0, line.publicId(), reserver, line.supplier(), line.item(), week, quantity,
                reference, c.framework(), Reservation.Status.ACTIVE, releasable, 1, tx.now(), tx.now());
        long rkey = tables.insertReservation(tx.handle(), key, draft);
        Reservation stored = tables.reservationByKey(tx.handle(), rkey).orElseThrow();
        journal.record(tx, "CapacitySlotReserved", stored.publicId(), new SlotReserved(stored.publicId(),
                stored.line(), reserver, stored.supplier(), stored.item(), week, quantity, reference.kind().name(),
                reference.id(), stored.framework(), freeAfter, List.copyOf(new TreeSet<>(stored.releasableTo()))));
        return stored;
    }

    /** Releases a reservation in its own transaction; see {@link #release(Tx, String, long)}. */
    public Reservation release(String id, long version, Actor actor) {
        return db.write(actor, tx -> release(tx, id, version));
    }

    /**
     * Releases an ACTIVE reservation at {@code version} within the caller's transaction: its
     * units are free again. Releasing twice is refused (409); a stale version is 409.
     */
    public Reservation release(Tx tx, String id, long version) {
        Reservation r = reservation(tx, id);
        if (r.status() != Reservation.Status.ACTIVE) {
            throw new Refused("illegal-transition", null, "reservation " + id + " is already released");
        }
        Permissions.requireWrite(tx.actor(), r.reserver(), r.releasableTo(), Action.RESERVE_CAPACITY);
        tables.updateStatus(tx.handle(), r, Reservation.Status.RELEASED, version, tx.now());
        journal.record(tx, "CapacityReservationReleased", r.publicId(),
                new ReservationReleased(r.publicId(), r.line(), r.week(), r.quantity(), version + 1));
        return tables.reservationByKey(tx.handle(), r.key()).orElseThrow();
    }

    private Reservation reservation(Tx tx, String id) {
        long key = PublicIds.parse(Reservation.ID_PREFIX, id, "reservation");
        Reservation r = tables.reservationByKey(tx.handle(), key).orElseThrow(() -> new NotFound("reservation", id));
        if (!Permissions.canRead(tx.actor(), r.reserver(), r.releasableTo())) throw new NotFound("reservation", id);
        return r;
    }

    /** The reservation {@code id} if {@code viewer} may see it (its reserver, the supplier, those released to). */
    public Reservation reservation(String id, Actor viewer) {
        long key = PublicIds.parse(Reservation.ID_PREFIX, id, "reservation");
        return db.read(h -> tables.reservationByKey(h, key))
                .filter(r -> Permissions.canRead(viewer, r.reserver(), r.releasableTo()))
                .orElseThrow(() -> new NotFound("reservation", id));
    }

    /** Reservations {@code viewer} may see, optionally of one line and status, a page at a time. */
    public Page<Reservation> reservations(String line, String status, String after, Integer limit, Actor viewer) {
        Long lineKey = line == null ? null : PublicIds.parse(ProductionLine.ID_PREFIX, line, "production line");
        if (status != null) {
            try {
                Reservation.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidField("status", "must be ACTIVE or RELEASED");
            }
        }
        int size = Cursor.limit(limit);
        ReadFilter.Condition visible = Permissions.readFilter(viewer, db.dialect(), "r.owner_org", "r.releasable_to");
        return Page.cut(db.read(h -> tables.reservations(h, lineKey, status, Cursor.decode(after), size + 1,
                visible)), size, Reservation::key);
    }

    /** Lines and reservations for the journal verifier's replay. */
    public org.quartermaster.audit.StateContribution state() {
        return new org.quartermaster.capacity.jdbc.CapacityState();
    }

    // ---- the order book

    /**
     * Per item (or only {@code item}) and week, the capacity, reserved and free units summed over
     * the lines {@code viewer} may see, for {@code weeks} (default {@value OrderBook#WEEKS_DEFAULT})
     * weeks from the Monday of {@code from} (default: this week).
     */
    public OrderBook orderBook(String item, LocalDate from, Integer weeks, Actor viewer) {
        int span = OrderBook.checkWeeks("weeks", weeks);
        LocalDate start = Weeks.mondayOf(from == null ? today() : from);
        if (item != null && catalog.names(catalog.all()).get(item) == null) {
            throw new InvalidField("item", "names no item of the catalogue: " + item);
        }
        ReadFilter.Condition visible = lineFilter(viewer);
        return db.read(h -> {
            List<ProductionLine> lines = allLines(h, item, visible);
            var reserved = tables.reserved(h, item, start, start.plusWeeks(span), visible);
            return OrderBook.of(start, span, lines, reserved);
        });
    }

    /**
     * Runs of idle capacity under framework agreements over the window of the order book, for
     * the lines {@code viewer} may see; see {@link FrameworkAlerts}.
     */
    public FrameworkAlerts.Report alerts(LocalDate from, Integer weeks, FrameworkAlerts.Rule rule, Actor viewer) {
        int span = OrderBook.checkWeeks("weeks", weeks);
        LocalDate start = Weeks.mondayOf(from == null ? today() : from);
        ReadFilter.Condition visible = lineFilter(viewer);
        return db.read(h -> {
            Set<Long> withFramework = tables.linesWithFrameworkReservations(h, visible);
            var reserved = tables.reserved(h, null, start, start.plusWeeks(span), visible);
            List<FrameworkAlerts.Watched> watched = new ArrayList<>();
            for (ProductionLine l : allLines(h, null, visible)) {
                if (!l.framework() && !withFramework.contains(l.key())) continue;
                watched.add(new FrameworkAlerts.Watched(l, OrderBook.lineWeeks(l.terms(),
                        reserved.getOrDefault(l.key(), Map.of()), start, span)));
            }
            return new FrameworkAlerts.Report(start, span, rule, FrameworkAlerts.of(watched, rule));
        });
    }

    /**
     * Every line's free units per week for {@code weeks} weeks from Monday {@code from}, as the
     * platform itself sees them (for the planner; not filtered by a reader).
     */
    public List<FreeCapacity> freeCapacity(LocalDate from, int weeks) {
        Weeks.requireMonday("from", from);
        int span = OrderBook.checkWeeks("weeks", weeks);
        ReadFilter.Condition all = lineFilter(Actor.SYSTEM);
        return db.read(h -> {
            var reserved = tables.reserved(h, null, from, from.plusWeeks(span), all);
            List<FreeCapacity> out = new ArrayList<>();
            for (ProductionLine l : allLines(h, null, all)) {
                List<Long> free = OrderBook.lineWeeks(l.terms(), reserved.getOrDefault(l.key(), Map.of()), from, span)
                        .stream().map(WeekCell::free).toList();
                out.add(new FreeCapacity(l.publicId(), l.supplier(), l.item(), l.site(), l.terms().leadTimeWeeks(),
                        l.terms().unitPriceMinor(), l.terms().currency(), from, free));
            }
            return out;
        });
    }

    private void visible(Tx tx, long key) {
        ProductionLine line = tables.lineByKey(tx.handle(), key)
                .orElseThrow(() -> new NotFound("production line", PublicIds.format(ProductionLine.ID_PREFIX, key)));
        if (!Permissions.canRead(tx.actor(), line.supplier(), line.releasableTo())) {
            throw new NotFound("production line", line.publicId());
        }
    }

    /**
     * Every visible line (optionally of one item) for a computation over all of them; more than
     * {@link #LINES_READ_MAX} is refused rather than silently summed over a part.
     */
    private List<ProductionLine> allLines(org.jdbi.v3.core.Handle h, String item, ReadFilter.Condition visible) {
        List<ProductionLine> lines = tables.lines(h, null, item, 0, LINES_READ_MAX + 1, visible);
        if (lines.size() > LINES_READ_MAX) {
            throw new Refused("too-many-lines", "item", "more than " + LINES_READ_MAX
                    + " production lines to sum; ask for one item at a time");
        }
        return lines;
    }

    private ReadFilter.Condition lineFilter(Actor viewer) {
        return Permissions.readFilter(viewer, db.dialect(), "l.owner_org", "l.releasable_to");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(db.now(), java.time.ZoneOffset.UTC);
    }
}
