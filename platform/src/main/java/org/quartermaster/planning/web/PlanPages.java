package org.quartermaster.planning.web;

import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quartermaster.planning.PlanRecord;
import org.quartermaster.planning.PlannedAllocation;
import org.quartermaster.planning.PlannedShortfall;
import org.quartermaster.planning.Planning;
import org.quartermaster.planning.model.PlanWeeks;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Json;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;
import org.quartermaster.shared.Limits;

/** HTML pages of plans: the list with a button to propose one, and a plan with its chart, shortfalls and allocations. */
public final class PlanPages {
    /** Rows of allocations and shortfalls shown on a plan's page (all are in the API). */
    static final int ROWS_SHOWN_MAX = 300;

    private PlanPages() {}

    public record ListView(List<PlanRecord> plans, String next) {}

    /** Units arriving per week and priority: {@code series[p][w]} for P1..P5. */
    public record WeekChart(List<String> weeks, long[][] series) {}

    public record PlanView(PlanRecord plan, WeekChart chart, String chartJson,
                           Map<String, Map<String, Long>> shortByPriorityAndReason, List<PlannedShortfall> shortfalls,
                           int shortfallCount, List<PlannedAllocation> allocations, int allocationCount) {}

    public static void routes(RouteTable t, Planning planning) {
        t.page(HandlerType.GET, "/plans", "Plans, newest last, with a button to propose a new one", ctx -> {
            var page = planning.list(Actors.of(ctx), ctx.queryParam("after"), Limits.PAGE_SIZE_DEFAULT);
            Templates.page(ctx, "planning/list.jte", new ListView(page.items(),
                    page.next() == null ? null : "/plans?after=" + page.next()));
        });
        t.page(HandlerType.POST, "/plans", "Propose a plan now (form post, redirects to the plan)", ctx -> {
            PlanRecord plan = planning.propose(PlanWeeks.HORIZON_WEEKS_DEFAULT, Actors.of(ctx));
            ctx.redirect("/plans/" + plan.publicId(), io.javalin.http.HttpStatus.SEE_OTHER);
        });
        t.page(HandlerType.GET, "/plans/{id}", "A plan: objective, coverage by week and priority, shortfalls, allocations",
                ctx -> Templates.page(ctx, "planning/plan.jte", view(planning, ctx.pathParam("id"), Actors.of(ctx))));
        t.page(HandlerType.POST, "/plans/{id}/approve", "Approve a plan (form post: approver, version)", ctx -> {
            String version = ctx.formParam("version");
            long v;
            try {
                v = Long.parseLong(version == null ? "" : version);
            } catch (NumberFormatException e) {
                throw new org.quartermaster.shared.InvalidField("version", "must be a whole number");
            }
            PlanRecord plan = planning.approve(ctx.pathParam("id"), v, ctx.formParam("approver"), Actors.of(ctx));
            ctx.redirect("/plans/" + plan.publicId(), io.javalin.http.HttpStatus.SEE_OTHER);
        });
    }

    static PlanView view(Planning planning, String id, org.quartermaster.shared.Actor viewer) {
        PlanRecord plan = planning.get(id, viewer);
        List<PlannedAllocation> allocations = planning.allocations(id, null, viewer);
        List<PlannedShortfall> shortfalls = planning.shortfalls(id, null, viewer);
        WeekChart chart = chart(plan, allocations);
        Map<String, Map<String, Long>> byPriority = new TreeMap<>();
        for (PlannedShortfall s : shortfalls) {
            byPriority.computeIfAbsent("P" + s.priority(), k -> new TreeMap<>()).merge(s.reason(), s.quantity(), Long::sum);
        }
        return new PlanView(plan, chart, Json.write(Map.of("weeks", chart.weeks(), "series", chart.series())),
                byPriority, shortfalls.subList(0, Math.min(ROWS_SHOWN_MAX, shortfalls.size())), shortfalls.size(),
                allocations.subList(0, Math.min(ROWS_SHOWN_MAX, allocations.size())), allocations.size());
    }

    static WeekChart chart(PlanRecord plan, List<PlannedAllocation> allocations) {
        int lastWeek = 0;
        for (PlannedAllocation a : allocations) lastWeek = Math.max(lastWeek, a.arrivalWeek());
        int weeks = Math.min(plan.horizonWeeks(), lastWeek + 1);
        long[][] series = new long[5][weeks];
        for (PlannedAllocation a : allocations) {
            if (a.arrivalWeek() < weeks) series[a.priority() - 1][a.arrivalWeek()] += a.quantity();
        }
        List<String> labels = new ArrayList<>(weeks);
        for (int w = 0; w < weeks; w++) labels.add(plan.start().plusWeeks(w).toString());
        return new WeekChart(labels, series);
    }

    /** The access policy of every route above (checked at start: a route without one stops the server). */
    public static void policies(org.quartermaster.access.RoutePolicies p) {
        p.declare("GET", "/plans", RoutePolicy.anyRole());
        p.declare("POST", "/plans", RoutePolicy.forPlatformAction(Action.PROPOSE_PLAN));
        p.declare("GET", "/plans/{id}", RoutePolicy.anyRole());
        p.declare("POST", "/plans/{id}/approve", RoutePolicy.forAction(Action.APPROVE));
    }
}
