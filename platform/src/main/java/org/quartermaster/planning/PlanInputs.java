package org.quartermaster.planning;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.catalog.model.Compatibility;
import org.quartermaster.catalog.model.Item;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.planner.PlanInput;
import org.quartermaster.planner.Priority;
import org.quartermaster.planning.model.PlanWeeks;

/**
 * Maps the platform's records to the planner's input: remaining quantities of uncovered needs,
 * unpledged offers available within the horizon, item substitutions, and lanes (a pair of
 * locations with no lane of its own gets the default lane).
 */
final class PlanInputs {
    /** Transit of a lane nobody has described: two weeks, no cost (documented in the README). */
    static final int DEFAULT_TRANSIT_WEEKS = 2;
    static final long DEFAULT_COST_PER_UNIT = 0;

    private PlanInputs() {}

    static PlanInput build(PlanWeeks weeks, List<Item> items, List<Need> needs, List<Offer> offers, List<Lane> lanes) {
        return build(weeks, items, needs, offers, lanes, List.of());
    }

    static PlanInput build(PlanWeeks weeks, List<Item> items, List<Need> needs, List<Offer> offers, List<Lane> lanes,
                           List<ProductionSupply.Line> production) {
        List<org.quartermaster.planner.Item> plannerItems = items.stream()
                .map(i -> new org.quartermaster.planner.Item(i.code())).toList();
        List<org.quartermaster.planner.Compatibility> substitutions = new ArrayList<>();
        for (Item i : items) {
            for (Compatibility c : i.compatibleWith()) {
                substitutions.add(new org.quartermaster.planner.Compatibility(i.code(), c.servesItem(), c.penalty()));
            }
        }
        List<org.quartermaster.planner.Need> plannerNeeds = new ArrayList<>(needs.size());
        Set<String> destinations = new LinkedHashSet<>();
        for (Need n : needs) {
            long remaining = n.quantity() - n.coveredQuantity();
            if (remaining <= 0) continue;
            plannerNeeds.add(new org.quartermaster.planner.Need(n.publicId(), n.item(), remaining,
                    Priority.valueOf(n.priority().name()), weeks.clampedWeekOf(n.dueDate()), n.destination(),
                    n.createdAt().toEpochMilli()));
            destinations.add(n.destination());
        }
        List<org.quartermaster.planner.Offer> plannerOffers = new ArrayList<>(offers.size());
        Set<String> origins = new LinkedHashSet<>();
        for (Offer o : offers) {
            if (!weeks.inHorizon(o.availableFrom())) continue;
            plannerOffers.add(new org.quartermaster.planner.Offer(o.publicId(), o.item(), o.quantity(), o.origin(),
                    weeks.weekOf(o.availableFrom()), 0));
            origins.add(o.origin());
        }
        List<org.quartermaster.planner.ProductionLine> lines = productionLines(weeks, plannerItems, production, origins);
        return new PlanInput(weeks.horizonWeeks(), plannerItems, substitutions, plannerNeeds, plannerOffers,
                lines, lanes(lanes, origins, destinations), List.of(), List.of());
    }

    /**
     * The planner's lines start the same number of units every week, so a line offers the
     * fewest units it has free in any week of the horizon: the plan never counts on units that
     * are reserved (a ramp-up is thus only seen once it covers the whole horizon). A line
     * whose lead time reaches past the horizon, or with nothing free, adds nothing. Prices are
     * passed in the line's own minor units, unconverted (money is the objective's last term).
     */
    private static List<org.quartermaster.planner.ProductionLine> productionLines(PlanWeeks weeks,
            List<org.quartermaster.planner.Item> items, List<ProductionSupply.Line> production, Set<String> origins) {
        Set<String> known = new java.util.HashSet<>();
        for (var i : items) known.add(i.id());
        List<org.quartermaster.planner.ProductionLine> out = new ArrayList<>();
        for (ProductionSupply.Line l : production) {
            if (l.leadTimeWeeks() >= weeks.horizonWeeks() || !known.contains(l.item())) continue;
            long free = l.freeUnits().stream().limit(weeks.horizonWeeks()).mapToLong(Long::longValue).min().orElse(0);
            if (free <= 0 || l.freeUnits().size() < weeks.horizonWeeks()) continue;
            out.add(new org.quartermaster.planner.ProductionLine(l.id(), l.item(), l.site(),
                    Math.min(free, org.quartermaster.planner.Limits.MAX_QUANTITY), l.leadTimeWeeks(),
                    Math.min(l.unitPriceMinor(), org.quartermaster.planner.Limits.MAX_UNIT_COST)));
            origins.add(l.site());
        }
        return out;
    }

    private static List<org.quartermaster.planner.Lane> lanes(List<Lane> described, Set<String> origins,
                                                              Set<String> destinations) {
        Map<String, Lane> byPair = new HashMap<>();
        for (Lane l : described) byPair.put(l.origin() + "\u0000" + l.destination(), l);
        List<org.quartermaster.planner.Lane> out = new ArrayList<>();
        for (String origin : origins) {
            for (String destination : destinations) {
                Lane l = byPair.get(origin + "\u0000" + destination);
                out.add(l == null
                        ? new org.quartermaster.planner.Lane(origin, destination, DEFAULT_TRANSIT_WEEKS, DEFAULT_COST_PER_UNIT)
                        : new org.quartermaster.planner.Lane(origin, destination, l.transitWeeks(), l.costPerUnit()));
            }
        }
        return out;
    }

    static LocalDate today(java.time.Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
