package org.quartermaster.catalog.web;

import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import java.time.Instant;
import java.util.List;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.catalog.Classifiers;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.ItemFilter;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.catalog.model.Compatibility;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Pages;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;

/** The catalogue's JSON routes. */
public final class CatalogApi {
    private CatalogApi() {}

    public record CompatibilityBody(String item, Integer penalty) {}

    public record ItemRequest(String code, String name, String unit, String nsn, String cpv, Category category,
                              Boolean lethal, List<CompatibilityBody> compatibleWith, Long version) {}

    public record ItemResponse(String code, String name, String unit, String unitName, String nsn, String cpv,
                               String cpvName, Category category, boolean lethal,
                               List<CompatibilityBody> compatibleWith, long version, Instant createdAt,
                               Instant updatedAt) {}

    public record ItemPage(List<ItemResponse> items, String next) {}

    public static void routes(RouteTable t, Catalog catalog) {
        t.get("/api/v1/items", "catalog", "List catalogue items", ItemPage.class, List.of(
                new Param("category", "only this category", Category.class),
                new Param("lethal", "true or false", Boolean.class),
                new Param("q", "text in the code or name", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            ItemFilter filter = new ItemFilter(Http.enumParam(ctx, "category", Category.class), Http.boolParam(ctx, "lethal"),
                    Http.param(ctx, "q"));
            var page = Pages.map(catalog.list(filter, Http.param(ctx, "after"), Http.intParam(ctx, "limit")),
                    CatalogApi::response);
            Http.json(ctx, 200, new ItemPage(page.items(), page.next()));
        });
        t.get("/api/v1/items/{code}", "catalog", "Read one item", ItemResponse.class,
                ctx -> Http.json(ctx, 200, response(catalog.get(ctx.pathParam("code")))));
        t.post("/api/v1/items", "catalog", "Define an item", ItemRequest.class, ItemResponse.class, 201, ctx -> {
            ItemRequest r = Http.body(ctx, ItemRequest.class);
            Item item = catalog.define(command(r), Actors.of(ctx));
            Http.created(ctx, "/api/v1/items/" + item.code(), response(item));
        });
        t.put("/api/v1/items/{code}", "catalog", "Change an item at a known version", ItemRequest.class,
                ItemResponse.class, ctx -> {
                    ItemRequest r = Http.body(ctx, ItemRequest.class);
                    Item item = catalog.change(ctx.pathParam("code"), command(r), Http.version(r.version()),
                            Actors.of(ctx));
                    Http.json(ctx, 200, response(item));
                });
    }


    private static DefineItem command(ItemRequest r) {
        return new DefineItem(r.code(), r.name(), Checks.required("unit", r.unit()), r.nsn(), r.cpv(),
                r.category(), Checks.required("lethal", r.lethal()), links(r.compatibleWith()));
    }

    /** The links of a request; a mistake points at its entry, e.g. {@code /compatibleWith/2/penalty}. */
    private static List<Compatibility> links(List<CompatibilityBody> bodies) {
        if (bodies == null) return List.of();
        List<Compatibility> links = new java.util.ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            String at = "compatibleWith[" + i + "]";
            CompatibilityBody c = Checks.required(at, bodies.get(i));
            Checks.required(at + ".penalty", c.penalty());
            try {
                links.add(new Compatibility(c.item(), c.penalty()));
            } catch (InvalidField e) {
                // The model names the link's field generically; the caller needs the entry.
                throw new InvalidField(at + "." + (e.field().endsWith("penalty") ? "penalty" : "item"), e.detail());
            }
        }
        return links;
    }

    public static ItemResponse response(Item i) {
        Classifiers cl = Classifiers.get();
        return new ItemResponse(i.code(), i.name(), i.unit(), cl.unit(i.unit()).map(Classifiers.Unit::name).orElse(null),
                i.nsn() == null ? null : i.nsn().value(), i.cpv(),
                i.cpv() == null ? null : cl.cpvName(i.cpv(), "en").orElse(null), i.category(), i.lethal(),
                i.compatibleWith().stream().map(c -> new CompatibilityBody(c.servesItem(), c.penalty())).toList(),
                i.version(), i.createdAt(), i.updatedAt());
    }

    /** The access policy of every route above (checked at start: a route without one stops the server). */
    public static void policies(org.quartermaster.access.RoutePolicies p) {
        p.declare("GET", "/api/v1/items", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/items/{code}", RoutePolicy.publicRoute());
        p.declare("POST", "/api/v1/items", RoutePolicy.forPlatformAction(Action.DEFINE_ITEM));
        p.declare("PUT", "/api/v1/items/{code}", RoutePolicy.forPlatformAction(Action.DEFINE_ITEM));
    }
}
