package org.quartermaster;

import java.util.List;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.web.AccessGate;
import org.quartermaster.access.web.AccessPages;
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
    private final org.quartermaster.access.Access access;
    private final org.quartermaster.access.web.OidcLogin oidc;
    private final org.quartermaster.capacity.Capacity capacity;
    private final org.quartermaster.logistics.Logistics logistics;
    private final org.quartermaster.logistics.Absorptions absorptions;
    private final org.quartermaster.oversight.Oversight oversight;
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
        this(db, keys, org.quartermaster.access.AccessSettings.production());
    }

    /** The platform with the given authentication settings (tests use a cheap password hash). */
    public Quartermaster(Database db, org.quartermaster.journal.JournalKeys keys,
                         org.quartermaster.access.AccessSettings accessSettings) {
        this.db = db;
        this.journal = new Journal(db, keys, Journal.DEFAULT_POLICY);
        // The journal filters the feed and histories by the one access policy.
        journal.readScope((viewer, dialect, owner, releasable) -> {
            var c = org.quartermaster.access.Permissions.readFilter(viewer, dialect, owner, releasable);
            return new Journal.Visible(c.sql(), c.params());
        });
        this.catalog = new Catalog(db, journal);
        this.parties = new Parties(db, journal);
        this.needs = new Needs(db, journal, catalog, parties);
        this.offers = new Offers(db, journal, catalog, parties, needs);
        this.capacity = new org.quartermaster.capacity.Capacity(db, journal, catalog, parties);
        this.planning = new Planning(db, journal, catalog, parties, needs, offers, this::productionSupply);
        this.ledger = new Ledger(db, journal);
        this.access = new org.quartermaster.access.Access(db, journal, parties, accessSettings);
        this.funds = new Funds(db, journal, ledger, id -> {
            var offer = offers.get(id);
            return new OfferLookup.DonatedOffer(offer.publicId(), offer.donor(), offer.status().name(),
                    offer.terms().name(), offer.item());
        }, code -> catalog.get(code).lethal(), new PaymentApprovalsByAccess(access), paymentApprovalThreshold());
        this.rates = new ExchangeRates(db, journal);
        this.oidc = new org.quartermaster.access.web.OidcLogin(access);
        this.procurement = new org.quartermaster.procurement.Procurement(db, journal, catalog, parties, bidSealKey(keys),
                access::personOf);
        this.logistics = new org.quartermaster.logistics.Logistics(db, journal, parties, catalog, needs,
                new Fulfilments(offers, planning), Fulfilments.contractLookup(procurement));
        logistics.listen(Fulfilments.needsRollUp(needs));
        logistics.listen(Fulfilments.offersRollUp(offers));
        logistics.listen(Fulfilments.contractsRollUp(procurement));
        this.absorptions = new org.quartermaster.logistics.Absorptions(db, journal, parties, catalog);
        this.oversight = new org.quartermaster.oversight.Oversight(db, journal, parties, this::canSee);
    }

    /** Whether {@code viewer} may see the record with public id {@code id}: asked by oversight. */
    private boolean canSee(org.quartermaster.shared.Actor viewer, String id) {
        try {
            // Each facade's own read decides (a record the viewer may not see is NotFound).
            if (id.startsWith(Needs.ID_PREFIX + "-")) needs.get(id, viewer);
            else if (id.startsWith(Offers.ID_PREFIX + "-")) offers.get(id, viewer);
            else if (id.startsWith(org.quartermaster.logistics.model.Shipment.ID_PREFIX + "-")) logistics.get(viewer, id);
            else return false;
            return true;
        } catch (org.quartermaster.shared.NotFound e) {
            return false;
        }
    }

    /** Turns on OpenID Connect login with the identity provider of {@code settings} (null: off). */
    public void useOidc(org.quartermaster.access.web.OidcSettings settings) {
        oidc.configure(settings);
    }

    /** Every route of the platform. */
    public RouteTable routes() {
        RouteTable table = new RouteTable();
        CatalogApi.routes(table, catalog);
        PartiesApi.routes(table, parties);
        NeedsApi.routes(table, needs, access::useApproval);
        OffersApi.routes(table, offers, access::useApproval);
        PlanningApi.routes(table, planning);
        FundsApi.routes(table, ledger, funds, rates);
        org.quartermaster.funds.web.FundPages.routes(table, funds, rates);
        org.quartermaster.procurement.web.ProcurementApi.routes(table, procurement);
        org.quartermaster.procurement.web.ProcurementPages.routes(table, procurement);
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
        AccessPages.routes(table, access, oidc);
        org.quartermaster.capacity.web.CapacityApi.routes(table, capacity);
        org.quartermaster.capacity.web.CapacityPages.routes(table, capacity, catalog, journal);
        // Downloads: whole lists as files, filtered like the lists.
        org.quartermaster.needs.web.NeedsExport.routes(table, needs);
        org.quartermaster.offers.web.OffersExport.routes(table, offers);
        org.quartermaster.audit.web.JournalExport.routes(table, journal);
        return table;
    }

    /**
     * The access policy of every route: each context declares its own routes' policies in a
     * {@code policies(RoutePolicies)} method next to its {@code routes(RouteTable, ...)}.
     */
    public org.quartermaster.access.RoutePolicies routePolicies() {
        RoutePolicies p = new RoutePolicies();
        // The server's own routes.
        p.declare("GET", "/health", RoutePolicy.publicRoute());
        p.declare("GET", "/metrics", RoutePolicy.anyOf(Role.ADMIN, Role.AUDITOR));
        p.declare("GET", "/lang/{code}", RoutePolicy.publicRoute());
        p.declare("GET", "/api/openapi.json", RoutePolicy.publicRoute());
        p.declare("GET", "/static/*", RoutePolicy.publicRoute());
        p.declare("GET", "/webjars/*", RoutePolicy.publicRoute());
        CatalogApi.policies(p);
        NeedsApi.policies(p);
        OffersApi.policies(p);
        PlanningApi.policies(p);
        FundsApi.policies(p);
        DashboardPages.policies(p);
        NeedPages.policies(p);
        org.quartermaster.planning.web.PlanPages.policies(p);
        OfferPages.policies(p);
        CatalogPages.policies(p);
        AccessPages.policies(p);
        // Parties and the journal are below access (access names organisations and journals its
        // own events), so their web classes cannot name access's types: the wiring declares them.
        p.declare("GET", "/api/v1/organisations", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/organisations/{code}", RoutePolicy.publicRoute());
        p.declare("POST", "/api/v1/organisations", RoutePolicy.forPlatformAction(Action.REGISTER_ORGANISATION));
        p.declare("PUT", "/api/v1/organisations/{code}", RoutePolicy.forPlatformAction(Action.REGISTER_ORGANISATION));
        p.declare("GET", "/api/v1/locations", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/locations/{code}", RoutePolicy.publicRoute());
        p.declare("POST", "/api/v1/locations", RoutePolicy.forPlatformAction(Action.ADD_LOCATION));
        p.declare("GET", "/organisations", RoutePolicy.anyRole());
        p.declare("GET", "/api/v1/feed", RoutePolicy.anyRole());
        p.declare("GET", "/api/v1/history/{entity}", RoutePolicy.anyRole());
        p.declare("GET", "/api/v1/journal/key", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/journal/head", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/journal/heads", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/journal/proofs/inclusion", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/journal/proofs/consistency", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/journal/events", RoutePolicy.anyRole());
        p.declare("GET", org.quartermaster.audit.web.JournalExport.PATH, RoutePolicy.anyOf(Role.AUDITOR, Role.ADMIN));
        org.quartermaster.needs.web.NeedsExport.policies(p);
        org.quartermaster.offers.web.OffersExport.policies(p);
        org.quartermaster.capacity.web.CapacityApi.policies(p);
        org.quartermaster.capacity.web.CapacityPages.policies(p);
        org.quartermaster.logistics.web.ShipmentsApi.policies(p);
        org.quartermaster.oversight.web.QuestionsApi.policies(p);
        org.quartermaster.logistics.web.ShipmentPages.policies(p);
        org.quartermaster.procurement.web.ProcurementApi.policies(p);
        org.quartermaster.procurement.web.ProcurementPages.policies(p);
        return p;
    }

    /** Environment variable with the platform's four-eyes threshold for payments, in minor units. */
    public static final String PAYMENT_APPROVAL_THRESHOLD_ENV = "QM_PAYMENT_APPROVAL_THRESHOLD_MINOR";

    /** The platform's four-eyes threshold: the environment's setting, else {@link Funds#APPROVAL_THRESHOLD_DEFAULT_MINOR}. */
    static long paymentApprovalThreshold() {
        String raw = System.getenv(PAYMENT_APPROVAL_THRESHOLD_ENV);
        if (raw == null || raw.isBlank()) return Funds.APPROVAL_THRESHOLD_DEFAULT_MINOR;
        try {
            long v = Long.parseLong(raw.strip());
            if (v < 0) throw new NumberFormatException("negative");
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PAYMENT_APPROVAL_THRESHOLD_ENV + " must be a whole number of minor units"
                    + " (0 or more), not " + raw, e);
        }
    }

    /** A payment's four-eyes step, answered by the access context's approvals. */
    private record PaymentApprovalsByAccess(org.quartermaster.access.Access access)
            implements org.quartermaster.funds.PaymentApprovals {
        @Override
        public void requireRequester(org.quartermaster.shared.Actor requester) {
            var principal = org.quartermaster.access.Permissions.principal(requester);
            boolean person;
            try {
                person = access.user(principal.user()).organisation().equals(principal.organisation());
            } catch (org.quartermaster.shared.NotFound | IllegalArgumentException e) {
                person = false;
            }
            if (!person) throw access.deny(principal, "request approval of a payment", "no person's account");
        }

        @Override
        public String request(String payment, String summary, org.quartermaster.shared.Actor requester) {
            return access.requestApproval(new org.quartermaster.access.RequestApproval(Funds.APPROVAL_SUBJECT, payment,
                    summary), org.quartermaster.access.Permissions.principal(requester)).id();
        }

        @Override
        public void decide(String approval, org.quartermaster.shared.Actor approver, boolean grant) {
            access.decide(approval, org.quartermaster.access.Permissions.principal(approver),
                    grant ? org.quartermaster.access.Approval.Status.GRANTED : org.quartermaster.access.Approval.Status.REJECTED);
        }

        @Override
        public String status(String approval) {
            return access.approval(approval).status().name();
        }

        @Override
        public void use(org.quartermaster.store.Tx tx, String approval, String payment, String summary,
                        org.quartermaster.shared.Actor approver) {
            access.useApproval(tx, approval, Funds.APPROVAL_SUBJECT, payment, summary, approver);
        }
    }

    /** A need's page shows what the latest plan does for it; wired here so that needs need not know planning. */
    private NeedPages.Planned plannedFor(String needId, org.quartermaster.shared.Actor viewer) {
        return planning.latest(viewer).map(plan -> {
            var lines = planning.allocations(plan.publicId(), needId, viewer).stream()
                    .map(org.quartermaster.planning.PlannedAllocation::explanation).toList();
            var shortfalls = planning.shortfalls(plan.publicId(), needId, viewer);
            long shortQuantity = shortfalls.stream().mapToLong(org.quartermaster.planning.PlannedShortfall::quantity).sum();
            String reason = shortfalls.isEmpty() ? null : shortfalls.get(0).reason();
            return new NeedPages.Planned(plan.publicId(), lines, shortQuantity, reason);
        }).orElse(NeedPages.Planned.NONE);
    }

    /**
     * Production lines as the planner's supply: each line's free units per week, from the
     * capacity facade; wired here so that planning need not know capacity.
     */
    private List<org.quartermaster.planning.ProductionSupply.Line> productionSupply(java.time.LocalDate start,
                                                                                   int horizonWeeks) {
        return capacity.freeCapacity(start, horizonWeeks).stream()
                .map(f -> new org.quartermaster.planning.ProductionSupply.Line(f.line(), f.item(), f.site(),
                        f.leadTimeWeeks(), f.unitPriceMinor(), f.currency(), f.freeUnits()))
                .toList();
    }

    /** A need's page shows the shipments serving it, their custody and receipt; wired here so that needs need not know logistics. */
    private List<NeedPages.Delivery> deliveriesOf(org.quartermaster.shared.Actor viewer, String needId) {
        List<NeedPages.Delivery> out = new java.util.ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        java.util.Map<String, java.util.Optional<NeedPages.Contracted>> contracts = new java.util.HashMap<>();
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
                    var ref = line.fulfils();
                    NeedPages.Contracted contract = contracts.computeIfAbsent(ref.id(),
                            id -> contractedFor(viewer, ref)).orElse(null);
                    out.add(new NeedPages.Delivery(s.publicId(), line.no(), ref.kind().name(), ref.id(), contract,
                            s.status().name(), s.position().holder(),
                            s.origin(), s.destination(), s.plannedArrival(), s.overdue(now), share.quantity(),
                            share.deliveredQuantity(), custody, receipt, problems, line.rating(), line.ratingComment()));
                }
            }
        }
        return out;
    }

    /**
     * The contract or call-off a shipment line names, as {@code viewer} may see it (empty for other
     * kinds and for what the viewer may not see): with its lateness, from procurement's schedule.
     */
    private java.util.Optional<NeedPages.Contracted> contractedFor(org.quartermaster.shared.Actor viewer,
                                                                  org.quartermaster.logistics.Fulfilment ref) {
        try {
            switch (ref.kind()) {
                case CONTRACT -> {
                    var k = procurement.contract(ref.id(), viewer);
                    var progress = procurement.progress(ref.id(), viewer);
                    return java.util.Optional.of(new NeedPages.Contracted(k.publicId(), k.publicId(), k.supplier(),
                            k.quantity(), k.deliveredQuantity(), k.status(), progress.unitsBehind(),
                            progress.daysLateMax()));
                }
                case CALL_OFF -> {
                    var o = procurement.callOff(ref.id(), viewer);
                    java.util.Optional<org.quartermaster.procurement.model.ScheduleProgress.CallOffLine> line;
                    try {
                        line = procurement.progress(o.contract(), viewer).callOffs().stream()
                                .filter(c -> c.callOff().equals(o.publicId())).findFirst();
                    } catch (org.quartermaster.shared.NotFound contractNotVisible) {
                        line = java.util.Optional.empty(); // the call-off without its framework's schedule
                    }
                    boolean overdue = line.map(c -> c.state()
                            == org.quartermaster.procurement.model.ScheduleProgress.State.OVERDUE).orElse(false);
                    long daysLate = line.map(org.quartermaster.procurement.model.ScheduleProgress.CallOffLine::daysLate)
                            .orElse(0L);
                    return java.util.Optional.of(new NeedPages.Contracted(o.publicId(), o.contract(), o.supplier(),
                            o.quantity(), o.deliveredQuantity(), o.status(),
                            overdue ? o.quantity() - o.deliveredQuantity() : 0, daysLate));
                }
                default -> {
                    return java.util.Optional.empty();
                }
            }
        } catch (org.quartermaster.shared.NotFound notVisible) {
            return java.util.Optional.empty();
        }
    }

    /** A need's page shows the offers pledged to it; wired here so that needs need not know offers. */
    private List<NeedPages.Pledge> pledgesOf(String needId, org.quartermaster.shared.Actor viewer) {
        return offers.list(new OfferFilter(null, null, null, needId), viewer, null, NeedPages.PLEDGES_SHOWN_MAX).items()
                .stream().map(o -> new NeedPages.Pledge(o.publicId(), o.donor(), o.item(), o.quantity(),
                        o.status().name(), o.availableFrom()))
                .toList();
    }

    /** Starts the HTTP server on {@code host:port}, and signs journal heads in the background. */
    public Server serve(String host, int port) {
        return serve(host, port, new AccessGate(access, routePolicies()));
    }

    /**
     * Starts the HTTP server behind {@code gate} (production: {@link #serve(String, int)} with the
     * access gate). Refuses to start when a route has no access policy.
     */
    public Server serve(String host, int port, org.quartermaster.server.Gate gate) {
        Server server = Server.start(db, routes(), host, port, Server.HealthProbe.of(db, journal::size), gate);
        long period = Journal.DEFAULT_POLICY.every().toMillis();
        signer.scheduleWithFixedDelay(this::signIfDue, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
        return server;
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
        return java.util.List.of(catalog.state(), parties.state(), needs.state(), offers.state(), funds.state(), capacity.state());
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

    public org.quartermaster.capacity.Capacity capacity() {
        return capacity;
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

    public org.quartermaster.access.Access access() {
        return access;
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
