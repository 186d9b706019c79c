package org.quartermaster.dashboard.web;

import org.quartermaster.access.RoutePolicy;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.dashboard.CoverageChart;
import org.quartermaster.dashboard.Dashboard;
import org.quartermaster.needs.model.Need;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Json;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;
import org.quartermaster.server.Ui;

/** The dashboard page ({@code /}) and the JSON of its coverage chart. */
public final class DashboardPages {
    private DashboardPages() {}

    /**
     * Everything the dashboard shows. {@code chartJson} and {@code chartLabelsJson} feed the chart
     * script through data attributes (escaped by the template like any other text).
     */
    public record DashboardView(CoverageChart chart, String chartJson, String chartLabelsJson, Dashboard.Totals totals,
                                Map<String, Long> needsByStatus, Dashboard.Pipeline pipeline, List<Need> critical,
                                Map<String, String> itemNames, Dashboard.Deliveries deliveries,
                                List<org.quartermaster.logistics.Absorption> absorption,
                                List<org.quartermaster.oversight.OpenQuestions> openQuestions) {
        public String itemName(String code) {
            return itemNames.getOrDefault(code, code);
        }

        public long maxStatusCount() {
            return needsByStatus.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    public static void routes(RouteTable t, Dashboard dashboard) {
        t.page(HandlerType.GET, "/", "The dashboard", ctx -> {
            org.quartermaster.shared.Actor viewer = Actors.of(ctx);
            CoverageChart chart = dashboard.coverage(viewer);
            Ui ui = Ui.of(ctx);
            Templates.page(ctx, "dashboard/dashboard.jte", new DashboardView(chart, Json.write(chart),
                    Json.write(labels(ui)), dashboard.totals(viewer), dashboard.needsByStatus(viewer),
                    dashboard.pipeline(viewer), dashboard.criticalUncovered(viewer), dashboard.itemNames(),
                    dashboard.deliveries(viewer), dashboard.absorption(viewer), dashboard.openQuestions(viewer)));
        });
        t.get("/api/v1/dashboard/coverage", "dashboard",
                "Quantities asked, covered and delivered per category and priority (the dashboard's chart)",
                CoverageChart.class, ctx -> Http.json(ctx, 200, dashboard.coverage(Actors.of(ctx))));
    }

    /** The chart's texts in the reader's language: category and measure names, axis title. */
    static Map<String, Object> labels(Ui ui) {
        Map<String, String> categories = new LinkedHashMap<>();
        for (Category c : Category.values()) categories.put(c.name(), ui.get("category." + c.name()));
        Map<String, String> measures = new LinkedHashMap<>();
        for (String m : CoverageChart.MEASURES) measures.put(m, ui.get("measure." + m));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("categories", categories);
        out.put("measures", measures);
        out.put("units", ui.get("dashboard.chart.units"));
        out.put("locale", ui.lang());
        return out;
    }

    /** The access policy of every route above (checked at start: a route without one stops the server). */
    public static void policies(org.quartermaster.access.RoutePolicies p) {
        p.declare("GET", "/", RoutePolicy.anyRole());
        p.declare("GET", "/api/v1/dashboard/coverage", RoutePolicy.anyRole());
    }
}
