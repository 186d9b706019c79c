package org.quartermaster.logistics.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.logistics.Absorption;
import org.quartermaster.logistics.Absorptions;
import org.quartermaster.logistics.ConfirmReceipt;
import org.quartermaster.logistics.Logistics;
import org.quartermaster.logistics.PlanShipment;
import org.quartermaster.logistics.RateLine;
import org.quartermaster.logistics.RecordCustody;
import org.quartermaster.logistics.ReportDiscrepancy;
import org.quartermaster.logistics.SetAbsorption;
import org.quartermaster.logistics.model.CustodyEvent;
import org.quartermaster.logistics.model.Discrepancy;
import org.quartermaster.logistics.model.Receipt;
import org.quartermaster.logistics.model.Shipment;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Pages;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;
import org.quartermaster.shared.NotFound;

/**
 * JSON routes of shipments: planning, the custody chain, the signed receipt, discrepancies with
 * attachments, ratings, receipt verification keys and absorption capacity. Request bodies are the
 * context's command records (every field boxed, checked by the facade on its own field).
 */
public final class ShipmentsApi {
    static final String BASE = "/api/v1/shipments";

    private ShipmentsApi() {}

    public record Ref(String kind, String id) {}

    public record NeedShareResponse(String need, long quantity, long deliveredQuantity) {}

    public record LineResponse(int line, String item, long quantity, Ref fulfils, List<NeedShareResponse> needs,
                               long shippedQuantity, long receivedQuantity, boolean counted, Integer rating,
                               String ratingComment) {}

    public record StopResponse(int index, String location, Instant plannedArrival, Instant plannedDeparture,
                               Instant arrivedAt, Instant departedAt) {}

    public record ShipmentResponse(String id, String owner, String receiver, String mode, String status, String holder,
                                   int stop, String origin, String destination, boolean overdue,
                                   List<StopResponse> stops, List<LineResponse> lines, int custodyCount,
                                   Instant plannedDeparture, Instant plannedArrival, Instant departedAt,
                                   Instant arrivedAt, Instant receivedAt, Set<String> releasableTo, long version) {}

    public record ShipmentPage(List<ShipmentResponse> items, String next) {}

    public record CustodyResponse(int seq, String kind, String location, String organisation, String person,
                                  String to, Instant occurredAt, Instant recordedAt) {}

    public record CustodyList(String shipment, List<CustodyResponse> items) {}

    public record ReceiptResponse(String shipment, String receiver, String person, String algorithm, String document,
                                  String signature, Instant signedAt) {}

    public record AttachmentResponse(String name, String mediaType, long sizeBytes, String sha256) {}

    public record DiscrepancyResponse(long id, int line, String kind, long quantity, String note, String organisation,
                                      String person, Instant createdAt, List<AttachmentResponse> attachments) {}

    public record DiscrepancyList(String shipment, List<DiscrepancyResponse> items) {}

    public record KeyResponse(String organisation, String algorithm, String publicKey) {}

    public record KeyList(List<KeyResponse> items) {}

    public record Board(Map<String, Long> counts) {}

    public record AbsorptionList(List<Absorption> items) {}

