package org.quartermaster.capacity.web;

import static org.quartermaster.access.RoutePolicy.anyRole;
import static org.quartermaster.access.RoutePolicy.forAction;
import static org.quartermaster.access.RoutePolicy.publicRoute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.model.Action;
import org.quartermaster.capacity.Capacity;
import org.quartermaster.capacity.ChangeLine;
import org.quartermaster.capacity.PublishLine;
import org.quartermaster.capacity.ReserveSlot;
import org.quartermaster.capacity.model.FrameworkAlerts;
import org.quartermaster.capacity.model.OrderBook;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.RampStep;
import org.quartermaster.capacity.model.Reservation;
import org.quartermaster.capacity.model.WeekCell;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Pages;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;
import org.quartermaster.shared.Checks;

/** JSON routes of the capacity context: production lines, reservations, the order book and its alerts. */
public final class CapacityApi {
    static final String LINES = "/api/v1/capacity/lines";
    static final String LINE = "/api/v1/capacity/lines/{id}";
    static final String RESERVATIONS = "/api/v1/capacity/reservations";
    static final String RESERVATION = "/api/v1/capacity/reservations/{id}";
    static final String RELEASE = "/api/v1/capacity/reservations/{id}/release";
    static final String ORDER_BOOK = "/api/v1/capacity/order-book";
    static final String ALERTS = "/api/v1/capacity/alerts";

    private CapacityApi() {}

    public record StepRequest(LocalDate fromWeek, Long capacityPerWeek) {}

    public record LineRequest(String supplier, String item, String site, String name, LocalDate firstWeek,
                              Integer horizonWeeks, Long capacityPerWeek, List<StepRequest> rampUp,
                              Long unitPriceMinor, String currency, Integer leadTimeWeeks, Boolean framework,
                              Set<String> releasableTo) {}

    public record LineChangeRequest(String name, Long capacityPerWeek, List<StepRequest> rampUp, Long unitPriceMinor,
                                    String currency, Integer leadTimeWeeks, Boolean framework, Long version) {}

    public record LineResponse(String id, String supplier, String item, String site, String name, LocalDate firstWeek,
                               int horizonWeeks, long capacityPerWeek, List<RampStep> rampUp, long unitPriceMinor,
                               String currency, int leadTimeWeeks, boolean framework, Set<String> releasableTo,
                               long version, Instant createdAt, Instant updatedAt) {}

    /** A line with its weeks over the whole horizon. */
    public record LineDetail(LineResponse line, List<WeekCell> weeks) {}

    public record LinePage(List<LineResponse> items, String next) {}

    public record ReservationRequest(String line, LocalDate week, Long quantity, String reserver, String referenceKind,
                                     String referenceId, Boolean framework, Set<String> releasableTo) {}

    public record ReleaseRequest(Long version) {}

    public record ReservationResponse(String id, String line, String reserver, String supplier, String item,
                                      LocalDate week, long quantity, String referenceKind, String referenceId,
                                      boolean framework, String status, Set<String> releasableTo, long version,
                                      Instant createdAt, Instant updatedAt) {}

    public record ReservationPage(List<ReservationResponse> items, String next) {}

