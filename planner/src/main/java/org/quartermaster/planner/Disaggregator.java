package org.quartermaster.planner;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Splits the class flows of one component back to need lines, deterministically: within a
 * class the need lines are served in order of request time (ties by id), and the paths of the
 * class are handed out best first (fewest weeks late, then cheapest), shortfall last. Every
 * need line of a class has the same cost on every path, so any split is optimal; this one
 * rewards whoever asked first.
 *
 * <p>The result is kept as compact primitive rows (need line, path, quantity): a million need
 * lines cost a few arrays, not a million objects. {@link #allocations} and {@link #shortfalls}
 * are unmodifiable views that build each {@link Allocation} (with its explanation) and
 * {@link Shortfall} from its row when asked; the rows and the paths never change once built.
 */
final class Disaggregator {

    private static final Priority[] PRIORITY = Priority.values();

    final Indexed in;
    final Chunks chunks;
    private final ComponentNetwork net;
    private final ComponentSolution solution;
    /** The component's need lines ordered by class, request time, id; rows name positions in it. */
    int[] needs;
    /**
     * Position in {@link #needs} of the component's j-th need line in index order (items in
     * component order, then {@code needsByItem}): the inverse permutation, for the checker.
     */
    int[] positionOf;
    /** Quantity by position, while splitting. */
    private long[] quantity;
    int allocCount;
    int[] allocPos = new int[64];
    int[] allocChunk = new int[64];
    long[] allocQty = new long[64];
    int shortCount;
    int[] shortPos = new int[16];
    long[] shortQty = new long[16];
    long shortfallCost;
    long latenessCost;
    long moneyCost;
    long substitutionCost;
    long unitsShort;
    long unitWeeksLate;
    private ShortfallReasons reasons;
    private int[] scratch = new int[16];
    final List<Allocation> allocations = new Rows<>() {
        @Override
        public Allocation get(int index) {
            return allocation(Objects.checkIndex(index, allocCount));
        }

        @Override
        public int size() {
            return allocCount;
        }
    };
    final List<Shortfall> shortfalls = new Rows<>() {
        @Override
        public Shortfall get(int index) {
            return shortfall(Objects.checkIndex(index, shortCount));
        }

        @Override
        public int size() {
            return shortCount;
        }
    };

    /** A read-only view of rows; {@code get} builds the element. */
    private abstract static class Rows<T> extends AbstractList<T> implements RandomAccess {
    }

    Disaggregator(Indexed in, ComponentSolution solution) {
        this.in = in;
        this.net = solution.net;
        this.solution = solution;
        this.chunks = solution.chunks;
    }

    void run() {
        int[] bucketStart = classify();
        Chunks ch = chunks;
        int chunk = 0;
        int bucket = 0;
        for (int c = 0; c < net.chains.length; c++) {
            int chain = net.chains[c];
            Priority p = PRIORITY[in.chainPriority[chain]];
            long latePerWeek = in.costs.latenessPerWeek(p);
            for (int t = in.chainMinDue[chain]; t < in.horizon; t++, bucket++) {
                int from = chunk;
                while (chunk < ch.size && ch.chain[chunk] == chain && ch.due[chunk] == t) {
                    chunk++;
                }
                int needFrom = bucketStart[bucket];
                int needTo = bucketStart[bucket + 1];
                if (needFrom < needTo) {
                    split(chain, order(from, chunk), chunk - from, needFrom, needTo, latePerWeek,
                            in.costs.shortfallCost(p, t));
                } else if (from < chunk) {
                    throw new IllegalStateException("class flows and need lines must match one to one");
                }
            }
        }
        if (chunk != ch.size || bucket + 1 != bucketStart.length) {
            throw new IllegalStateException("class flows and need lines must match one to one");
        }
        allocPos = Arrays.copyOf(allocPos, allocCount);
        allocChunk = Arrays.copyOf(allocChunk, allocCount);
        allocQty = Arrays.copyOf(allocQty, allocCount);
        shortPos = Arrays.copyOf(shortPos, shortCount);
        shortQty = Arrays.copyOf(shortQty, shortCount);
        if (shortCount > 0) {
            reasons = new ShortfallReasons(in, solution);
        }
        scratch = null;
        quantity = null;
    }

    /** The items of this component, whose need lines it splits. */
    int[] items() {
        return net.items;
    }

    /**
     * Orders the component's need lines by class (chain, due week), request time, id, and
     * returns where each class starts. The lines' attributes are read once, in index order (the
     * order of {@code needsByItem}), into arrays of the component's size; sorting and splitting
     * then touch only those, not the instance's million-line arrays at random.
     */
    private int[] classify() {
        int count = 0;
        for (int item : net.items) {
            count += in.needsByItemStart[item + 1] - in.needsByItemStart[item];
        }
        int[] base = new int[in.chainCount];
        int buckets = 0;
        for (int c = 0; c < net.chains.length; c++) {
            int chain = net.chains[c];
            base[chain] = buckets - in.chainMinDue[chain];
            buckets += in.horizon - in.chainMinDue[chain];
        }
        int[] bucketStart = new int[buckets + 1];
        int[] global = new int[count];
        int[] key = new int[count];
        long[] request = new long[count];
        long[] qty = new long[count];
        int i = 0;
        for (int item : net.items) {
            for (int q = in.needsByItemStart[item]; q < in.needsByItemStart[item + 1]; q++, i++) {
                int need = in.needsByItem[q];
                global[i] = need;
                key[i] = base[in.needChain[need]] + in.needDue[need];
                request[i] = in.needRequest[need];
                qty[i] = in.needQuantity[need];
                bucketStart[key[i] + 1]++;
            }
        }
        for (int b = 0; b < buckets; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        int[] perm = new int[count];
        int[] fill = Arrays.copyOf(bucketStart, buckets);
        for (int j = 0; j < count; j++) {
            perm[fill[key[j]]++] = j;
        }
        for (int b = 0; b < buckets; b++) {
            if (bucketStart[b + 1] - bucketStart[b] > 1) {
                sortByRequest(perm, bucketStart[b], bucketStart[b + 1], request, global);
            }
        }
        needs = new int[count];
        quantity = new long[count];
        positionOf = new int[count];
        for (int p = 0; p < count; p++) {
            int j = perm[p];
            needs[p] = global[j];
            quantity[p] = qty[j];
            positionOf[j] = p;
        }
        return bucketStart;
    }

    /** Insertion sort (classes hold a handful of lines) of local indices by request time, then id. */
    private void sortByRequest(int[] a, int from, int to, long[] request, int[] global) {
        for (int i = from + 1; i < to; i++) {
            int x = a[i];
            long rx = request[x];
            int j = i - 1;
            while (j >= from && (rx < request[a[j]] || rx == request[a[j]] && idBefore(global[x], global[a[j]]))) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    private boolean idBefore(int x, int y) {
        return in.input.needs().get(x).id().compareTo(in.input.needs().get(y).id()) < 0;
    }

    /** Chunk indices [from, to) ordered best first: shortfall last, then lateness, money, index. */
    private int[] order(int from, int to) {
        int n = to - from;
        if (scratch.length < n) {
            scratch = new int[Math.max(n, scratch.length * 2)];
        }
        int[] idx = scratch;
        for (int i = 0; i < n; i++) {
            idx[i] = from + i;
        }
        Chunks ch = chunks;
        for (int i = 1; i < n; i++) {
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
        return unitMoney(x) < unitMoney(y);
    }

    /** Money per unit of path {@code r}: the source's price plus the lane's cost (0 for shortfall). */
    long unitMoney(int r) {
        Chunks ch = chunks;
        if (ch.kind[r] == Chunks.SHORT) {
            return 0;
        }
        long price = ch.kind[r] == Chunks.OFFER ? in.offers.get(ch.sourceRef[r]).unitPrice()
                : in.input.productionLines().get(ch.sourceRef[r]).unitPrice();
        return price + in.input.lanes().get(ch.lane[r]).costPerUnit();
    }

    /** Substitution penalty per unit of path {@code r} (0 when the needed item itself serves). */
    long unitSubstitution(int r) {
        return chunks.compat[r] < 0 ? 0 : in.input.compatibilities().get(chunks.compat[r]).penaltyPerUnit();
    }

    /** The item path {@code r} supplies (its source's). */
    int suppliedItem(int r) {
        return chunks.kind[r] == Chunks.OFFER ? in.offerItem[chunks.sourceRef[r]] : in.lineItem[chunks.sourceRef[r]];
    }

    /** The origin index path {@code r} leaves from (its source's). */
    int origin(int r) {
        return chunks.kind[r] == Chunks.OFFER ? in.offerOrigin[chunks.sourceRef[r]] : in.lineOrigin[chunks.sourceRef[r]];
    }

    /** The week path {@code r} arrives at its destination: ship week plus the lane's transit. */
    int arrivalWeek(int r) {
        return chunks.shipWeek[r] + in.input.lanes().get(chunks.lane[r]).transitWeeks();
    }

    private void split(int chain, int[] order, int paths, int needFrom, int needTo, long latePerWeek,
                       long shortPerUnit) {
        Chunks ch = chunks;
        int c = -1;
        int r = -1;
        long chunkLeft = 0;
        long money = 0;
        long sub = 0;
        for (int p = needFrom; p < needTo; p++) {
            long want = quantity[p];
            while (want > 0) {
                if (chunkLeft == 0) {
                    c++;
                    if (c >= paths) {
                        throw new IllegalStateException("class of chain " + chain + " got less flow than demand");
                    }
                    r = order[c];
                    chunkLeft = ch.quantity[r];
                    money = unitMoney(r);
                    sub = unitSubstitution(r);
                    continue;
                }
                long q = Math.min(want, chunkLeft);
                if (ch.kind[r] == Chunks.SHORT) {
                    addShort(p, q);
                    shortfallCost += q * shortPerUnit;
                    unitsShort += q;
                } else {
                    addAllocation(p, r, q);
                    moneyCost += q * money;
                    substitutionCost += q * sub;
                    latenessCost += q * ch.lateness[r] * latePerWeek;
                    unitWeeksLate += q * ch.lateness[r];
                }
                want -= q;
                chunkLeft -= q;
            }
        }
    }

    private void addAllocation(int pos, int r, long q) {
        if (allocCount == allocPos.length) {
            int n = allocCount * 2;
            allocPos = Arrays.copyOf(allocPos, n);
            allocChunk = Arrays.copyOf(allocChunk, n);
            allocQty = Arrays.copyOf(allocQty, n);
        }
        allocPos[allocCount] = pos;
        allocChunk[allocCount] = r;
        allocQty[allocCount++] = q;
    }

    private void addShort(int pos, long q) {
        if (shortCount == shortPos.length) {
            int n = shortCount * 2;
            shortPos = Arrays.copyOf(shortPos, n);
            shortQty = Arrays.copyOf(shortQty, n);
        }
        shortPos[shortCount] = pos;
        shortQty[shortCount++] = q;
    }

    /** Allocation row {@code k} with its explanation. */
    Allocation allocation(int k) {
        int r = allocChunk[k];
        long q = allocQty[k];
        Need n = in.input.needs().get(needs[allocPos[k]]);
        Chunks ch = chunks;
        boolean offer = ch.kind[r] == Chunks.OFFER;
        String sourceId;
        String item;
        String origin;
        if (offer) {
            Offer o = in.offers.get(ch.sourceRef[r]);
            sourceId = o.id();
            item = o.item();
            origin = o.origin();
        } else {
            ProductionLine l = in.input.productionLines().get(ch.sourceRef[r]);
            sourceId = l.id();
            item = l.item();
            origin = l.origin();
        }
        return new Allocation(n.id(), offer ? SourceKind.OFFER : SourceKind.PRODUCTION, sourceId,
                item, origin, q, ch.startWeek[r], ch.shipWeek[r], arrivalWeek(r),
                ch.handoverWeek[r], ch.lateness[r], q * unitMoney(r), q * unitSubstitution(r),
                q * ch.lateness[r] * in.costs.latenessPerWeek(n.priority()));
    }

    /** Shortfall row {@code k} with its cost and reason. */
    Shortfall shortfall(int k) {
        int need = needs[shortPos[k]];
        Need n = in.input.needs().get(need);
        long q = shortQty[k];
        return new Shortfall(n.id(), q, reasons.reason(in.needChain[need]),
                q * in.costs.shortfallCost(n.priority(), n.dueWeek()));
    }
}