    public static void routes(RouteTable t, Logistics logistics, Absorptions absorptions) {
        t.get(BASE, "shipments", "List shipments the caller may see", ShipmentPage.class, List.of(
                new Param("status", "PLANNED, IN_TRANSIT, AT_HUB, ARRIVED or RECEIVED", String.class),
                new Param("overdue", "only shipments past their planned arrival, not yet arrived", Boolean.class),
                new Param("destination", "location code", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            var page = Pages.map(logistics.list(Actors.of(ctx), Http.param(ctx, "status"), Http.boolParam(ctx, "overdue"),
                    Http.param(ctx, "destination"), Http.param(ctx, "after"), Http.intParam(ctx, "limit")),
                    ShipmentsApi::response);
            Http.json(ctx, 200, new ShipmentPage(page.items(), page.next()));
        });
        t.get("/api/v1/shipment-board", "shipments", "Shipments per status and overdue", Board.class,
                ctx -> Http.json(ctx, 200, new Board(logistics.board(Actors.of(ctx)))));
        t.get(BASE + "/{id}", "shipments", "Read one shipment", ShipmentResponse.class,
                ctx -> Http.json(ctx, 200, response(logistics.get(Actors.of(ctx), ctx.pathParam("id")))));
        t.post(BASE, "shipments", "Plan a shipment: lines, origin, hubs, destination", PlanShipment.class,
                ShipmentResponse.class, 201, ctx -> {
                    Shipment s = logistics.plan(Http.body(ctx, PlanShipment.class), Actors.of(ctx));
                    Http.created(ctx, BASE + "/" + s.publicId(), response(s));
                });
        t.get(BASE + "/{id}/custody", "shipments", "The custody chain, in order", CustodyList.class, ctx -> {
            String id = ctx.pathParam("id");
            Http.json(ctx, 200, new CustodyList(id, logistics.custody(Actors.of(ctx), id).stream()
                    .map(ShipmentsApi::custody).toList()));
        });
        t.post(BASE + "/{id}/custody", "shipments", "Record a custody step by the holder (409 when out of order)",
                RecordCustody.class, ShipmentResponse.class, 201, ctx -> {
                    // An Idempotency-Key is claimed in the request's own transaction: no group commit then.
                    RecordCustody c = Http.body(ctx, RecordCustody.class);
                    Shipment s = ctx.header("Idempotency-Key") != null
                            ? logistics.recordAlone(ctx.pathParam("id"), c, Actors.of(ctx))
                            : logistics.record(ctx.pathParam("id"), c, Actors.of(ctx));
                    Http.created(ctx, BASE + "/" + s.publicId() + "/custody", response(s));
                });
        t.post(BASE + "/{id}/receipt", "shipments", "Confirm the receipt, signed by the receiver", ConfirmReceipt.class,
                ReceiptResponse.class, 201, ctx -> {
                    Receipt r = logistics.receive(ctx.pathParam("id"), Http.body(ctx, ConfirmReceipt.class),
                            Actors.of(ctx));
                    Http.created(ctx, BASE + "/" + r.shipment() + "/receipt", receipt(r));
                });
        t.get(BASE + "/{id}/receipt", "shipments", "The signed receipt", ReceiptResponse.class, ctx -> {
            String id = ctx.pathParam("id");
            Http.json(ctx, 200, receipt(logistics.receipt(Actors.of(ctx), id).orElseThrow(() -> new NotFound("receipt", id))));
        });
        t.get(BASE + "/{id}/discrepancies", "shipments", "Discrepancies reported on arrival", DiscrepancyList.class, ctx -> {
            String id = ctx.pathParam("id");
            Http.json(ctx, 200, new DiscrepancyList(id, logistics.discrepancies(Actors.of(ctx), id).stream()
                    .map(ShipmentsApi::discrepancy).toList()));
        });
        t.post(BASE + "/{id}/discrepancies", "shipments", "Report a discrepancy after the receipt",
                ReportDiscrepancy.class, DiscrepancyResponse.class, 201, ctx -> {
                    Discrepancy d = logistics.report(ctx.pathParam("id"), Http.body(ctx, ReportDiscrepancy.class),
                            Actors.of(ctx));
                    Http.created(ctx, BASE + "/" + ctx.pathParam("id") + "/discrepancies", discrepancy(d));
                });
        t.get(BASE + "/{id}/attachments/{sha256}", "shipments", "An attached file by its SHA-256", String.class, ctx -> {
            var file = logistics.attachment(Actors.of(ctx), ctx.pathParam("id"), ctx.pathParam("sha256"));
            ctx.status(200).contentType(file.getKey()).header("X-Content-Type-Options", "nosniff")
                    .header("Content-Disposition", "attachment").result(file.getValue());
        });
        t.post(BASE + "/{id}/lines/{line}/rating", "shipments", "Rate a received line after use (1-5)", RateLine.class,
                ShipmentResponse.class, 200, ctx -> {
                    RateLine body = Http.body(ctx, RateLine.class);
                    Shipment s = logistics.rate(ctx.pathParam("id"), line(ctx.pathParam("line")), body, Actors.of(ctx));
                    Http.json(ctx, 200, response(s));
                });
        t.get("/api/v1/signing-keys", "shipments", "Every organisation's receipt verification key (Ed25519)",
                KeyList.class, ctx -> Http.json(ctx, 200, new KeyList(logistics.publicKeys().entrySet().stream()
                        .map(e -> new KeyResponse(e.getKey(), Receipt.ALGORITHM, e.getValue())).toList())));
        t.get("/api/v1/signing-keys/{organisation}", "shipments", "One organisation's receipt verification key",
                KeyResponse.class, ctx -> {
                    String org = ctx.pathParam("organisation");
                    Http.json(ctx, 200, new KeyResponse(org, Receipt.ALGORITHM, logistics.publicKey(org)));
                });
        t.get("/api/v1/absorption", "shipments", "Planned arrivals against absorption capacity, per week",
                AbsorptionList.class, ctx -> Http.json(ctx, 200,
                        new AbsorptionList(absorptions.overview(Actors.of(ctx), Instant.now()))));
        t.put("/api/v1/absorption", "shipments", "Set the units a destination can take in per week",
                SetAbsorption.class, AbsorptionList.class, ctx -> {
                    absorptions.set(Http.body(ctx, SetAbsorption.class), Actors.of(ctx));
                    Http.json(ctx, 200, new AbsorptionList(absorptions.overview(Actors.of(ctx), Instant.now())));
                });
    }

    /** The access policy of every route above. */
    public static void policies(RoutePolicies p) {
        p.declare("GET", BASE, RoutePolicy.anyRole());
        p.declare("GET", "/api/v1/shipment-board", RoutePolicy.anyRole());
        p.declare("GET", BASE + "/{id}", RoutePolicy.anyRole());
        p.declare("POST", BASE, RoutePolicy.forAction(Action.SHIP));
        p.declare("GET", BASE + "/{id}/custody", RoutePolicy.anyRole());
        p.declare("POST", BASE + "/{id}/custody", RoutePolicy.forAction(Action.SHIP));
        p.declare("POST", BASE + "/{id}/receipt", RoutePolicy.forAction(Action.RECEIVE));
        p.declare("GET", BASE + "/{id}/receipt", RoutePolicy.anyRole());
        p.declare("GET", BASE + "/{id}/discrepancies", RoutePolicy.anyRole());
        p.declare("POST", BASE + "/{id}/discrepancies", RoutePolicy.forAction(Action.RECEIVE));
        p.declare("GET", BASE + "/{id}/attachments/{sha256}", RoutePolicy.anyRole());
        p.declare("POST", BASE + "/{id}/lines/{line}/rating", RoutePolicy.forAction(Action.RECEIVE));
        p.declare("GET", "/api/v1/signing-keys", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/signing-keys/{organisation}", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/absorption", RoutePolicy.anyRole());
        p.declare("PUT", "/api/v1/absorption", RoutePolicy.forAction(Action.RECEIVE));
    }

    static int line(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n < 1) throw new NotFound("line", text);
            return n;
        } catch (NumberFormatException e) {
            throw new NotFound("line", text);
        }
    }

    public static ShipmentResponse response(Shipment s) {
        return new ShipmentResponse(s.publicId(), s.owner(), s.receiver(), s.mode(), s.status().name(),
                s.position().holder(), s.position().stop(), s.origin(), s.destination(), s.overdue(Instant.now()),
                s.stops().stream().map(x -> new StopResponse(x.index(), x.location(), x.plannedArrival(),
                        x.plannedDeparture(), x.arrivedAt(), x.departedAt())).toList(),
                s.lines().stream().map(l -> new LineResponse(l.no(), l.item(), l.quantity(),
                        new Ref(l.fulfils().kind().name(), l.fulfils().id()),
                        l.needs().stream().map(n -> new NeedShareResponse(n.need(), n.quantity(), n.deliveredQuantity()))
                                .toList(), l.shippedQuantity(), l.receivedQuantity(), l.counted(), l.rating(),
                        l.ratingComment())).toList(),
                s.custodyCount(), s.plannedDeparture(), s.plannedArrival(), s.departedAt(), s.arrivedAt(),
                s.receivedAt(), s.releasableTo(), s.version());
    }

    static CustodyResponse custody(CustodyEvent e) {
        return new CustodyResponse(e.seq(), e.kind().name(), e.location(), e.organisation(), e.person(), e.to(),
                e.occurredAt(), e.recordedAt());
    }

    static ReceiptResponse receipt(Receipt r) {
        return new ReceiptResponse(r.shipment(), r.receiver(), r.person(), Receipt.ALGORITHM, r.document(),
                r.signature(), r.signedAt());
    }

    static DiscrepancyResponse discrepancy(Discrepancy d) {
        return new DiscrepancyResponse(d.key(), d.line(), d.kind().name(), d.quantity(), d.note(), d.organisation(),
                d.person(), d.createdAt(), d.attachments().stream()
                .map(a -> new AttachmentResponse(a.fileName(), a.mediaType(), a.sizeBytes(), a.sha256())).toList());
    }
}
