package org.quartermaster.logistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.quartermaster.access.Permissions;
import org.quartermaster.access.ReadFilter;
import org.quartermaster.access.model.Action;
import org.quartermaster.audit.CanonicalJson;
import org.quartermaster.audit.Journal;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.catalog.ItemFacts;
import org.quartermaster.logistics.ShipmentEvents.CustodyRecorded;
import org.quartermaster.logistics.ShipmentEvents.ShipmentPlanned;
import org.quartermaster.logistics.jdbc.ShipmentsTable;
import org.quartermaster.logistics.jdbc.SigningKeysTable;
import org.quartermaster.logistics.model.CustodyEvent;
import org.quartermaster.logistics.model.CustodyKind;
import org.quartermaster.logistics.model.CustodyRules;
import org.quartermaster.logistics.model.Discrepancy;
import org.quartermaster.logistics.model.Position;
import org.quartermaster.logistics.model.Receipt;
import org.quartermaster.logistics.model.ReceiptSignatures;
import org.quartermaster.logistics.model.Shares;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.logistics.model.ShipmentStatus;
import org.quartermaster.logistics.model.TransportMode;
import org.quartermaster.needs.NeedRef;
import org.quartermaster.needs.Needs;
import org.quartermaster.parties.Parties;
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
 * The logistics context's use cases: plan a shipment, record its custody chain, confirm its
 * receipt with a signature, report discrepancies, rate lines. Deliveries roll up through the
 * {@link DeliveryListener}s the wiring registers, in the same transaction.
 */
public final class Logistics {
    public static final int HUBS_MAX = 20;
    public static final int LINES_MAX = 200;
    public static final int NEEDS_PER_LINE_MAX = 50;
    /** Custody steps one shipment may have: a route of HUBS_MAX hubs needs far fewer. */
    public static final int CUSTODY_EVENTS_MAX = 500;
    public static final int DISCREPANCIES_MAX = 100;
    public static final int ATTACHMENTS_MAX = 5;
    /** One attachment, decoded; the request body limit bounds the sum. */
    public static final int ATTACHMENT_BYTES_MAX = 256 * 1024;
    /** Shipments a need's page lists. */
    public static final int FOR_NEED_MAX = 100;
    /** How far ahead of the server's clock a reported time may be (clock skew). */
    static final long FUTURE_SKEW_MILLIS = 5 * 60_000L;
    static final String RECEIPT_PAGE = "the receipt route";

    private final Database db;
    private final Journal journal;
    private final Parties parties;
    private final Catalog catalog;
    private final Needs needs;
    private final Commitments commitments;
    private final ContractLookup contracts;
    private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();
    final ShipmentsTable table = new ShipmentsTable();
    final SigningKeysTable keys = new SigningKeysTable();
    private final ShipmentCommitter committer;

    /**
     * Logistics over {@code db}: {@code commitments} says what offers and allocations commit,
     * {@code contracts} what contracts and call-offs order (both answered by the wiring).
     */
    public Logistics(Database db, Journal journal, Parties parties, Catalog catalog, Needs needs,
                     Commitments commitments, ContractLookup contracts) {
        this.db = db;
        this.journal = journal;
        this.parties = parties;
        this.catalog = catalog;
        this.needs = needs;
        this.commitments = commitments;
        this.contracts = contracts;
        this.committer = new ShipmentCommitter(db);
    }

