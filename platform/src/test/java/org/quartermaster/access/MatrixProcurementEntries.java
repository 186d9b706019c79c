package org.quartermaster.access;

import static org.quartermaster.access.AccessMatrixTest.holds;
import static org.quartermaster.access.AccessMatrixTest.own;
import static org.quartermaster.access.AccessMatrixTest.platform;
import static org.quartermaster.access.AccessMatrixTest.readable;
import static org.quartermaster.access.AccessMatrixTest.released;
import static org.quartermaster.access.AccessMatrixTest.signedIn;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartermaster.Quartermaster;
import org.quartermaster.access.AccessMatrixTest.Call;
import org.quartermaster.access.AccessMatrixTest.Caller;
import org.quartermaster.access.AccessMatrixTest.Entry;
import org.quartermaster.access.AccessMatrixTest.RowCheck;
import org.quartermaster.access.model.Role;
import org.quartermaster.capacity.PublishLine;
import org.quartermaster.capacity.ReserveSlot;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.Reservation;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.procurement.ProcurementCommands;
import org.quartermaster.procurement.model.Bid;
import org.quartermaster.procurement.model.CallOff;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.procurement.model.Procedure;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.AccessWorld;
import org.quartermaster.testing.TestServer.Reply;

/**
 * The access matrix's record-level entries for capacity and procurement. A small world is made
 * first, related to the matrix's organisations as the domain relates them: the owner publishes
 * production lines and reserves slots (released to the group it shares with the partner); it
 * leads joint procedures in which the partner is a participating buyer, and bids as a supplier in
 * procedures another buyer leads with the partner taking part; contracts and call-offs follow
 * from those procedures. The unrelated organisation is a competing supplier with bids of its
 * own, and the platform has no part in any of it. A write that changes a record's state acts,
 * for each caller the reference allows, on a record made for that cell (one that succeeded must
 * not turn the next allowed caller's 2xx into a 409); the callers it refuses share one. Each
 * entry's reference is written here from the contexts' own rules (CapacityAccessTest,
 * SealedBidsTest, the procurement facade's contracts, DESIGN.md's Access), not from the policy's
 * code, and it is exact: a caller it allows must succeed, one it refuses must not. Lists, pages,
 * counts and red flags are searched for the id of every record the caller may not see.
 */
final class MatrixProcurementEntries {
    static final String OWN = AccessWorld.OWN;
    static final String PARTNER = AccessWorld.PARTNER;
    static final String UNRELATED = AccessWorld.UNRELATED;
    static final String GROUP = AccessWorld.GROUP;
    /** A supplier no caller belongs to: it bids in (and wins) the owner's procedures. */
    static final String SUPPLIER = "MX-SUP";
    /** A buyer no caller belongs to: it leads the procedures in which the owner bids. */
    static final String LEAD = "MX-LEAD";
    static final String ITEM = "MX-SHELL";
    /** Ids of the records of both contexts; an id a caller may not see must not appear in its reply. */
    static final Pattern IDS = Pattern.compile("\\b(PL|CR|PR|BID|CT|CO|CMP)-\\d{6}\\b");
    static final Pattern LISTED_PROCEDURE = Pattern.compile("href=\"/procurements/(PR-\\d{6})\"");
    static final Pattern NOTICE_LINK = Pattern.compile("href=\"/procurements/(PR-\\d{6})/bid\"");
    /** Each participant's demand; a lot's quantity is their sum. */
    static final long COMMITTED = 50;
    static final long ESTIMATE_MINOR = 1_000;
    static final long PRICE_MINOR = 900;
    static final Duration CUT_OFF = Duration.ofSeconds(10);
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private final AccessMatrixTest matrix;
    private final Quartermaster app;
    /** Cells per route: a question, a complaint or a milestone is made for each. */
    private final int cells;
    private final LocalDate week;
    private final Map<String, String> bidProcedure = new HashMap<>();

