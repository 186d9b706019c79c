package org.quartermaster.needs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.access.FourEyesCheck;
import org.quartermaster.access.Permissions;
import org.quartermaster.access.ReadFilter;
import org.quartermaster.access.model.Action;
import org.quartermaster.audit.Journal;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.needs.NeedEvents.NeedChanged;
import org.quartermaster.needs.NeedEvents.NeedFiled;
import org.quartermaster.needs.NeedEvents.NeedReleasabilityChanged;
import org.quartermaster.needs.NeedEvents.NeedStatusChanged;
import org.quartermaster.needs.jdbc.NeedsTable;
import org.quartermaster.needs.model.Need;
import org.quartermaster.needs.model.NeedRules;
import org.quartermaster.needs.model.NeedStatus;
import org.quartermaster.needs.model.Priority;
import org.quartermaster.needs.model.Transition;
import org.quartermaster.parties.Parties;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Cursor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Page;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.shared.Refused;
import org.quartermaster.store.Database;
import org.quartermaster.store.Tx;

/** The needs context's use cases. Offers move coverage and deliveries through {@link #cover} and {@link #deliver}. */
public final class Needs {
    public static final String ID_PREFIX = "N";

    private final Database db;
    private final Journal journal;
    private final Catalog catalog;
    private final Parties parties;
    private final NeedsTable table = new NeedsTable();

    public Needs(Database db, Journal journal, Catalog catalog, Parties parties) {
        this.db = db;
        this.journal = journal;
        this.catalog = catalog;
        this.parties = parties;
    }

    /** Files a need; unknown codes fail on their field. Returns the stored need. */
    public Need file(FileNeed c, Actor actor) {
        return db.write(actor, tx -> file(tx, c));
    }

    /** The marking of a need's journal events: its requester and releasability. */
    static Journal.EventMarking marking(Need n) {
        return Journal.EventMarking.of(n.requester(), n.releasableTo());
    }

    /** Files many needs in one transaction: all or none (CSV import). */
    public List<Need> fileAll(List<FileNeed> commands, Actor actor) {
        return db.write(actor, tx -> commands.stream().map(c -> file(tx, c)).toList());
    }

    private Need file(Tx tx, FileNeed c) {
        Permissions.requireWrite(tx.actor(), Checks.required("requester", c.requester()), Set.of(), Action.FILE_NEED);
        long requester = parties.organisationKey(tx, "requester", c.requester());
        long item = catalog.keyOf(tx, "item", c.item());
        long destination = parties.locationKey(tx, "destination", c.destination());
        // A HashSet keeps a null entry for the model to refuse (a TreeSet would throw a bare NPE).
        Set<String> releasable = c.releasableTo() == null ? Set.of() : new java.util.HashSet<>(c.releasableTo());
        NeedStatus status = c.submit() ? new NeedStatus.Open() : new NeedStatus.Draft();
        Need need = new Need(0, c.requester(), c.item(), c.quantity(), Priority.parse(c.priority()), c.dueDate(),
                c.destination(), c.justification(), status, 0, 0, releasable, 1, tx.now(), tx.now());
        long key = table.insert(tx.handle(), need, new NeedsTable.Refs(requester, item, destination));
        Need stored = table.byKey(tx.handle(), key).orElseThrow();
        journal.record(tx, "NeedFiled", stored.publicId(), new NeedFiled(stored.publicId(), stored.requester(),
                stored.item(), stored.quantity(), stored.priority().name(), stored.dueDate(), stored.destination(),
                stored.justification(), stored.status().name(), List.copyOf(stored.releasableTo())), marking(stored));
        return stored;
    }

    /** Changes quantity, priority, due date, destination or justification of a DRAFT or OPEN-ish need. */
    public Need change(String id, ChangeNeed c, Actor actor) {
        return db.write(actor, tx -> {
            Need n = loadFor(tx, id, actor, Action.CHANGE_NEED);
            if (!(n.status() instanceof NeedStatus.Cancellable)) {
                throw new Refused("illegal-transition", null, "a " + n.status().name() + " need can no longer be changed");
            }
            Long destinationKey = c.destination() == null ? null : parties.locationKey(tx, "destination", c.destination());
            long quantity = c.quantity() == null ? n.quantity() : c.quantity();
            NeedStatus status = n.status();
            if (status instanceof NeedStatus.Coverable) {
                status = switch (NeedRules.cover(status, n.coveredQuantity(), quantity)) {
                    case Transition.Moved m -> m.next();
                    case Transition.Refused r -> throw new InvalidField("quantity", "must not be below what is already covered ("
                            + n.coveredQuantity() + ")");
                };
            }
            Need changed = new Need(n.key(), n.requester(), n.item(), quantity,
                    c.priority() == null ? n.priority() : Priority.parse(c.priority()),
                    c.dueDate() == null ? n.dueDate() : c.dueDate(),
                    c.destination() == null ? n.destination() : c.destination(),
                    c.justification() == null ? n.justification() : c.justification(),
                    status, n.coveredQuantity(), n.deliveredQuantity(), n.releasableTo(), n.version(),
                    n.createdAt(), tx.now());
            table.update(tx.handle(), changed, destinationKey, c.version());
            journal.record(tx, "NeedChanged", n.publicId(), new NeedChanged(n.publicId(), changed.quantity(),
                    changed.priority().name(), changed.dueDate(), changed.destination(), changed.justification(),
                    changed.status().name(), c.version() + 1), marking(changed));
            return table.byKey(tx.handle(), n.key()).orElseThrow();
        });
    }

