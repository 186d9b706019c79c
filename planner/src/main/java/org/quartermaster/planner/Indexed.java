package org.quartermaster.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input turned into dense int indices and primitive arrays, once, so that building the
 * networks and splitting flows back to need lines never hashes strings in a loop.
 */
final class Indexed implements Cloneable {

    static final int PRIORITIES = Priority.values().length;

    final PlanInput input;
    final int horizon;
    /** Depends on the largest offer price, so it is recomputed when offers change. */
    CostModel costs;
    final Map<String, Integer> itemIndex = new HashMap<>();
    final Map<String, Integer> destinationIndex = new HashMap<>();
    final Map<String, Integer> originIndex = new HashMap<>();
    final int itemCount;
    final int destinationCount;
    final int originCount;

    final int[] needItem;
    final int[] needDestination;
    final int[] needChain;
    /** Need lines' due week, quantity and request time, read on the hot paths without the records. */
    final int[] needDue;
    final long[] needQuantity;
    final long[] needRequest;
    final int[] needsByItemStart;
    final int[] needsByItem;

    /** Offers change on re-planning; everything else is shared between versions. */
    List<Offer> offers;
    int[] offerItem;
    int[] offerOrigin;
    final int[] lineItem;
    final int[] lineOrigin;
    final int[] lineFund;
    final int[] laneOrigin;
    final int[] laneDestination;
    final int[][] lanesByOrigin;
    final int[] compatSubstitute;
    final int[] compatNeeded;
    /** Absorption limit by destination x item, -1 when unlimited. */
    final long[] absorption;

    /** Chains (item, destination, priority): index by (item * destinations + d) * P + p. */
    final int[] chainOf;
    final int chainCount;
    final int[] chainItem;
    final int[] chainDestination;
    final int[] chainPriority;
    final int[] chainMinDue;

    final int[] componentOfItem;
    final int[][] componentItems;

    Indexed(PlanInput input) {
        this.input = input;
        this.horizon = input.horizonWeeks();
        this.costs = CostModel.of(horizon, input.compatibilities(), input.offers(),
                input.productionLines(), input.lanes());
        for (Item item : input.items()) {
            itemIndex.put(item.id(), itemIndex.size());
        }
        itemCount = itemIndex.size();
        List<Need> needs = input.needs();
        int needCount = needs.size();
        int[] needDest = new int[needCount];
        for (int k = 0; k < needCount; k++) {
            Integer known = destinationIndex.putIfAbsent(needs.get(k).destination(), destinationIndex.size());
            needDest[k] = known == null ? destinationIndex.size() - 1 : known;
        }
        for (Lane lane : input.lanes()) {
            destinationIndex.putIfAbsent(lane.destination(), destinationIndex.size());
            originIndex.putIfAbsent(lane.origin(), originIndex.size());
        }
        for (Offer offer : input.offers()) {
            originIndex.putIfAbsent(offer.origin(), originIndex.size());
        }
        for (ProductionLine line : input.productionLines()) {
            originIndex.putIfAbsent(line.origin(), originIndex.size());
        }
        destinationCount = destinationIndex.size();
        originCount = originIndex.size();

        needItem = new int[needCount];
        needDestination = needDest;
        needChain = new int[needCount];
        needDue = new int[needCount];
        needQuantity = new long[needCount];
        needRequest = new long[needCount];
        chainOf = new int[Math.multiplyExact(Math.multiplyExact(itemCount, Math.max(destinationCount, 1)), PRIORITIES)];
        Arrays.fill(chainOf, -1);
        int chains = 0;
        int[] minDue = new int[16];
        for (int k = 0; k < needCount; k++) {
            Need need = needs.get(k);
            int item = itemIndex.get(need.item());
            int d = needDest[k];
            needItem[k] = item;
            needDue[k] = need.dueWeek();
            needQuantity[k] = need.quantity();
            needRequest[k] = need.requestedAtMillis();
            int key = (item * destinationCount + d) * PRIORITIES + need.priority().ordinal();
            int chain = chainOf[key];
            if (chain < 0) {
                chain = chains++;
                chainOf[key] = chain;
                if (chain == minDue.length) {
                    minDue = Arrays.copyOf(minDue, chain * 2);
                }
                minDue[chain] = need.dueWeek();
            }
            minDue[chain] = Math.min(minDue[chain], need.dueWeek());
            needChain[k] = chain;
        }
        chainCount = chains;
        chainMinDue = Arrays.copyOf(minDue, chains);
        chainItem = new int[chains];
        chainDestination = new int[chains];
        chainPriority = new int[chains];
        for (int key = 0; key < chainOf.length; key++) {
            int c = chainOf[key];
            if (c >= 0) {
                chainPriority[c] = key % PRIORITIES;
                chainDestination[c] = (key / PRIORITIES) % destinationCount;
                chainItem[c] = key / PRIORITIES / destinationCount;
            }
        }
        needsByItemStart = new int[itemCount + 1];
        for (int item : needItem) {
            needsByItemStart[item + 1]++;
        }
        for (int i = 0; i < itemCount; i++) {
            needsByItemStart[i + 1] += needsByItemStart[i];
        }
        needsByItem = new int[needCount];
        int[] fill = Arrays.copyOf(needsByItemStart, itemCount);
        for (int k = 0; k < needCount; k++) {
            needsByItem[fill[needItem[k]]++] = k;
        }

        offers = input.offers();
        offerItem = new int[input.offers().size()];
        offerOrigin = new int[offerItem.length];
        for (int k = 0; k < offerItem.length; k++) {
            Offer offer = input.offers().get(k);
            offerItem[k] = itemIndex.get(offer.item());
            offerOrigin[k] = originIndex.get(offer.origin());
        }
        List<ProductionLine> lines = input.productionLines();
        lineItem = new int[lines.size()];
        lineOrigin = new int[lines.size()];
        lineFund = new int[lines.size()];
        Map<String, Integer> lineIndex = new HashMap<>();
        for (int l = 0; l < lines.size(); l++) {
            lineItem[l] = itemIndex.get(lines.get(l).item());
            lineOrigin[l] = originIndex.get(lines.get(l).origin());
            lineIndex.put(lines.get(l).id(), l);
        }
        Arrays.fill(lineFund, -1);
        for (int f = 0; f < input.funds().size(); f++) {
            for (String line : input.funds().get(f).eligibleProductionLines()) {
                lineFund[lineIndex.get(line)] = f;
            }
        }
        List<Lane> lanes = input.lanes();
        laneOrigin = new int[lanes.size()];
        laneDestination = new int[lanes.size()];
        List<List<Integer>> byOrigin = new ArrayList<>();
        for (int o = 0; o < originCount; o++) {
            byOrigin.add(new ArrayList<>());
        }
        for (int k = 0; k < lanes.size(); k++) {
            laneOrigin[k] = originIndex.get(lanes.get(k).origin());
            laneDestination[k] = destinationIndex.get(lanes.get(k).destination());
            byOrigin.get(laneOrigin[k]).add(k);
        }
        lanesByOrigin = new int[originCount][];
        for (int o = 0; o < originCount; o++) {
            lanesByOrigin[o] = byOrigin.get(o).stream().mapToInt(Integer::intValue).toArray();
        }
        List<Compatibility> compat = input.compatibilities();
        compatSubstitute = new int[compat.size()];
        compatNeeded = new int[compat.size()];
        for (int k = 0; k < compat.size(); k++) {
            compatSubstitute[k] = itemIndex.get(compat.get(k).substitute());
            compatNeeded[k] = itemIndex.get(compat.get(k).needed());
        }
        absorption = new long[Math.multiplyExact(Math.max(destinationCount, 1), itemCount)];
        Arrays.fill(absorption, -1);
        for (AbsorptionLimit limit : input.absorptionLimits()) {
            Integer d = destinationIndex.get(limit.destination());
            if (d != null) {
                absorption[d * itemCount + itemIndex.get(limit.item())] = limit.unitsPerWeekMax();
            }
        }
        componentOfItem = new int[itemCount];
        componentItems = components();
    }