    public static void routes(RouteTable t, Capacity capacity) {
        t.get(LINES, "capacity", "List production lines", LinePage.class, List.of(
                new Param("supplier", "supplier organisation code", String.class),
                new Param("item", "item code", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            var page = Pages.map(capacity.lines(Http.param(ctx, "supplier"), Http.param(ctx, "item"),
                    Http.param(ctx, "after"), Http.intParam(ctx, "limit"), Actors.of(ctx)), CapacityApi::response);
            Http.json(ctx, 200, new LinePage(page.items(), page.next()));
        });
        t.get(LINE, "capacity", "Read a production line with its weeks (capacity, reserved, free)", LineDetail.class,
                ctx -> {
                    ProductionLine line = capacity.line(ctx.pathParam("id"), Actors.of(ctx));
                    Http.json(ctx, 200, new LineDetail(response(line),
                            capacity.lineWeeks(line.publicId(), Actors.of(ctx))));
                });
        t.post(LINES, "capacity", "Publish a production line (released PUBLIC unless releasableTo is given)",
                LineRequest.class, LineResponse.class, 201, ctx -> {
                    LineRequest r = Http.body(ctx, LineRequest.class);
                    ProductionLine l = capacity.publish(new PublishLine(r.supplier(), r.item(), r.site(), r.name(),
                            r.firstWeek(), r.horizonWeeks(), r.capacityPerWeek(), steps(r.rampUp()),
                            r.unitPriceMinor(), r.currency(), r.leadTimeWeeks(), Boolean.TRUE.equals(r.framework()),
                            r.releasableTo()), Actors.of(ctx));
                    Http.created(ctx, LINES + "/" + l.publicId(), response(l));
                });
        t.patch(LINE, "capacity", "Change a production line's terms at a known version", LineChangeRequest.class,
                LineResponse.class, ctx -> {
                    LineChangeRequest r = Http.body(ctx, LineChangeRequest.class);
                    ProductionLine l = capacity.change(ctx.pathParam("id"), new ChangeLine(r.name(),
                            r.capacityPerWeek(), r.rampUp() == null ? null : steps(r.rampUp()), r.unitPriceMinor(),
                            r.currency(), r.leadTimeWeeks(), r.framework(), Http.version(r.version())),
                            Actors.of(ctx));
                    Http.json(ctx, 200, response(l));
                });
        t.get(RESERVATIONS, "capacity", "List reservations of production slots", ReservationPage.class, List.of(
                new Param("line", "production line id", String.class),
                new Param("status", "ACTIVE or RELEASED", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            var page = Pages.map(capacity.reservations(Http.param(ctx, "line"), Http.param(ctx, "status"),
                    Http.param(ctx, "after"), Http.intParam(ctx, "limit"), Actors.of(ctx)), CapacityApi::response);
            Http.json(ctx, 200, new ReservationPage(page.items(), page.next()));
        });
        t.get(RESERVATION, "capacity", "Read a reservation", ReservationResponse.class,
                ctx -> Http.json(ctx, 200, response(capacity.reservation(ctx.pathParam("id"), Actors.of(ctx)))));
        t.post(RESERVATIONS, "capacity", "Reserve units of a line's week for a contract or call-off (409 above free)",
                ReservationRequest.class, ReservationResponse.class, 201, ctx -> {
                    ReservationRequest r = Http.body(ctx, ReservationRequest.class);
                    Reservation res = capacity.reserve(new ReserveSlot(r.line(), r.week(), r.quantity(), r.reserver(),
                            r.referenceKind(), r.referenceId(), Boolean.TRUE.equals(r.framework()), r.releasableTo()),
                            Actors.of(ctx));
                    Http.created(ctx, RESERVATIONS + "/" + res.publicId(), response(res));
                });
        t.post(RELEASE, "capacity", "Release a reservation at a known version: its units are free again",
                ReleaseRequest.class, ReservationResponse.class, 200, ctx -> {
                    ReleaseRequest r = Http.body(ctx, ReleaseRequest.class);
                    Http.json(ctx, 200, response(capacity.release(ctx.pathParam("id"), Http.version(r.version()),
                            Actors.of(ctx))));
                });
        t.get(ORDER_BOOK, "capacity", "Per item and week: capacity, reserved and free units over all suppliers",
                OrderBook.class, List.of(
                        new Param("item", "item code (all items with lines when absent)", String.class),
                        new Param("from", "a date in the first week (default: this week)", LocalDate.class),
                        new Param("weeks", "weeks to show, 1 to " + OrderBook.WEEKS_MAX, Integer.class)),
                ctx -> Http.json(ctx, 200, capacity.orderBook(Http.param(ctx, "item"), Http.dateParam(ctx, "from"),
                        Http.intParam(ctx, "weeks"), Actors.of(ctx))));
        t.get(ALERTS, "capacity", "Runs of idle capacity under framework agreements", FrameworkAlerts.Report.class, List.of(
                new Param("from", "a date in the first week (default: this week)", LocalDate.class),
                new Param("weeks", "weeks to look at, 1 to " + OrderBook.WEEKS_MAX, Integer.class),
                new Param("runWeeks", "consecutive idle weeks that raise an alert (default "
                        + FrameworkAlerts.RUN_WEEKS_DEFAULT + ")", Integer.class),
                new Param("freePercent", "free share of capacity that makes a week idle (default "
                        + FrameworkAlerts.FREE_PERCENT_DEFAULT + ")", Integer.class)),
                ctx -> Http.json(ctx, 200, alerts(ctx, capacity)));
    }

    static FrameworkAlerts.Report alerts(io.javalin.http.Context ctx, Capacity capacity) {
        FrameworkAlerts.Rule rule = rule(Http.intParam(ctx, "runWeeks"), Http.intParam(ctx, "freePercent"));
        return capacity.alerts(Http.dateParam(ctx, "from"), Http.intParam(ctx, "weeks"), rule, Actors.of(ctx));
    }

    static FrameworkAlerts.Rule rule(Integer runWeeks, Integer freePercent) {
        return new FrameworkAlerts.Rule(runWeeks == null ? FrameworkAlerts.RUN_WEEKS_DEFAULT : runWeeks,
                freePercent == null ? FrameworkAlerts.FREE_PERCENT_DEFAULT : freePercent);
    }

    /** The route policies: reads of the shared order book are public (filtered by marking), writes per action. */
    public static void policies(RoutePolicies p) {
        p.declare("GET", LINES, publicRoute());
        p.declare("GET", LINE, publicRoute());
        p.declare("POST", LINES, forAction(Action.PUBLISH_CAPACITY));
        p.declare("PATCH", LINE, forAction(Action.PUBLISH_CAPACITY));
        p.declare("GET", RESERVATIONS, anyRole());
        p.declare("GET", RESERVATION, anyRole());
        p.declare("POST", RESERVATIONS, forAction(Action.RESERVE_CAPACITY));
        p.declare("POST", RELEASE, forAction(Action.RESERVE_CAPACITY));
        p.declare("GET", ORDER_BOOK, publicRoute());
        p.declare("GET", ALERTS, publicRoute());
    }

    static List<RampStep> steps(List<StepRequest> steps) {
        if (steps == null) return List.of();
        Checks.sizeAtMost("rampUp", steps, org.quartermaster.capacity.model.LineTerms.RAMP_STEPS_MAX);
        List<RampStep> out = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            StepRequest s = Checks.required("rampUp[" + i + "]", steps.get(i));
            out.add(new RampStep(s.fromWeek(), Checks.required("rampUp[" + i + "].capacityPerWeek",
                    s.capacityPerWeek())));
        }
        return out;
    }

    public static LineResponse response(ProductionLine l) {
        var t = l.terms();
        return new LineResponse(l.publicId(), l.supplier(), l.item(), l.site(), l.name(), t.firstWeek(),
                t.horizonWeeks(), t.capacityPerWeek(), t.rampUp(), t.unitPriceMinor(), t.currency(),
                t.leadTimeWeeks(), l.framework(), new java.util.TreeSet<>(l.releasableTo()), l.version(),
                l.createdAt(), l.updatedAt());
    }

    public static ReservationResponse response(Reservation r) {
        return new ReservationResponse(r.publicId(), r.line(), r.reserver(), r.supplier(), r.item(), r.week(),
                r.quantity(), r.reference().kind().name(), r.reference().id(), r.framework(), r.status().name(),
                new java.util.TreeSet<>(r.releasableTo()), r.version(), r.createdAt(), r.updatedAt());
    }
}
