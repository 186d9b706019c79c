package org.quartermaster.needs.web;

import org.quartermaster.access.RoutePolicy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.audit.Journal;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.catalog.Classifiers;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.needs.Needs;
import org.quartermaster.needs.model.Need;
import org.quartermaster.needs.model.NeedStatus;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.model.Organisation;
import org.quartermaster.audit.History;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Links;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;
import org.quartermaster.shared.Page;

/** Pages of need lines: the filtered list (with an htmx partial for its table) and a need's thread. */
public final class NeedPages {
    /** Rows per page of the list: a screenful a coordinator can scan. */
    static final int PAGE_ROWS = 25;
    /** Offers a need's page lists; a need with more pledges than this is an anomaly worth a look anyway. */
    public static final int PLEDGES_SHOWN_MAX = 100;

    private NeedPages() {}

    /** The offers pledged to a need, supplied by the wiring so that needs does not depend on offers. */
    @FunctionalInterface
    public interface Pledges {
        List<Pledge> of(String needId, org.quartermaster.shared.Actor viewer);
    }

    /** One offer pledged (or offered) to a need, as the need's page shows it. */
    public record Pledge(String id, String donor, String item, long quantity, String status, LocalDate availableFrom) {}

    /** The filters as the form shows them (raw strings, blank for "any"). */
    public record Form(String status, String item, String requester, String priority) {
        Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("status", status);
            q.put("item", item);
            q.put("requester", requester);
            q.put("priority", priority);
            return q;
        }

        /** The download of the list as filtered here ({@code csv} or {@code json}). */
        public String exportHref(String format) {
            Map<String, String> q = query();
            q.put("format", format);
            return org.quartermaster.server.Links.to(NeedsExport.PATH, q);
        }
    }

    public record ListView(Form form, List<Need> needs, Map<String, String> itemNames, String nextHref,
                           List<String> statuses, List<Item> items, List<Organisation> requesters) {
        public String itemName(String code) {
            return itemNames.getOrDefault(code, code);
        }
    }

    /** What the latest plan does for a need, given by the wiring so that needs need not know planning. */
    public interface PlanLines {
        Planned of(String needId, org.quartermaster.shared.Actor viewer);
    }

    /** The latest plan's lines for one need: its allocations explained, and what is left short. */
    public record Planned(String plan, List<String> allocations, long shortQuantity, String shortReason) {
        public static final Planned NONE = new Planned(null, List.of(), 0, null);
    }

    /** The shipments serving a need as {@code viewer} may see them, given by the wiring (needs does not know logistics). */
    @FunctionalInterface
    public interface Deliveries {
        List<Delivery> of(org.quartermaster.shared.Actor viewer, String needId);

        Deliveries NONE = (viewer, needId) -> List.of();
    }

    /**
     * One shipment line serving the need: what it fulfils (kind and id, and the contract when it
     * names one the viewer may see), where the consignment is, who holds it, its custody steps
     * (as sentences), the signed receipt, discrepancies and the field rating once given.
     */
    public record Delivery(String shipment, int line, String fulfilsKind, String fulfilsId, Contracted contract,
                           String status, String holder, String origin, String destination,
                           java.time.Instant plannedArrival, boolean overdue, long quantity, long delivered,
                           List<String> custody, String receipt, List<String> discrepancies, Integer rating,
                           String ratingComment) {}

    /**
     * A contract or call-off a shipment line fulfils: its page ({@code contract}), supplier, units
     * ordered and delivered, status, and how far it is behind: units overdue and the worst days late.
     */
    public record Contracted(String id, String contract, String supplier, long quantity, long delivered, String status,
                             long unitsBehind, long daysLate) {}

    public record NeedView(Need need, String itemName, String unit, List<Pledge> pledges,
                           List<History.Entry> history, Planned planned, List<Delivery> deliveries) {
        /** The contracts and call-offs the need's shipments fulfil, once each, in the order first shipped. */
        public List<Contracted> contracts() {
            java.util.Map<String, Contracted> out = new java.util.LinkedHashMap<>();
            for (Delivery d : deliveries) if (d.contract() != null) out.putIfAbsent(d.contract().id(), d.contract());
            return List.copyOf(out.values());
        }
    }

    public static void routes(RouteTable t, Needs needs, Catalog catalog, Parties parties, Journal journal,
                              Pledges pledges, PlanLines plans, Deliveries deliveries) {
        t.page(HandlerType.GET, "/needs", "Need lines, filtered, with an htmx partial of the table",
                ctx -> list(ctx, needs, catalog, parties));
        t.page(HandlerType.GET, "/needs/{id}", "A need's page: fields, coverage, pledged offers, history", ctx -> {
            org.quartermaster.shared.Actor viewer = Actors.of(ctx);
            Need need = needs.get(ctx.pathParam("id"), viewer);
            Item item = catalog.get(need.item());
            String unit = Classifiers.get().unit(item.unit()).map(Classifiers.Unit::name).orElse(item.unit());
            Templates.page(ctx, "needs/need.jte", new NeedView(need, item.name(), unit,
                    pledges.of(need.publicId(), viewer), History.of(journal, need.publicId(), viewer),
                    plans.of(need.publicId(), viewer), deliveries.of(viewer, need.publicId())));
        });
    }

    private static void list(Context ctx, Needs needs, Catalog catalog, Parties parties) {
        Form form = new Form(Http.param(ctx, "status"), Http.param(ctx, "item"), Http.param(ctx, "requester"),
                Http.param(ctx, "priority"));
        NeedFilter filter = new NeedFilter(form.status(), form.item(), form.requester(), null,
                NeedsApi.priority(Http.intParam(ctx, "priority")), null);
        Page<Need> page = needs.list(filter, Actors.of(ctx), Http.param(ctx, "after"), PAGE_ROWS);
        List<Item> items = catalog.all();
        Map<String, String> names = catalog.names(items);
        String next = Links.next("/needs", form.query(), page.next());
        ListView view = new ListView(form, page.items(), names, next, NeedStatus.ALL, items,
                parties.allOrganisations());
        Templates.page(ctx, Templates.partial(ctx) ? "needs/table.jte" : "needs/list.jte", view);
    }

    /** The access policy of every route above (checked at start: a route without one stops the server). */
    public static void policies(org.quartermaster.access.RoutePolicies p) {
        p.declare("GET", "/needs", RoutePolicy.anyRole());
        p.declare("GET", "/needs/{id}", RoutePolicy.anyRole());
    }
}
