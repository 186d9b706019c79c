package org.quartermaster.needs.web;

import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.quartermaster.needs.ChangeNeed;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.needs.Needs;
import org.quartermaster.needs.model.Need;
import org.quartermaster.needs.model.NeedRules;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Pages;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;
import org.quartermaster.shared.Checks;

/** JSON routes of need lines. */
public final class NeedsApi {
    private NeedsApi() {}

    public record NeedRequest(String requester, String item, Long quantity, String priority, LocalDate dueDate,
                              String destination, String justification, Set<String> releasableTo, Boolean submit) {}

    public record NeedChangeRequest(Long quantity, String priority, LocalDate dueDate, String destination,
                                    String justification, Long version) {}

    public record TransitionRequest(Long version) {}

    /** New releasability; lowering it names a GRANTED four-eyes approval of exactly this change. */
    public record ReleasabilityRequest(List<String> releasableTo, Long version, String approval) {}

    public record NeedResponse(String id, String requester, String item, long quantity, String priority,
                               LocalDate dueDate, String destination, String justification, String status,
                               long coveredQuantity, long deliveredQuantity, Set<String> releasableTo, long version,
                               Instant createdAt, Instant updatedAt) {}

    public record NeedPage(List<NeedResponse> items, String next) {}

    public static void routes(RouteTable t, Needs needs, org.quartermaster.access.FourEyesCheck fourEyes) {
        t.put("/api/v1/needs/{id}/releasability", "needs",
                "Change who a need is released to (lowering needs a granted approval from a second person)",
                ReleasabilityRequest.class, NeedResponse.class, ctx -> {
                    ReleasabilityRequest r = Http.body(ctx, ReleasabilityRequest.class);
                    if (r.releasableTo() == null) throw new org.quartermaster.shared.InvalidField("releasableTo", "is required");
                    Need n = needs.changeReleasability(ctx.pathParam("id"), new java.util.HashSet<>(r.releasableTo()),
                            Http.version(r.version()), r.approval(), Actors.of(ctx), fourEyes);
                    Http.json(ctx, 200, response(n));
                });
        t.get("/api/v1/needs", "needs", "List need lines", NeedPage.class, List.of(
                new Param("status", "DRAFT, OPEN, PARTLY_COVERED, COVERED, DELIVERED, CLOSED or CANCELLED", String.class),
                new Param("item", "item code", String.class),
                new Param("requester", "organisation code", String.class),
                new Param("destination", "location code", String.class),
                new Param("priority", "1 to 5", Integer.class),
                new Param("dueBefore", "due strictly before this date", LocalDate.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            NeedFilter filter = new NeedFilter(Http.param(ctx, "status"), Http.param(ctx, "item"),
                    Http.param(ctx, "requester"), Http.param(ctx, "destination"), priority(Http.intParam(ctx, "priority")),
                    Http.dateParam(ctx, "dueBefore"));
            var page = Pages.map(needs.list(filter, Actors.of(ctx), Http.param(ctx, "after"), Http.intParam(ctx, "limit")),
                    NeedsApi::response);
            Http.json(ctx, 200, new NeedPage(page.items(), page.next()));
        });
        t.get("/api/v1/needs/{id}", "needs", "Read one need line", NeedResponse.class,
                ctx -> Http.json(ctx, 200, response(needs.get(ctx.pathParam("id"), Actors.of(ctx)))));
        t.post("/api/v1/needs", "needs", "File a need line (DRAFT, or OPEN with submit=true)", NeedRequest.class,
                NeedResponse.class, 201, ctx -> {
                    NeedRequest r = Http.body(ctx, NeedRequest.class);
                    Need n = needs.file(command(r), Actors.of(ctx));
                    Http.created(ctx, "/api/v1/needs/" + n.publicId(), response(n));
                });
        t.patch("/api/v1/needs/{id}", "needs", "Change a need line at a known version", NeedChangeRequest.class,
                NeedResponse.class, ctx -> {
                    NeedChangeRequest r = Http.body(ctx, NeedChangeRequest.class);
                    Need n = needs.change(ctx.pathParam("id"), new ChangeNeed(r.quantity(), r.priority(), r.dueDate(),
                            r.destination(), r.justification(), Http.version(r.version())), Actors.of(ctx));
                    Http.json(ctx, 200, response(n));
                });
        for (NeedRules.Action action : NeedRules.Action.values()) {
            String verb = action.name().toLowerCase(Locale.ROOT);
            t.post("/api/v1/needs/{id}/" + verb, "needs", "Lifecycle step: " + verb, TransitionRequest.class,
                    NeedResponse.class, 200, ctx -> {
                        TransitionRequest r = Http.body(ctx, TransitionRequest.class);
                        Need n = needs.act(ctx.pathParam("id"), action, Http.version(r.version()), Actors.of(ctx));
                        Http.json(ctx, 200, response(n));
                    });
        }
    }

    static Integer priority(Integer rank) {
        if (rank != null && (rank < 1 || rank > 5)) {
            throw new org.quartermaster.shared.InvalidField("priority", "must be 1 to 5");
        }
        return rank;
    }

    static FileNeed command(NeedRequest r) {
        long quantity = Checks.required("quantity", r.quantity());
        return new FileNeed(r.requester(), r.item(), quantity, r.priority(), Checks.required("dueDate", r.dueDate()),
                r.destination(), r.justification(), r.releasableTo(), Boolean.TRUE.equals(r.submit()));
    }

    public static NeedResponse response(Need n) {
        return new NeedResponse(n.publicId(), n.requester(), n.item(), n.quantity(), n.priority().name(), n.dueDate(),
                n.destination(), n.justification(), n.status().name(), n.coveredQuantity(), n.deliveredQuantity(),
                n.releasableTo(), n.version(), n.createdAt(), n.updatedAt());
    }

    /** The access policy of every route above (checked at start: a route without one stops the server). */
    public static void policies(org.quartermaster.access.RoutePolicies p) {
        p.declare("GET", "/api/v1/needs", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/needs/{id}", RoutePolicy.publicRoute());
        p.declare("POST", "/api/v1/needs", RoutePolicy.forAction(Action.FILE_NEED));
        p.declare("PATCH", "/api/v1/needs/{id}", RoutePolicy.forAction(Action.CHANGE_NEED));
        p.declare("PUT", "/api/v1/needs/{id}/releasability", RoutePolicy.forAction(Action.CHANGE_RELEASABILITY));
        for (NeedRules.Action action : NeedRules.Action.values()) {
            p.declare("POST", "/api/v1/needs/{id}/" + action.name().toLowerCase(Locale.ROOT),
                    RoutePolicy.forAction(Action.CHANGE_NEED));
        }
    }
}
