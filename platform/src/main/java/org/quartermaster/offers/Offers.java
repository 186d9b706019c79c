package org.quartermaster.offers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quartermaster.access.FourEyesCheck;
import org.quartermaster.access.Permissions;
import org.quartermaster.access.ReadFilter;
import org.quartermaster.access.model.Action;
import org.quartermaster.access.model.Marking;
import org.quartermaster.audit.Journal;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.catalog.ItemFacts;
import org.quartermaster.needs.Needs;
import org.quartermaster.needs.NeedRef;
import org.quartermaster.offers.OfferEvents.OfferMade;
import org.quartermaster.offers.OfferEvents.OfferStatusChanged;
import org.quartermaster.offers.jdbc.OffersTable;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferRules;
import org.quartermaster.offers.model.OfferStatus;
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

/** The offers context's use cases. */
public final class Offers {
    public static final String ID_PREFIX = "O";

    private final Database db;
    private final Journal journal;
    private final Catalog catalog;
    private final Parties parties;
    private final Needs needs;
    private final OffersTable table = new OffersTable();

    public Offers(Database db, Journal journal, Catalog catalog, Parties parties, Needs needs) {
        this.db = db;
        this.journal = journal;
        this.catalog = catalog;
        this.parties = parties;
        this.needs = needs;
    }

    /** Makes an offer. Unknown codes fail on their field; a lethal item cannot be offered non-lethal-only. */
    public Offer make(MakeOffer c, Actor actor) {
        return db.write(actor, tx -> make(tx, c));
    }

    /** Makes many offers in one transaction: all or none (CSV import). */
    public List<Offer> makeAll(List<MakeOffer> commands, Actor actor) {
        return db.write(actor, tx -> commands.stream().map(c -> make(tx, c)).toList());
    }

    private Offer make(Tx tx, MakeOffer c) {
        Permissions.requireWrite(tx.actor(), Checks.required("donor", c.donor()), Set.of(), Action.MAKE_OFFER);
        long donor = parties.organisationKey(tx, "donor", c.donor());
        ItemFacts item = catalog.facts(tx, "item", c.item());
        long itemKey = item.key();
        long origin = parties.locationKey(tx, "origin", c.origin());
        if (c.nonLethalOnly() && item.lethal()) {
            throw new InvalidField("nonLethalOnly", "cannot be set for a lethal item (" + item.code() + ")");
        }
        Long needKey = null;
        if (c.need() != null) {
            NeedRef need = loadNeed(tx, c.need());
            needKey = need.key();
            requireServes(item, need);
        }
        // A HashSet keeps a null entry for the model to refuse (a TreeSet would throw a bare NPE).
        Set<String> releasable = c.releasableTo() == null ? Set.of() : new java.util.HashSet<>(c.releasableTo());
        Offer offer = new Offer(0, c.donor(), c.item(), c.quantity(), condition(c.condition()), c.origin(),
                c.availableFrom(), terms(c.terms()), c.nonLethalOnly(), c.restrictions(), c.reimbursementRequested(),
                c.need(), new OfferStatus.Offered(), releasable, 1, tx.now(), tx.now());
        long key = table.insert(tx.handle(), offer, new OffersTable.Refs(donor, itemKey, origin, needKey));
        Offer stored = table.byKey(tx.handle(), key).orElseThrow();
        journal.record(tx, "OfferMade", stored.publicId(), new OfferMade(stored.publicId(), stored.donor(),
                stored.item(), stored.quantity(), stored.condition().name(), stored.origin(), stored.availableFrom(),
                stored.terms().name(), stored.nonLethalOnly(), stored.restrictions(),
                stored.reimbursementRequested(), stored.need(), List.copyOf(stored.releasableTo())), marking(stored));
        return stored;
    }

    private NeedRef loadNeed(Tx tx, String id) {
        try {
            return needs.ref(tx, id, tx.actor());
        } catch (NotFound e) {
            throw new InvalidField("need", "names no need: " + id);
        }
    }

    /** The offered item must be the needed one or be listed as compatible with it. */
    private static void requireServes(ItemFacts offered, NeedRef need) {
        if (!offered.canServe(need.item())) {
            throw new InvalidField("need", "asks for " + need.item() + ", which " + offered.code() + " cannot serve");
        }
    }

