package org.quartermaster.capacity.web;

import static org.quartermaster.access.RoutePolicy.publicRoute;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.audit.History;
import org.quartermaster.audit.Journal;
import org.quartermaster.capacity.Capacity;
import org.quartermaster.capacity.model.FrameworkAlerts;
import org.quartermaster.capacity.model.OrderBook;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.Reservation;
import org.quartermaster.capacity.model.WeekCell;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Json;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;
import org.quartermaster.server.Ui;

/** Pages of the order book: the week-by-item heat map with its table and alerts, and a line's page. */
public final class CapacityPages {
    static final String ORDER_BOOK = "/capacity";
    static final String LINE = "/capacity/lines/{id}";
    /** Lines and reservations one page lists; more are reached through the API's pages. */
    public static final int ROWS_SHOWN_MAX = 200;

    private CapacityPages() {}

    /** The filters as the form shows them. */
    public record Form(String item, String from, String weeks) {}

    /**
     * The order-book page. {@code chartJson} and {@code labelsJson} feed the heat-map script
     * through data attributes (escaped by the template like any other text).
     */
    public record OrderBookView(Form form, OrderBook book, Map<String, String> itemNames, String chartJson,
                                String labelsJson, FrameworkAlerts.Report alerts, List<ProductionLine> lines,
                                Map<String, String> allItems) {
        public String itemName(String code) {
            return itemNames.getOrDefault(code, code);
        }
    }

    public record LineView(ProductionLine line, String itemName, List<WeekCell> weeks, List<Reservation> reservations,
                           List<History.Entry> history) {}

    /** What the heat map draws: weeks on x, items on y, one cell per (week, item). */
    public record HeatMap(List<LocalDate> weeks, List<String> items, List<String> itemNames, List<Cell> cells) {}

    /** x = week index, y = item index, utilisation in per cent (one decimal), and the three counts. */
    public record Cell(int x, int y, double utilisation, long capacity, long reserved, long free) {}

    public static void routes(RouteTable t, Capacity capacity, Catalog catalog, Journal journal) {
        t.page(HandlerType.GET, ORDER_BOOK, "The order book: a week-by-item heat map of utilisation, alerts, lines",
                ctx -> orderBook(ctx, capacity, catalog));
        t.page(HandlerType.GET, LINE, "A production line: terms, weeks, reservations, history", ctx -> {
            ProductionLine line = capacity.line(ctx.pathParam("id"), Actors.of(ctx));
            String name = catalog.names(catalog.all()).getOrDefault(line.item(), line.item());
            Templates.page(ctx, "capacity/line.jte", new LineView(line, name,
                    capacity.lineWeeks(line.publicId(), Actors.of(ctx)),
                    capacity.reservations(line.publicId(), null, null, ROWS_SHOWN_MAX, Actors.of(ctx)).items(),
                    History.of(journal, line.publicId())));
        });
    }

    public static void policies(RoutePolicies p) {
        p.declare("GET", ORDER_BOOK, publicRoute());
        p.declare("GET", LINE, publicRoute());
    }

    private static void orderBook(Context ctx, Capacity capacity, Catalog catalog) {
        Form form = new Form(Http.param(ctx, "item"), Http.param(ctx, "from"), Http.param(ctx, "weeks"));
        LocalDate from = Http.dateParam(ctx, "from");
        Integer weeks = Http.intParam(ctx, "weeks");
        OrderBook book = capacity.orderBook(form.item(), from, weeks, Actors.of(ctx));
        FrameworkAlerts.Report alerts = capacity.alerts(book.from(), book.weeks(), FrameworkAlerts.Rule.DEFAULT,
                Actors.of(ctx));
        Map<String, String> names = catalog.names(catalog.all());
        List<ProductionLine> lines = capacity.lines(null, form.item(), null, ROWS_SHOWN_MAX, Actors.of(ctx)).items();
        Map<String, String> withLines = new LinkedHashMap<>();
        for (ProductionLine l : capacity.lines(null, null, null, ROWS_SHOWN_MAX, Actors.of(ctx)).items()) {
            withLines.put(l.item(), names.getOrDefault(l.item(), l.item()));
        }
        Templates.page(ctx, "capacity/orderbook.jte", new OrderBookView(form, book, names,
                Json.write(heatMap(book, names)), Json.write(labels(Ui.of(ctx))), alerts, lines, withLines));
    }

    static HeatMap heatMap(OrderBook book, Map<String, String> names) {
        List<LocalDate> weeks = new ArrayList<>();
        for (int w = 0; w < book.weeks(); w++) weeks.add(book.from().plusWeeks(w));
        List<String> items = new ArrayList<>();
        List<String> itemNames = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int y = 0; y < book.items().size(); y++) {
            OrderBook.ItemRow row = book.items().get(y);
            items.add(row.item());
            itemNames.add(names.getOrDefault(row.item(), row.item()));
            for (int x = 0; x < row.weeks().size(); x++) {
                WeekCell c = row.weeks().get(x);
                if (c.capacity() == 0) continue;
                cells.add(new Cell(x, y, c.utilisationPerMille() / 10.0, c.capacity(), c.reserved(), c.free()));
            }
        }
        return new HeatMap(weeks, items, itemNames, cells);
    }

    static Map<String, String> labels(Ui ui) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : List.of("capacity", "reserved", "free", "utilisation", "week")) {
            out.put(key, ui.get("orderBook.chart." + key));
        }
        out.put("locale", ui.lang());
        return out;
    }
}