    /** Takes a named lifecycle step at a known version; an illegal step is refused (409). */
    public Need act(String id, NeedRules.Action action, long version, Actor actor) {
        return db.write(actor, tx -> {
            Need n = loadFor(tx, id, actor, Action.CHANGE_NEED);
            NeedStatus next = switch (NeedRules.apply(n.status(), action)) {
                case Transition.Moved m -> m.next();
                case Transition.Refused r -> throw new Refused("illegal-transition", null, r.reason());
            };
            return save(tx, n, n.with(next, n.coveredQuantity(), n.deliveredQuantity(), tx.now()), version,
                    action.name().toLowerCase(java.util.Locale.ROOT));
        });
    }

    /**
     * Moves the coverage of need {@code id} by {@code delta} within the caller's transaction (an
     * offer accepted or withdrawn). Refused when the need cannot take it or would be over-covered.
     */
    public Need cover(Tx tx, String id, long delta, String cause) {
        Need n = load(tx, id);
        long covered = n.coveredQuantity() + delta;
        NeedStatus next = switch (NeedRules.cover(n.status(), covered, n.quantity())) {
            case Transition.Moved m -> m.next();
            case Transition.Refused r -> throw new Refused("need-not-coverable", "need", r.reason());
        };
        return save(tx, n, n.with(next, covered, n.deliveredQuantity(), tx.now()), n.version(), cause);
    }

    /** Adds {@code delta} delivered units to need {@code id} within the caller's transaction. */
    public Need deliver(Tx tx, String id, long delta, String cause) {
        Need n = load(tx, id);
        long delivered = n.deliveredQuantity() + delta;
        NeedStatus next = switch (NeedRules.deliver(n.status(), delivered, n.quantity())) {
            case Transition.Moved m -> m.next();
            case Transition.Refused r -> throw new Refused("need-not-deliverable", "need", r.reason());
        };
        return save(tx, n, n.with(next, n.coveredQuantity(), delivered, tx.now()), n.version(), cause);
    }

    private Need save(Tx tx, Need before, Need after, long version, String cause) {
        table.update(tx.handle(), after, null, version);
        journal.record(tx, "NeedStatusChanged", before.publicId(), new NeedStatusChanged(before.publicId(),
                before.status().name(), after.status().name(), after.coveredQuantity(), after.deliveredQuantity(),
                cause, version + 1), marking(after));
        return table.byKey(tx.handle(), before.key()).orElseThrow();
    }

    /** The need in the caller's transaction; an unknown id is a {@link NotFound}. */
    public Need load(Tx tx, String id) {
        long key = PublicIds.parse(ID_PREFIX, id, "need");
        return table.byKey(tx.handle(), key).orElseThrow(() -> new NotFound("need", id));
    }

    /**
     * The need for a write by {@code actor}: one it may not see is {@link NotFound} (its existence
     * is not revealed); one it sees but may not change is {@code AccessDenied}.
     */
    private Need loadFor(Tx tx, String id, Actor actor, Action action) {
        Need n = load(tx, id);
        if (!visible(actor, n)) throw new NotFound("need", id);
        Permissions.requireWrite(actor, n.requester(), n.releasableTo(), action);
        return n;
    }

    /** A reference to need {@code id} for another context's write; an unknown id is a {@link NotFound}. */
    public NeedRef ref(Tx tx, String id) {
        return ref(tx, id, Actor.SYSTEM);
    }

    /** A reference to need {@code id} that {@code viewer} may see; one it may not see is a {@link NotFound}. */
    public NeedRef ref(Tx tx, String id, Actor viewer) {
        Need n = load(tx, id);
        if (!visible(viewer, n)) throw new NotFound("need", id);
        return new NeedRef(n.key(), n.publicId(), n.item());
    }

