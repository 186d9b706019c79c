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

    /** From this many need lines on, they are read by both cores. */
    private static final int PARALLEL_NEEDS = 50_000;

    /** One range of need lines read by one core: its own first-appearance numbering. */
    private final class NeedScan {
        final int from;
        final int to;
        final Map<String, Integer> localDestinations = new HashMap<>();
        final List<String> destinations = new ArrayList<>();
        int[] destinationRemap;
        int[] keys = new int[64];
        int[] keyMinDue = new int[64];
        int keyCount;
        int[] chainRemap;

        NeedScan(int from, int to) {
            this.from = from;
            this.to = to;
        }

        /** Item, due week, quantity, request time, priority and a local destination number. */
        void read(List<Need> needs, byte[] priority) {
            for (int k = from; k < to; k++) {
                Need need = needs.get(k);
                needItem[k] = itemIndex.get(need.item());
                needDue[k] = need.dueWeek();
                needQuantity[k] = need.quantity();
                needRequest[k] = need.requestedAtMillis();
                priority[k] = (byte) need.priority().ordinal();
                Integer d = localDestinations.putIfAbsent(need.destination(), destinations.size());
                if (d == null) {
                    d = destinations.size();
                    destinations.add(need.destination());
                }
                needDestination[k] = d;
            }
        }

        /** Global destinations; chain keys numbered locally by first appearance, with their min due. */
        void chains(int keySpace, byte[] priority) {
            int[] local = new int[keySpace];
            Arrays.fill(local, -1);
            for (int k = from; k < to; k++) {
                int d = destinationRemap[needDestination[k]];
                needDestination[k] = d;
                int key = (needItem[k] * destinationCount + d) * PRIORITIES + priority[k];
                int c = local[key];
                if (c < 0) {
                    c = keyCount++;
                    local[key] = c;
                    if (c == keys.length) {
                        keys = Arrays.copyOf(keys, c * 2);
                        keyMinDue = Arrays.copyOf(keyMinDue, c * 2);
                    }
                    keys[c] = key;
                    keyMinDue[c] = needDue[k];
                }
                keyMinDue[c] = Math.min(keyMinDue[c], needDue[k]);
                needChain[k] = c;
            }
        }

        void renumberChains() {
            for (int k = from; k < to; k++) {
                needChain[k] = chainRemap[needChain[k]];
            }
        }
    }

    /** Runs {@code task} on each part, the second on the common pool while the caller does the first. */
    private static void both(NeedScan[] parts, java.util.function.Consumer<NeedScan> task) {
        if (parts.length == 1) {
            task.accept(parts[0]);
            return;
        }
        java.util.concurrent.ForkJoinTask<?> other = java.util.concurrent.ForkJoinPool.commonPool()
                .submit(() -> task.accept(parts[1]));
        try {
            task.accept(parts[0]);
        } finally {
            other.join();
        }
    }

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
        needItem = new int[needCount];
        needDestination = new int[needCount];
        needChain = new int[needCount];
        needDue = new int[needCount];
        needQuantity = new long[needCount];
        needRequest = new long[needCount];
        byte[] needPriority = new byte[needCount];
        // A million need lines are read in two halves, one per core. Destinations and chains are
        // numbered by first appearance: each half numbers its own, then the halves are merged in
        // order, which gives exactly the numbering of one pass from the first line to the last.
        NeedScan[] parts = needCount >= PARALLEL_NEEDS
                ? new NeedScan[] {new NeedScan(0, needCount / 2), new NeedScan(needCount / 2, needCount)}
                : new NeedScan[] {new NeedScan(0, needCount)};
        both(parts, part -> part.read(needs, needPriority));
        for (NeedScan part : parts) {
            part.destinationRemap = new int[part.destinations.size()];
            for (int j = 0; j < part.destinations.size(); j++) {
                Integer known = destinationIndex.putIfAbsent(part.destinations.get(j), destinationIndex.size());
                part.destinationRemap[j] = known == null ? destinationIndex.size() - 1 : known;
            }
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

        chainOf = new int[Math.multiplyExact(Math.multiplyExact(itemCount, Math.max(destinationCount, 1)), PRIORITIES)];
        both(parts, part -> part.chains(chainOf.length, needPriority));
        Arrays.fill(chainOf, -1);
        int chains = 0;
        int[] minDue = new int[16];
        for (NeedScan part : parts) {
            part.chainRemap = new int[part.keyCount];
            for (int j = 0; j < part.keyCount; j++) {
                int key = part.keys[j];
                int chain = chainOf[key];
                if (chain < 0) {
                    chain = chains++;
                    chainOf[key] = chain;
                    if (chain == minDue.length) {
                        minDue = Arrays.copyOf(minDue, chain * 2);
                    }
                    minDue[chain] = part.keyMinDue[j];
                }
                minDue[chain] = Math.min(minDue[chain], part.keyMinDue[j]);
                part.chainRemap[j] = chain;
            }
        }
        both(parts, NeedScan::renumberChains);
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
