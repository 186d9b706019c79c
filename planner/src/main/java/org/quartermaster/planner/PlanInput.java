package org.quartermaster.planner;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the planner plans over. The compact constructor checks each record against the
 * others (known items, periods inside the horizon, unique ids, one fund per production line)
 * and that the worst-case objective fits in 64 bits; a failure is an
 * {@link IllegalArgumentException} naming the offending record.
 */
public record PlanInput(int horizonWeeks, List<Item> items, List<Compatibility> compatibilities,
                        List<Need> needs, List<Offer> offers, List<ProductionLine> productionLines,
                        List<Lane> lanes, List<AbsorptionLimit> absorptionLimits,
                        List<FundBudget> funds) {

    public PlanInput {
        if (horizonWeeks < 1 || horizonWeeks > Limits.MAX_HORIZON_WEEKS) {
            throw new IllegalArgumentException("horizon weeks must be in [1, "
                    + Limits.MAX_HORIZON_WEEKS + "], was " + horizonWeeks);
        }
        items = List.copyOf(items);
        compatibilities = List.copyOf(compatibilities);
        needs = List.copyOf(needs);
        offers = List.copyOf(offers);
        productionLines = List.copyOf(productionLines);
        lanes = List.copyOf(lanes);
        absorptionLimits = List.copyOf(absorptionLimits);
        funds = List.copyOf(funds);
        if (needs.size() > Limits.MAX_NEED_LINES) {
            throw new IllegalArgumentException("need lines must be <= " + Limits.MAX_NEED_LINES);
        }
        for (List<?> list : List.of(offers, productionLines, lanes, absorptionLimits, funds, compatibilities)) {
            if (list.size() > Limits.MAX_SUPPLY_RECORDS) {
                throw new IllegalArgumentException("supply-side records per list must be <= "
                        + Limits.MAX_SUPPLY_RECORDS);
            }
        }
        Set<String> itemIds = new HashSet<>();
        for (Item item : items) {
            unique(itemIds, item.id(), "item");
        }
        checkCompatibilities(compatibilities, itemIds);
        checkNeeds(needs, itemIds, horizonWeeks);
        checkOffers(offers, itemIds, horizonWeeks);
        Set<String> lineIds = checkLines(productionLines, itemIds, horizonWeeks);
        checkLanes(lanes, horizonWeeks);
        checkAbsorption(absorptionLimits, itemIds);
        checkFunds(funds, lineIds);
        checkCostRange(horizonWeeks, compatibilities, needs, offers, productionLines, lanes);
    }

    private static void unique(Set<String> seen, String id, String what) {
        if (!seen.add(id)) {
            throw new IllegalArgumentException(what + " " + id + " must have a unique id");
        }
    }

    private static void known(Set<String> itemIds, String item, String owner) {
        if (!itemIds.contains(item)) {
            throw new IllegalArgumentException(owner + " must name a known item, not " + item);
        }
    }

    private static void inHorizon(int week, int horizonWeeks, String what) {
        if (week >= horizonWeeks) {
            throw new IllegalArgumentException(what + " must be < horizon " + horizonWeeks + ", was " + week);
        }
    }

    private static void checkCompatibilities(List<Compatibility> compatibilities, Set<String> itemIds) {
        Set<String> pairs = new HashSet<>();
        for (Compatibility c : compatibilities) {
            String name = "compatibility " + c.substitute() + "->" + c.needed();
            known(itemIds, c.substitute(), name);
            known(itemIds, c.needed(), name);
            unique(pairs, c.substitute() + "\u0000" + c.needed(), name);
        }
    }

    private static void checkNeeds(List<Need> needs, Set<String> itemIds, int horizonWeeks) {
        Set<String> ids = new HashSet<>(needs.size() * 2);
        for (Need need : needs) {
            unique(ids, need.id(), "need");
            known(itemIds, need.item(), "need " + need.id());
            inHorizon(need.dueWeek(), horizonWeeks, "need " + need.id() + " due week");
        }
    }

    private static void checkOffers(List<Offer> offers, Set<String> itemIds, int horizonWeeks) {
        Set<String> ids = new HashSet<>();
        for (Offer offer : offers) {
            unique(ids, offer.id(), "offer");
            known(itemIds, offer.item(), "offer " + offer.id());
            inHorizon(offer.availableWeek(), horizonWeeks, "offer " + offer.id() + " available week");
        }
    }

    private static Set<String> checkLines(List<ProductionLine> lines, Set<String> itemIds, int horizonWeeks) {
        Set<String> ids = new HashSet<>();
        for (ProductionLine line : lines) {
            unique(ids, line.id(), "production line");
            known(itemIds, line.item(), "production line " + line.id());
            inHorizon(line.leadTimeWeeks(), horizonWeeks, "production line " + line.id() + " lead time weeks");
        }
        return ids;
    }

    private static void checkLanes(List<Lane> lanes, int horizonWeeks) {
        Set<String> pairs = new HashSet<>();
        for (Lane lane : lanes) {
            String name = "lane " + lane.origin() + "->" + lane.destination();
            unique(pairs, lane.origin() + "\u0000" + lane.destination(), name);
            inHorizon(lane.transitWeeks(), horizonWeeks, name + " transit weeks");
        }
    }

    private static void checkAbsorption(List<AbsorptionLimit> limits, Set<String> itemIds) {
        Set<String> pairs = new HashSet<>();
        for (AbsorptionLimit limit : limits) {
            String name = "absorption limit " + limit.destination() + "/" + limit.item();
            known(itemIds, limit.item(), name);
            unique(pairs, limit.destination() + "\u0000" + limit.item(), name);
        }
    }

    private static void checkFunds(List<FundBudget> funds, Set<String> lineIds) {
        Set<String> ids = new HashSet<>();
        Map<String, String> payer = new HashMap<>();
        for (FundBudget fund : funds) {
            unique(ids, fund.id(), "fund");
            for (String line : fund.eligibleProductionLines()) {
                if (!lineIds.contains(line)) {
                    throw new IllegalArgumentException("fund " + fund.id()
                            + " must name known production lines, not " + line);
                }
                String other = payer.putIfAbsent(line, fund.id());
                if (other != null) {
                    throw new IllegalArgumentException("production line " + line
                            + " must be paid by one fund, not by " + other + " and " + fund.id());
                }
            }
        }
    }

    /**
     * Every unit of demand or supply costs at most the shortfall penalty of a P1 unit, so the
     * objective of any plan is bounded by (demand + supply) x that penalty; it must fit in 64
     * bits with headroom for the solver's potentials.
     */
    private static void checkCostRange(int horizonWeeks, List<Compatibility> compatibilities,
                                       List<Need> needs, List<Offer> offers,
                                       List<ProductionLine> lines, List<Lane> lanes) {
        try {
            CostModel model = CostModel.of(horizonWeeks, compatibilities, offers, lines, lanes);
            long units = 0;
            for (Need need : needs) {
                units = Math.addExact(units, need.quantity());
            }
            for (Offer offer : offers) {
                units = Math.addExact(units, offer.quantity());
            }
            for (ProductionLine line : lines) {
                units = Math.addExact(units, Math.multiplyExact(line.capacityPerWeek(), horizonWeeks));
            }
            long perUnit = model.shortfallCost(Priority.P1, 0);
            Math.multiplyExact(Math.multiplyExact(units, perUnit), 4L);
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException(
                    "costs x quantities must fit in 64 bits (cost overflow); lower prices or quantities", overflow);
        }
    }
}
