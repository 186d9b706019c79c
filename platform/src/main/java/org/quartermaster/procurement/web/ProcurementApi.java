package org.quartermaster.procurement.web;

import static org.quartermaster.access.RoutePolicy.anyRole;
import static org.quartermaster.access.RoutePolicy.forAction;
import static org.quartermaster.access.RoutePolicy.publicRoute;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.model.Action;
import org.quartermaster.procurement.Procurement;
import org.quartermaster.procurement.ProcurementCommands.*;
import org.quartermaster.procurement.model.Bid;
import org.quartermaster.procurement.model.CallOff;
import org.quartermaster.procurement.model.Complaint;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.procurement.model.Delivery;
import org.quartermaster.procurement.model.Procedure;
import org.quartermaster.procurement.model.Question;
import org.quartermaster.procurement.model.RedFlag;
import org.quartermaster.procurement.model.ScheduleProgress;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;
import org.quartermaster.shared.Page;

/** JSON routes of joint procurement: procedures, notices, sealed bids, contracts, call-offs, red flags. */
public final class ProcurementApi {
    static final String TAG = "procurement";
    static final String P = "/api/v1/procurements";

    private ProcurementApi() {}

    public record VersionRequest(Long version) {}

    public record ProcedureResponse(String id, String leadBuyer, Set<String> releasableTo, String title, String kind,
                                    String evaluation, List<String> criteria, String currency, boolean groupContract,
                                    int prepaymentCapBasisPoints, int standstillDays, Instant commitUntil,
                                    Instant bidsUntil, Set<String> invited, String notice, String status,
                                    String openingRequestedBy, String openedBy, Instant openedAt,
                                    Instant standstillUntil, long version, List<Procedure.Lot> lots,
                                    List<Procedure.Participant> participants) {}

    public record ProcedurePage(List<ProcedureResponse> items, String next) {}

    public record BidResponse(String id, String procedure, int lot, String supplier, String commitment,
                              Instant submittedAt, String status, Long unitPriceMinor, Integer deliveryWeeks,
                              String note, String disqualifiedWhy, Integer rank, Long score) {}

    public record BidList(List<BidResponse> items) {}

    public record ContractResponse(String id, String procedure, int lot, String item, String buyer,
                                   Set<String> releasableTo, String supplier, boolean framework, long quantity,
                                   long unitPriceMinor, String currency, long valueMinor, long ceilingMinor,
                                   long calledOffQuantity, long calledOffMinor, int prepaymentCapBasisPoints,
                                   long guaranteeMinor, long deliveredQuantity, String status, long version,
                                   Instant signedAt, List<Contract.Week> schedule, List<Contract.Milestone> milestones,
                                   List<Contract.Change> changes) {}

    public record ContractPage(List<ContractResponse> items, String next) {}

    public record ContractList(List<ContractResponse> items) {}

    public record CallOffResponse(String id, String contract, String buyer, String supplier, long quantity,
                                  long valueMinor, String currency, long deliveredQuantity, java.time.LocalDate dueOn,
                                  String status, Instant createdAt) {}

    public record CallOffList(List<CallOffResponse> items) {}

    public record ComplaintList(List<Complaint> items) {}

    public record DeliveryList(List<Delivery> items) {}

    public record NoticePage(List<Procurement.Notice> items, String next) {}

    public record RedFlagList(List<RedFlag> items) {}

    public record EligibilityResponse(String supplier, boolean verified, boolean excluded, String reason) {}

    public static void routes(RouteTable t, Procurement procurement) {
        procedures(t, procurement);
        bids(t, procurement);
        contracts(t, procurement);
    }