    /** Adds a roll-up of deliveries (wiring only); listeners run in the order added. */
    public void listen(DeliveryListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener));
    }

    Database db() {
        return db;
    }

    Journal journal() {
        return journal;
    }

    // ---------------------------------------------------------------- planning

    /** Plans a shipment; every code and reference is checked on its field. Returns the stored shipment. */
    public Shipment plan(PlanShipment c, Actor actor) {
        return db.write(actor, tx -> plan(tx, c));
    }

    /** Plans many shipments in one transaction: all or none (demo scenario). */
    public List<Shipment> planAll(List<PlanShipment> commands, Actor actor) {
        return db.write(actor, tx -> commands.stream().map(c -> plan(tx, c)).toList());
    }

    private Shipment plan(Tx tx, PlanShipment c) {
        String owner = organisation(tx, "owner", c.owner(), tx.actor());
        parties.organisationKey(tx, "receiver", c.receiver());
        TransportMode mode = mode(c.mode());
        Instant departure = Checks.required("plannedDeparture", c.plannedDeparture());
        Instant arrival = Checks.required("plannedArrival", c.plannedArrival());
        if (arrival.isBefore(departure)) throw new InvalidField("plannedArrival", "must not be before plannedDeparture");
        List<PlanShipment.Hub> hubs = c.hubs() == null ? List.of() : c.hubs();
        Checks.sizeAtMost("hubs", hubs, HUBS_MAX);
        Set<String> releasable = new TreeSet<>(Checks.releasability("releasableTo",
                c.releasableTo() == null ? Set.of() : new HashSet<>(c.releasableTo()), Limits.GROUPS_MAX));
        releasable.add(c.receiver());
        releasable.remove(owner);
        // who may ship for the owner is decided before its lines ask other contexts about their records
        Permissions.requireWrite(tx.actor(), owner, releasable, Action.SHIP);
        List<Shipment.Stop> stops = stops(tx, c, hubs, departure, arrival);
        List<Shipment.Line> lines = lines(tx, owner, c.lines());
        Position start = new Position(ShipmentStatus.PLANNED, 0, owner);
        Shipment draft = new Shipment(0, owner, c.receiver(), mode.name(), stops, lines, start, 0, departure, arrival,
                null, null, null, releasable, 1, tx.now(), tx.now());
        long key = table.insert(tx.handle(), draft);
        table.insertStops(tx.handle(), key, stops);
        for (Shipment.Line l : lines) table.insertLine(tx.handle(), key, l);
        Shipment stored = table.byKey(tx.handle(), key).orElseThrow();
        journal.record(tx, "ShipmentPlanned", stored.publicId(), new ShipmentPlanned(stored.publicId(), owner,
                stored.receiver(), stored.mode(), stored.stopCodes(), departure.toEpochMilli(), arrival.toEpochMilli(),
                stored.lines().stream().map(l -> new ShipmentEvents.PlannedLine(l.no(), l.item(), l.quantity(),
                        l.fulfils().kind().name(), l.fulfils().id(),
                        l.needs().stream().map(Shipment.NeedShare::need).toList())).toList(),
                List.copyOf(stored.releasableTo())));
        return stored;
    }

    private List<Shipment.Stop> stops(Tx tx, PlanShipment c, List<PlanShipment.Hub> hubs, Instant departure,
                                      Instant arrival) {
        List<Shipment.Stop> stops = new ArrayList<>();
        parties.locationKey(tx, "origin", c.origin());
        stops.add(new Shipment.Stop(0, c.origin(), null, departure, null, null));
        Set<String> seen = new HashSet<>(Set.of(c.origin()));
        for (int i = 0; i < hubs.size(); i++) {
            String field = "hubs[" + i + "]";
            PlanShipment.Hub h = Checks.required(field, hubs.get(i));
            parties.locationKey(tx, field + ".location", h.location());
            if (!seen.add(h.location())) throw new InvalidField(field + ".location", "is already on the route");
            if (h.plannedArrival() != null && h.plannedDeparture() != null
                    && h.plannedDeparture().isBefore(h.plannedArrival())) {
                throw new InvalidField(field + ".plannedDeparture", "must not be before plannedArrival");
            }
            stops.add(new Shipment.Stop(i + 1, h.location(), h.plannedArrival(), h.plannedDeparture(), null, null));
        }
        parties.locationKey(tx, "destination", c.destination());
        if (!seen.add(c.destination())) throw new InvalidField("destination", "must differ from the other stops");
        stops.add(new Shipment.Stop(hubs.size() + 1, c.destination(), arrival, null, null, null));
        return stops;
    }

    private List<Shipment.Line> lines(Tx tx, String owner, List<PlanShipment.Line> given) {
        Checks.required("lines", given);
        if (given.isEmpty()) throw new InvalidField("lines", "must have at least one line");
        Checks.sizeAtMost("lines", given, LINES_MAX);
        lockFulfilled(tx, owner, given);
        Map<Fulfilment, Long> inThisShipment = new HashMap<>();
        List<Shipment.Line> lines = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "lines[" + i + "]";
            PlanShipment.Line l = Checks.required(field, given.get(i));
            long quantity = Checks.atMost(field + ".quantity",
                    Checks.positive(field + ".quantity", Checks.required(field + ".quantity", l.quantity())),
                    Limits.QUANTITY_MAX);
            Fulfilment ref = fulfilment(field, l.kind(), l.fulfils());
            Optional<Commitments.Commitment> committed = commitments.of(tx, field + ".fulfils", ref);
            Optional<ContractLookup.Contracted> contracted = contracted(tx, field + ".fulfils", ref, owner);
            String item = l.item() != null ? l.item() : committed.map(Commitments.Commitment::item)
                    .or(() -> contracted.map(ContractLookup.Contracted::item)).orElse(null);
            if (item == null) throw new InvalidField(field + ".item", "is required");
            ItemFacts facts = catalog.facts(tx, field + ".item", item);
            if (contracted.isPresent()) requireOrdered(tx, field, contracted.get(), item, quantity, inThisShipment);
            if (committed.isPresent()) {
                Commitments.Commitment cm = committed.get();
                if (!cm.item().equals(item)) {
                    throw new InvalidField(field + ".item", ref + " commits " + cm.item() + ", not " + item);
                }
                long before = table.committedTo(tx.handle(), ref) + inThisShipment.getOrDefault(ref, 0L);
                if (before + quantity > cm.quantity()) {
                    throw new InvalidField(field + ".quantity", ref + " commits " + cm.quantity() + " units, "
                            + before + " of them already on shipments");
                }
            }
            inThisShipment.merge(ref, quantity, Long::sum);
            List<Shipment.NeedShare> shares = shares(tx, field, l.needs(), quantity, facts,
                    committed.map(Commitments.Commitment::need).orElse(null));
            lines.add(new Shipment.Line(i + 1, item, quantity, ref, shares, 0, 0, false, null, null, null));
        }
        return lines;
    }

    /**
     * Locks what the lines draw on until the plan commits: concurrent plans against the same offer,
     * allocation or contract are checked one after the other, each counting what the one before
     * put on its way (else two plans could each take the last units). A call-off draws on its
     * contract's units, so it locks the contract. Lines that are malformed or name nothing the
     * owner may ship against lock nothing; their own checks refuse them afterwards.
     */
    private void lockFulfilled(Tx tx, String owner, List<PlanShipment.Line> given) {
        Set<String> names = new TreeSet<>();
        for (PlanShipment.Line l : given) {
            if (l == null || l.kind() == null || l.fulfils() == null) continue;
            Fulfilment ref;
            try {
                ref = new Fulfilment(Fulfilment.kind("kind", l.kind()), l.fulfils());
            } catch (InvalidField malformed) {
                continue;
            }
            Fulfilment drawn = ref;
            if (ref.kind() == Fulfilment.Kind.CALL_OFF) {
                drawn = contracts.find(tx, ref).filter(c -> c.shippers().contains(owner))
                        .map(ContractLookup.Contracted::contract).orElse(ref);
            }
            names.add("fulfilment:" + drawn.kind() + ":" + drawn.id());
        }
        tx.lockExclusively(names);
    }

    /**
     * The contract or call-off a line names, if it names one: it must exist and {@code owner} must
     * be a party to it (its buyer or supplier); one answer for both, so that a stranger learns
     * nothing of contracts it is not party to.
     */
    private Optional<ContractLookup.Contracted> contracted(Tx tx, String field, Fulfilment ref, String owner) {
        if (ref.kind() != Fulfilment.Kind.CONTRACT && ref.kind() != Fulfilment.Kind.CALL_OFF) return Optional.empty();
        String what = ref.kind() == Fulfilment.Kind.CONTRACT ? "contract" : "call-off";
        ContractLookup.Contracted c = contracts.find(tx, ref).filter(x -> x.shippers().contains(owner))
                .orElseThrow(() -> new InvalidField(field, "names no " + what + " that " + owner + " is a party to: "
                        + ref.id()));
        return Optional.of(c);
    }

    /**
     * A line on a contract or call-off ships its item and no more than it leaves undelivered, less
     * what other lines (here or on other shipments) already carry towards it; a call-off's units
     * count on its contract too.
     */
    private void requireOrdered(Tx tx, String field, ContractLookup.Contracted c, String item, long quantity,
                                Map<Fulfilment, Long> inThisShipment) {
        if (!c.item().equals(item)) {
            throw new InvalidField(field + ".item", c.ref() + " orders " + c.item() + ", not " + item);
        }
        requireUndelivered(tx, field, c, quantity, inThisShipment);
        if (c.ref().kind() == Fulfilment.Kind.CALL_OFF) {
            ContractLookup.Contracted contract = contracts.find(tx, c.contract()).orElseThrow(() ->
                    new IllegalStateException("call-off " + c.ref().id() + " has no contract " + c.contract()));
            requireUndelivered(tx, field, contract, quantity, inThisShipment);
        }
    }

    private void requireUndelivered(Tx tx, String field, ContractLookup.Contracted c, long quantity,
                                    Map<Fulfilment, Long> inThisShipment) {
        List<String> callOffs = c.callOffs().stream().map(Fulfilment::id).toList();
        long pending = table.pendingOn(tx.handle(), c.ref().kind(), List.of(c.ref().id()))
                + table.pendingOn(tx.handle(), Fulfilment.Kind.CALL_OFF, callOffs);
        pending += inThisShipment.getOrDefault(c.ref(), 0L);
        for (Fulfilment o : c.callOffs()) pending += inThisShipment.getOrDefault(o, 0L);
        if (pending + quantity > c.undelivered()) {
            throw new InvalidField(field + ".quantity", c.ref() + " leaves " + c.undelivered() + " of its "
                    + c.quantity() + " units undelivered, " + pending + " of them already on shipments");
        }
    }

    private static Fulfilment fulfilment(String field, String kind, String id) {
        Fulfilment.Kind k = Fulfilment.kind(field + ".kind", kind);
        try {
            return new Fulfilment(k, id);
        } catch (InvalidField e) {
            throw new InvalidField(field + ".fulfils", e.getMessage());
        }
    }

    private List<Shipment.NeedShare> shares(Tx tx, String field, List<PlanShipment.Serves> given, long quantity,
                                            ItemFacts item, String defaultNeed) {
        List<Shipment.NeedShare> out = new ArrayList<>();
        if (given == null || given.isEmpty()) {
            if (defaultNeed != null) out.add(new Shipment.NeedShare(defaultNeed, quantity, 0));
            return out;
        }
        Checks.sizeAtMost(field + ".needs", given, NEEDS_PER_LINE_MAX);
        long total = 0;
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < given.size(); j++) {
            String f = field + ".needs[" + j + "]";
            PlanShipment.Serves s = Checks.required(f, given.get(j));
            NeedRef need;
            try {
                need = needs.ref(tx, Checks.required(f + ".need", s.need()));
            } catch (NotFound e) {
                throw new InvalidField(f + ".need", "names no need: " + s.need());
            }
            if (!item.canServe(need.item())) {
                throw new InvalidField(f + ".need", "asks for " + need.item() + ", which " + item.code() + " cannot serve");
            }
            if (!seen.add(need.id())) throw new InvalidField(f + ".need", "is listed twice on this line");
            long q = s.quantity() == null ? quantity - total : Checks.positive(f + ".quantity", s.quantity());
            total += q;
            if (q <= 0 || total > quantity) {
                throw new InvalidField(f + ".quantity", "the needs' shares must not exceed the line's " + quantity + " units");
            }
            out.add(new Shipment.NeedShare(need.id(), q, 0));
        }
        return out;
    }

    // ---------------------------------------------------------------- custody

    /**
     * Records one custody step; a step out of order or by an organisation not holding the goods is
     * refused (409). The step is checked in a read of the shipment, then written by the
     * {@link ShipmentCommitter} together with concurrent callers' steps, each on its own: its
     * write goes through only while the shipment still has the version the checks saw.
     */
    public Shipment record(String id, RecordCustody c, Actor actor) {
        Prepared p = db.read(actor, tx -> prepare(tx, id, c));
        return committer.submit(actor, (tx, batch, writing) -> write(tx, p, batch, writing));
    }

    /**
     * Records one custody step in a transaction of its own, for a request whose
     * {@code Idempotency-Key} is claimed in the same transaction as its effect.
     */
    public Shipment recordAlone(String id, RecordCustody c, Actor actor) {
        return db.write(actor, tx -> write(tx, prepare(tx, id, c), null, () -> {}));
    }

    /** Group commits of custody steps so far and the steps in them: {@code {groups, steps}} (for tests). */
    long[] committerCounts() {
        return committer.counts();
    }

    /** A custody step checked against the shipment as read ({@code s}), ready to be written. */
    private record Prepared(Shipment s, CustodyRules.Step step, CustodyRules.Outcome.Moved moved, String organisation,
                            String person, boolean leavesOrigin, Map<Integer, Long> shipped, Instant given,
                            Optional<Instant> previous) {}

    /** Every check of a custody step that reads: the shipment, the parties, the rules, the previous step. */
    private Prepared prepare(Tx tx, String id, RecordCustody c) {
        Shipment s = loadVisible(tx, id);
        CustodyKind kind = custodyKind(c.kind());
        if (kind == CustodyKind.RECEIVED) {
            throw new InvalidField("kind", "RECEIVED is recorded by a signed receipt (POST /api/v1/shipments/{id}/receipt)");
        }
        String organisation = organisation(tx, "organisation", c.organisation(), tx.actor());
        String person = person(c.person(), tx.actor());
        String to = null;
        if (kind == CustodyKind.HANDED_OVER) {
            to = Checks.required("to", c.to());
            parties.organisationKey(tx, "to", to);
        } else if (c.to() != null) {
            throw new InvalidField("to", "only a hand-over names the organisation taking the goods");
        }
        Permissions.requireWrite(tx.actor(), organisation, Set.of(), Action.SHIP);
        boolean leavesOrigin = kind == CustodyKind.DEPARTED && s.status() == ShipmentStatus.PLANNED;
        if (c.lines() != null && !leavesOrigin) {
            throw new InvalidField("lines", "only the departure from the origin says what was shipped");
        }
        Map<Integer, Long> shipped = leavesOrigin ? shippedQuantities(s, c.lines()) : Map.of();
        CustodyRules.Step step = new CustodyRules.Step(kind, organisation, to, Checks.optionalText("location",
                c.location(), Limits.NAME_LENGTH_MAX));
        Optional<Instant> previous = s.custodyCount() == 0 ? Optional.empty() : table.lastOccurred(tx.handle(), s.key());
        occurred(tx, c.occurredAt(), previous); // checked again when written, against the writing transaction's clock
        CustodyRules.Outcome.Moved moved = rules(s, step);
        return new Prepared(s, step, moved, organisation, person, leavesOrigin, shipped, c.occurredAt(), previous);
    }

    /**
     * Writes a prepared step in {@code tx}. Before {@code writing} runs nothing is written, and a
     * refusal leaves the transaction as it was (the shipment's version moved since the checks:
     * {@link org.quartermaster.shared.StaleRecord}); after it, a failure spoils the transaction.
     * Returns the shipment as the step left it.
     */
    private Shipment write(Tx tx, Prepared p, ShipmentsTable.StepBatch batch, Runnable writing) {
        Shipment s = p.s();
        Instant occurred = occurred(tx, p.given(), p.previous());
        Set<String> releasable = releasable(s, p.step());
        Position next = p.moved().next();
        CustodyKind kind = p.step().kind();
        boolean departs = next.status() == ShipmentStatus.IN_TRANSIT;
        boolean arrives = kind == CustodyKind.ARRIVED_AT_HUB || kind == CustodyKind.ARRIVED;
        // Moves the shipment only from the version the checks saw (zero rows, stale: nothing is
        // written), stores the step in its chain and the stop's time; in a group, with the others.
        ShipmentsTable.StepRow row = new ShipmentsTable.StepRow(s, next, releasable, new CustodyEvent(
                s.custodyCount() + 1, kind, p.moved().location(), p.organisation(), p.person(), p.step().to(),
                occurred, tx.now()), departs ? occurred : null, arrives ? occurred : null);
        if (batch == null) {
            table.step(tx.handle(), tx.dialect(), row, tx.now());
        } else {
            batch.add(tx.handle(), row, tx.now());
        }
        writing.run();
        journalStep(tx, s, p.step(), p.moved(), p.organisation(), p.person(), occurred);
        List<Shipment.Line> lines = new ArrayList<>(s.lines());
        if (p.leavesOrigin()) {
            for (int i = 0; i < lines.size(); i++) {
                Shipment.Line l = lines.get(i);
                long q = p.shipped().getOrDefault(l.no(), 0L);
                table.shipped(tx.handle(), s.key(), l.no(), q);
                if (q > 0) for (DeliveryListener listener : listeners) listener.dispatched(tx, l.fulfils(), q);
                lines.set(i, new Shipment.Line(l.no(), l.item(), l.quantity(), l.fulfils(), l.needs(), q,
                        l.receivedQuantity(), l.counted(), l.rating(), l.ratingComment(), l.ratedBy()));
            }
        }
        List<Shipment.Stop> stops = new ArrayList<>(s.stops());
        if (departs) {
            Shipment.Stop at = stops.get(next.stop());
            stops.set(next.stop(), new Shipment.Stop(at.index(), at.location(), at.plannedArrival(),
                    at.plannedDeparture(), at.arrivedAt(), occurred));
        }
        if (arrives) {
            Shipment.Stop at = stops.get(next.stop());
            stops.set(next.stop(), new Shipment.Stop(at.index(), at.location(), at.plannedArrival(),
                    at.plannedDeparture(), occurred, at.departedAt()));
        }
        // What the statements above stored (ShipmentsTable#move), without reading it back.
        Instant now = tx.now();
        return new Shipment(s.key(), s.owner(), s.receiver(), s.mode(), stops, lines, next, s.custodyCount() + 1,
                s.plannedDeparture(), s.plannedArrival(),
                s.departedAt() == null && next.status() == ShipmentStatus.IN_TRANSIT ? now : s.departedAt(),
                next.status() == ShipmentStatus.ARRIVED ? now : s.arrivedAt(),
                next.status() == ShipmentStatus.RECEIVED ? now : s.receivedAt(), releasable, s.version() + 1,
                s.createdAt(), now);
    }

    /** The custody rules on the shipment as it stands; a refusal is thrown. */
    private static CustodyRules.Outcome.Moved rules(Shipment s, CustodyRules.Step step) {
        if (s.custodyCount() >= CUSTODY_EVENTS_MAX) {
            throw new Refused("custody-full", null, "a shipment holds at most " + CUSTODY_EVENTS_MAX + " custody steps");
        }
        return switch (CustodyRules.apply(s.position(), s.stopCodes(), s.receiver(), step)) {
            case CustodyRules.Outcome.Moved m -> m;
            case CustodyRules.Outcome.Refused r -> throw new Refused(r.type(), null, r.reason());
        };
    }

    /** Who may read the shipment after {@code step}: a hand-over releases it to the organisation taking it. */
    private static Set<String> releasable(Shipment s, CustodyRules.Step step) {
        Set<String> releasable = new TreeSet<>(s.releasableTo());
        if (step.to() != null && !step.to().equals(s.owner())) releasable.add(step.to());
        return releasable;
    }

    /** Applies the custody rules, stores the step and journals it; returns the new position. */
    private Position move(Tx tx, Shipment s, CustodyRules.Step step, String organisation, String person,
                          Instant occurred) {
        CustodyRules.Outcome.Moved moved = rules(s, step);
        table.move(tx.handle(), s, moved.next(), tx.now(), releasable(s, step), s.version());
        table.insertCustody(tx.handle(), s.key(), new CustodyEvent(s.custodyCount() + 1, step.kind(), moved.location(),
                organisation, person, step.to(), occurred, tx.now()));
        return journalStep(tx, s, step, moved, organisation, person, occurred);
    }

    /** Journals a step stored in the custody chain; returns the new position. */
    private Position journalStep(Tx tx, Shipment s, CustodyRules.Step step, CustodyRules.Outcome.Moved moved,
                                 String organisation, String person, Instant occurred) {
        Position next = moved.next();
        int seq = s.custodyCount() + 1;
        journal.record(tx, "CustodyRecorded", s.publicId(), new CustodyRecorded(s.publicId(), seq, step.kind().name(),
                moved.location(), organisation, person, step.to(), occurred.toEpochMilli(), next.status().name(),
                s.version() + 1));
        return next;
    }

    /** When a step occurred: as given or now; never ahead of the clock, never before the previous step. */
    private static Instant occurred(Tx tx, Instant given, Optional<Instant> previous) {
        Instant at = given == null ? tx.now() : given;
        if (at.toEpochMilli() > tx.now().toEpochMilli() + FUTURE_SKEW_MILLIS) {
            throw new InvalidField("occurredAt", "must not be in the future");
        }
        if (previous.isPresent() && at.isBefore(previous.get())) {
            throw new Refused("illegal-order", null, "a step cannot have occurred before the previous one ("
                    + previous.get() + ")");
        }
        return at;
    }

    private static Map<Integer, Long> shippedQuantities(Shipment s, List<RecordCustody.Shipped> given) {
        Map<Integer, Long> out = new LinkedHashMap<>();
        if (given == null) {
            for (Shipment.Line l : s.lines()) out.put(l.no(), l.quantity());
            return out;
        }
        Checks.sizeAtMost("lines", given, LINES_MAX);
        Map<Integer, Shipment.Line> byNo = new HashMap<>();
        for (Shipment.Line l : s.lines()) byNo.put(l.no(), l);
        for (int i = 0; i < given.size(); i++) {
            String field = "lines[" + i + "]";
            RecordCustody.Shipped g = Checks.required(field, given.get(i));
            Shipment.Line l = byNo.get(Checks.required(field + ".line", g.line()));
            if (l == null) throw new InvalidField(field + ".line", "names no line of this shipment");
            if (out.containsKey(l.no())) throw new InvalidField(field + ".line", "is listed twice");
            long q = Checks.notNegative(field + ".quantity", Checks.required(field + ".quantity", g.quantity()));
            if (q > l.quantity()) {
                throw new InvalidField(field + ".quantity", "must be at most the " + l.quantity() + " units committed");
            }
            out.put(l.no(), q);
        }
        return out;
    }

    // ---------------------------------------------------------------- receipt

    /**
     * Confirms the receipt of an arrived shipment held by its receiver: counts each line once,
     * rolls deliveries up through the listeners, signs the receipt with the receiver's key.
     */
    public Receipt receive(String id, ConfirmReceipt c, Actor actor) {
        return new Receiving(this, listeners).receive(id, c, actor);
    }

    /** Reports a discrepancy after the receipt (a defect found on unpacking, a photo added later). */
    public Discrepancy report(String id, ReportDiscrepancy c, Actor actor) {
        return new Receiving(this, listeners).report(id, c, actor);
    }

    /** The receiver's rating of a received line after use; once per line. */
    public Shipment rate(String id, int line, RateLine c, Actor actor) {
        return new Receiving(this, listeners).rate(id, line, c, actor);
    }

    // ---------------------------------------------------------------- reads

    /** The shipment, if {@code viewer} may see it; otherwise {@link NotFound}. */
    public Shipment get(Actor viewer, String id) {
        long key = PublicIds.parse(Shipment.ID_PREFIX, id, "shipment");
        return db.read(h -> table.byKey(h, key)).filter(s -> visible(viewer, s))
                .orElseThrow(() -> new NotFound("shipment", id));
    }

    public Page<Shipment> list(Actor viewer, String status, Boolean overdue, String destination, String after,
                               Integer limit) {
        ShipmentStatus st = null;
        if (status != null) {
            try {
                st = ShipmentStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidField("status", "must be one of " + java.util.Arrays.toString(ShipmentStatus.values()));
            }
        }
        int size = Cursor.limit(limit);
        ShipmentsTable.Query q = query(viewer, st, overdue, destination);
        return Page.cut(db.read(h -> table.list(h, q, Cursor.decode(after), size + 1)), size, Shipment::key);
    }

    /** Shipments with a line serving {@code need} that {@code viewer} may see, oldest first. */
    public List<Shipment> forNeed(Actor viewer, String need) {
        ShipmentsTable.Query q = query(viewer, null, null, null);
        return db.read(h -> table.forNeed(h, q, need, FOR_NEED_MAX).stream()
                .map(k -> table.byKey(h, k).orElseThrow()).toList());
    }

    /** Shipments per status plus {@code OVERDUE}, over what {@code viewer} may see. */
    public Map<String, Long> board(Actor viewer) {
        ShipmentsTable.Query q = query(viewer, null, null, null);
        return db.read(h -> table.board(h, q));
    }

    public List<CustodyEvent> custody(Actor viewer, String id) {
        Shipment s = get(viewer, id);
        return db.read(h -> table.custody(h, s.key()));
    }

    public Optional<Receipt> receipt(Actor viewer, String id) {
        Shipment s = get(viewer, id);
        return db.read(h -> table.receipt(h, s.key(), s.publicId()));
    }

    public List<Discrepancy> discrepancies(Actor viewer, String id) {
        Shipment s = get(viewer, id);
        return db.read(h -> table.discrepancies(h, s.key()));
    }

    /** An attachment's media type and bytes by its SHA-256; {@link NotFound} when none. */
    public Map.Entry<String, byte[]> attachment(Actor viewer, String id, String sha256) {
        Shipment s = get(viewer, id);
        return db.read(h -> table.attachment(h, s.key(), sha256)).orElseThrow(() -> new NotFound("attachment", sha256));
    }

    /** Units received through signed receipts, over the shipments {@code viewer} may see. */
    public long receivedTotal(Actor viewer) {
        ReadFilter.Condition access = Permissions.readFilter(viewer, db.dialect(), "s.owner_org", "s.releasable_to");
        return db.read(h -> table.receivedTotal(h, access.sql(), access.params()));
    }

    /** Every organisation's receipt verification key (base64 X.509 DER, Ed25519): public by design. */
    public Map<String, String> publicKeys() {
        return db.read(keys::publicKeys);
    }

    /** One organisation's receipt verification key; {@link NotFound} until it has signed a receipt. */
    public String publicKey(String organisation) {
        return db.read(h -> keys.of(h, organisation)).map(SigningKeysTable.Row::publicKey)
                .orElseThrow(() -> new NotFound("signing key", organisation));
    }

    /** True when the receipt's signature verifies with its receiver's published key. */
    public boolean verify(Receipt r) {
        return ReceiptSignatures.verify(publicKey(r.receiver()), r.document(), r.signature());
    }

    // ---------------------------------------------------------------- helpers (package)

    ShipmentsTable.Query query(Actor viewer, ShipmentStatus status, Boolean overdue, String destination) {
        ReadFilter.Condition access = Permissions.readFilter(viewer, db.dialect(), "s.owner_org", "s.releasable_to");
        return new ShipmentsTable.Query(access.sql(), access.params(), status, overdue, destination,
                db.now().toEpochMilli());
    }

    static boolean visible(Actor viewer, Shipment s) {
        return Permissions.canRead(viewer, s.owner(), s.releasableTo());
    }

    Shipment loadVisible(Tx tx, String id) {
        long key = PublicIds.parse(Shipment.ID_PREFIX, id, "shipment");
        return table.byKey(tx.handle(), key).filter(s -> visible(tx.actor(), s))
                .orElseThrow(() -> new NotFound("shipment", id));
    }

    /** Signs {@code document} with {@code organisation}'s key, creating the key on first use. */
    String[] sign(Tx tx, String organisation, String document) {
        SigningKeysTable.Row row = keys.of(tx.handle(), organisation).orElseGet(() -> {
            String[] pair = ReceiptSignatures.generate();
            SigningKeysTable.Row r = new SigningKeysTable.Row(organisation, pair[0], pair[1], tx.now());
            keys.insert(tx.handle(), r);
            return r;
        });
        return new String[] {ReceiptSignatures.sign(row.privateKey(), document), row.publicKey()};
    }

    Position moveForReceipt(Tx tx, Shipment s, String organisation, String person) {
        return move(tx, s, new CustodyRules.Step(CustodyKind.RECEIVED, organisation, null, null), organisation, person,
                tx.now());
    }

    /**
     * The acting organisation: {@code given}, or the actor's own when omitted. A person acts only
     * for their own organisation; the system (command line, demo) names it.
     */
    String organisation(Tx tx, String field, String given, Actor actor) {
        String org = given != null ? given : (actor.isSystem() ? null : actor.organisation());
        if (org == null) throw new InvalidField(field, "is required");
        parties.organisationKey(tx, field, org);
        return org;
    }

    static String person(String given, Actor actor) {
        if (actor.isSystem()) return Checks.text("person", given, Limits.NAME_LENGTH_MAX);
        if (given != null && !given.equals(actor.user())) {
            throw new InvalidField("person", "must be you (" + actor.user() + "): a step is signed by who takes it");
        }
        return actor.user();
    }

    static String canonical(Object value) {
        return CanonicalJson.write(value);
    }

    private static TransportMode mode(String text) {
        try {
            return TransportMode.valueOf(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("mode", "must be one of " + java.util.Arrays.toString(TransportMode.values()));
        }
    }

    private static CustodyKind custodyKind(String text) {
        try {
            return CustodyKind.valueOf(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("kind", "must be one of HANDED_OVER, DEPARTED, ARRIVED_AT_HUB, ARRIVED");
        }
    }
}
