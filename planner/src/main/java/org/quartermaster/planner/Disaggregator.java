package org.quartermaster.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the class flows of one component back to need lines, deterministically: within a
 * class the need lines are served in order of request time (ties by id), and the paths of the
 * class are handed out best first (fewest weeks late, then cheapest), shortfall last. Every
 * need line of a class has the same cost on every path, so any split is optimal; this one
 * rewards whoever asked first.
 */
final class Disaggregator {

    private final Indexed in;
    private final ComponentNetwork net;
    private final ComponentSolution solution;
    final List<Allocation> allocations = new ArrayList<>();
    final List<Shortfall> shortfalls = new ArrayList<>();
    int[] allocNeed = new int[64];
    int[] shortNeed = new int[16];
    long shortfallCost;
    long latenessCost;
    long moneyCost;
    long substitutionCost;
    long unitsShort;
    long unitWeeksLate;
    int[] needs;
    private ShortfallReasons reasons;

    Disaggregator(Indexed in, ComponentSolution solution) {
        this.in = in;
        this.net = solution.net;
        this.solution = solution;
    }

    void run() {
        needs = needsByClass();
        Chunks chunks = solution.chunks;
        int chunk = 0;
        int needPos = 0;
        for (int c = 0; c < net.chains.length; c++) {
            int chain = net.chains[c];
            for (int t = in.chainMinDue[chain]; t < in.horizon; t++) {
                int from = chunk;
                while (chunk < chunks.size && chunks.chain[chunk] == chain && chunks.due[chunk] == t) {
                    chunk++;
                }
                int needFrom = needPos;
                while (needPos < needs.length && in.needChain[needs[needPos]] == chain
                        && in.input.needs().get(needs[needPos]).dueWeek() == t) {
                    needPos++;
                }
                split(chain, order(from, chunk), needFrom, needPos);
            }
        }
        if (chunk != chunks.size || needPos != needs.length) {
            throw new IllegalStateException("class flows and need lines must match one to one");
        }
        allocNeed = Arrays.copyOf(allocNeed, allocations.size());
        shortNeed = Arrays.copyOf(shortNeed, shortfalls.size());
    }

