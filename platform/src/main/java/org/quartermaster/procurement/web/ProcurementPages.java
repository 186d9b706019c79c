package org.quartermaster.procurement.web;

import static org.quartermaster.access.RoutePolicy.anyRole;
import static org.quartermaster.access.RoutePolicy.forAction;
import static org.quartermaster.access.RoutePolicy.publicRoute;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.model.Action;
import org.quartermaster.procurement.Procurement;
import org.quartermaster.procurement.ProcurementCommands;
import org.quartermaster.procurement.model.Bid;
import org.quartermaster.procurement.model.CallOff;
import org.quartermaster.procurement.model.Complaint;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.procurement.model.Criterion;
import org.quartermaster.procurement.model.Delivery;
import org.quartermaster.procurement.model.Procedure;
import org.quartermaster.procurement.model.ProcedureStatus;
import org.quartermaster.procurement.model.RedFlag;
import org.quartermaster.procurement.model.ScheduleProgress;
import org.quartermaster.server.Actors;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;

/**
 * Pages of joint procurement: the list, a procedure's page through its stages, a supplier's bid
 * form on the notice, the evaluation sheet and a contract's page with its schedule against
 * deliveries. Form posts redirect back to the page (303).
 */
public final class ProcurementPages {
    /** The stages shown on a procedure's page, in order (CANCELLED is shown as a badge only). */
    public static final List<ProcedureStatus> STAGES = List.of(ProcedureStatus.AGGREGATING, ProcedureStatus.PUBLISHED,
            ProcedureStatus.OPENING_REQUESTED, ProcedureStatus.OPENED, ProcedureStatus.EVALUATED,
            ProcedureStatus.STANDSTILL, ProcedureStatus.CONTRACTED);

    private ProcurementPages() {}

    public record ListView(List<Procedure> procedures, List<Procurement.Notice> notices) {}

    public record ProcedureView(Procedure procedure, List<ProcedureStatus> stages, List<Bid> bids,
                                List<Complaint> complaints, List<Contract> contracts, List<RedFlag> flags,
                                List<org.quartermaster.procurement.model.Question> questions) {
        public boolean reached(ProcedureStatus stage) {
            return procedure.status() != ProcedureStatus.CANCELLED && stage.ordinal() <= procedure.status().ordinal();
        }
    }

    public record BidFormView(Procurement.Notice notice, String commitment, String bid) {}

    /** One row of the evaluation sheet: a bid and its scores per criterion and evaluator. */
    public record SheetRow(Bid bid, Map<String, Map<String, Integer>> scores) {
        public String score(String criterion, String evaluator) {
            Integer s = scores.getOrDefault(criterion, Map.of()).get(evaluator);
            return s == null ? "–" : s.toString();
        }
    }

    public record SheetView(Procedure procedure, List<Criterion> scored, List<String> evaluators, List<SheetRow> rows) {}

    /**
     * A contract's page: the contract, its schedule against deliveries with lateness per week,
     * delivery milestone and call-off, its call-offs, the latest deliveries and its red flags.
     */
    public record ContractView(Contract contract, ScheduleProgress progress, List<CallOff> callOffs,
                               List<Delivery> deliveries, List<RedFlag> flags) {
        public List<ScheduleProgress.WeekLine> weeks() {
            return progress.weeks();
        }

        /** The progress of a delivery milestone, or null for a payment-only one. */
        public ScheduleProgress.MilestoneLine progressOf(Contract.Milestone m) {
            return progress.milestones().stream().filter(x -> x.milestone().equals(m.id())).findFirst().orElse(null);
        }

        /** The progress of a call-off. */
        public ScheduleProgress.CallOffLine progressOf(CallOff o) {
            return progress.callOffs().stream().filter(x -> x.callOff().equals(o.publicId())).findFirst().orElse(null);
        }
    }