    /**
     * Takes a lifecycle step at a known version. Accepting a pledged offer covers its need;
     * withdrawing a pledged offer uncovers it; delivering counts against it. All in one transaction.
     */
    public Offer act(String id, OfferRules.Action action, long version, Actor actor) {
        return db.write(actor, tx -> act(tx, id, action, version));
    }

    /**
     * Takes many lifecycle steps in one transaction, in order: all or none (bulk loads such as the
     * demo scenario, where one commit per step would dominate the load time).
     */
    public List<Offer> actAll(List<ActOnOffer> steps, Actor actor) {
        return db.write(actor, tx -> steps.stream().map(s -> act(tx, s.offer(), s.action(), s.version())).toList());
    }

    /** The kind of write a lifecycle step is, for the access policy. */
    public static Action actionOf(OfferRules.Action step) {
        return switch (step) {
            case ACCEPT, DECLINE -> Action.ANSWER_OFFER;
            case COMMIT, WITHDRAW -> Action.CHANGE_OFFER;
            case SHIP -> Action.SHIP;
            case DELIVER -> Action.RECEIVE;
        };
    }

    /** The marking of an offer's journal events: its donor and releasability. */
    static Journal.EventMarking marking(Offer o) {
        return Journal.EventMarking.of(o.donor(), o.releasableTo());
    }

    static boolean visible(Actor viewer, Offer o) {
        return Permissions.canRead(viewer, o.donor(), o.releasableTo());
    }

    private Offer act(Tx tx, String id, OfferRules.Action action, long version) {
        Offer o = load(tx, id);
        if (!visible(tx.actor(), o)) throw new NotFound("offer", id);
        Permissions.requireWrite(tx.actor(), o.donor(), o.releasableTo(), actionOf(action));
        return act(tx, o, action, version, true);
    }

    /**
     * Takes a lifecycle step within the caller's transaction at the offer's current version, for
     * a delivery recorded by logistics: there the delivered units are counted on the needs line
     * by line as received, so DELIVER here does not count the offer's whole quantity again. The
     * caller (logistics) has already had the policy decide the shipment's step.
     */
    public Offer advance(Tx tx, String id, OfferRules.Action action) {
        Offer o = load(tx, id);
        return act(tx, o, action, o.version(), false);
    }

    /** The offer in the caller's transaction; an unknown id is a {@link NotFound}. */
    public Offer get(Tx tx, String id) {
        return load(tx, id);
    }

    private Offer act(Tx tx, Offer o, OfferRules.Action action, long version, boolean countDelivery) {
        OfferStatus next = switch (OfferRules.apply(o.status(), action)) {
            case OfferRules.Outcome.Moved m -> m.next();
            case OfferRules.Outcome.Refused r -> throw new Refused("illegal-transition", null, r.reason());
        };
        String cause = "offer " + o.publicId() + " " + action.name().toLowerCase(Locale.ROOT);
        if (o.need() != null) {
            boolean wasPledged = o.status() instanceof OfferStatus.Pledged;
            boolean isPledged = next instanceof OfferStatus.Pledged || next instanceof OfferStatus.Delivered;
            if (!wasPledged && isPledged) needs.cover(tx, o.need(), o.quantity(), cause);
            if (wasPledged && next instanceof OfferStatus.Withdrawn) needs.cover(tx, o.need(), -o.quantity(), cause);
            if (countDelivery && next instanceof OfferStatus.Delivered) needs.deliver(tx, o.need(), o.quantity(), cause);
        }
        Offer changed = o.with(next, tx.now());
        table.updateStatus(tx.handle(), changed, version);
        journal.record(tx, "OfferStatusChanged", o.publicId(), new OfferStatusChanged(o.publicId(),
                o.status().name(), next.name(), o.need(), version + 1), marking(changed));
        return table.byKey(tx.handle(), o.key()).orElseThrow();
    }

    private Offer load(Tx tx, String id) {
        long key = PublicIds.parse(ID_PREFIX, id, "offer");
        return table.byKey(tx.handle(), key).orElseThrow(() -> new NotFound("offer", id));
    }

    /** Offers for the journal verifier's replay. */
    public org.quartermaster.audit.StateContribution state() {
        return new org.quartermaster.offers.jdbc.OffersState();
    }

    /** The offer as the system sees it (the command line, the planner); see {@link #get(String, Actor)}. */
    public Offer get(String id) {
        return get(id, Actor.SYSTEM);
    }

