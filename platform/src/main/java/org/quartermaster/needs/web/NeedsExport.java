package org.quartermaster.needs.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.needs.Needs;
import org.quartermaster.needs.model.Need;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Export;
import org.quartermaster.server.Http;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;

/**
 * Need lines as a file: the columns {@code qm import needs} reads, then the id, status and
 * quantities it ignores, so that an export imports back as it is. Over HTTP the rows are those
 * of the caller's list ({@link Needs#list}: filtered by the access policy in the query).
 */
public final class NeedsExport {
    public static final String PATH = "/api/v1/exports/needs";
    /** Every column, in the order written. */
    public static final List<String> COLUMNS = List.of("requester", "item", "quantity", "priority", "due_date",
            "destination", "justification", "id", "status", "covered_quantity", "delivered_quantity");

    private NeedsExport() {}

    /** One need as a row of {@link #COLUMNS}. */
    public static Map<String, Object> row(Need n) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("requester", n.requester());
        row.put("item", n.item());
        row.put("quantity", n.quantity());
        row.put("priority", n.priority().name());
        row.put("due_date", n.dueDate().toString());
        row.put("destination", n.destination());
        row.put("justification", n.justification());
        row.put("id", n.publicId());
        row.put("status", n.status().name());
        row.put("covered_quantity", n.coveredQuantity());
        row.put("delivered_quantity", n.deliveredQuantity());
        return row;
    }

    public static void routes(RouteTable t, Needs needs) {
        t.download(PATH, "needs", "Every need line the caller may see, as CSV or JSON lines (the layout of"
                + " qm export and qm import), streamed as an attachment", List.of(Export.FORMAT,
                new Param("status", "DRAFT, OPEN, PARTLY_COVERED, COVERED, DELIVERED, CLOSED or CANCELLED", String.class),
                new Param("item", "item code", String.class),
                new Param("requester", "organisation code", String.class),
                new Param("destination", "location code", String.class),
                new Param("priority", "1 to 5", Integer.class),
                new Param("dueBefore", "due strictly before this date", LocalDate.class)), ctx -> {
                    NeedFilter filter = new NeedFilter(Http.param(ctx, "status"), Http.param(ctx, "item"),
                            Http.param(ctx, "requester"), Http.param(ctx, "destination"),
                            NeedsApi.priority(Http.intParam(ctx, "priority")), Http.dateParam(ctx, "dueBefore"));
                    var viewer = Actors.of(ctx);
                    Export.stream(ctx, "needs", COLUMNS, after -> needs.list(filter, viewer, after, Export.PAGE_ROWS),
                            NeedsExport::row);
                });
    }

    /** Signed-in callers; the rows are filtered by the policy like the list's. */
    public static void policies(RoutePolicies p) {
        p.declare("GET", PATH, RoutePolicy.anyRole());
    }
}