    /** Connected components of the compatibility graph, numbered by their smallest item. */
    private int[][] components() {
        int[] root = new int[itemCount];
        for (int i = 0; i < itemCount; i++) {
            root[i] = i;
        }
        for (int k = 0; k < compatSubstitute.length; k++) {
            int a = find(root, compatSubstitute[k]);
            int b = find(root, compatNeeded[k]);
            root[Math.max(a, b)] = Math.min(a, b);
        }
        int[] number = new int[itemCount];
        Arrays.fill(number, -1);
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < itemCount; i++) {
            int r = find(root, i);
            if (number[r] < 0) {
                number[r] = groups.size();
                groups.add(new ArrayList<>());
            }
            componentOfItem[i] = number[r];
            groups.get(number[r]).add(i);
        }
        int[][] result = new int[groups.size()][];
        for (int c = 0; c < result.length; c++) {
            result[c] = groups.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        return result;
    }

    private static int find(int[] root, int i) {
        while (root[i] != i) {
            root[i] = root[root[i]];
            i = root[i];
        }
        return i;
    }

    /**
     * A copy sharing everything but the offers, for re-planning after an offer changed; null
     * when the new offer list names an origin this index does not know (then rebuild).
     */
    Indexed withOffers(List<Offer> newOffers) {
        int[] items = new int[newOffers.size()];
        int[] origins = new int[newOffers.size()];
        for (int k = 0; k < items.length; k++) {
            Offer offer = newOffers.get(k);
            Integer item = itemIndex.get(offer.item());
            if (item == null) {
                throw new IllegalArgumentException("offer " + offer.id() + " must name a known item, not " + offer.item());
            }
            if (offer.availableWeek() >= horizon) {
                throw new IllegalArgumentException("offer " + offer.id() + " available week must be < horizon " + horizon);
            }
            Integer origin = originIndex.get(offer.origin());
            if (origin == null) {
                return null;
            }
            items[k] = item;
            origins[k] = origin;
        }
        try {
            Indexed copy = (Indexed) clone();
            copy.offers = List.copyOf(newOffers);
            copy.costs = CostModel.of(horizon, input.compatibilities(), copy.offers,
                    input.productionLines(), input.lanes());
            copy.offerItem = items;
            copy.offerOrigin = origins;
            return copy;
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
