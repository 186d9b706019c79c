package org.quartermaster;

import java.util.List;
import org.quartermaster.audit.Journal;
import org.quartermaster.audit.web.FeedApi;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.catalog.web.CatalogApi;
import org.quartermaster.catalog.web.CatalogPages;
import org.quartermaster.dashboard.Dashboard;
import org.quartermaster.dashboard.web.DashboardPages;
import org.quartermaster.funds.ExchangeRates;
import org.quartermaster.funds.Funds;
import org.quartermaster.funds.Ledger;
import org.quartermaster.funds.OfferLookup;
import org.quartermaster.funds.web.FundsApi;
import org.quartermaster.needs.Needs;
import org.quartermaster.needs.web.NeedPages;
import org.quartermaster.needs.web.NeedsApi;
import org.quartermaster.offers.OfferFilter;
import org.quartermaster.offers.Offers;
import org.quartermaster.offers.web.OfferPages;
import org.quartermaster.offers.web.OffersApi;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.web.PartiesApi;
import org.quartermaster.parties.web.PartyPages;
import org.quartermaster.planning.Planning;
import org.quartermaster.planning.web.PlanningApi;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Server;
import org.quartermaster.store.Database;

/**
 * The platform, wired by hand: one database, the journal, each context's facade, and the route
 * table of every context. No scanning: what runs is what is written here.
 */
public final class Quartermaster implements AutoCloseable {
    private final Database db;
    private final Journal journal;
    private final Catalog catalog;
    private final Parties parties;
    private final Needs needs;
    private final Offers offers;
    private final Planning planning;
    private final Ledger ledger;
    private final Funds funds;
    private final ExchangeRates rates;
    private final org.quartermaster.logistics.Logistics logistics;
    private final org.quartermaster.logistics.Absorptions absorptions;
    private final org.quartermaster.oversight.Oversight oversight;