    MatrixProcurementEntries(AccessMatrixTest matrix) {
        this.matrix = matrix;
        this.app = matrix.server.app();
        this.cells = matrix.callers.size();
        this.week = LocalDate.ofInstant(matrix.clock.instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Adds an exact entry for every capacity and procurement route to {@code e}. */
    void add(Map<String, Entry> e) {
        parties();
        Map<String, Entry> mine = new LinkedHashMap<>();
        capacity(mine);
        procurement(mine);
        for (String key : mine.keySet()) {
            if (e.containsKey(key)) throw new IllegalStateException("two entries for " + key);
        }
        e.putAll(mine);
    }

    // ---- the world ----------------------------------------------------------------------------

    /**
     * The owner plays a supplier too (lines and bids are a SUPPLIER's; the kind gates nothing
     * else), the unrelated organisation is one already; both are verified, like the supplier
     * that no caller belongs to.
     */
    private void parties() {
        var own = app.parties().organisation(OWN);
        app.parties().change(OWN, new RegisterOrganisation(OWN, own.name(), OrganisationKind.SUPPLIER, own.country(),
                own.groups(), own.ncage()), own.version(), Actor.SYSTEM);
        app.parties().register(new RegisterOrganisation(SUPPLIER, "Matrix supplier", OrganisationKind.SUPPLIER, "FIN",
                Set.of(), null), Actor.SYSTEM);
        app.parties().register(new RegisterOrganisation(LEAD, "Matrix lead buyer",
                OrganisationKind.PROCUREMENT_AGENCY, "LTU", Set.of(), null), Actor.SYSTEM);
        app.catalog().define(new DefineItem(ITEM, "155 mm shell", "H87", null, "35331200-5", Category.AMMUNITION,
                true, List.of()), Actor.SYSTEM);
        for (String supplier : List.of(OWN, UNRELATED, SUPPLIER)) {
            app.procurement().vet(supplier, new ProcurementCommands.Eligibility(true, false, null), Actor.SYSTEM);
        }
    }

    // ---- capacity -----------------------------------------------------------------------------

    private void capacity(Map<String, Entry> e) {
        String lineOwn = null;
        String linePublic = null;
        for (String supplier : List.of(OWN, UNRELATED, SUPPLIER)) {
            for (Set<String> marking : AccessWorld.MARKINGS) {
                String id = line(supplier, marking);
                if (supplier.equals(OWN) && marking.equals(Set.of(GROUP))) lineOwn = id;
                if (supplier.equals(SUPPLIER) && marking.contains("PUBLIC")) linePublic = id;
            }
        }
        String reservationOwn = null;
        for (String reserver : List.of(OWN, PARTNER, UNRELATED)) {
            for (Set<String> marking : List.of(Set.<String>of(), Set.of(GROUP), Set.of(PARTNER))) {
                String id = reserve(linePublic, reserver, marking);
                if (reserver.equals(OWN) && marking.equals(Set.of(GROUP))) reservationOwn = id;
            }
        }
        // on the owner's line, which the partner sees: the owner's own slot and the partner's
        reserve(lineOwn, OWN, Set.of());
        reserve(lineOwn, PARTNER, Set.of());
        Predicate<Caller> ownLine = c -> readable(c, OWN, Set.of(GROUP));
        Predicate<Caller> writer = c -> own(c, OWN, Role.PROCUREMENT_OFFICER, Role.COORDINATOR);
        e.put("GET /api/v1/capacity/lines", get("/api/v1/capacity/lines?limit=500", c -> true, this::foreignIds));
        e.put("GET /api/v1/capacity/lines/{id}", get("/api/v1/capacity/lines/" + lineOwn, ownLine,
                this::foreignIds));
        e.put("POST /api/v1/capacity/lines", write("POST", c -> "/api/v1/capacity/lines", c -> """
                {"supplier":"%s","item":"%s","site":"%s","name":"line","firstWeek":"%s","horizonWeeks":26,
                 "capacityPerWeek":1000,"unitPriceMinor":900,"currency":"EUR","leadTimeWeeks":4,"framework":true,
                 "releasableTo":["%s"]}""".formatted(OWN, ITEM, AccessWorld.DEPOT, week, GROUP), writer));
        e.put("PATCH /api/v1/capacity/lines/{id}", write("PATCH",
                c -> "/api/v1/capacity/lines/" + line(OWN, Set.of(GROUP)),
                c -> "{\"capacityPerWeek\":1200,\"version\":1}", writer));
        e.put("GET /api/v1/capacity/reservations", get("/api/v1/capacity/reservations?limit=500",
                AccessMatrixTest::signedIn, this::foreignIds));
        e.put("GET /api/v1/capacity/reservations/{id}", get("/api/v1/capacity/reservations/" + reservationOwn,
                c -> readable(c, OWN, Set.of(GROUP, SUPPLIER)), this::foreignIds));
        String reserveOn = linePublic;
        e.put("POST /api/v1/capacity/reservations", write("POST", c -> "/api/v1/capacity/reservations", c -> """
                {"line":"%s","week":"%s","quantity":1,"reserver":"%s","referenceKind":"CONTRACT",
                 "referenceId":"CT-X1","framework":false,"releasableTo":["%s"]}"""
                .formatted(reserveOn, week, OWN, GROUP), writer));
        e.put("POST /api/v1/capacity/reservations/{id}/release", write("POST",
                c -> "/api/v1/capacity/reservations/" + reserve(reserveOn, OWN, Set.of(GROUP)) + "/release",
                c -> "{\"version\":1}", writer));
        e.put("GET /api/v1/capacity/order-book", get("/api/v1/capacity/order-book?item=" + ITEM + "&from=" + week
                + "&weeks=4", c -> true, this::wrongBook));
        e.put("GET /api/v1/capacity/alerts", get("/api/v1/capacity/alerts?from=" + week + "&weeks=8", c -> true,
                this::foreignIds));
        e.put("GET /capacity", get("/capacity", c -> true, this::foreignIds));
        e.put("GET /capacity/lines/{id}", get("/capacity/lines/" + lineOwn, ownLine, this::foreignIds));
    }

    /** A framework line of {@code supplier} for 26 weeks from this week, 1000 units a week. */
    private String line(String supplier, Set<String> marking) {
        return app.capacity().publish(new PublishLine(supplier, ITEM, AccessWorld.DEPOT, "line of " + supplier, week,
                26, 1000L, List.of(), 900L, "EUR", 4, true, marking), Actor.SYSTEM).publicId();
    }

    /** One unit of this week of {@code line} for {@code reserver} (the line's supplier is added by the domain). */
    private String reserve(String line, String reserver, Set<String> marking) {
        return app.capacity().reserve(new ReserveSlot(line, week, 1L, reserver, "CONTRACT", "CT-X1", false,
                marking), Actor.SYSTEM).publicId();
    }

    // ---- procurement ----------------------------------------------------------------------------

    /** How far a procedure is taken before the cells act on it. */
    enum Stage {
        /** Aggregating, nobody joined yet, cut-off far ahead. */
        OPENED_EMPTY,
        /** Aggregating with its participants' demand, cut-off far ahead. */
        AGGREGATING,
        /** Still aggregating, the cut-off passed: ready to publish. */
        CUT_OFF,
        /** Published, bids sealed, the deadline far ahead. */
        PUBLISHED,
        /** Published, bids sealed, the deadline passed. */
        CLOSED,
        OPENING_REQUESTED,
        OPENED,
        EVALUATED,
        STANDSTILL,
        CONTRACTED
    }

    /**
     * A procedure of {@code lead} for one lot of {@link #ITEM} with the {@code participants}
     * (each commits {@link #COMMITTED}) and the {@code bidders} (the first bids lowest), taken
     * to {@code stage}; weighted (price and quality) or lowest price; contracts for the group or
     * per buyer.
     */
    record Spec(String lead, List<String> participants, List<String> bidders, boolean weighted, boolean group,
                Stage stage) {}

    /** A procedure to be made; {@link #id} once it is. */
    static final class Planned {
        final Spec spec;
        String id;

        Planned(Spec spec) {
            this.spec = spec;
        }
    }

    private final List<Planned> planned = new ArrayList<>();

    private Planned plan(Spec spec) {
        Planned p = new Planned(spec);
        planned.add(p);
        return p;
    }

    /**
     * Procedures for the cells of one write route: a fresh one for each caller the reference lets
     * act, so that one who succeeded does not turn the next one's 2xx into a 409; the callers it
     * refuses share one, which none of them may change (one that does has already failed the test).
     */
    private Function<Caller, String> pool(Spec spec, Predicate<Caller> allowed) {
        List<Planned> fresh = new ArrayList<>();
        for (Caller c : matrix.callers) if (allowed.test(c)) fresh.add(plan(spec));
        Planned shared = plan(spec);
        int[] next = {0};
        return c -> {
            if (!allowed.test(c)) return shared.id;
            if (next[0] >= fresh.size()) throw new IllegalStateException("more allowed cells than procedures made");
            return fresh.get(next[0]++).id;
        };
    }

    /** The owner's procurement officers: they run its procedures and sign for it. */
    static boolean leadsForOwner(Caller c) {
        return own(c, OWN, Role.PROCUREMENT_OFFICER);
    }

    /** The owner's procurement officers and coordinators: they bid, ask and complain as its supplier. */
    static boolean suppliesForOwner(Caller c) {
        return own(c, OWN, Role.PROCUREMENT_OFFICER, Role.COORDINATOR);
    }

    private static Spec owners(Stage stage) {
        return new Spec(OWN, List.of(OWN, PARTNER), List.of(SUPPLIER), false, true, stage);
    }

    private static Spec leads(Stage stage) {
        return new Spec(LEAD, List.of(PARTNER), List.of(), false, false, stage);
    }

    private void procurement(Map<String, Entry> e) {
        Planned aggregating = plan(owners(Stage.AGGREGATING));
        Planned published = plan(owners(Stage.PUBLISHED));
        Planned weighted = plan(new Spec(OWN, List.of(OWN, PARTNER), List.of(SUPPLIER, UNRELATED), true, true,
                Stage.OPENED));
        Planned complained = plan(owners(Stage.OPENED));
        Planned perBuyer = plan(new Spec(OWN, List.of(OWN, PARTNER), List.of(SUPPLIER, UNRELATED), false, false,
                Stage.CONTRACTED));
        Planned framework = plan(owners(Stage.CONTRACTED));
        Planned tendered = plan(new Spec(LEAD, List.of(PARTNER), List.of(OWN, SUPPLIER, UNRELATED), false, false,
                Stage.PUBLISHED));
        Planned contested = plan(new Spec(LEAD, List.of(PARTNER), List.of(OWN, SUPPLIER), false, false,
                Stage.EVALUATED));
        plan(new Spec(LEAD, List.of(PARTNER), List.of(OWN), false, false, Stage.CONTRACTED));
        Predicate<Caller> lead = MatrixProcurementEntries::leadsForOwner;
        Function<Caller, String> joinable = pool(new Spec(OWN, List.of(), List.of(), false, true, Stage.OPENED_EMPTY),
                lead);
        Function<Caller, String> cutOff = pool(owners(Stage.CUT_OFF), lead);
        Function<Caller, String> closed = pool(owners(Stage.CLOSED), lead);
        Function<Caller, String> closedForForm = pool(owners(Stage.CLOSED), lead);
        Function<Caller, String> requested = pool(owners(Stage.OPENING_REQUESTED), lead);
        Function<Caller, String> opened = pool(owners(Stage.OPENED), lead);
        Function<Caller, String> evaluated = pool(owners(Stage.EVALUATED), lead);
        Function<Caller, String> standstill = pool(owners(Stage.STANDSTILL), lead);
        Function<Caller, String> biddable = pool(leads(Stage.PUBLISHED), MatrixProcurementEntries::suppliesForOwner);
        Function<Caller, String> biddableByForm = pool(leads(Stage.PUBLISHED),
                MatrixProcurementEntries::suppliesForOwner);
        build();
        List<String> questions = new ArrayList<>();
        List<String> complaints = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            questions.add(app.procurement().ask(published.id, new ProcurementCommands.Ask(SUPPLIER, "question " + i),
                    Actor.SYSTEM).id());
            complaints.add(app.procurement().lodgeComplaint(complained.id, new ProcurementCommands.LodgeComplaint(
                    SUPPLIER, "complaint " + i), Actor.SYSTEM).id());
        }
        procedures(e, aggregating, published, perBuyer, joinable, cutOff, questions);
        steps(e, closed, closedForForm, requested, opened, evaluated, standstill, complained, complaints);
        bids(e, tendered, contested, weighted, biddable, biddableByForm);
        contracts(e, framework);
    }

    private void procedures(Map<String, Entry> e, Planned aggregating, Planned published, Planned perBuyer,
                            Function<Caller, String> joinable, Function<Caller, String> cutOff,
                            List<String> questions) {
        String p = "/api/v1/procurements";
        Predicate<Caller> lead = MatrixProcurementEntries::leadsForOwner;
        Predicate<Caller> seesOwners = c -> readable(c, OWN, Set.of(OWN, PARTNER));
        e.put("GET " + p, get(p + "?limit=500", AccessMatrixTest::signedIn, strictProcedures(null)));
        e.put("POST " + p, write("POST", c -> p, c -> """
                {"leadBuyer":"%s","title":"Matrix procedure","kind":"OPEN","evaluation":"LOWEST_PRICE",
                 "currency":"EUR","commitUntil":"%s","bidsUntil":"%s",
                 "lots":[{"item":"%s","estimateMinor":%d}]}""".formatted(OWN, now().plus(Duration.ofDays(1)),
                now().plus(Duration.ofDays(2)), ITEM, ESTIMATE_MINOR), lead));
        e.put("GET " + p + "/{id}", get(p + "/" + perBuyer.id, seesOwners, strictProcedures(perBuyer.id)));
        e.put("POST " + p + "/{id}/participants", write("POST", c -> p + "/" + joinable.apply(c) + "/participants",
                c -> "{\"buyer\":\"%s\",\"budgetMinor\":1000000000,\"fundingSource\":\"national budget\"}"
                        .formatted(PARTNER), lead));
        // a participant commits its own demand: the buyer named is the caller's organisation
        e.put("POST " + p + "/{id}/commitments", write("POST", c -> p + "/" + aggregating.id + "/commitments",
                c -> "{\"buyer\":\"%s\",\"lot\":1,\"quantity\":10}".formatted(orgOf(c)),
                c -> holds(c, Role.PROCUREMENT_OFFICER, Role.FUND_OFFICER) && released(c, OWN, Set.of(OWN, PARTNER))
                        && Set.of(OWN, PARTNER).contains(c.org())));
        e.put("POST " + p + "/{id}/publish", versioned("POST", c -> p + "/" + cutOff.apply(c) + "/publish", lead,
                id -> "{\"notice\":\"Matrix notice\",\"version\":%d}".formatted(version(id))));
        e.put("GET /api/v1/procurement-notices", get("/api/v1/procurement-notices?limit=500", c -> true,
                this::aggregatingNotices));
        e.put("GET " + p + "/{id}/notice", get(p + "/" + published.id + "/notice", c -> true, null));
        int[] question = {0};
        e.put("POST " + p + "/{id}/questions/{question}/answer", write("POST",
                c -> p + "/" + published.id + "/questions/" + questions.get(question[0]++) + "/answer",
                c -> "{\"answer\":\"Deliveries start in spring.\"}", lead));
        e.put("PUT /api/v1/procurement-suppliers/{code}", write("PUT", c -> "/api/v1/procurement-suppliers/" + SUPPLIER,
                c -> "{\"verified\":true,\"excluded\":false}", c -> platform(c, Role.ADMIN)));
        e.put("GET /api/v1/red-flags", get("/api/v1/red-flags", AccessMatrixTest::signedIn, strictProcedures(null)));
        e.put("GET /procurements", get("/procurements", c -> true, this::foreignInProcurementList));
        e.put("GET /procurements/{id}", get("/procurements/" + perBuyer.id, seesOwners,
                strictProcedures(perBuyer.id)));
        e.put("GET /procurements/{id}/bid", get("/procurements/" + published.id + "/bid", c -> true, null));
    }

    private void steps(Map<String, Entry> e, Function<Caller, String> closed, Function<Caller, String> closedForForm,
                       Function<Caller, String> requested, Function<Caller, String> opened,
                       Function<Caller, String> evaluated, Function<Caller, String> standstill, Planned complained,
                       List<String> complaints) {
        String p = "/api/v1/procurements";
        Predicate<Caller> lead = MatrixProcurementEntries::leadsForOwner;
        Map<String, Function<Caller, String>> steps = Map.of("request-opening", closed, "confirm-opening", requested,
                "evaluate", opened, "award", evaluated, "contracts", standstill);
        steps.forEach((step, pool) -> e.put("POST " + p + "/{id}/" + step, versioned("POST",
                c -> p + "/" + pool.apply(c) + "/" + step, lead, id -> "{\"version\":%d}".formatted(version(id)))));
        e.put("POST /procurements/{id}/step", new Entry(c -> {
            String id = closedForForm.apply(c);
            return new Call("POST", "/procurements/" + id + "/step", "step=request-opening&version=" + version(id),
                    true);
        }, lead, null, false));
        e.put("GET " + p + "/{id}/complaints", get(p + "/" + complained.id + "/complaints",
                c -> readable(c, OWN, Set.of(OWN, PARTNER)), strictProcedures(complained.id)));
        int[] complaint = {0};
        e.put("POST " + p + "/{id}/complaints/{complaint}/decision", write("POST",
                c -> p + "/" + complained.id + "/complaints/" + complaints.get(complaint[0]++) + "/decision",
                c -> "{\"upheld\":false,\"decision\":\"The evaluation followed the notice.\"}", lead));
    }

    private void bids(Map<String, Entry> e, Planned tendered, Planned contested, Planned weighted,
                      Function<Caller, String> biddable, Function<Caller, String> biddableByForm) {
        String p = "/api/v1/procurements";
        Predicate<Caller> supplier = MatrixProcurementEntries::suppliesForOwner;
        Predicate<Caller> lead = MatrixProcurementEntries::leadsForOwner;
        e.put("POST " + p + "/{id}/bids", write("POST", c -> p + "/" + biddable.apply(c) + "/bids", c -> """
                {"supplier":"%s","lot":1,"unitPriceMinor":%d,"deliveryWeeks":4,"note":"matrix"}"""
                .formatted(OWN, PRICE_MINOR), supplier));
        e.put("POST /procurements/{id}/bid", new Entry(c -> new Call("POST", "/procurements/" + biddableByForm.apply(c)
                + "/bid", "supplier=%s&lot=1&unitPriceMinor=%d&deliveryWeeks=4&note=matrix".formatted(OWN, PRICE_MINOR),
                true), supplier, null, false));
        // sealed: each supplier sees its own envelope and nobody sees another's, the lead buyer included
        e.put("GET " + p + "/{id}/bids", get(p + "/" + tendered.id + "/bids", AccessMatrixTest::signedIn,
                lenientProcedures(tendered.id)));
        e.put("POST " + p + "/{id}/questions", write("POST", c -> p + "/" + tendered.id + "/questions",
                c -> "{\"supplier\":\"%s\",\"question\":\"May deliveries be split?\"}".formatted(OWN), supplier));
        e.put("POST " + p + "/{id}/complaints", write("POST", c -> p + "/" + contested.id + "/complaints",
                c -> "{\"complainant\":\"%s\",\"grounds\":\"The winner's price is abnormally low.\"}".formatted(OWN),
                supplier));
        List<String> weightedBids = app.procurement().bids(weighted.id, Actor.SYSTEM).stream().map(Bid::publicId)
                .toList();
        e.put("POST " + p + "/{id}/scores", write("POST", c -> p + "/" + weighted.id + "/scores",
                c -> "{\"bid\":\"%s\",\"criterion\":\"quality\",\"score\":60}".formatted(weightedBids.get(0)), lead));
        e.put("POST " + p + "/{id}/disqualifications", write("POST", c -> p + "/" + weighted.id + "/disqualifications",
                c -> "{\"bid\":\"%s\",\"reason\":\"incomplete\"}".formatted(weightedBids.get(1)), lead));
        e.put("GET /procurements/{id}/evaluation", get("/procurements/" + weighted.id + "/evaluation",
                c -> readable(c, OWN, Set.of(OWN, PARTNER)), strictProcedures(weighted.id)));
        e.put("POST /procurements/{id}/evaluation", new Entry(c -> new Call("POST", "/procurements/" + weighted.id
                + "/evaluation", "bid=%s&criterion=quality&score=70".formatted(weightedBids.get(0)), true), lead, null,
                false));
    }

    private void contracts(Map<String, Entry> e, Planned framework) {
        Contract group = app.procurement().contracts(framework.id, null, 10, Actor.SYSTEM).items().get(0);
        String k = group.publicId();
        List<ProcurementCommands.MilestoneSpec> milestones = new ArrayList<>();
        for (int i = 0; i < cells; i++) milestones.add(new ProcurementCommands.MilestoneSpec("DELIVERY", 10L,
                week.plusWeeks(10)));
        app.procurement().changeContract(k, new ProcurementCommands.ChangeContract(null, milestones, null,
                "milestones for the matrix", group.version()), Actor.SYSTEM);
        List<String> milestoneIds = app.procurement().contract(k, Actor.SYSTEM).milestones().stream()
                .map(Contract.Milestone::id).toList();
        String callOffOwn = app.procurement().callOff(k, new ProcurementCommands.PlaceCallOff(OWN, 10L,
                week.plusWeeks(8)), Actor.SYSTEM).publicId();
        String callOffPartner = app.procurement().callOff(k, new ProcurementCommands.PlaceCallOff(PARTNER, 10L,
                week.plusWeeks(8)), Actor.SYSTEM).publicId();
        // deliveries against the contract and each call-off: a list of them names the call-offs
        for (String against : List.of(k, callOffOwn, callOffPartner)) {
            app.procurement().recordDelivery(against, new ProcurementCommands.RecordDelivery(1L, week, "setup"),
                    Actor.SYSTEM);
        }
        String c = "/api/v1/contracts";
        Predicate<Caller> buyer = MatrixProcurementEntries::leadsForOwner;
        Predicate<Caller> seesContract = x -> readable(x, OWN, Set.of(PARTNER, SUPPLIER));
        e.put("GET " + c, get(c + "?limit=500", AccessMatrixTest::signedIn, lenientProcedures(null)));
        e.put("GET " + c + "/{id}", get(c + "/" + k, seesContract, lenientProcedures(null)));
        e.put("GET " + c + "/{id}/progress", get(c + "/" + k + "/progress", seesContract, lenientProcedures(null)));
        e.put("GET " + c + "/{id}/deliveries", get(c + "/" + k + "/deliveries", seesContract,
                lenientProcedures(null)));
        e.put("PATCH " + c + "/{id}", versioned("PATCH", x -> c + "/" + k, buyer,
                id -> "{\"guaranteeMinor\":%d,\"rationale\":\"bank guarantee renewed\",\"version\":%d}"
                        .formatted(matrix.unique.incrementAndGet(), contractVersion(k))));
        int[] milestone = {0};
        e.put("POST " + c + "/{id}/milestones/{milestone}/pay", versioned("POST",
                x -> c + "/" + k + "/milestones/" + milestoneIds.get(milestone[0]++) + "/pay", buyer,
                id -> "{\"version\":%d}".formatted(contractVersion(k))));
        // a party calls off in its own name: the buyer named is the caller's organisation
        e.put("POST " + c + "/{id}/call-offs", write("POST", x -> c + "/" + k + "/call-offs",
                x -> "{\"buyer\":\"%s\",\"quantity\":1,\"dueOn\":\"%s\"}".formatted(orgOf(x), week.plusWeeks(8)),
                x -> holds(x, Role.PROCUREMENT_OFFICER, Role.FUND_OFFICER)
                        && released(x, OWN, Set.of(PARTNER, SUPPLIER)) && Set.of(OWN, PARTNER).contains(x.org())));
        e.put("GET " + c + "/{id}/call-offs", get(c + "/" + k + "/call-offs", AccessMatrixTest::signedIn,
                lenientProcedures(null)));
        e.put("GET /api/v1/call-offs/{id}", get("/api/v1/call-offs/" + callOffOwn,
                x -> readable(x, OWN, Set.of(SUPPLIER)), lenientProcedures(null)));
        String delivery = "{\"quantity\":1,\"deliveredOn\":\"%s\",\"reference\":\"matrix\"}".formatted(week);
        e.put("POST " + c + "/{id}/deliveries", write("POST", x -> c + "/" + k + "/deliveries", x -> delivery,
                x -> holds(x, Role.LOGISTICIAN) && released(x, OWN, Set.of(PARTNER, SUPPLIER))));
        // a call-off is its buyer's, released to the supplier and the contract's buyer: the partner is neither
        e.put("POST /api/v1/call-offs/{id}/deliveries", write("POST", x -> "/api/v1/call-offs/" + callOffOwn
                + "/deliveries", x -> delivery, x -> holds(x, Role.LOGISTICIAN) && released(x, OWN, Set.of(SUPPLIER))));
        e.put("GET /contracts/{id}", get("/contracts/" + k, seesContract, lenientProcedures(null)));
    }

    /** Makes every planned procedure, moving the clock past the cut-off and the deadline on the way. */
    private void build() {
        Instant start = now();
        var p = app.procurement();
        for (Planned x : planned) {
            Spec s = x.spec;
            boolean far = s.stage().compareTo(Stage.AGGREGATING) <= 0;
            boolean open = s.stage() == Stage.CUT_OFF || s.stage() == Stage.PUBLISHED;
            Instant commitUntil = far ? start.plus(Duration.ofDays(30)) : start.plus(CUT_OFF);
            Instant bidsUntil = far || open ? start.plus(Duration.ofDays(60)) : start.plus(DEADLINE);
            List<ProcurementCommands.CriterionSpec> criteria = s.weighted() ? List.of(
                    new ProcurementCommands.CriterionSpec("price", 7000),
                    new ProcurementCommands.CriterionSpec("quality", 3000)) : null;
            x.id = p.open(new ProcurementCommands.OpenProcedure(s.lead(), "Matrix " + s.stage(), "FRAMEWORK",
                    s.weighted() ? "WEIGHTED" : "LOWEST_PRICE", criteria, "EUR", s.group(), 2000, 0, commitUntil,
                    bidsUntil, List.of(new ProcurementCommands.LotSpec(ITEM, null, ESTIMATE_MINOR)), null),
                    Actor.SYSTEM).publicId();
            for (String buyer : s.participants()) {
                p.join(x.id, new ProcurementCommands.Join(buyer, 1_000_000_000L, "national budget"), Actor.SYSTEM);
                p.commit(x.id, new ProcurementCommands.Commit(buyer, 1, COMMITTED), Actor.SYSTEM);
            }
        }
        matrix.clock.advance(CUT_OFF);
        for (Planned x : planned) {
            if (x.spec.stage().compareTo(Stage.PUBLISHED) < 0) continue;
            p.publish(x.id, new ProcurementCommands.Publish("Matrix notice", version(x.id)), Actor.SYSTEM);
            long price = PRICE_MINOR;
            for (String bidder : x.spec.bidders()) {
                String bid = p.submitBid(x.id, new ProcurementCommands.SubmitBid(bidder, 1, price, 4, "matrix"),
                        Actor.SYSTEM).bid();
                bidProcedure.put(bid, x.id);
                price += 50;
            }
        }
        matrix.clock.advance(DEADLINE.minus(CUT_OFF));
        for (Planned x : planned) advance(x);
    }

    /** Takes a closed procedure to its stage: two people of the lead buyer open it (four eyes). */
    private void advance(Planned x) {
        Stage stage = x.spec.stage();
        if (stage.compareTo(Stage.OPENING_REQUESTED) < 0) return;
        var p = app.procurement();
        Actor opener = new Actor("matrix-opener", x.spec.lead(), Set.of(), Set.of(Role.PROCUREMENT_OFFICER.name()));
        Actor confirmer = new Actor("matrix-confirmer", x.spec.lead(), Set.of(),
                Set.of(Role.PROCUREMENT_OFFICER.name()));
        p.requestOpening(x.id, version(x.id), opener);
        if (stage.compareTo(Stage.OPENED) < 0) return;
        p.confirmOpening(x.id, version(x.id), confirmer);
        if (stage.compareTo(Stage.EVALUATED) < 0) return;
        p.evaluate(x.id, version(x.id), opener);
        if (stage.compareTo(Stage.STANDSTILL) < 0) return;
        p.award(x.id, version(x.id), opener);
        if (stage.compareTo(Stage.CONTRACTED) < 0) return;
        p.conclude(x.id, version(x.id), opener);
    }

    // ---- entries' helpers -------------------------------------------------------------------------

    private static Entry get(String path, Predicate<Caller> allowed, RowCheck rows) {
        return new Entry(c -> new Call("GET", path, null, false), allowed, rows, false);
    }

    private static Entry write(String method, Function<Caller, String> path, Function<Caller, String> body,
                               Predicate<Caller> allowed) {
        return new Entry(c -> new Call(method, path.apply(c), body.apply(c), false), allowed, null, false);
    }

    /** A write whose body depends on the record the path names (its version, read when the cell runs). */
    private static Entry versioned(String method, Function<Caller, String> path, Predicate<Caller> allowed,
                                   Function<String, String> body) {
        return new Entry(c -> {
            String p = path.apply(c);
            return new Call(method, p, body.apply(idIn(p)), false);
        }, allowed, null, false);
    }

    /** The first record id in {@code path}. */
    private static String idIn(String path) {
        Matcher m = IDS.matcher(path);
        return m.find() ? m.group() : null;
    }

    /** The organisation a caller acts for (the owner's, for nobody's). */
    private static String orgOf(Caller c) {
        return c.anonymous() ? OWN : c.org();
    }

    private Instant now() {
        return matrix.clock.instant();
    }

    private long version(String procedure) {
        return app.procurement().get(procedure, Actor.SYSTEM).version();
    }

    private long contractVersion(String contract) {
        return app.procurement().contract(contract, Actor.SYSTEM).version();
    }

    // ---- the reference's markings -----------------------------------------------------------------

    /** Who owns a record and whom it is released to. */
    record Marking(String owner, Set<String> releasedTo) {}

    /**
     * The markings of records by id, as the contexts' rules give them: a line is its supplier's;
     * a reservation its reserver's, released to the line's supplier too; a procedure its lead
     * buyer's, released to its participants; a bid its supplier's alone while sealed, then also
     * the lead buyer's and the participants'; a complaint is seen by whoever sees its procedure;
     * a group contract is the lead buyer's, released to the participants and the supplier, a
     * buyer's contract released to the supplier and the lead buyer; a call-off is its buyer's,
     * released to the supplier and the contract's buyer. Records are read as they stand when one
     * reply is checked, each once.
     */
    private final class Lookup {
        private final Map<String, Marking> markings = new HashMap<>();
        private final Map<String, Procedure> procedures = new HashMap<>();
        private final Map<String, List<Bid>> bids = new HashMap<>();

        Procedure procedure(String id) {
            return procedures.computeIfAbsent(id, x -> app.procurement().get(x, Actor.SYSTEM));
        }

        boolean published(String procedure) {
            return !"AGGREGATING".equals(procedure(procedure).status().name());
        }

        boolean sees(Caller c, String id, String procedure) {
            Marking m = marking(id, procedure);
            return readable(c, m.owner(), m.releasedTo());
        }

        Marking marking(String id, String procedure) {
            Marking known = markings.get(id);
            if (known != null) return known;
            Marking m = read(id, procedure);
            markings.put(id, m);
            return m;
        }

        private Marking read(String id, String procedure) {
            var p = app.procurement();
            String prefix = id.substring(0, id.indexOf('-'));
            switch (prefix) {
                case "PL" -> {
                    ProductionLine l = app.capacity().line(id, Actor.SYSTEM);
                    return new Marking(l.supplier(), l.releasableTo());
                }
                case "CR" -> {
                    Reservation r = app.capacity().reservation(id, Actor.SYSTEM);
                    return new Marking(r.reserver(), plus(r.releasableTo(), r.supplier()));
                }
                case "PR" -> {
                    return procedureMarking(procedure(id));
                }
                case "CMP" -> {
                    return procedureMarking(procedure(procedure));
                }
                case "BID" -> {
                    String of = bidProcedure.getOrDefault(id, procedure);
                    Procedure pr = procedure(of);
                    Bid b = bids.computeIfAbsent(of, x -> p.bids(x, Actor.SYSTEM)).stream()
                            .filter(x -> x.publicId().equals(id)).findFirst()
                            .orElseThrow(() -> new AssertionError("bid " + id + " is not one of " + of));
                    if ("SEALED".equals(b.status())) return new Marking(b.supplier(), Set.of());
                    return new Marking(b.supplier(), plus(procedureMarking(pr).releasedTo(), pr.leadBuyer()));
                }
                case "CT" -> {
                    Contract k = p.contract(id, Actor.SYSTEM);
                    Procedure pr = procedure(k.procedure());
                    if (pr.groupContract()) {
                        return new Marking(pr.leadBuyer(), minus(plus(procedureMarking(pr).releasedTo(),
                                k.supplier()), pr.leadBuyer()));
                    }
                    return new Marking(k.buyer(), minus(Set.of(k.supplier(), pr.leadBuyer()), k.buyer()));
                }
                case "CO" -> {
                    CallOff o = p.callOff(id, Actor.SYSTEM);
                    Contract k = p.contract(o.contract(), Actor.SYSTEM);
                    return new Marking(o.buyer(), minus(Set.of(k.supplier(), k.buyer()), o.buyer()));
                }
                default -> throw new IllegalArgumentException("no marking for " + id);
            }
        }
    }

    private static Marking procedureMarking(Procedure p) {
        Set<String> participants = new TreeSet<>();
        for (Procedure.Participant x : p.participants()) participants.add(x.buyer());
        return new Marking(p.leadBuyer(), participants);
    }

    private static Set<String> plus(Set<String> set, String code) {
        Set<String> out = new TreeSet<>(set);
        out.add(code);
        return out;
    }

    private static Set<String> minus(Set<String> set, String code) {
        Set<String> out = new TreeSet<>(set);
        out.remove(code);
        return out;
    }

    // ---- row checks -----------------------------------------------------------------------------

    /** Every record id in the reply (JSON or page) must be one the caller may see. */
    private List<String> foreignIds(Caller c, Reply reply) {
        return foreign(c, reply.body(), null, true);
    }

    /** As {@link #foreignIds}, a procedure's own rows (bids, complaints) being those of {@code procedure}. */
    private RowCheck strictProcedures(String procedure) {
        return (c, reply) -> foreign(c, reply.body(), procedure, true);
    }

    /**
     * As {@link #strictProcedures}, but a published procedure's id may appear to anyone: its notice
     * is public, and a contract or bid names its procedure to a supplier that does not take part.
     */
    private RowCheck lenientProcedures(String procedure) {
        return (c, reply) -> foreign(c, reply.body(), procedure, false);
    }

    private List<String> foreign(Caller c, String body, String procedure, boolean strictProcedures) {
        return foreign(new Lookup(), c, body, procedure, strictProcedures);
    }

    private List<String> foreign(Lookup lookup, Caller c, String body, String procedure, boolean strictProcedures) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = IDS.matcher(body);
        while (m.find()) ids.add(m.group());
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (lookup.sees(c, id, procedure)) continue;
            if (!strictProcedures && id.startsWith("PR-") && lookup.published(id)) continue;
            Marking mk = lookup.marking(id, procedure);
            out.add(id + " of " + mk.owner() + " released to " + mk.releasedTo());
        }
        return out;
    }

    /** Notices are public once published: an aggregating procedure must not be among them. */
    private List<String> aggregatingNotices(Caller c, Reply reply) {
        Lookup lookup = new Lookup();
        List<String> out = new ArrayList<>();
        for (JsonNode n : reply.json().get("items")) {
            if (!lookup.published(n.get("id").asText())) out.add(n.get("id").asText() + " is still aggregating");
        }
        return out;
    }

    /**
     * The procedures page: the procedures it lists are the caller's to see, the notices it links
     * are published; any other id follows {@link #foreignIds}.
     */
    private List<String> foreignInProcurementList(Caller c, Reply reply) {
        Lookup lookup = new Lookup();
        List<String> out = new ArrayList<>();
        Matcher listed = LISTED_PROCEDURE.matcher(reply.body());
        while (listed.find()) if (!lookup.sees(c, listed.group(1), null)) out.add("listed " + listed.group(1));
        Matcher notice = NOTICE_LINK.matcher(reply.body());
        while (notice.find()) if (!lookup.published(notice.group(1))) out.add("notice of " + notice.group(1));
        out.addAll(foreign(lookup, c, reply.body(), null, false));
        return out;
    }

    /**
     * The order book of {@link #ITEM}: per week, the capacity and the active reservations of the
     * lines the caller may see, and nothing of the others.
     */
    private List<String> wrongBook(Caller c, Reply reply) {
        List<ProductionLine> visible = app.capacity().lines(null, ITEM, null, 500, Actor.SYSTEM).items().stream()
                .filter(l -> readable(c, l.supplier(), l.releasableTo())).toList();
        Map<LocalDate, long[]> expected = new HashMap<>();
        for (ProductionLine l : visible) {
            for (int w = 0; w < 4; w++) {
                LocalDate at = week.plusWeeks(w);
                expected.computeIfAbsent(at, x -> new long[2])[0] += l.terms().capacityIn(at);
            }
            for (Reservation r : app.capacity().reservations(l.publicId(), "ACTIVE", null, 500, Actor.SYSTEM).items()) {
                expected.computeIfAbsent(r.week(), x -> new long[2])[1] += r.quantity();
            }
        }
        List<String> out = new ArrayList<>();
        JsonNode items = reply.json().get("items");
        int lines = items.isEmpty() ? 0 : items.get(0).get("lines").asInt();
        if (lines != visible.size()) out.add(lines + " lines counted, the caller may see " + visible.size());
        for (JsonNode row : items) {
            for (JsonNode cell : row.get("weeks")) {
                long[] want = expected.getOrDefault(LocalDate.parse(cell.get("week").asText()), new long[2]);
                if (cell.get("capacity").asLong() != want[0] || cell.get("reserved").asLong() != want[1]) {
                    out.add(cell + " but the caller's lines hold " + want[0] + " with " + want[1] + " reserved");
                }
            }
        }
        return out;
    }
}
