package org.quartermaster.offers.web;

import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.offers.OfferFilter;
import org.quartermaster.offers.Offers;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferRules;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Pages;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;
import org.quartermaster.shared.Checks;

/** JSON routes of donor offers. */
public final class OffersApi {
    private OffersApi() {}

    public record OfferRequest(String donor, String item, Long quantity, String condition, String origin,
                               LocalDate availableFrom, String terms, Boolean nonLethalOnly, String restrictions,
                               Boolean reimbursementRequested, String need, Set<String> releasableTo) {}

    public record TransitionRequest(Long version) {}

    /** New releasability; lowering it names a GRANTED four-eyes approval of exactly this change. */
    public record ReleasabilityRequest(List<String> releasableTo, Long version, String approval) {}

    public record OfferResponse(String id, String donor, String item, long quantity, String condition, String origin,
                                LocalDate availableFrom, String terms, boolean nonLethalOnly, String restrictions,
                                boolean reimbursementRequested, String need, String status, Set<String> releasableTo,
                                long version, Instant createdAt, Instant updatedAt) {}

    public record OfferPage(List<OfferResponse> items, String next) {}

    public static void routes(RouteTable t, Offers offers, org.quartermaster.access.FourEyesCheck fourEyes) {
        t.put("/api/v1/offers/{id}/releasability", "offers",
                "Change who an offer is released to (lowering needs a granted approval from a second person)",
                ReleasabilityRequest.class, OfferResponse.class, ctx -> {
                    ReleasabilityRequest r = Http.body(ctx, ReleasabilityRequest.class);
                    if (r.releasableTo() == null) throw new org.quartermaster.shared.InvalidField("releasableTo", "is required");
                    Offer o = offers.changeReleasability(ctx.pathParam("id"), new java.util.HashSet<>(r.releasableTo()),
                            Http.version(r.version()), r.approval(), Actors.of(ctx), fourEyes);
                    Http.json(ctx, 200, response(o));
                });
        t.get("/api/v1/offers", "offers", "List offers", OfferPage.class, List.of(
                new Param("status", "OFFERED, ACCEPTED, COMMITTED, SHIPPED, DELIVERED, WITHDRAWN or DECLINED", String.class),
                new Param("item", "item code", String.class),
                new Param("donor", "organisation code", String.class),
                new Param("need", "need id the offer is pledged to", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            OfferFilter filter = new OfferFilter(Http.param(ctx, "status"), Http.param(ctx, "item"),
                    Http.param(ctx, "donor"), Http.param(ctx, "need"));
            var page = Pages.map(offers.list(filter, Actors.of(ctx), Http.param(ctx, "after"), Http.intParam(ctx, "limit")),
                    OffersApi::response);
            Http.json(ctx, 200, new OfferPage(page.items(), page.next()));
        });
        t.get("/api/v1/offers/{id}", "offers", "Read one offer", OfferResponse.class,
                ctx -> Http.json(ctx, 200, response(offers.get(ctx.pathParam("id"), Actors.of(ctx)))));
        t.post("/api/v1/offers", "offers", "Make an offer from stock", OfferRequest.class, OfferResponse.class, 201,
                ctx -> {
                    OfferRequest r = Http.body(ctx, OfferRequest.class);
                    Offer o = offers.make(command(r), Actors.of(ctx));
                    Http.created(ctx, "/api/v1/offers/" + o.publicId(), response(o));
                });
        for (OfferRules.Action action : OfferRules.Action.values()) {
            String verb = action.name().toLowerCase(Locale.ROOT);
            t.post("/api/v1/offers/{id}/" + verb, "offers", "Lifecycle step: " + verb, TransitionRequest.class,
                    OfferResponse.class, 200, ctx -> {
                        TransitionRequest r = Http.body(ctx, TransitionRequest.class);
                        Offer o = offers.act(ctx.pathParam("id"), action, Http.version(r.version()), Actors.of(ctx));
                        Http.json(ctx, 200, response(o));
                    });
        }
    }

    static MakeOffer command(OfferRequest r) {
        return new MakeOffer(r.donor(), r.item(), Checks.required("quantity", r.quantity()), r.condition(),
                r.origin(), Checks.required("availableFrom", r.availableFrom()), r.terms(),
                Boolean.TRUE.equals(r.nonLethalOnly()), r.restrictions(), Boolean.TRUE.equals(r.reimbursementRequested()),
                r.need(), r.releasableTo());
    }

    public static OfferResponse response(Offer o) {
        return new OfferResponse(o.publicId(), o.donor(), o.item(), o.quantity(), o.condition().name(), o.origin(),
                o.availableFrom(), o.terms().name(), o.nonLethalOnly(), o.restrictions(), o.reimbursementRequested(),
                o.need(), o.status().name(), o.releasableTo(), o.version(), o.createdAt(), o.updatedAt());
    }

    /** The access policy of every route above (checked at start: a route without one stops the server). */
    public static void policies(org.quartermaster.access.RoutePolicies p) {
        p.declare("GET", "/api/v1/offers", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/offers/{id}", RoutePolicy.publicRoute());
        p.declare("POST", "/api/v1/offers", RoutePolicy.forAction(Action.MAKE_OFFER));
        p.declare("PUT", "/api/v1/offers/{id}/releasability", RoutePolicy.forAction(Action.CHANGE_RELEASABILITY));
        for (OfferRules.Action step : OfferRules.Action.values()) {
            p.declare("POST", "/api/v1/offers/{id}/" + step.name().toLowerCase(Locale.ROOT),
                    RoutePolicy.forAction(org.quartermaster.offers.Offers.actionOf(step)));
        }
    }
}