    /** The need as the system sees it (the command line, the planner); see {@link #get(String, Actor)}. */
    public Need get(String id) {
        return get(id, Actor.SYSTEM);
    }

    /** The need {@code id} if {@code viewer} may see it; otherwise, like an unknown id, {@link NotFound}. */
    public Need get(String id, Actor viewer) {
        long key = PublicIds.parse(ID_PREFIX, id, "need");
        return db.read(h -> table.byKey(h, key)).filter(n -> visible(viewer, n))
                .orElseThrow(() -> new NotFound("need", id));
    }

    static boolean visible(Actor viewer, Need n) {
        return Permissions.canRead(viewer, n.requester(), n.releasableTo());
    }

    /** Every need, as the system sees it; see {@link #list(NeedFilter, Actor, String, Integer)}. */
    public Page<Need> list(NeedFilter filter, String after, Integer limit) {
        return list(filter, Actor.SYSTEM, after, limit);
    }

    /** The needs {@code viewer} may see, filtered in the query. */
    public Page<Need> list(NeedFilter filter, Actor viewer, String after, Integer limit) {
        if (filter.status() != null && !NeedStatus.ALL.contains(filter.status())) {
            throw new InvalidField("status", "must be one of " + NeedStatus.ALL);
        }
        int size = Cursor.limit(limit);
        ReadFilter.Condition visible = readFilter(viewer);
        return Page.cut(db.read(h -> table.list(h, filter, visible, Cursor.decode(after), size + 1)), size, Need::key);
    }

    private ReadFilter.Condition readFilter(Actor viewer) {
        return Permissions.readFilter(viewer, db.dialect(), "requester_code", "releasable_to");
    }

    /**
     * Changes who need {@code id} is released to. Widening (or keeping) the set takes effect now;
     * lowering it (taking an organisation or group away) needs a granted four-eyes approval named
     * by {@code approval}, and is refused without one. The approval is spent in the change's
     * transaction: it authorises this change once.
     */
    public Need changeReleasability(String id, Set<String> releasableTo, long version, String approval, Actor actor,
                                    FourEyesCheck fourEyes) {
        Need current = get(id, actor);
        Permissions.requireWrite(actor, current.requester(), current.releasableTo(), Action.CHANGE_RELEASABILITY);
        Set<String> next = new java.util.TreeSet<>(Checks.required("releasableTo", releasableTo));
        new org.quartermaster.access.model.Marking(current.requester(), next);  // every code well-formed
        boolean lowering = !org.quartermaster.access.model.Marking.fromColumns(current.requester(),
                String.join(",", new java.util.TreeSet<>(current.releasableTo())))
                .isWidenedBy(new org.quartermaster.access.model.Marking(current.requester(), next));
        return db.write(actor, tx -> {
            Need n = load(tx, id);
            Need changed = new Need(n.key(), n.requester(), n.item(), n.quantity(), n.priority(), n.dueDate(),
                    n.destination(), n.justification(), n.status(), n.coveredQuantity(), n.deliveredQuantity(), next,
                    n.version(), n.createdAt(), tx.now());
            table.update(tx.handle(), changed, null, version);
            journal.record(tx, "NeedReleasabilityChanged", n.publicId(), new NeedReleasabilityChanged(n.publicId(),
                    List.copyOf(next), version + 1), marking(changed));
            journal.remark(tx, n.publicId(), marking(changed));
            // the approval is spent with the change it authorises: both commit, or neither
            if (lowering) fourEyes.use(tx, approval, "need", n.publicId(), FourEyesCheck.lowerReleasability(next), actor);
            return table.byKey(tx.handle(), n.key()).orElseThrow();
        });
    }

    /** The needs table for the journal verifier's replay. */
    public org.quartermaster.audit.StateContribution state() {
        return new org.quartermaster.needs.jdbc.NeedsState();
    }

    /** Every need that is open and not fully covered: what a plan must try to cover. */
    public List<Need> uncovered() {
        return db.read(table::uncovered);
    }

    public List<CoverageRow> coverage() {
        return coverage(Actor.SYSTEM);
    }

    /** Coverage over the needs {@code viewer} may see. */
    public List<CoverageRow> coverage(Actor viewer) {
        ReadFilter.Condition visible = readFilter(viewer);
        return db.read(h -> table.coverage(h, visible));
    }

    public Map<String, Long> countByStatus() {
        return countByStatus(Actor.SYSTEM);
    }

    /** Counts of the needs {@code viewer} may see, by status. */
    public Map<String, Long> countByStatus(Actor viewer) {
        ReadFilter.Condition visible = readFilter(viewer);
        return db.read(h -> table.countByStatus(h, visible));
    }
}
