package org.quartermaster.dashboard;

import org.quartermaster.shared.Actor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.needs.CoverageRow;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.needs.Needs;
import org.quartermaster.needs.model.Need;
import org.quartermaster.needs.model.NeedStatus;
import org.quartermaster.needs.model.Priority;
import org.quartermaster.offers.Offers;

/** Computes the dashboard's figures from the facades of catalog, needs and offers. */
public final class Dashboard {
    /** Uncovered needs the dashboard lists, most critical first. */
    public static final int CRITICAL_SHOWN_MAX = 10;
    /** Offer states in which the quantity is pledged to a need but not yet delivered. */
    static final List<String> PLEDGED = List.of("ACCEPTED", "COMMITTED", "SHIPPED");
    /** Need states still waiting for pledges, in the order the critical list takes them. */
    static final List<String> UNCOVERED = List.of("OPEN", "PARTLY_COVERED");

    private final Catalog catalog;
    private final Needs needs;
    private final Offers offers;
    private final org.quartermaster.logistics.Logistics logistics;
    private final org.quartermaster.logistics.Absorptions absorptions;
    private final org.quartermaster.oversight.Oversight oversight;

    public Dashboard(Catalog catalog, Needs needs, Offers offers) {
        this(catalog, needs, offers, null, null, null);
    }

    /** The dashboard with deliveries, absorption and open questions (any of them may be null: not shown). */
    public Dashboard(Catalog catalog, Needs needs, Offers offers, org.quartermaster.logistics.Logistics logistics,
                     org.quartermaster.logistics.Absorptions absorptions, org.quartermaster.oversight.Oversight oversight) {
        this.catalog = catalog;
        this.needs = needs;
        this.offers = offers;
        this.logistics = logistics;
        this.absorptions = absorptions;
        this.oversight = oversight;
    }

    /** Shipments the viewer may see: on the way, at hubs, overdue, arrived, received; units received in total. */
    public record Deliveries(long planned, long inTransit, long atHub, long overdue, long arrived, long received,
                             long receivedUnits) {
        public static final Deliveries NONE = new Deliveries(0, 0, 0, 0, 0, 0, 0);
    }

    public Deliveries deliveries(org.quartermaster.shared.Actor viewer) {
        if (logistics == null) return Deliveries.NONE;
        Map<String, Long> b = logistics.board(viewer);
        return new Deliveries(b.get("PLANNED"), b.get("IN_TRANSIT"), b.get("AT_HUB"), b.get("OVERDUE"), b.get("ARRIVED"),
                b.get("RECEIVED"), logistics.receivedTotal(viewer));
    }

    /** Planned arrivals (of the consignments the viewer may see) against absorption capacity, the coming weeks. */
    public List<org.quartermaster.logistics.Absorption> absorption(org.quartermaster.shared.Actor viewer) {
        return absorptions == null ? List.of() : absorptions.overview(viewer, java.time.Instant.now());
    }

    /** Open questions per assigned organisation, with the oldest one's age. */
    public List<org.quartermaster.oversight.OpenQuestions> openQuestions(org.quartermaster.shared.Actor viewer) {
        return oversight == null ? List.of() : oversight.openByOrganisation(viewer);
    }

    /** Totals of live needs: quantities asked, covered, delivered; and how many lines. */
    public record Totals(long needs, long asked, long covered, long delivered) {}

    /** Offered quantities: awaiting a decision, pledged (accepted to shipped), delivered. */
    public record Pipeline(long offered, long pledged, long delivered, long withdrawnOrDeclined) {}

    public CoverageChart coverage(Actor viewer) {
        return chart(needs.coverage(viewer), categoryOfItem());
    }

    static CoverageChart chart(List<CoverageRow> rows, Map<String, Category> categoryOf) {
        Map<Category, long[][]> byCategory = new EnumMap<>(Category.class);
        for (CoverageRow r : rows) {
            Category c = categoryOf.getOrDefault(r.item(), Category.OTHER);
            long[][] cell = byCategory.computeIfAbsent(c, k -> new long[Priority.values().length][3]);
            long[] values = cell[r.priority() - 1];
            values[0] += r.quantity();
            values[1] += r.covered();
            values[2] += r.delivered();
        }
        List<Category> categories = new ArrayList<>(byCategory.keySet());
        List<CoverageChart.Series> series = new ArrayList<>();
        for (Priority p : Priority.values()) {
            for (int m = 0; m < CoverageChart.MEASURES.size(); m++) {
                List<Long> values = new ArrayList<>();
                for (Category c : categories) values.add(byCategory.get(c)[p.ordinal()][m]);
                series.add(new CoverageChart.Series(p.name(), CoverageChart.MEASURES.get(m), values));
            }
        }
        return new CoverageChart(categories.stream().map(Category::name).toList(), series);
    }

    public Totals totals(Actor viewer) {
        long lines = 0, asked = 0, covered = 0, delivered = 0;
        for (CoverageRow r : needs.coverage(viewer)) {
            lines += r.needs();
            asked += r.quantity();
            covered += r.covered();
            delivered += r.delivered();
        }
        return new Totals(lines, asked, covered, delivered);
    }

    /** Need lines per status, every status present (zero when none), in lifecycle order. */
    public Map<String, Long> needsByStatus(Actor viewer) {
        Map<String, Long> counts = needs.countByStatus(viewer);
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : NeedStatus.ALL) out.put(s, counts.getOrDefault(s, 0L));
        return out;
    }

    public Pipeline pipeline(Actor viewer) {
        Map<String, Long> q = offers.quantityByStatus(viewer);
        long pledged = PLEDGED.stream().mapToLong(s -> q.getOrDefault(s, 0L)).sum();
        return new Pipeline(q.getOrDefault("OFFERED", 0L), pledged, q.getOrDefault("DELIVERED", 0L),
                q.getOrDefault("WITHDRAWN", 0L) + q.getOrDefault("DECLINED", 0L));
    }

    /**
     * The most critical needs still waiting for pledges: highest priority first, then earliest
     * due. Reads priority by priority and stops as soon as the list is full.
     */
    public List<Need> criticalUncovered(Actor viewer) {
        List<Need> found = new ArrayList<>();
        for (Priority p : Priority.values()) {
            for (String status : UNCOVERED) {
                NeedFilter filter = new NeedFilter(status, null, null, null, p.rank(), null);
                found.addAll(needs.list(filter, viewer, null, CRITICAL_SHOWN_MAX).items());
            }
            if (found.size() >= CRITICAL_SHOWN_MAX) break;
        }
        return found.stream()
                .sorted(Comparator.comparing(Need::priority).thenComparing(Need::dueDate).thenComparing(Need::key))
                .limit(CRITICAL_SHOWN_MAX).toList();
    }

    /** Item code to item name, for display. */
    public Map<String, String> itemNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Item i : catalog.all()) names.put(i.code(), i.name());
        return names;
    }

    private Map<String, Category> categoryOfItem() {
        Map<String, Category> out = new LinkedHashMap<>();
        for (Item i : catalog.all()) out.put(i.code(), i.category());
        return out;
    }
}
