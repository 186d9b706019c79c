package org.quartermaster.catalog.web;

import org.quartermaster.access.RoutePolicy;
import io.javalin.http.HandlerType;
import java.util.List;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.catalog.Classifiers;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;
import org.quartermaster.server.Ui;

/** The catalogue page: every item with its unit, NSN and CPV (named in the reader's language). */
public final class CatalogPages {
    private CatalogPages() {}

    /** An item with the names of its CPV code and unit, looked up in the official lists. */
    public record ItemLine(Item item, String cpvName, String unitName) {}

    public record ItemsView(List<ItemLine> items) {}

    public static void routes(RouteTable t, Catalog catalog) {
        t.page(HandlerType.GET, "/items", "The catalogue", ctx -> {
            String lang = Ui.of(ctx).lang();
            Classifiers lists = Classifiers.get();
            List<ItemLine> lines = catalog.all().stream().map(i -> new ItemLine(i,
                    i.cpv() == null ? "" : lists.cpvName(i.cpv(), lang).orElse(""),
                    lists.unit(i.unit()).map(Classifiers.Unit::name).orElse(i.unit()))).toList();
            Templates.page(ctx, "catalog/items.jte", new ItemsView(lines));
        });
    }

    /** The access policy of every route above (checked at start: a route without one stops the server). */
    public static void policies(org.quartermaster.access.RoutePolicies p) {
        p.declare("GET", "/items", RoutePolicy.anyRole());
    }
}
