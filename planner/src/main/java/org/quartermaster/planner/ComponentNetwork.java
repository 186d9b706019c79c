package org.quartermaster.planner;

import java.util.Arrays;
import org.quartermaster.planner.flow.FlowNetwork;

/**
 * The time-expanded network of one connected component of the compatibility graph.
 *
 * <pre>
 *  offer k ──price──▶ O(i,o,a) ─hold─▶ O(i,o,a+1) … O(i,o,H-1)      offer k ──▶ Z (unused stock)
 *  line l ──price, cap/week──▶ O(i,o,t+lead)          line l ──▶ Z     (unused capacity)
 *  O(i,o,t) ──lane cost──▶ D(i,d,t+transit) ─hold─▶ D(i,d,t+1)          (early arrivals wait)
 *  D(i,d,t) [──absorption cap──▶ U(i,d,t)] ──▶ B(i,d,p,t)               (handover in week t)
 *  U(a,d,t) ──substitution penalty──▶ B(b,d,p,t)                        (a serves b)
 *  B(i,d,p,t+1) ──weight(p)·K──▶ B(i,d,p,t)                             (backlog: one week late)
 *  Z ──0──▶ B(i,d,p,H)                                                   (shortfall = week H)
 * </pre>
 *
 * A class (i, d, due w, p) is the demand at node B(i,d,p,w): need lines are aggregated
 * exactly, since all lines of a class have the same cost on every route. Z balances the
 * network: its supply is demand minus supply. Nodes and arcs grow with items x destinations x
 * weeks, never with need lines.
 */
final class ComponentNetwork {

    static final byte OFFER_IN = 1;
    static final byte PRODUCE = 2;
    static final byte IDLE = 3;
    static final byte HOLD_ORIGIN = 4;
    static final byte DUMP = 5;
    static final byte LANE = 6;
    static final byte HOLD_DESTINATION = 7;
    static final byte ABSORB = 8;
    static final byte CONSUME = 9;
    static final byte SUBSTITUTE = 10;
    static final byte BACKLOG = 11;
    static final byte SHORT = 12;

    static final byte NODE_INNER = 0;
    static final byte NODE_OFFER = 1;
    static final byte NODE_LINE = 2;
    static final byte NODE_SLACK = 3;

    final int component;
    final int[] items;
    FlowNetwork network;
    byte[] arcKind;
    int[] arcRef;
    int[] arcWeek;
    byte[] nodeKind;
    int[] nodeRef;
    /** Per chain of this component: its global chain id and the node of week minDue. */
    int[] chains;
    int[] chainBaseNode;
    int classes;
    /** Production arcs, for pricing budgets: arc index, line, start week. */
    int[] produceArcs;
    int produceCount;

    private final Indexed in;
    private final FlowNetwork.Builder b = new FlowNetwork.Builder();
    private byte[] kinds = new byte[1024];
    private int[] refs = new int[1024];
    private int[] weeks = new int[1024];
    private byte[] nKinds = new byte[1024];
    private int[] nRefs = new int[1024];
    private int slack;
    private long balance;

    private ComponentNetwork(Indexed in, int component) {
        this.in = in;
        this.component = component;
        this.items = in.componentItems[component];
    }

    /** Builds the network of one component; {@code demand} is indexed by global chain and week. */
    static ComponentNetwork build(Indexed in, int component, long[][] demand) {
        ComponentNetwork net = new ComponentNetwork(in, component);
        net.assemble(demand);
        return net;
    }

    private void assemble(long[][] demand) {
        slack = node(NODE_SLACK, -1);
        int[] wanted = destinationChains();
        int[] destFirst = new int[wanted.length];
        Arrays.fill(destFirst, -1);
        for (int x = 0; x < items.length; x++) {
            for (int d = 0; d < in.destinationCount; d++) {
                if (wanted[x * in.destinationCount + d] > 0) {
                    destFirst[x * in.destinationCount + d] = destinationChain(items[x], d);
                }
            }
        }
        buildChains(destFirst, demand);
        for (int x = 0; x < items.length; x++) {
            buildSupply(x, destFirst);
        }
        b.addSupply(slack, balance);
        finish();
    }

    /** For each (item of the component, destination): 1 if a chain there needs its D nodes. */
    private int[] destinationChains() {
        int[] need = new int[items.length * in.destinationCount];
        for (int x = 0; x < items.length; x++) {
            for (int d = 0; d < in.destinationCount; d++) {
                for (int p = 0; p < Indexed.PRIORITIES; p++) {
                    if (chainAt(items[x], d, p) >= 0) {
                        need[x * in.destinationCount + d] = 1;
                        markSubstitutes(need, items[x], d);
                    }
                }
            }
        }
        return need;
    }

    private void markSubstitutes(int[] need, int neededItem, int d) {
        for (int k = 0; k < in.compatNeeded.length; k++) {
            if (in.compatNeeded[k] == neededItem) {
                need[position(in.compatSubstitute[k]) * in.destinationCount + d] = 1;
            }
        }
    }

    private int position(int item) {
        for (int x = 0; x < items.length; x++) {
            if (items[x] == item) {
                return x;
            }
        }
        throw new IllegalStateException("item " + item + " is not in component " + component);
    }