    /** Need lines of the component ordered by class (chain, due week), request time, id. */
    private int[] needsByClass() {
        int count = 0;
        for (int item : net.items) {
            count += in.needsByItemStart[item + 1] - in.needsByItemStart[item];
        }
        int[] local = new int[in.chainCount];
        Arrays.fill(local, -1);
        for (int c = 0; c < net.chains.length; c++) {
            local[net.chains[c]] = c;
        }
        int[] base = new int[net.chains.length + 1];
        for (int c = 0; c < net.chains.length; c++) {
            base[c + 1] = base[c] + in.horizon - in.chainMinDue[net.chains[c]];
        }
        int[] bucketStart = new int[base[net.chains.length] + 1];
        int[] key = new int[count];
        int[] list = new int[count];
        int k = 0;
        for (int item : net.items) {
            for (int p = in.needsByItemStart[item]; p < in.needsByItemStart[item + 1]; p++) {
                int need = in.needsByItem[p];
                int chain = in.needChain[need];
                key[k] = base[local[chain]] + in.input.needs().get(need).dueWeek() - in.chainMinDue[chain];
                list[k++] = need;
                bucketStart[key[k - 1] + 1]++;
            }
        }
        for (int b = 0; b + 1 < bucketStart.length; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        int[] sorted = new int[count];
        int[] fill = Arrays.copyOf(bucketStart, bucketStart.length);
        for (int j = 0; j < count; j++) {
            sorted[fill[key[j]]++] = list[j];
        }
        for (int b = 0; b + 1 < bucketStart.length; b++) {
            sortByRequest(sorted, bucketStart[b], bucketStart[b + 1]);
        }
        return sorted;
    }

    private void sortByRequest(int[] a, int from, int to) {
        List<Need> all = in.input.needs();
        for (int i = from + 1; i < to; i++) {
            int x = a[i];
            Need nx = all.get(x);
            int j = i - 1;
            while (j >= from && earlier(nx, all.get(a[j]))) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    private static boolean earlier(Need a, Need b) {
        if (a.requestedAtMillis() != b.requestedAtMillis()) {
            return a.requestedAtMillis() < b.requestedAtMillis();
        }
        return a.id().compareTo(b.id()) < 0;
    }

    /** Chunk indices [from, to) ordered best first: shortfall last, then lateness, money, index. */
    private int[] order(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        Chunks ch = solution.chunks;
        for (int i = 1; i < idx.length; i++) {
            int x = idx[i];
            int j = i - 1;
            while (j >= 0 && better(ch, x, idx[j])) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = x;
        }
        return idx;
    }

    private boolean better(Chunks ch, int x, int y) {
        boolean xs = ch.kind[x] == Chunks.SHORT;
        boolean ys = ch.kind[y] == Chunks.SHORT;
        if (xs != ys) {
            return ys;
        }
        if (ch.lateness[x] != ch.lateness[y]) {
            return ch.lateness[x] < ch.lateness[y];
        }
        return unitMoney(ch, x) < unitMoney(ch, y);
    }

    private long unitMoney(Chunks ch, int r) {
        if (ch.kind[r] == Chunks.SHORT) {
            return 0;
        }
        long price = ch.kind[r] == Chunks.OFFER ? in.offers.get(ch.sourceRef[r]).unitPrice()
                : in.input.productionLines().get(ch.sourceRef[r]).unitPrice();
        return price + in.input.lanes().get(ch.lane[r]).costPerUnit();
    }

    private void split(int chain, int[] order, int needFrom, int needTo) {
        Chunks ch = solution.chunks;
        int c = 0;
        long chunkLeft = order.length > 0 ? ch.quantity[order[0]] : 0;
        for (int p = needFrom; p < needTo; p++) {
            int need = needs[p];
            long want = in.input.needs().get(need).quantity();
            while (want > 0) {
                if (chunkLeft == 0) {
                    c++;
                    if (c >= order.length) {
                        throw new IllegalStateException("class of chain " + chain + " got less flow than demand");
                    }
                    chunkLeft = ch.quantity[order[c]];
                    continue;
                }
                long q = Math.min(want, chunkLeft);
                emit(need, order[c], q);
                want -= q;
                chunkLeft -= q;
            }
        }
    }

    private void emit(int need, int r, long q) {
        Chunks ch = solution.chunks;
        Need n = in.input.needs().get(need);
        Priority p = n.priority();
        if (ch.kind[r] == Chunks.SHORT) {
            long cost = q * in.costs.shortfallCost(p, n.dueWeek());
            if (reasons == null) {
                reasons = new ShortfallReasons(in, solution);
            }
            shortfalls.add(new Shortfall(n.id(), q, reasons.reason(in.needChain[need]), cost));
            if (shortfalls.size() > shortNeed.length) {
                shortNeed = Arrays.copyOf(shortNeed, shortNeed.length * 2);
            }
            shortNeed[shortfalls.size() - 1] = need;
            shortfallCost += cost;
            unitsShort += q;
            return;
        }
        boolean offer = ch.kind[r] == Chunks.OFFER;
        String sourceId;
        String item;
        String origin;
        long price;
        if (offer) {
            Offer o = in.offers.get(ch.sourceRef[r]);
            sourceId = o.id();
            item = o.item();
            origin = o.origin();
            price = o.unitPrice();
        } else {
            ProductionLine l = in.input.productionLines().get(ch.sourceRef[r]);
            sourceId = l.id();
            item = l.item();
            origin = l.origin();
            price = l.unitPrice();
        }
        Lane lane = in.input.lanes().get(ch.lane[r]);
        long money = q * (price + lane.costPerUnit());
        long sub = ch.compat[r] < 0 ? 0 : q * in.input.compatibilities().get(ch.compat[r]).penaltyPerUnit();
        long late = q * ch.lateness[r] * in.costs.latenessPerWeek(p);
        allocations.add(new Allocation(n.id(), offer ? SourceKind.OFFER : SourceKind.PRODUCTION, sourceId,
                item, origin, q, ch.startWeek[r], ch.shipWeek[r], ch.shipWeek[r] + lane.transitWeeks(),
                ch.handoverWeek[r], ch.lateness[r], money, sub, late));
        if (allocations.size() > allocNeed.length) {
            allocNeed = Arrays.copyOf(allocNeed, allocNeed.length * 2);
        }
        allocNeed[allocations.size() - 1] = need;
        moneyCost += money;
        substitutionCost += sub;
        latenessCost += late;
        unitWeeksLate += q * ch.lateness[r];
    }
}
