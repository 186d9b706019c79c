package org.quartermaster.logistics.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.logistics.ConfirmReceipt;
import org.quartermaster.logistics.Logistics;
import org.quartermaster.logistics.ReportDiscrepancy;
import org.quartermaster.logistics.model.CustodyEvent;
import org.quartermaster.logistics.model.Discrepancy;
import org.quartermaster.logistics.model.DiscrepancyKind;
import org.quartermaster.logistics.model.Receipt;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.logistics.model.ShipmentStatus;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Links;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Page;

/**
 * Pages of shipments: the board (in transit, at hubs, overdue), a shipment's page with its
 * custody timeline, the receiving form and the discrepancy form (with a photo or document).
 */
public final class ShipmentPages {
    /** Rows of the board per page. */
    static final int PAGE_ROWS = 25;

    private ShipmentPages() {}

    public record Form(String status, String overdue) {
        Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("status", status);
            q.put("overdue", overdue);
            return q;
        }
    }

    public record BoardView(Form form, Map<String, Long> counts, List<Shipment> shipments, String nextHref,
                            List<String> statuses, Instant now) {}

    public record ShipmentView(Shipment shipment, List<CustodyEvent> custody, Receipt receipt, boolean receiptVerified,
                               List<Discrepancy> discrepancies, List<String> discrepancyKinds, Instant now) {
        public boolean receivable() {
            return shipment.status() == ShipmentStatus.ARRIVED && shipment.position().holder().equals(shipment.receiver());
        }

        public boolean received() {
            return shipment.status() == ShipmentStatus.RECEIVED;
        }
    }

    public static void routes(RouteTable t, Logistics logistics) {
        t.page(HandlerType.GET, "/shipments", "The shipment board: counts and the filtered list", ctx -> {
            Form form = new Form(Http.param(ctx, "status"), Http.param(ctx, "overdue"));
            Page<Shipment> page = logistics.list(Actors.of(ctx), form.status(), Http.boolParam(ctx, "overdue"), null,
                    Http.param(ctx, "after"), PAGE_ROWS);
            List<String> statuses = java.util.Arrays.stream(ShipmentStatus.values()).map(Enum::name).toList();
            Templates.page(ctx, "logistics/board.jte", new BoardView(form, logistics.board(Actors.of(ctx)),
                    page.items(), Links.next("/shipments", form.query(), page.next()), statuses, Instant.now()));
        });
        t.page(HandlerType.GET, "/shipments/{id}", "A shipment: route, lines, custody timeline, receipt, discrepancies",
                ctx -> Templates.page(ctx, "logistics/shipment.jte", view(logistics, ctx)));
        t.page(HandlerType.POST, "/shipments/{id}/receipt", "Confirm the receipt (form post, redirects back)", ctx -> {
            Shipment s = logistics.get(Actors.of(ctx), ctx.pathParam("id"));
            List<ConfirmReceipt.Received> lines = new ArrayList<>();
            for (Shipment.Line l : s.lines()) lines.add(new ConfirmReceipt.Received(l.no(), number(ctx, "received_" + l.no())));
            List<ReportDiscrepancy> problems = new ArrayList<>();
            if (Http.param(ctx, "kind") != null || blankToNull(ctx.formParam("kind")) != null) problems.add(discrepancy(ctx));
            logistics.receive(s.publicId(), new ConfirmReceipt(blankToNull(ctx.formParam("organisation")),
                    blankToNull(ctx.formParam("person")), lines, problems), Actors.of(ctx));
            ctx.redirect("/shipments/" + s.publicId(), io.javalin.http.HttpStatus.SEE_OTHER);
        });
        t.page(HandlerType.POST, "/shipments/{id}/discrepancies", "Report a discrepancy (multipart form post)", ctx -> {
            String id = ctx.pathParam("id");
            logistics.report(id, discrepancy(ctx), Actors.of(ctx));
            ctx.redirect("/shipments/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
        });
    }

    public static void policies(RoutePolicies p) {
        p.declare("GET", "/shipments", RoutePolicy.anyRole());
        p.declare("GET", "/shipments/{id}", RoutePolicy.anyRole());
        p.declare("POST", "/shipments/{id}/receipt", RoutePolicy.forAction(Action.RECEIVE));
        p.declare("POST", "/shipments/{id}/discrepancies", RoutePolicy.forAction(Action.RECEIVE));
    }

    static ShipmentView view(Logistics logistics, Context ctx) {
        var viewer = Actors.of(ctx);
        Shipment s = logistics.get(viewer, ctx.pathParam("id"));
        Receipt receipt = logistics.receipt(viewer, s.publicId()).orElse(null);
        return new ShipmentView(s, logistics.custody(viewer, s.publicId()), receipt,
                receipt != null && logistics.verify(receipt), logistics.discrepancies(viewer, s.publicId()),
                java.util.Arrays.stream(DiscrepancyKind.values()).map(Enum::name).toList(), Instant.now());
    }

    /** The discrepancy fields of a form, with its file (if any) as an attachment. */
    static ReportDiscrepancy discrepancy(Context ctx) {
        List<ReportDiscrepancy.Attachment> files = new ArrayList<>();
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file != null && file.size() > 0) {
            if (file.size() > Logistics.ATTACHMENT_BYTES_MAX) {
                throw new InvalidField("file", "must be at most " + Logistics.ATTACHMENT_BYTES_MAX + " bytes");
            }
            byte[] bytes;
            try (var in = file.content()) {
                bytes = in.readNBytes(Logistics.ATTACHMENT_BYTES_MAX + 1);
            } catch (java.io.IOException e) {
                throw new InvalidField("file", "cannot be read");
            }
            String type = file.contentType() == null ? "application/octet-stream" : file.contentType().toLowerCase();
            files.add(new ReportDiscrepancy.Attachment(file.filename(), type, Base64.getEncoder().encodeToString(bytes)));
        }
        Long line = number(ctx, "line");
        return new ReportDiscrepancy(line == null ? 1 : line.intValue(), blankToNull(ctx.formParam("kind")),
                number(ctx, "quantity"), blankToNull(ctx.formParam("note")), blankToNull(ctx.formParam("organisation")),
                blankToNull(ctx.formParam("person")), files);
    }

    static Long number(Context ctx, String name) {
        String raw = blankToNull(ctx.formParam(name));
        if (raw == null) return null;
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidField(name, "must be a whole number");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
