package org.quartermaster.parties.web;

import io.javalin.http.HandlerType;
import java.util.Comparator;
import java.util.List;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.model.Location;
import org.quartermaster.parties.model.Organisation;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;

/** The organisations page: who shares the platform, by kind, with their locations. */
public final class PartyPages {
    private PartyPages() {}

    public record OrganisationsView(List<Organisation> organisations, List<Location> locations) {}

    public static void routes(RouteTable t, Parties parties) {
        t.page(HandlerType.GET, "/organisations", "Organisations and locations", ctx -> {
            List<Organisation> organisations = parties.allOrganisations().stream()
                    .sorted(Comparator.comparing((Organisation o) -> o.kind()).thenComparing(Organisation::name))
                    .toList();
            Templates.page(ctx, "parties/organisations.jte",
                    new OrganisationsView(organisations, parties.allLocations()));
        });
    }
}
