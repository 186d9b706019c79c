package org.quartermaster.planning.web;

import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.quartermaster.planning.AddLane;
import org.quartermaster.planning.Lane;
import org.quartermaster.planning.PlanDiff;
import org.quartermaster.planning.PlanRecord;
import org.quartermaster.planning.PlannedAllocation;
import org.quartermaster.planning.PlannedShortfall;
import org.quartermaster.planning.Planning;
import org.quartermaster.planning.model.PlanWeeks;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Pages;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;

/** JSON routes of plans and lanes. */
public final class PlanningApi {
    private PlanningApi() {}

    public record PlanRequest(Integer horizonWeeks) {}

    public record ApproveRequest(Long version, String approver) {}

    public record PlanResponse(String id, String status, LocalDate start, int horizonWeeks, String inputsDigest,
                               String allocationsDigest, PlanRecord.Objective objective, PlanRecord.Size size,
                               long solveMillis, String proposedBy, String approvedBy, Instant approvedAt,
                               long version, Instant createdAt) {}

    public record PlanPage(List<PlanResponse> items, String next) {}

    public record AllocationResponse(int line, String need, int priority, String sourceKind, String source, String suppliedItem,
                                     String origin, long quantity, int shipWeek, int arrivalWeek, int latenessWeeks,
                                     long moneyCost, long substitutionCost, long latenessCost, String explanation) {}

    public record AllocationList(String plan, List<AllocationResponse> items) {}

    public record ShortfallList(String plan, List<PlannedShortfall> items) {}

    public record LaneRequest(String origin, String destination, Integer transitWeeks, Long costPerUnit) {}

    public record LaneList(List<Lane> items) {}

    public static void routes(RouteTable t, Planning planning) {
        t.post("/api/v1/plans", "planning", "Compute and propose a plan from the current needs and offers",
                PlanRequest.class, PlanResponse.class, 201, ctx -> {
                    PlanRequest r = Http.body(ctx, PlanRequest.class);
                    int horizon = r.horizonWeeks() == null ? PlanWeeks.HORIZON_WEEKS_DEFAULT : r.horizonWeeks();
                    if (horizon < 1 || horizon > PlanWeeks.HORIZON_WEEKS_MAX) {
                        throw new InvalidField("horizonWeeks", "must be between 1 and " + PlanWeeks.HORIZON_WEEKS_MAX);
                    }
                    PlanRecord p = planning.propose(horizon, Actors.of(ctx));
                    Http.created(ctx, "/api/v1/plans/" + p.publicId(), response(p));
                });
        t.get("/api/v1/plans", "planning", "List plans, oldest first", PlanPage.class, List.of(
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            var page = Pages.map(planning.list(Actors.of(ctx), Http.param(ctx, "after"), Http.intParam(ctx, "limit")),
                    PlanningApi::response);
            Http.json(ctx, 200, new PlanPage(page.items(), page.next()));
        });
        t.get("/api/v1/plans/{id}", "planning", "Read one plan", PlanResponse.class,
                ctx -> Http.json(ctx, 200, response(planning.get(ctx.pathParam("id"), Actors.of(ctx)))));
        t.get("/api/v1/plans/{id}/allocations", "planning", "A plan's allocations with explanations",
                AllocationList.class, List.of(new Param("need", "only this need", String.class)), ctx -> {
                    String id = ctx.pathParam("id");
                    List<AllocationResponse> items = planning.allocations(id, Http.param(ctx, "need"), Actors.of(ctx)).stream()
                            .map(PlanningApi::response).toList();
                    Http.json(ctx, 200, new AllocationList(planning.get(id, Actors.of(ctx)).publicId(), items));
                });
        t.get("/api/v1/plans/{id}/shortfalls", "planning", "A plan's shortfalls with what limited them",
                ShortfallList.class, List.of(new Param("need", "only this need", String.class)), ctx -> {
                    String id = ctx.pathParam("id");
                    Http.json(ctx, 200, new ShortfallList(planning.get(id, Actors.of(ctx)).publicId(),
                            planning.shortfalls(id, Http.param(ctx, "need"), Actors.of(ctx))));
                });
        t.get("/api/v1/plans/{id}/diff", "planning", "What changed per need against another plan", PlanDiff.class,
                List.of(new Param("against", "the earlier plan's id", String.class)), ctx -> {
                    String id = planning.get(ctx.pathParam("id"), Actors.of(ctx)).publicId();
                    String against = Http.param(ctx, "against");
                    if (against == null) throw new InvalidField("against", "is required (an earlier plan's id)");
                    Http.json(ctx, 200, planning.diff(against, id, Actors.of(ctx)));
                });
        t.post("/api/v1/plans/{id}/approve", "planning", "Approve a proposed plan (a second person)",
                ApproveRequest.class, PlanResponse.class, 200, ctx -> {
                    ApproveRequest r = Http.body(ctx, ApproveRequest.class);
                    PlanRecord p = planning.approve(ctx.pathParam("id"), Http.version(r.version()), r.approver(),
                            Actors.of(ctx));
                    Http.json(ctx, 200, response(p));
                });
        t.get("/api/v1/lanes", "planning", "Transport lanes", LaneList.class,
                ctx -> Http.json(ctx, 200, new LaneList(planning.lanes())));
        t.post("/api/v1/lanes", "planning", "Describe a transport lane", LaneRequest.class, Lane.class, 201, ctx -> {
            LaneRequest r = Http.body(ctx, LaneRequest.class);
            Lane lane = planning.addLane(new AddLane(r.origin(), r.destination(),
                    Checks.required("transitWeeks", r.transitWeeks()), Checks.required("costPerUnit", r.costPerUnit())),
                    Actors.of(ctx));
            Http.created(ctx, "/api/v1/lanes", lane);
        });
    }

    public static PlanResponse response(PlanRecord p) {
        return new PlanResponse(p.publicId(), p.status().name(), p.start(), p.horizonWeeks(), p.inputsDigest(),
                p.allocationsDigest(), p.objective(), p.size(), p.solveMillis(), p.proposedBy(), p.approvedBy(),
                p.approvedAt(), p.version(), p.createdAt());
    }

    public static AllocationResponse response(PlannedAllocation a) {
        return new AllocationResponse(a.line(), a.need(), a.priority(), a.sourceKind(), a.source(), a.suppliedItem(), a.origin(),
                a.quantity(), a.shipWeek(), a.arrivalWeek(), a.latenessWeeks(), a.moneyCost(), a.substitutionCost(),
                a.latenessCost(), a.explanation());
    }

    /** The access policy of every route above (checked at start: a route without one stops the server). */
    public static void policies(org.quartermaster.access.RoutePolicies p) {
        p.declare("POST", "/api/v1/plans", RoutePolicy.forPlatformAction(Action.PROPOSE_PLAN));
        p.declare("GET", "/api/v1/plans", RoutePolicy.anyRole());
        p.declare("GET", "/api/v1/plans/{id}", RoutePolicy.anyRole());
        p.declare("GET", "/api/v1/plans/{id}/allocations", RoutePolicy.anyRole());
        p.declare("GET", "/api/v1/plans/{id}/shortfalls", RoutePolicy.anyRole());
        p.declare("GET", "/api/v1/plans/{id}/diff", RoutePolicy.anyRole());
        p.declare("POST", "/api/v1/plans/{id}/approve", RoutePolicy.forAction(Action.APPROVE));
        p.declare("GET", "/api/v1/lanes", RoutePolicy.anyRole());
        p.declare("POST", "/api/v1/lanes", RoutePolicy.forPlatformAction(Action.DEFINE_LANE));
    }
}
