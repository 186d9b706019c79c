package org.quartermaster.offers.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.offers.OfferFilter;
import org.quartermaster.offers.Offers;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Export;
import org.quartermaster.server.Http;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;

/**
 * Offers as a file: the columns {@code qm import offers} reads, then the id and status it
 * ignores, so that an export imports back as it is. Over HTTP the rows are those of the caller's
 * list ({@link Offers#list}: filtered by the access policy in the query).
 */
public final class OffersExport {
    public static final String PATH = "/api/v1/exports/offers";
    /** Every column, in the order written. */
    public static final List<String> COLUMNS = List.of("donor", "item", "quantity", "condition", "origin",
            "available_from", "terms", "non_lethal_only", "reimbursement_requested", "need", "restrictions", "id",
            "status");

    private OffersExport() {}

    /** One offer as a row of {@link #COLUMNS}. */
    public static Map<String, Object> row(Offer o) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("donor", o.donor());
        row.put("item", o.item());
        row.put("quantity", o.quantity());
        row.put("condition", o.condition().name());
        row.put("origin", o.origin());
        row.put("available_from", o.availableFrom().toString());
        row.put("terms", o.terms().name());
        row.put("non_lethal_only", o.nonLethalOnly());
        row.put("reimbursement_requested", o.reimbursementRequested());
        row.put("need", o.need());
        row.put("restrictions", o.restrictions());
        row.put("id", o.publicId());
        row.put("status", o.status().name());
        return row;
    }

    public static void routes(RouteTable t, Offers offers) {
        t.download(PATH, "offers", "Every offer the caller may see, as CSV or JSON lines (the layout of qm export"
                + " and qm import), streamed as an attachment", List.of(Export.FORMAT,
                new Param("status", "OFFERED, ACCEPTED, COMMITTED, SHIPPED, DELIVERED, WITHDRAWN or DECLINED", String.class),
                new Param("item", "item code", String.class),
                new Param("donor", "organisation code", String.class),
                new Param("need", "need id the offer is pledged to", String.class)), ctx -> {
                    OfferFilter filter = new OfferFilter(Http.param(ctx, "status"), Http.param(ctx, "item"),
                            Http.param(ctx, "donor"), Http.param(ctx, "need"));
                    var viewer = Actors.of(ctx);
                    Export.stream(ctx, "offers", COLUMNS, after -> offers.list(filter, viewer, after, Export.PAGE_ROWS),
                            OffersExport::row);
                });
    }

    /** Signed-in callers; the rows are filtered by the policy like the list's. */
    public static void policies(RoutePolicies p) {
        p.declare("GET", PATH, RoutePolicy.anyRole());
    }
}