    public static void routes(RouteTable t, Procurement p) {
        t.page(HandlerType.GET, "/procurements", "Joint procedures visible to the caller and published notices", ctx ->
                Templates.page(ctx, "procurement/list.jte", new ListView(
                        p.list(null, null, Limits.PAGE_SIZE_DEFAULT, Actors.of(ctx)).items(),
                        p.notices(null, Limits.PAGE_SIZE_DEFAULT).items())));
        t.page(HandlerType.GET, "/procurements/{id}", "A procedure's page through its stages",
                ctx -> Templates.page(ctx, "procurement/procedure.jte", procedure(p, ctx.pathParam("id"), Actors.of(ctx))));
        t.page(HandlerType.POST, "/procurements/{id}/step", "Take the next stage (form post: step, version)", ctx -> {
            String id = ctx.pathParam("id");
            long version = number(ctx, "version");
            Actor a = Actors.of(ctx);
            String step = ctx.formParam("step");
            switch (step == null ? "" : step) {
                case "request-opening" -> p.requestOpening(id, version, a);
                case "confirm-opening" -> p.confirmOpening(id, version, a);
                case "evaluate" -> p.evaluate(id, version, a);
                case "award" -> p.award(id, version, a);
                case "contracts" -> p.conclude(id, version, a);
                default -> throw new InvalidField("step", "must be request-opening, confirm-opening, evaluate, award or contracts");
            }
            ctx.redirect("/procurements/" + id, HttpStatus.SEE_OTHER);
        });
        t.page(HandlerType.GET, "/procurements/{id}/bid", "The notice with a supplier's sealed-bid form", ctx ->
                Templates.page(ctx, "procurement/bid.jte", new BidFormView(p.notice(ctx.pathParam("id")),
                        ctx.queryParam("commitment"), ctx.queryParam("bid"))));
        t.page(HandlerType.POST, "/procurements/{id}/bid", "Submit a sealed bid (form post)", ctx -> {
            String id = ctx.pathParam("id");
            String weeks = ctx.formParam("deliveryWeeks");
            var receipt = p.submitBid(id, new ProcurementCommands.SubmitBid(ctx.formParam("supplier"),
                    (int) number(ctx, "lot"), number(ctx, "unitPriceMinor"),
                    weeks == null || weeks.isBlank() ? null : (int) number(ctx, "deliveryWeeks"), ctx.formParam("note")),
                    Actors.of(ctx));
            ctx.redirect("/procurements/" + id + "/bid?bid=" + receipt.bid() + "&commitment=" + receipt.commitment(),
                    HttpStatus.SEE_OTHER);
        });
        t.page(HandlerType.GET, "/procurements/{id}/evaluation", "The evaluation sheet: scores per evaluator",
                ctx -> Templates.page(ctx, "procurement/evaluation.jte", sheet(p, ctx.pathParam("id"), Actors.of(ctx))));
        t.page(HandlerType.POST, "/procurements/{id}/evaluation", "Record the caller's score (form post)", ctx -> {
            String id = ctx.pathParam("id");
            p.score(id, new ProcurementCommands.Score(ctx.formParam("bid"), ctx.formParam("criterion"),
                    (int) number(ctx, "score")), Actors.of(ctx));
            ctx.redirect("/procurements/" + id + "/evaluation", HttpStatus.SEE_OTHER);
        });
        t.page(HandlerType.GET, "/contracts/{id}", "A contract's page: schedule against deliveries, milestones, call-offs",
                ctx -> Templates.page(ctx, "procurement/contract.jte", contract(p, ctx.pathParam("id"), Actors.of(ctx))));
    }

    public static void policies(RoutePolicies r) {
        r.declare("GET", "/procurements", publicRoute())
                .declare("GET", "/procurements/{id}", anyRole())
                .declare("POST", "/procurements/{id}/step", forAction(Action.PROCURE))
                .declare("GET", "/procurements/{id}/bid", publicRoute())
                .declare("POST", "/procurements/{id}/bid", forAction(Action.BID))
                .declare("GET", "/procurements/{id}/evaluation", anyRole())
                .declare("POST", "/procurements/{id}/evaluation", forAction(Action.PROCURE))
                .declare("GET", "/contracts/{id}", anyRole());
    }

    static ProcedureView procedure(Procurement p, String id, Actor viewer) {
        Procedure procedure = p.get(id, viewer);
        List<org.quartermaster.procurement.model.Question> questions = procedure.status() == ProcedureStatus.AGGREGATING
                ? List.of() : p.notice(id).questions();
        return new ProcedureView(procedure, STAGES, p.bids(id, viewer), p.complaints(id, viewer),
                p.contracts(id, null, Limits.PAGE_SIZE_MAX, viewer).items(), p.redFlags(id, viewer), questions);
    }

    static SheetView sheet(Procurement p, String id, Actor viewer) {
        Procedure procedure = p.get(id, viewer);
        var scores = p.scores(id, viewer);
        List<Criterion> scored = procedure.criteria().stream().filter(c -> !c.name().equals(Criterion.PRICE)).toList();
        java.util.TreeSet<String> evaluators = new java.util.TreeSet<>();
        scores.values().forEach(byCriterion -> byCriterion.values().forEach(e -> evaluators.addAll(e.keySet())));
        List<SheetRow> rows = new ArrayList<>();
        for (Bid b : p.bids(id, viewer)) rows.add(new SheetRow(b, scores.getOrDefault(b.publicId(), Map.of())));
        return new SheetView(procedure, scored, List.copyOf(evaluators), rows);
    }

    static ContractView contract(Procurement p, String id, Actor viewer) {
        Contract k = p.contract(id, viewer);
        List<RedFlag> flags;
        try {
            flags = p.redFlags(k.procedure(), viewer).stream().filter(f -> f.subject().equals(k.publicId())).toList();
        } catch (org.quartermaster.shared.NotFound notAParticipant) {
            flags = List.of(); // a supplier sees its contract, not the procedure's flags
        }
        return new ContractView(k, p.progress(id, viewer), p.callOffs(id, viewer), p.deliveries(id, viewer), flags);
    }

    private static long number(Context ctx, String field) {
        String raw = ctx.formParam(field);
        if (raw == null || raw.isBlank()) throw new InvalidField(field, "is required");
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "must be a whole number");
        }
    }
}
