package org.quartermaster.planning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.quartermaster.audit.CanonicalJson;
import org.quartermaster.audit.Journal;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.needs.Needs;
import org.quartermaster.offers.Offers;
import org.quartermaster.parties.Parties;
import org.quartermaster.planner.Allocation;
import org.quartermaster.planner.Plan;
import org.quartermaster.planner.PlanInput;
import org.quartermaster.planner.Planner;
import org.quartermaster.planner.Shortfall;
import org.quartermaster.planning.jdbc.PlansTable;
import org.quartermaster.planning.model.Approval;
import org.quartermaster.planning.model.PlanStatus;
import org.quartermaster.planning.model.PlanWeeks;
import org.quartermaster.access.Permissions;
import org.quartermaster.access.ReadFilter;
import org.quartermaster.access.model.Action;
import org.quartermaster.access.model.WriteRule;
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

/** Proposes plans with the planner, stores them immutably, explains them, and has them approved. */
public final class Planning {
    private final Database db;
    private final Journal journal;
    private final Catalog catalog;
    private final Parties parties;
    private final Needs needs;
    private final Offers offers;
    private final PlansTable table = new PlansTable();
    private final ProductionSupply production;

    public Planning(Database db, Journal journal, Catalog catalog, Parties parties, Needs needs, Offers offers) {
        this(db, journal, catalog, parties, needs, offers, ProductionSupply.NONE);
    }

    /** Planning that also draws on {@code production} (production lines' free units). */
    public Planning(Database db, Journal journal, Catalog catalog, Parties parties, Needs needs, Offers offers,
                    ProductionSupply production) {
        this.production = production;
        this.db = db;
        this.journal = journal;
        this.catalog = catalog;
        this.parties = parties;
        this.needs = needs;
        this.offers = offers;
    }

    /** The planner's input for the current state of the platform. */
    public PlanInput currentInput(PlanWeeks weeks) {
        return PlanInputs.build(weeks, catalog.all(), needs.uncovered(), offers.unpledged(), lanes(),
                production.lines(weeks.start(), weeks.horizonWeeks()));
    }

    /**
     * The objective as the journal carries it. The cost terms are weights of a lexicographic
     * objective (each priority's penalty dwarfs everything below it) and may pass 2^53, beyond
     * what canonical JSON holds as a number, so they are decimal strings; the counts are numbers.
     */
    static Map<String, Object> journalled(PlanRecord.Objective o) {
        return Map.of("total", Long.toString(o.total()), "shortfallCost", Long.toString(o.shortfallCost()),
                "latenessCost", Long.toString(o.latenessCost()), "moneyCost", Long.toString(o.moneyCost()),
                "substitutionCost", Long.toString(o.substitutionCost()), "unitsShort", o.unitsShort(),
                "unitWeeksLate", o.unitWeeksLate());
    }

    /**
     * Computes a plan from the current uncovered needs and unpledged offers, checks it (the
     * planner refuses to return an infeasible plan), stores it as PROPOSED and journals it.
     */
    public PlanRecord propose(int horizonWeeks, Actor actor) {
        Permissions.requireWrite(actor, WriteRule.PLATFORM_ORGANISATION, java.util.Set.of(), Action.PROPOSE_PLAN);
        PlanWeeks weeks = PlanWeeks.from(PlanInputs.today(db.now()), horizonWeeks);
        PlanInput input = currentInput(weeks);
        Map<String, Integer> priorities = new HashMap<>();
        for (var n : input.needs()) priorities.put(n.id(), n.priority().ordinal() + 1);
        long started = System.nanoTime();
        Plan plan = Planner.plan(input);
        long solveMillis = (System.nanoTime() - started) / 1_000_000;
        List<PlannedAllocation> allocations = allocations(plan, priorities);
        List<PlannedShortfall> shortfalls = shortfalls(plan, priorities);
        String inputsDigest = sha256(CanonicalJson.write(input));
        String linesDigest = sha256(CanonicalJson.write(Map.of("allocations", allocations, "shortfalls", shortfalls)));
        return db.write(actor, tx -> {
            var o = plan.objective();
            var s = plan.stats();
            PlanRecord draft = new PlanRecord(0, new PlanStatus.Proposed(), weeks.start(), weeks.horizonWeeks(),
                    inputsDigest, linesDigest,
                    new PlanRecord.Objective(o.total(), o.shortfallCost(), o.latenessCost(), o.moneyCost(),
                            o.substitutionCost(), o.unitsShort(), o.unitWeeksLate()),
                    new PlanRecord.Size(s.needLines(), s.classes(), s.nodes(), s.arcs(), s.components()),
                    solveMillis, actor.user(), actor.organisation(), null, null, null, 1, tx.now());
            long key = table.insert(tx.handle(), draft);
            table.insertLines(tx.handle(), key, allocations, shortfalls);
            PlanRecord stored = table.byKey(tx.handle(), key).orElseThrow();
            journal.record(tx, "PlanProposed", stored.publicId(), Map.of("id", stored.publicId(),
                    "start", stored.start().toString(), "horizonWeeks", stored.horizonWeeks(),
                    "inputsDigest", inputsDigest, "allocationsDigest", linesDigest,
                    "objective", journalled(stored.objective()), "allocations", allocations.size(),
                    "shortfalls", shortfalls.size()), marking(stored));
            return stored;
        });
    }