    private final java.util.concurrent.ScheduledExecutorService signer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "qm-journal-signer");
                t.setDaemon(true);
                return t;
            });

    /** The platform with a journal key held in memory only: for tests and tools. */
    public Quartermaster(Database db) {
        this(db, org.quartermaster.journal.JournalKeys.generate());
    }

    /** The platform signing its journal with {@code keys} (kept in the data directory). */
    public Quartermaster(Database db, org.quartermaster.journal.JournalKeys keys) {
        this.db = db;
        this.journal = new Journal(db, keys, Journal.DEFAULT_POLICY);
        this.catalog = new Catalog(db, journal);
        this.parties = new Parties(db, journal);
        this.needs = new Needs(db, journal, catalog, parties);
        this.offers = new Offers(db, journal, catalog, parties, needs);
        this.planning = new Planning(db, journal, catalog, parties, needs, offers);
        this.ledger = new Ledger(db, journal);
        this.funds = new Funds(db, journal, ledger, id -> {
            var offer = offers.get(id);
            return new OfferLookup.DonatedOffer(offer.publicId(), offer.donor(), offer.status().name(),
                    offer.terms().name());
        });
        this.rates = new ExchangeRates(db, journal);
        this.logistics = new org.quartermaster.logistics.Logistics(db, journal, parties, catalog, needs,
                new Fulfilments(offers, planning));
        logistics.listen(Fulfilments.needsRollUp(needs));
        logistics.listen(Fulfilments.offersRollUp(offers));
        this.absorptions = new org.quartermaster.logistics.Absorptions(db, journal, parties, catalog);
        this.oversight = new org.quartermaster.oversight.Oversight(db, journal, parties, this::canSee);
    }

    /** Whether {@code viewer} may see the record with public id {@code id}: asked by oversight. */
    private boolean canSee(org.quartermaster.shared.Actor viewer, String id) {
        try {
            if (id.startsWith(Needs.ID_PREFIX + "-")) {
                var n = needs.get(id);
                return org.quartermaster.access.Permissions.canRead(viewer, n.requester(), n.releasableTo());
            }
            if (id.startsWith(Offers.ID_PREFIX + "-")) {
                var o = offers.get(id);
                return org.quartermaster.access.Permissions.canRead(viewer, o.donor(), o.releasableTo());
            }
            if (id.startsWith(org.quartermaster.logistics.model.Shipment.ID_PREFIX + "-")) {
                logistics.get(viewer, id);
                return true;
            }
            return false;
        } catch (org.quartermaster.shared.NotFound e) {
            return false;
        }
    }

    /** Every route of the platform. */
    public RouteTable routes() {
        RouteTable table = new RouteTable();
        CatalogApi.routes(table, catalog);
        PartiesApi.routes(table, parties);
        NeedsApi.routes(table, needs);
        OffersApi.routes(table, offers);
        PlanningApi.routes(table, planning);
        FundsApi.routes(table, ledger, funds, rates);
        FeedApi.routes(table, journal);
        org.quartermaster.logistics.web.ShipmentsApi.routes(table, logistics, absorptions);
        org.quartermaster.oversight.web.QuestionsApi.routes(table, oversight);
        org.quartermaster.logistics.web.ShipmentPages.routes(table, logistics);
        org.quartermaster.audit.web.JournalApi.routes(table, journal);
        DashboardPages.routes(table, new Dashboard(catalog, needs, offers, logistics, absorptions, oversight));
        NeedPages.routes(table, needs, catalog, parties, journal, this::pledgesOf, this::plannedFor, this::deliveriesOf);
        org.quartermaster.planning.web.PlanPages.routes(table, planning);
        OfferPages.routes(table, offers, catalog, parties, journal);
        CatalogPages.routes(table, catalog);
        PartyPages.routes(table, parties);
        return table;
    }

    /**
     * The access policy of every route: each context declares its own routes' policies in a
     * {@code policies(RoutePolicies)} method next to its {@code routes(RouteTable, ...)}.
     */
    public org.quartermaster.access.RoutePolicies routePolicies() {
        org.quartermaster.access.RoutePolicies policies = new org.quartermaster.access.RoutePolicies();
        org.quartermaster.logistics.web.ShipmentsApi.policies(policies);
        org.quartermaster.oversight.web.QuestionsApi.policies(policies);
        org.quartermaster.logistics.web.ShipmentPages.policies(policies);
        return policies;
    }

    /** A need's page shows what the latest plan does for it; wired here so that needs need not know planning. */
    private NeedPages.Planned plannedFor(String needId) {
        return planning.latest().map(plan -> {
            var lines = planning.allocations(plan.publicId(), needId).stream()
                    .map(org.quartermaster.planning.PlannedAllocation::explanation).toList();
            var shortfalls = planning.shortfalls(plan.publicId(), needId);
            long shortQuantity = shortfalls.stream().mapToLong(org.quartermaster.planning.PlannedShortfall::quantity).sum();
            String reason = shortfalls.isEmpty() ? null : shortfalls.get(0).reason();
            return new NeedPages.Planned(plan.publicId(), lines, shortQuantity, reason);
        }).orElse(NeedPages.Planned.NONE);
    }

    /** A need's page shows the shipments serving it, their custody and receipt; wired here so that needs need not know logistics. */
    private List<NeedPages.Delivery> deliveriesOf(org.quartermaster.shared.Actor viewer, String needId) {
        List<NeedPages.Delivery> out = new java.util.ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        for (var s : logistics.forNeed(viewer, needId)) {
            List<String> custody = logistics.custody(viewer, s.publicId()).stream()
                    .map(e -> e.occurredAt() + " " + e.kind() + " " + e.location() + " · " + e.person() + " ("
                            + e.organisation() + (e.to() == null ? "" : " → " + e.to()) + ")").toList();
            String receipt = logistics.receipt(viewer, s.publicId())
                    .map(r -> r.signedAt() + " · " + r.person() + " (" + r.receiver() + ")").orElse(null);
            var discrepancies = logistics.discrepancies(viewer, s.publicId());
            for (var line : s.lines()) {
                for (var share : line.needs()) {
                    if (!share.need().equals(needId)) continue;
                    List<String> problems = discrepancies.stream().filter(d -> d.line() == line.no())
                            .map(d -> d.kind() + " " + d.quantity() + (d.note() == null ? "" : ": " + d.note())).toList();
                    out.add(new NeedPages.Delivery(s.publicId(), line.no(), s.status().name(), s.position().holder(),
                            s.origin(), s.destination(), s.plannedArrival(), s.overdue(now), share.quantity(),
                            share.deliveredQuantity(), custody, receipt, problems, line.rating(), line.ratingComment()));
                }
            }
        }
        return out;
    }

    /** A need's page shows the offers pledged to it; wired here so that needs need not know offers. */
    private List<NeedPages.Pledge> pledgesOf(String needId) {
        return offers.list(new OfferFilter(null, null, null, needId), null, NeedPages.PLEDGES_SHOWN_MAX).items()
                .stream().map(o -> new NeedPages.Pledge(o.publicId(), o.donor(), o.item(), o.quantity(),
                        o.status().name(), o.availableFrom()))
                .toList();
    }

    /** Starts the HTTP server on {@code host:port}, and signs journal heads in the background. */
    public Server serve(String host, int port) {
        long period = Journal.DEFAULT_POLICY.every().toMillis();
        signer.scheduleWithFixedDelay(this::signIfDue, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
        return Server.start(db, routes(), host, port, Server.HealthProbe.of(db, journal::size));
    }

    private void signIfDue() {
        try {
            journal.signIfDue(false);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Quartermaster.class).warn("journal head not signed this round", e);
        }
    }

    /** Every context's state, as the journal verifier replays it. */
    public java.util.List<org.quartermaster.audit.StateContribution> stateContributions() {
        return java.util.List.of(catalog.state(), parties.state(), needs.state(), offers.state());
    }

    /** Verifies the journal and the state against it with {@code key} (the journal's public key). */
    public org.quartermaster.audit.Verifier.Report verify(java.security.PublicKey key) {
        return new org.quartermaster.audit.Verifier(db).verify(key, stateContributions());
    }

    public Database db() {
        return db;
    }

    public Journal journal() {
        return journal;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Parties parties() {
        return parties;
    }

    public Needs needs() {
        return needs;
    }

    public Offers offers() {
        return offers;
    }

    public Planning planning() {
        return planning;
    }

    public Ledger ledger() {
        return ledger;
    }

    public Funds funds() {
        return funds;
    }

    public org.quartermaster.logistics.Logistics logistics() {
        return logistics;
    }

    public org.quartermaster.logistics.Absorptions absorptions() {
        return absorptions;
    }

    public org.quartermaster.oversight.Oversight oversight() {
        return oversight;
    }

    public ExchangeRates rates() {
        return rates;
    }

    @Override
    public void close() {
        signer.shutdownNow();
        db.close();
    }
}
