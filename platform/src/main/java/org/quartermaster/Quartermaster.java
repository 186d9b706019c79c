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
    private final org.quartermaster.procurement.Procurement procurement;

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
        this.procurement = new org.quartermaster.procurement.Procurement(db, journal, catalog, parties, bidSealKey(keys));
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
        org.quartermaster.procurement.web.ProcurementApi.routes(table, procurement);
        org.quartermaster.procurement.web.ProcurementPages.routes(table, procurement);
        FeedApi.routes(table, journal);
        org.quartermaster.audit.web.JournalApi.routes(table, journal);
        DashboardPages.routes(table, new Dashboard(catalog, needs, offers));
        NeedPages.routes(table, needs, catalog, parties, journal, this::pledgesOf, this::plannedFor);
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
        org.quartermaster.procurement.web.ProcurementApi.policies(policies);
        org.quartermaster.procurement.web.ProcurementPages.policies(policies);
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

    /**
     * The key that wraps every procedure's bid key: derived from the journal's private key (kept in
     * the data directory, never in the database) through a deterministic Ed25519 signature over a
     * fixed label, so a copy of the database alone cannot open a sealed bid.
     */
    private static javax.crypto.SecretKey bidSealKey(org.quartermaster.journal.JournalKeys keys) {
        try {
            byte[] label = java.security.MessageDigest.getInstance("SHA-256")
                    .digest("quartermaster procurement bid seal".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] material = keys.sign(new org.quartermaster.journal.TreeHead(0, label, 0)).signature();
            return org.quartermaster.procurement.model.BidSeal.platformKey(material);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    public org.quartermaster.procurement.Procurement procurement() {
        return procurement;
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

    public ExchangeRates rates() {
        return rates;
    }

    @Override
    public void close() {
        signer.shutdownNow();
        db.close();
    }
}
