package org.quartermaster.parties.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.Location;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.Organisation;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Pages;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;

/** JSON routes of organisations and locations. */
public final class PartiesApi {
    private PartiesApi() {}

    public record OrganisationRequest(String code, String name, OrganisationKind kind, String country,
                                      Set<String> groups, String ncage, Long version) {}

    public record OrganisationResponse(String code, String name, OrganisationKind kind, String country,
                                       Set<String> groups, String ncage, long version, Instant createdAt,
                                       Instant updatedAt) {}

    public record OrganisationPage(List<OrganisationResponse> items, String next) {}

    public record LocationRequest(String code, String name, String country, LocationKind kind, String organisation) {}

    public record LocationResponse(String code, String name, String country, LocationKind kind, String organisation,
                                   long version, Instant createdAt) {}

    public record LocationPage(List<LocationResponse> items, String next) {}

    public static void routes(RouteTable t, Parties parties) {
        t.get("/api/v1/organisations", "parties", "List organisations", OrganisationPage.class, List.of(
                new Param("kind", "only this kind", OrganisationKind.class),
                new Param("group", "only members of this group, e.g. NATO", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            var page = Pages.map(parties.organisations(Http.enumParam(ctx, "kind", OrganisationKind.class),
                    Http.param(ctx, "group"), Http.param(ctx, "after"), Http.intParam(ctx, "limit")), PartiesApi::response);
            Http.json(ctx, 200, new OrganisationPage(page.items(), page.next()));
        });
        t.get("/api/v1/organisations/{code}", "parties", "Read one organisation", OrganisationResponse.class,
                ctx -> Http.json(ctx, 200, response(parties.organisation(ctx.pathParam("code")))));
        t.post("/api/v1/organisations", "parties", "Register an organisation", OrganisationRequest.class,
                OrganisationResponse.class, 201, ctx -> {
                    OrganisationRequest r = Http.body(ctx, OrganisationRequest.class);
                    Organisation o = parties.register(command(r), Actors.of(ctx));
                    Http.created(ctx, "/api/v1/organisations/" + o.code(), response(o));
                });
        t.put("/api/v1/organisations/{code}", "parties", "Change an organisation at a known version",
                OrganisationRequest.class, OrganisationResponse.class, ctx -> {
                    OrganisationRequest r = Http.body(ctx, OrganisationRequest.class);
                    Organisation o = parties.change(ctx.pathParam("code"), command(r), Http.version(r.version()),
                            Actors.of(ctx));
                    Http.json(ctx, 200, response(o));
                });
        t.get("/api/v1/locations", "parties", "List locations", LocationPage.class, List.of(
                new Param("kind", "only this kind", LocationKind.class),
                new Param("country", "ISO 3166-1 alpha-3", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            var page = Pages.map(parties.locations(Http.enumParam(ctx, "kind", LocationKind.class),
                    Http.param(ctx, "country"), Http.param(ctx, "after"), Http.intParam(ctx, "limit")),
                    PartiesApi::response);
            Http.json(ctx, 200, new LocationPage(page.items(), page.next()));
        });
        t.get("/api/v1/locations/{code}", "parties", "Read one location", LocationResponse.class,
                ctx -> Http.json(ctx, 200, response(parties.location(ctx.pathParam("code")))));
        t.post("/api/v1/locations", "parties", "Add a location", LocationRequest.class, LocationResponse.class, 201,
                ctx -> {
                    LocationRequest r = Http.body(ctx, LocationRequest.class);
                    Location l = parties.addLocation(new AddLocation(r.code(), r.name(), r.country(), r.kind(),
                            r.organisation()), Actors.of(ctx));
                    Http.created(ctx, "/api/v1/locations/" + l.code(), response(l));
                });
    }


    private static RegisterOrganisation command(OrganisationRequest r) {
        return new RegisterOrganisation(r.code(), r.name(), r.kind(), r.country(), r.groups(), r.ncage());
    }

    public static OrganisationResponse response(Organisation o) {
        return new OrganisationResponse(o.code(), o.name(), o.kind(), o.country(), o.groups(), o.ncage(), o.version(),
                o.createdAt(), o.updatedAt());
    }

    public static LocationResponse response(Location l) {
        return new LocationResponse(l.code(), l.name(), l.country(), l.kind(), l.organisation(), l.version(),
                l.createdAt());
    }
}