    /**
     * Approves a PROPOSED plan at a known version. {@code approver} must differ from the
     * proposer (four eyes); until accounts exist it is the name the approver gives.
     */
    public PlanRecord approve(String id, long version, String approver, Actor actor) {
        // A signed-in approver is who they signed in as, whatever name the form gives.
        String who = actor.isSystem() ? Checks.text("approver", approver, Limits.NAME_LENGTH_MAX) : actor.user();
        PlanRecord visible = get(id, actor);
        Permissions.requireWrite(actor, visible.proposedOrganisation(), java.util.Set.of(), Action.APPROVE);
        return db.write(actor, tx -> {
            PlanRecord plan = table.byKey(tx.handle(), key(id)).orElseThrow(() -> new NotFound("plan", id));
            switch (Approval.decide(plan.status(), plan.proposedBy(), who)) {
                case Approval.Outcome.Refused r -> throw new Refused(r.type(), "approver", r.reason());
                case Approval.Outcome.Approved a -> table.approve(tx.handle(), plan.key(), who, actor.organisation(),
                        tx.now(), version);
            }
            journal.record(tx, "PlanApproved", plan.publicId(), Map.of("id", plan.publicId(), "approvedBy", who,
                    "allocationsDigest", plan.allocationsDigest(), "version", version + 1), marking(plan));
            return table.byKey(tx.handle(), plan.key()).orElseThrow();
        });
    }

    /** A plan's journal events are marked like the plan: its proposing organisation only. */
    private static Journal.EventMarking marking(PlanRecord plan) {
        return new Journal.EventMarking(plan.proposedOrganisation(), "");
    }

    private ReadFilter.Condition readFilter(Actor viewer) {
        return Permissions.readFilter(viewer, db.dialect(), "proposed_org", "releasable_to");
    }

    public PlanRecord get(String id) {
        return get(id, Actor.SYSTEM);
    }

    /**
     * Plan {@code id} if {@code viewer} may see it (a plan covers every need and offer, so it is
     * released to nobody beyond its proposing organisation); otherwise {@link NotFound}.
     */
    public PlanRecord get(String id, Actor viewer) {
        long key = key(id);
        ReadFilter.Condition visible = readFilter(viewer);
        return db.read(h -> table.byKey(h, key).filter(p -> table.visible(h, key, visible)))
                .orElseThrow(() -> new NotFound("plan", id));
    }

    public java.util.Optional<PlanRecord> latest() {
        return latest(Actor.SYSTEM);
    }

    /** The newest plan {@code viewer} may see. */
    public java.util.Optional<PlanRecord> latest(Actor viewer) {
        ReadFilter.Condition visible = readFilter(viewer);
        return db.read(h -> table.latest(h, visible));
    }

    public Page<PlanRecord> list(String after, Integer limit) {
        return list(Actor.SYSTEM, after, limit);
    }

    /** The plans {@code viewer} may see, filtered in the query. */
    public Page<PlanRecord> list(Actor viewer, String after, Integer limit) {
        int size = Cursor.limit(limit);
        ReadFilter.Condition visible = readFilter(viewer);
        return Page.cut(db.read(h -> table.list(h, visible, Cursor.decode(after), size + 1)), size, PlanRecord::key);
    }

    /** A plan's allocations, all or for one need. */
    public List<PlannedAllocation> allocations(String id, String need) {
        return allocations(id, need, Actor.SYSTEM);
    }