    private int chainAt(int item, int d, int p) {
        return in.chainOf[(item * in.destinationCount + d) * Indexed.PRIORITIES + p];
    }

    /**
     * Creates D(i,d,0..H-1) and, under an absorption limit, U(i,d,0..H-1) right after them.
     * Returns the first D node; the handover node of week t is first + t without a limit and
     * first + H + t with one.
     */
    private int destinationChain(int item, int d) {
        int h = in.horizon;
        int first = -1;
        for (int t = 0; t < h; t++) {
            int v = node(NODE_INNER, -1);
            if (t == 0) {
                first = v;
            } else {
                arc(v - 1, v, FlowNetwork.UNLIMITED, 0, HOLD_DESTINATION, -1, t - 1);
            }
        }
        long limit = in.absorption[d * in.itemCount + item];
        if (limit >= 0) {
            int u0 = -1;
            for (int t = 0; t < h; t++) {
                int u = node(NODE_INNER, -1);
                if (t == 0) {
                    u0 = u;
                }
                arc(first + t, u, limit, 0, ABSORB, d * in.itemCount + item, t);
            }
            if (u0 != first + h) {
                throw new IllegalStateException("handover nodes must follow the destination chain");
            }
        }
        return first;
    }

    private int handoverNode(int first, int item, int d, int t) {
        return in.absorption[d * in.itemCount + item] >= 0 ? first + in.horizon + t : first + t;
    }

    private void buildChains(int[] destFirst, long[][] demand) {
        int[] own = new int[in.chainCount > 0 ? 64 : 0];
        int count = 0;
        int[] bases = new int[own.length];
        for (int x = 0; x < items.length; x++) {
            int item = items[x];
            for (int d = 0; d < in.destinationCount; d++) {
                for (int p = 0; p < Indexed.PRIORITIES; p++) {
                    int chain = chainAt(item, d, p);
                    if (chain < 0) {
                        continue;
                    }
                    int base = backlogChain(chain, p, demand[chain]);
                    consumeArcs(x, d, chain, base, destFirst);
                    if (count == own.length) {
                        own = Arrays.copyOf(own, count * 2 + 1);
                        bases = Arrays.copyOf(bases, count * 2 + 1);
                    }
                    own[count] = chain;
                    bases[count++] = base;
                }
            }
        }
        chains = Arrays.copyOf(own, count);
        chainBaseNode = Arrays.copyOf(bases, count);
    }

    /** B(chain, minDue..H) with backlog arcs and the shortfall arc; returns the minDue node. */
    private int backlogChain(int chain, int p, long[] chainDemand) {
        int h = in.horizon;
        int minDue = in.chainMinDue[chain];
        long perWeek = in.costs.latenessPerWeek(Priority.values()[p]);
        int base = -1;
        for (int t = minDue; t <= h; t++) {
            int v = node(NODE_INNER, chain);
            if (t == minDue) {
                base = v;
            } else {
                arc(v, v - 1, FlowNetwork.UNLIMITED, perWeek, BACKLOG, chain, t - 1);
            }
            if (t < h && chainDemand[t - minDue] > 0) {
                b.addSupply(v, -chainDemand[t - minDue]);
                balance += chainDemand[t - minDue];
                classes++;
            }
        }
        arc(slack, base + (h - minDue), FlowNetwork.UNLIMITED, 0, SHORT, chain, h);
        return base;
    }

    private void consumeArcs(int x, int d, int chain, int base, int[] destFirst) {
        int item = items[x];
        int minDue = in.chainMinDue[chain];
        int first = destFirst[x * in.destinationCount + d];
        for (int t = minDue; t < in.horizon; t++) {
            arc(handoverNode(first, item, d, t), base + t - minDue, FlowNetwork.UNLIMITED, 0,
                    CONSUME, chain, t);
        }
        for (int k = 0; k < in.compatNeeded.length; k++) {
            if (in.compatNeeded[k] != item) {
                continue;
            }
            int sub = in.compatSubstitute[k];
            int subFirst = destFirst[position(sub) * in.destinationCount + d];
            long penalty = in.input.compatibilities().get(k).penaltyPerUnit();
            for (int t = minDue; t < in.horizon; t++) {
                arc(handoverNode(subFirst, sub, d, t), base + t - minDue, FlowNetwork.UNLIMITED,
                        penalty, SUBSTITUTE, k, t);
            }
        }
    }