    /** The offer {@code id} if {@code viewer} may see it; otherwise, like an unknown id, {@link NotFound}. */
    public Offer get(String id, Actor viewer) {
        long key = PublicIds.parse(ID_PREFIX, id, "offer");
        return db.read(h -> table.byKey(h, key)).filter(o -> visible(viewer, o))
                .orElseThrow(() -> new NotFound("offer", id));
    }

    /**
     * Changes who offer {@code id} is released to. Widening takes effect now; lowering needs a
     * GRANTED four-eyes approval ({@code approval}) of exactly this change, spent in the change's
     * transaction (it authorises this change once).
     */
    public Offer changeReleasability(String id, Set<String> releasableTo, long version, String approval, Actor actor,
                                     FourEyesCheck fourEyes) {
        Offer current = get(id, actor);
        Permissions.requireWrite(actor, current.donor(), current.releasableTo(), Action.CHANGE_RELEASABILITY);
        Set<String> next = new java.util.TreeSet<>(Checks.required("releasableTo", releasableTo));
        Marking wanted = new Marking(current.donor(), next);
        boolean lowering = !new Marking(current.donor(), current.releasableTo()).isWidenedBy(wanted);
        return db.write(actor, tx -> {
            Offer o = load(tx, id);
            Offer changed = new Offer(o.key(), o.donor(), o.item(), o.quantity(), o.condition(), o.origin(),
                    o.availableFrom(), o.terms(), o.nonLethalOnly(), o.restrictions(), o.reimbursementRequested(),
                    o.need(), o.status(), next, o.version(), o.createdAt(), tx.now());
            table.updateReleasability(tx.handle(), changed, version);
            journal.record(tx, "OfferReleasabilityChanged", o.publicId(),
                    new OfferEvents.OfferReleasabilityChanged(o.publicId(), List.copyOf(next), version + 1),
                    marking(changed));
            journal.remark(tx, o.publicId(), marking(changed));
            // the approval is spent with the change it authorises: both commit, or neither
            if (lowering) fourEyes.use(tx, approval, "offer", o.publicId(), FourEyesCheck.lowerReleasability(next), actor);
            return table.byKey(tx.handle(), o.key()).orElseThrow();
        });
    }

    /** Every offer, as the system sees it; see {@link #list(OfferFilter, Actor, String, Integer)}. */
    public Page<Offer> list(OfferFilter filter, String after, Integer limit) {
        return list(filter, Actor.SYSTEM, after, limit);
    }

    /** The offers {@code viewer} may see, filtered in the query. */
    public Page<Offer> list(OfferFilter filter, Actor viewer, String after, Integer limit) {
        if (filter.status() != null && !OfferStatus.ALL.contains(filter.status())) {
            throw new InvalidField("status", "must be one of " + OfferStatus.ALL);
        }
        Long needKey = null;
        if (filter.need() != null) {
            try {
                needKey = PublicIds.parse(Needs.ID_PREFIX, filter.need(), "need");
            } catch (NotFound e) {
                throw new InvalidField("need", "is not a need id (N-000042)");
            }
        }
        int size = Cursor.limit(limit);
        Long need = needKey;
        ReadFilter.Condition visible = readFilter(viewer);
        return Page.cut(db.read(h -> table.list(h, filter, need, visible, Cursor.decode(after), size + 1)), size,
                Offer::key);
    }

    private ReadFilter.Condition readFilter(Actor viewer) {
        return Permissions.readFilter(viewer, db.dialect(), "donor_code", "releasable_to");
    }

    /** Offers on the table that no need has been pledged yet: the stock a plan may allocate. */
    public List<Offer> unpledged() {
        return db.read(table::unpledged);
    }

    public Map<String, Long> quantityByStatus() {
        return quantityByStatus(Actor.SYSTEM);
    }

    /** Quantities per status over the offers {@code viewer} may see. */
    public Map<String, Long> quantityByStatus(Actor viewer) {
        ReadFilter.Condition visible = readFilter(viewer);
        return db.read(h -> table.quantityByStatus(h, visible));
    }

    static Offer.Condition condition(String text) {
        try {
            return Offer.Condition.valueOf(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("condition", "must be one of NEW, SERVICEABLE, NEEDS_REPAIR");
        }
    }

    static Offer.Terms terms(String text) {
        try {
            return Offer.Terms.valueOf(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("terms", "must be one of DONATION, SALE, LOAN");
        }
    }
}