    private static void procedures(RouteTable t, Procurement p) {
        t.get(P, TAG, "List the joint procedures visible to the caller", ProcedurePage.class, List.of(
                new Param("status", "AGGREGATING, PUBLISHED, OPENING_REQUESTED, OPENED, EVALUATED, STANDSTILL, CONTRACTED or CANCELLED", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            Page<Procedure> page = p.list(Http.param(ctx, "status"), Http.param(ctx, "after"), Http.intParam(ctx, "limit"),
                    Actors.of(ctx));
            Http.json(ctx, 200, new ProcedurePage(page.items().stream().map(ProcurementApi::response).toList(), page.next()));
        });
        t.post(P, TAG, "Open a joint procedure (demand aggregation until commitUntil)", OpenProcedure.class,
                ProcedureResponse.class, 201, ctx -> {
                    Procedure r = p.open(Http.body(ctx, OpenProcedure.class), Actors.of(ctx));
                    Http.created(ctx, P + "/" + r.publicId(), response(r));
                });
        t.get(P + "/{id}", TAG, "Read one procedure", ProcedureResponse.class,
                ctx -> Http.json(ctx, 200, response(p.get(ctx.pathParam("id"), Actors.of(ctx)))));
        t.post(P + "/{id}/participants", TAG, "Add a participating buyer with its declared budget", Join.class,
                ProcedureResponse.class, 200, ctx -> Http.json(ctx, 200,
                        response(p.join(ctx.pathParam("id"), Http.body(ctx, Join.class), Actors.of(ctx)))));
        t.post(P + "/{id}/commitments", TAG, "Commit a buyer's quantity of a lot (within its budget)", Commit.class,
                ProcedureResponse.class, 200, ctx -> Http.json(ctx, 200,
                        response(p.commit(ctx.pathParam("id"), Http.body(ctx, Commit.class), Actors.of(ctx)))));
        t.post(P + "/{id}/publish", TAG, "Publish the notice of the aggregated demand", Publish.class,
                ProcedureResponse.class, 200, ctx -> Http.json(ctx, 200,
                        response(p.publish(ctx.pathParam("id"), Http.body(ctx, Publish.class), Actors.of(ctx)))));
        t.get("/api/v1/procurement-notices", TAG, "Published notices (public)", NoticePage.class, List.of(
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            var page = p.notices(Http.param(ctx, "after"), Http.intParam(ctx, "limit"));
            Http.json(ctx, 200, new NoticePage(page.items(), page.next()));
        });
        t.get(P + "/{id}/notice", TAG, "A published notice with its answered questions (public)",
                Procurement.Notice.class, ctx -> Http.json(ctx, 200, p.notice(ctx.pathParam("id"))));
        t.post(P + "/{id}/questions", TAG, "A supplier asks a question about the notice", Ask.class, Question.class, 201,
                ctx -> {
                    Question q = p.ask(ctx.pathParam("id"), Http.body(ctx, Ask.class), Actors.of(ctx));
                    Http.created(ctx, P + "/" + ctx.pathParam("id") + "/notice", q);
                });
        t.post(P + "/{id}/questions/{question}/answer", TAG, "Answer a question to every supplier", Answer.class,
                Question.class, 200, ctx -> Http.json(ctx, 200, p.answer(ctx.pathParam("id"), ctx.pathParam("question"),
                        Http.body(ctx, Answer.class), Actors.of(ctx))));
        t.put("/api/v1/procurement-suppliers/{code}", TAG, "Record whether a supplier is verified or excluded",
                Eligibility.class, EligibilityResponse.class, ctx -> {
                    var e = p.vet(ctx.pathParam("code"), Http.body(ctx, Eligibility.class), Actors.of(ctx));
                    Http.json(ctx, 200, new EligibilityResponse(e.supplier(), e.verified(), e.excluded(), e.reason()));
                });
        for (String step : List.of("request-opening", "confirm-opening", "evaluate", "award")) {
            t.post(P + "/{id}/" + step, TAG, "Procedure step: " + step, VersionRequest.class, ProcedureResponse.class, 200,
                    ctx -> {
                        long version = Http.version(Http.body(ctx, VersionRequest.class).version());
                        String id = ctx.pathParam("id");
                        Procedure r = switch (step) {
                            case "request-opening" -> p.requestOpening(id, version, Actors.of(ctx));
                            case "confirm-opening" -> p.confirmOpening(id, version, Actors.of(ctx));
                            case "evaluate" -> p.evaluate(id, version, Actors.of(ctx));
                            default -> p.award(id, version, Actors.of(ctx));
                        };
                        Http.json(ctx, 200, response(r));
                    });
        }
        t.get(P + "/{id}/complaints", TAG, "Complaints of a procedure", ComplaintList.class,
                ctx -> Http.json(ctx, 200, new ComplaintList(p.complaints(ctx.pathParam("id"), Actors.of(ctx)))));
        t.post(P + "/{id}/complaints", TAG, "A bidder lodges a complaint (until the standstill ends)",
                LodgeComplaint.class, Complaint.class, 201, ctx -> {
                    Complaint c = p.lodgeComplaint(ctx.pathParam("id"), Http.body(ctx, LodgeComplaint.class), Actors.of(ctx));
                    Http.created(ctx, P + "/" + ctx.pathParam("id") + "/complaints", c);
                });
        t.post(P + "/{id}/complaints/{complaint}/decision", TAG, "Decide a pending complaint", DecideComplaint.class,
                Complaint.class, 200, ctx -> Http.json(ctx, 200, p.decideComplaint(ctx.pathParam("id"),
                        ctx.pathParam("complaint"), Http.body(ctx, DecideComplaint.class), Actors.of(ctx))));
        t.post(P + "/{id}/contracts", TAG, "Sign the contracts after the standstill", VersionRequest.class,
                ContractList.class, 201, ctx -> {
                    long version = Http.version(Http.body(ctx, VersionRequest.class).version());
                    List<Contract> signed = p.conclude(ctx.pathParam("id"), version, Actors.of(ctx));
                    Http.created(ctx, "/api/v1/contracts?procedure=" + ctx.pathParam("id"),
                            new ContractList(signed.stream().map(ProcurementApi::response).toList()));
                });
        t.get("/api/v1/red-flags", TAG, "Red flags of the procedures and contracts visible to the caller",
                RedFlagList.class, List.of(new Param("procedure", "one procedure's id", String.class)),
                ctx -> Http.json(ctx, 200, new RedFlagList(p.redFlags(Http.param(ctx, "procedure"), Actors.of(ctx)))));
    }

    private static void bids(RouteTable t, Procurement p) {
        t.post(P + "/{id}/bids", TAG, "Submit a sealed bid for a lot before the deadline (once)", SubmitBid.class,
                BidReceipt.class, 201, ctx -> {
                    BidReceipt r = p.submitBid(ctx.pathParam("id"), Http.body(ctx, SubmitBid.class), Actors.of(ctx));
                    Http.created(ctx, P + "/" + r.procedure() + "/bids", r);
                });
        t.get(P + "/{id}/bids", TAG, "Bids visible to the caller: envelopes before the opening, content after",
                BidList.class, ctx -> Http.json(ctx, 200, new BidList(p.bids(ctx.pathParam("id"), Actors.of(ctx)).stream()
                        .map(ProcurementApi::response).toList())));
        t.post(P + "/{id}/scores", TAG, "Record the caller's score of an opened bid on a criterion", Score.class,
                BidResponse.class, 200, ctx -> Http.json(ctx, 200,
                        response(p.score(ctx.pathParam("id"), Http.body(ctx, Score.class), Actors.of(ctx)))));
        t.post(P + "/{id}/disqualifications", TAG, "Disqualify an opened bid with a reason", Disqualify.class,
                BidResponse.class, 200, ctx -> Http.json(ctx, 200,
                        response(p.disqualify(ctx.pathParam("id"), Http.body(ctx, Disqualify.class), Actors.of(ctx)))));
    }

    private static void contracts(RouteTable t, Procurement p) {
        t.get("/api/v1/contracts", TAG, "Contracts visible to the caller", ContractPage.class, List.of(
                new Param("procedure", "one procedure's id", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            Page<Contract> page = p.contracts(Http.param(ctx, "procedure"), Http.param(ctx, "after"),
                    Http.intParam(ctx, "limit"), Actors.of(ctx));
            Http.json(ctx, 200, new ContractPage(page.items().stream().map(ProcurementApi::response).toList(), page.next()));
        });
        t.get("/api/v1/contracts/{id}", TAG, "Read one contract", ContractResponse.class,
                ctx -> Http.json(ctx, 200, response(p.contract(ctx.pathParam("id"), Actors.of(ctx)))));
        t.get("/api/v1/contracts/{id}/progress", TAG,
                "The schedule against deliveries today: per week, delivery milestone and call-off, days late",
                ScheduleProgress.class, ctx -> Http.json(ctx, 200, p.progress(ctx.pathParam("id"), Actors.of(ctx))));
        t.get("/api/v1/contracts/{id}/deliveries", TAG, "The latest deliveries recorded against a contract",
                DeliveryList.class, ctx -> Http.json(ctx, 200, new DeliveryList(p.deliveries(ctx.pathParam("id"),
                        Actors.of(ctx)))));
        t.patch("/api/v1/contracts/{id}", TAG, "Change schedule, milestones or guarantee with a rationale",
                ChangeContract.class, ContractResponse.class, ctx -> Http.json(ctx, 200,
                        response(p.changeContract(ctx.pathParam("id"), Http.body(ctx, ChangeContract.class), Actors.of(ctx)))));
        t.post("/api/v1/contracts/{id}/milestones/{milestone}/pay", TAG, "Mark a milestone paid", VersionRequest.class,
                ContractResponse.class, 200, ctx -> {
                    long version = Http.version(Http.body(ctx, VersionRequest.class).version());
                    Http.json(ctx, 200, response(p.payMilestone(ctx.pathParam("id"), ctx.pathParam("milestone"), version,
                            Actors.of(ctx))));
                });
        t.post("/api/v1/contracts/{id}/call-offs", TAG, "Call off under a framework contract (within its ceiling)",
                PlaceCallOff.class, CallOffResponse.class, 201, ctx -> {
                    CallOff o = p.callOff(ctx.pathParam("id"), Http.body(ctx, PlaceCallOff.class), Actors.of(ctx));
                    Http.created(ctx, "/api/v1/call-offs/" + o.publicId(), response(o));
                });
        t.get("/api/v1/contracts/{id}/call-offs", TAG, "Call-offs of a contract visible to the caller",
                CallOffList.class, ctx -> Http.json(ctx, 200, new CallOffList(p.callOffs(ctx.pathParam("id"),
                        Actors.of(ctx)).stream().map(ProcurementApi::response).toList())));
        t.get("/api/v1/call-offs/{id}", TAG, "Read one call-off", CallOffResponse.class,
                ctx -> Http.json(ctx, 200, response(p.callOff(ctx.pathParam("id"), Actors.of(ctx)))));
        t.post("/api/v1/contracts/{id}/deliveries", TAG, "Record a delivery against a contract", RecordDelivery.class,
                ContractResponse.class, 201, ctx -> Http.json(ctx, 201, response(p.recordDelivery(ctx.pathParam("id"),
                        Http.body(ctx, RecordDelivery.class), Actors.of(ctx)))));
        t.post("/api/v1/call-offs/{id}/deliveries", TAG, "Record a delivery against a call-off", RecordDelivery.class,
                ContractResponse.class, 201, ctx -> Http.json(ctx, 201, response(p.recordDelivery(ctx.pathParam("id"),
                        Http.body(ctx, RecordDelivery.class), Actors.of(ctx)))));
    }

    /** The access policy of every route above. */
    public static void policies(RoutePolicies r) {
        r.declare("GET", P, anyRole()).declare("POST", P, forAction(Action.PROCURE))
                .declare("GET", P + "/{id}", anyRole())
                .declare("POST", P + "/{id}/participants", forAction(Action.PROCURE))
                .declare("POST", P + "/{id}/commitments", forAction(Action.JOIN_PROCUREMENT))
                .declare("POST", P + "/{id}/publish", forAction(Action.PROCURE))
                .declare("GET", "/api/v1/procurement-notices", publicRoute())
                .declare("GET", P + "/{id}/notice", publicRoute())
                .declare("POST", P + "/{id}/questions", forAction(Action.BID))
                .declare("POST", P + "/{id}/questions/{question}/answer", forAction(Action.PROCURE))
                .declare("PUT", "/api/v1/procurement-suppliers/{code}", forAction(Action.REGISTER_ORGANISATION))
                .declare("POST", P + "/{id}/request-opening", forAction(Action.PROCURE))
                .declare("POST", P + "/{id}/confirm-opening", forAction(Action.PROCURE))
                .declare("POST", P + "/{id}/evaluate", forAction(Action.PROCURE))
                .declare("POST", P + "/{id}/award", forAction(Action.PROCURE))
                .declare("GET", P + "/{id}/complaints", anyRole())
                .declare("POST", P + "/{id}/complaints", forAction(Action.BID))
                .declare("POST", P + "/{id}/complaints/{complaint}/decision", forAction(Action.PROCURE))
                .declare("POST", P + "/{id}/contracts", forAction(Action.PROCURE))
                .declare("GET", "/api/v1/red-flags", anyRole())
                .declare("POST", P + "/{id}/bids", forAction(Action.BID))
                .declare("GET", P + "/{id}/bids", anyRole())
                .declare("POST", P + "/{id}/scores", forAction(Action.PROCURE))
                .declare("POST", P + "/{id}/disqualifications", forAction(Action.PROCURE))
                .declare("GET", "/api/v1/contracts", anyRole())
                .declare("GET", "/api/v1/contracts/{id}", anyRole())
                .declare("GET", "/api/v1/contracts/{id}/progress", anyRole())
                .declare("GET", "/api/v1/contracts/{id}/deliveries", anyRole())
                .declare("PATCH", "/api/v1/contracts/{id}", forAction(Action.PROCURE))
                .declare("POST", "/api/v1/contracts/{id}/milestones/{milestone}/pay", forAction(Action.PROCURE))
                .declare("POST", "/api/v1/contracts/{id}/call-offs", forAction(Action.JOIN_PROCUREMENT))
                .declare("GET", "/api/v1/contracts/{id}/call-offs", anyRole())
                .declare("GET", "/api/v1/call-offs/{id}", anyRole())
                .declare("POST", "/api/v1/contracts/{id}/deliveries", forAction(Action.RECEIVE))
                .declare("POST", "/api/v1/call-offs/{id}/deliveries", forAction(Action.RECEIVE));
    }

    static ProcedureResponse response(Procedure p) {
        return new ProcedureResponse(p.publicId(), p.leadBuyer(), p.releasableTo(), p.title(), p.kind().name(),
                p.evaluation().name(), p.criteria().stream().map(c -> c.name() + ":" + c.weightBasisPoints()).toList(),
                p.currency(), p.groupContract(), p.prepaymentCapBasisPoints(), p.standstillDays(), p.commitUntil(),
                p.bidsUntil(), p.invited(), p.notice(), p.status().name(), p.openingRequestedBy(), p.openedBy(),
                p.openedAt(), p.standstillUntil(), p.version(), p.lots(), p.participants());
    }

    static BidResponse response(Bid b) {
        var c = b.content();
        return new BidResponse(b.publicId(), b.procedure(), b.lot(), b.supplier(), b.commitment(), b.submittedAt(),
                b.status(), c == null ? null : c.unitPriceMinor(), c == null ? null : c.deliveryWeeks(),
                c == null ? null : c.note(), b.disqualifiedWhy(), b.rank(), b.score());
    }

    static ContractResponse response(Contract k) {
        return new ContractResponse(k.publicId(), k.procedure(), k.lot(), k.item(), k.buyer(), k.releasableTo(),
                k.supplier(), k.framework(), k.quantity(), k.unitPriceMinor(), k.currency(), k.valueMinor(),
                k.ceilingMinor(), k.calledOffQuantity(), k.calledOffMinor(), k.prepaymentCapBasisPoints(),
                k.guaranteeMinor(), k.deliveredQuantity(), k.status(), k.version(), k.signedAt(), k.schedule(),
                k.milestones(), k.changes());
    }

    static CallOffResponse response(CallOff o) {
        return new CallOffResponse(o.publicId(), o.contract(), o.buyer(), o.supplier(), o.quantity(), o.valueMinor(),
                o.currency(), o.deliveredQuantity(), o.dueOn(), o.status(), o.createdAt());
    }
}