    /** A plan's allocations as {@code viewer} may see them: none of a plan it may not see (NotFound). */
    public List<PlannedAllocation> allocations(String id, String need, Actor viewer) {
        long key = get(id, viewer).key();
        return db.read(h -> table.allocations(h, key, need));
    }

    public List<PlannedShortfall> shortfalls(String id, String need) {
        return shortfalls(id, need, Actor.SYSTEM);
    }

    public List<PlannedShortfall> shortfalls(String id, String need, Actor viewer) {
        long key = get(id, viewer).key();
        return db.read(h -> table.shortfalls(h, key, need));
    }

    public PlanDiff diff(String from, String to) {
        return diff(from, to, Actor.SYSTEM);
    }

    /** Per need, what changed from plan {@code from} to plan {@code to}; both must be visible to {@code viewer}. */
    public PlanDiff diff(String from, String to, Actor viewer) {
        Map<String, long[]> before = totals(allocations(from, null, viewer), shortfalls(from, null, viewer));
        Map<String, long[]> after = totals(allocations(to, null, viewer), shortfalls(to, null, viewer));
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        List<PlanDiff.NeedChange> changes = new ArrayList<>();
        for (String need : ids) {
            long[] b = before.getOrDefault(need, new long[2]);
            long[] a = after.getOrDefault(need, new long[2]);
            if (b[0] != a[0] || b[1] != a[1]) changes.add(new PlanDiff.NeedChange(need, b[0], a[0], b[1], a[1]));
        }
        return new PlanDiff(get(from).publicId(), get(to).publicId(), changes);
    }

    private static Map<String, long[]> totals(List<PlannedAllocation> allocations, List<PlannedShortfall> shortfalls) {
        Map<String, long[]> out = new HashMap<>();
        for (PlannedAllocation a : allocations) out.computeIfAbsent(a.need(), k -> new long[2])[0] += a.quantity();
        for (PlannedShortfall s : shortfalls) out.computeIfAbsent(s.need(), k -> new long[2])[1] += s.quantity();
        return out;
    }

    /** Describes a lane; both ends must be known locations. */
    public Lane addLane(AddLane c, Actor actor) {
        Permissions.requireWrite(actor, WriteRule.PLATFORM_ORGANISATION, java.util.Set.of(), Action.DEFINE_LANE);
        return db.write(actor, tx -> {
            parties.locationKey(tx, "origin", c.origin());
            parties.locationKey(tx, "destination", c.destination());
            if (c.transitWeeks() < 0 || c.transitWeeks() > PlanWeeks.HORIZON_WEEKS_MAX) {
                throw new InvalidField("transitWeeks", "must be between 0 and " + PlanWeeks.HORIZON_WEEKS_MAX);
            }
            Checks.notNegative("costPerUnit", c.costPerUnit());
            if (table.laneExists(tx.handle(), c.origin(), c.destination())) {
                throw new InvalidField("destination", "a lane from " + c.origin() + " to " + c.destination()
                        + " exists already");
            }
            Lane lane = new Lane(c.origin(), c.destination(), c.transitWeeks(), c.costPerUnit(), 1, tx.now());
            table.insertLane(tx.handle(), lane);
            journal.record(tx, "LaneAdded", c.origin() + ">" + c.destination(), lane);
            return lane;
        });
    }

    public List<Lane> lanes() {
        return db.read(table::lanes);
    }

    private static List<PlannedAllocation> allocations(Plan plan, Map<String, Integer> priorities) {
        List<PlannedAllocation> out = new ArrayList<>(plan.allocations().size());
        int line = 0;
        for (Allocation a : plan.allocations()) {
            out.add(new PlannedAllocation(++line, a.needId(), priorities.get(a.needId()), a.sourceKind().name(), a.sourceId(), a.suppliedItem(),
                    a.origin(), a.quantity(), a.shipWeek(), a.arrivalWeek(), a.latenessWeeks(), a.moneyCost(),
                    a.substitutionCost(), a.latenessCost()));
        }
        return out;
    }

    private static List<PlannedShortfall> shortfalls(Plan plan, Map<String, Integer> priorities) {
        List<PlannedShortfall> out = new ArrayList<>(plan.shortfalls().size());
        int line = 0;
        for (Shortfall s : plan.shortfalls()) {
            out.add(new PlannedShortfall(++line, s.needId(), priorities.get(s.needId()), s.quantity(), s.reason().name(), s.cost()));
        }
        return out;
    }

    private static long key(String id) {
        return PublicIds.parse(PlanRecord.ID_PREFIX, id, "plan");
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
