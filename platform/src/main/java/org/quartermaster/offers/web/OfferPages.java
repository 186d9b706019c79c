package org.quartermaster.offers.web;

import org.quartermaster.access.RoutePolicy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.audit.Journal;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.catalog.Classifiers;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.offers.OfferFilter;
import org.quartermaster.offers.Offers;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferStatus;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.model.Organisation;
import org.quartermaster.audit.History;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Links;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;
import org.quartermaster.shared.Page;

/** Pages of donor offers: the filtered list and an offer's page with its history. */
public final class OfferPages {
    /** Rows per page of the list. */
    static final int PAGE_ROWS = 25;

    private OfferPages() {}

    public record Form(String status, String item, String donor) {
        Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("status", status);
            q.put("item", item);
            q.put("donor", donor);
            return q;
        }

        /** The download of the list as filtered here ({@code csv} or {@code json}). */
        public String exportHref(String format) {
            Map<String, String> q = query();
            q.put("format", format);
            return org.quartermaster.server.Links.to(OffersExport.PATH, q);
        }
    }

    public record ListView(Form form, List<Offer> offers, Map<String, String> itemNames, String nextHref,
                           List<String> statuses, List<Item> items, List<Organisation> donors) {
        public String itemName(String code) {
            return itemNames.getOrDefault(code, code);
        }
    }

    public record OfferView(Offer offer, String itemName, String unit, List<History.Entry> history) {}

    public static void routes(RouteTable t, Offers offers, Catalog catalog, Parties parties, Journal journal) {
        t.page(HandlerType.GET, "/offers", "Donor offers, filtered, with an htmx partial of the table",
                ctx -> list(ctx, offers, catalog, parties));
        t.page(HandlerType.GET, "/offers/{id}", "An offer's page: fields, the need it serves, history", ctx -> {
            org.quartermaster.shared.Actor viewer = Actors.of(ctx);
            Offer offer = offers.get(ctx.pathParam("id"), viewer);
            Item item = catalog.get(offer.item());
            String unit = Classifiers.get().unit(item.unit()).map(Classifiers.Unit::name).orElse(item.unit());
            Templates.page(ctx, "offers/offer.jte",
                    new OfferView(offer, item.name(), unit, History.of(journal, offer.publicId(), viewer)));
        });
    }

    private static void list(Context ctx, Offers offers, Catalog catalog, Parties parties) {
        Form form = new Form(Http.param(ctx, "status"), Http.param(ctx, "item"), Http.param(ctx, "donor"));
        Page<Offer> page = offers.list(new OfferFilter(form.status(), form.item(), form.donor(), null),
                Actors.of(ctx), Http.param(ctx, "after"), PAGE_ROWS);
        List<Item> items = catalog.all();
        Map<String, String> names = catalog.names(items);
        String next = Links.next("/offers", form.query(), page.next());
        ListView view = new ListView(form, page.items(), names, next, OfferStatus.ALL, items,
                parties.allOrganisations());
        Templates.page(ctx, Templates.partial(ctx) ? "offers/table.jte" : "offers/list.jte", view);
    }

    /** The access policy of every route above (checked at start: a route without one stops the server). */
    public static void policies(org.quartermaster.access.RoutePolicies p) {
        p.declare("GET", "/offers", RoutePolicy.anyRole());
        p.declare("GET", "/offers/{id}", RoutePolicy.anyRole());
    }
}