    /** Origin chains of item x from offers and production lines, and their lanes. */
    private void buildSupply(int x, int[] destFirst) {
        int item = items[x];
        int h = in.horizon;
        // An origin chain starts at its earliest supply week: nothing can be held before it.
        int[] start = new int[in.originCount];
        Arrays.fill(start, Integer.MAX_VALUE);
        for (int k = 0; k < in.offerItem.length; k++) {
            if (in.offerItem[k] == item) {
                int o = in.offerOrigin[k];
                start[o] = Math.min(start[o], in.offers.get(k).availableWeek());
            }
        }
        for (int l = 0; l < in.lineItem.length; l++) {
            ProductionLine line = in.input.productionLines().get(l);
            if (in.lineItem[l] == item && line.leadTimeWeeks() < h) {
                int o = in.lineOrigin[l];
                start[o] = Math.min(start[o], line.leadTimeWeeks());
            }
        }
        int[] originFirst = new int[in.originCount];
        for (int o = 0; o < in.originCount; o++) {
            if (start[o] == Integer.MAX_VALUE) {
                continue;
            }
            originFirst[o] = originChain(o, start[o]) - start[o];
            lanes(item, x, o, start[o], originFirst[o], destFirst);
        }
        for (int k = 0; k < in.offerItem.length; k++) {
            if (in.offerItem[k] == item) {
                Offer offer = in.offers.get(k);
                int v = node(NODE_OFFER, k);
                b.addSupply(v, offer.quantity());
                balance -= offer.quantity();
                arc(v, originFirst[in.offerOrigin[k]] + offer.availableWeek(), FlowNetwork.UNLIMITED,
                        offer.unitPrice(), OFFER_IN, k, offer.availableWeek());
                // Stock not taken stays with its owner, unpaid.
                arc(v, slack, FlowNetwork.UNLIMITED, 0, DUMP, item, -1);
            }
        }
        for (int l = 0; l < in.lineItem.length; l++) {
            if (in.lineItem[l] == item) {
                productionArcs(l, originFirst[in.lineOrigin[l]]);
            }
        }
    }

    private int originChain(int o, int from) {
        int first = -1;
        for (int t = from; t < in.horizon; t++) {
            int v = node(NODE_INNER, -1);
            if (t == from) {
                first = v;
            } else {
                arc(v - 1, v, FlowNetwork.UNLIMITED, 0, HOLD_ORIGIN, o, t - 1);
            }
        }
        return first;
    }

    private void lanes(int item, int x, int o, int from, int originFirst, int[] destFirst) {
        for (int k : in.lanesByOrigin[o]) {
            int d = in.laneDestination[k];
            int first = destFirst[x * in.destinationCount + d];
            if (first < 0) {
                continue;
            }
            Lane lane = in.input.lanes().get(k);
            for (int t = from; t + lane.transitWeeks() < in.horizon; t++) {
                arc(originFirst + t, first + t + lane.transitWeeks(), FlowNetwork.UNLIMITED,
                        lane.costPerUnit(), LANE, k, t);
            }
        }
    }

    private void productionArcs(int l, int originFirst) {
        ProductionLine line = in.input.productionLines().get(l);
        int v = node(NODE_LINE, l);
        long total = 0;
        for (int t = 0; t + line.leadTimeWeeks() < in.horizon; t++) {
            int a = arc(v, originFirst + t + line.leadTimeWeeks(), line.capacityPerWeek(),
                    line.unitPrice(), PRODUCE, l, t);
            if (produceArcs == null) {
                produceArcs = new int[64];
            }
            if (produceCount == produceArcs.length) {
                produceArcs = Arrays.copyOf(produceArcs, produceCount * 2);
            }
            produceArcs[produceCount++] = a;
            total += line.capacityPerWeek();
        }
        b.addSupply(v, total);
        balance -= total;
        arc(v, slack, FlowNetwork.UNLIMITED, 0, IDLE, l, -1);
    }

    private int node(byte kind, int ref) {
        int v = b.addNode();
        if (v == nKinds.length) {
            nKinds = Arrays.copyOf(nKinds, v * 2);
            nRefs = Arrays.copyOf(nRefs, v * 2);
        }
        nKinds[v] = kind;
        nRefs[v] = ref;
        return v;
    }

    /**
     * A feasible starting tree for the simplex: every class is served short (Z, then down its
     * backlog chain), every offer and production line sends its supply straight to Z, and
     * depot chains hang together by their holding arcs with no flow. Parent arc per node, -1
     * for the artificial root.
     */
    int[] initialTree() {
        int n = network.nodeCount();
        int[] parentArc = new int[n];
        java.util.Arrays.fill(parentArc, -1);
        for (int a = 0; a < network.arcCount(); a++) {
            switch (arcKind[a]) {
                case BACKLOG, SHORT, HOLD_ORIGIN, HOLD_DESTINATION, ABSORB -> parentArc[network.head(a)] = a;
                case DUMP, IDLE -> parentArc[network.tail(a)] = a;
                default -> { }
            }
        }
        return parentArc;
    }

    private int arc(int from, int to, long capacity, long cost, byte kind, int ref, int week) {
        int a = b.addArc(from, to, capacity, cost);
        if (a == kinds.length) {
            kinds = Arrays.copyOf(kinds, a * 2);
            refs = Arrays.copyOf(refs, a * 2);
            weeks = Arrays.copyOf(weeks, a * 2);
        }
        kinds[a] = kind;
        refs[a] = ref;
        weeks[a] = week;
        return a;
    }

    private void finish() {
        network = b.build();
        arcKind = kinds;
        arcRef = refs;
        arcWeek = weeks;
        nodeKind = nKinds;
        nodeRef = nRefs;
        if (produceArcs == null) {
            produceArcs = new int[0];
        }
    }
}
