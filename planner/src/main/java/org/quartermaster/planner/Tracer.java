package org.quartermaster.planner;

import org.quartermaster.planner.flow.FlowNetwork;

/**
 * Decomposes the optimal flow of one component into paths ending at classes. The network is
 * acyclic (origin and destination chains go forward in time, backlog chains backward, and no
 * arc leads from a backlog chain back to a depot), so walking backwards along arcs with flow
 * left always reaches a source: an offer, a production line, or the slack node Z (shortfall).
 * Arcs are taken in index order, which makes the decomposition deterministic.
 */
final class Tracer {

    /** A path never exceeds two chains of the horizon plus the few arcs between them. */
    private static final int MAX_PATH = 4 * Limits.MAX_HORIZON_WEEKS + 16;

    private final Indexed in;
    private final ComponentNetwork net;
    private final long[] left;
    private final int[] inStart;
    private final int[] inArcs;
    private final int[] cursor;
    private final int[] path = new int[MAX_PATH];

    Tracer(Indexed in, ComponentNetwork net, long[] flow) {
        this.in = in;
        this.net = net;
        FlowNetwork g = net.network;
        int n = g.nodeCount();
        int m = g.arcCount();
        left = flow.clone();
        inStart = new int[n + 1];
        for (int a = 0; a < m; a++) {
            inStart[g.head(a) + 1]++;
        }
        for (int v = 0; v < n; v++) {
            inStart[v + 1] += inStart[v];
        }
        inArcs = new int[m];
        cursor = new int[n];
        System.arraycopy(inStart, 0, cursor, 0, n);
        for (int a = 0; a < m; a++) {
            inArcs[cursor[g.head(a)]++] = a;
        }
        System.arraycopy(inStart, 0, cursor, 0, n);
    }

    /** Appends the paths of every class of the component to {@code out}. */
    void trace(long[][] demand, Chunks out) {
        for (int c = 0; c < net.chains.length; c++) {
            int chain = net.chains[c];
            int minDue = in.chainMinDue[chain];
            long[] weekly = demand[chain];
            for (int t = minDue; t < in.horizon; t++) {
                long q = weekly[t - minDue];
                while (q > 0) {
                    q -= tracePath(chain, t, net.chainBaseNode[c] + t - minDue, q, out);
                }
            }
        }
    }

    private long tracePath(int chain, int due, int classNode, long wanted, Chunks out) {
        FlowNetwork g = net.network;
        int length = 0;
        long amount = wanted;
        int v = classNode;
        while (net.nodeKind[v] == ComponentNetwork.NODE_INNER) {
            int a = nextArcWithFlow(v);
            if (length == MAX_PATH) {
                throw new IllegalStateException("flow path longer than " + MAX_PATH + " arcs");
            }
            path[length++] = a;
            amount = Math.min(amount, left[a]);
            v = g.tail(a);
        }
        for (int k = 0; k < length; k++) {
            left[path[k]] -= amount;
        }
        record(chain, due, amount, v, length, out);
        return amount;
    }

    private int nextArcWithFlow(int v) {
        int end = inStart[v + 1];
        while (cursor[v] < end && left[inArcs[cursor[v]]] == 0) {
            cursor[v]++;
        }
        if (cursor[v] == end) {
            throw new IllegalStateException("flow conservation broken at node " + v);
        }
        return inArcs[cursor[v]];
    }

    private void record(int chain, int due, long amount, int source, int length, Chunks out) {
        int r = out.add();
        out.chain[r] = chain;
        out.due[r] = due;
        out.quantity[r] = amount;
        int late = 0;
        byte kind = switch (net.nodeKind[source]) {
            case ComponentNetwork.NODE_OFFER -> Chunks.OFFER;
            case ComponentNetwork.NODE_LINE -> Chunks.PRODUCTION;
            default -> Chunks.SHORT;
        };
        out.kind[r] = kind;
        out.sourceRef[r] = net.nodeRef[source];
        for (int k = 0; k < length; k++) {
            int a = path[k];
            switch (net.arcKind[a]) {
                case ComponentNetwork.BACKLOG -> late++;
                case ComponentNetwork.CONSUME -> out.handoverWeek[r] = net.arcWeek[a];
                case ComponentNetwork.SUBSTITUTE -> {
                    out.handoverWeek[r] = net.arcWeek[a];
                    out.compat[r] = net.arcRef[a];
                }
                case ComponentNetwork.LANE -> {
                    out.lane[r] = net.arcRef[a];
                    out.shipWeek[r] = net.arcWeek[a];
                }
                case ComponentNetwork.PRODUCE, ComponentNetwork.OFFER_IN -> out.startWeek[r] = net.arcWeek[a];
                default -> { }
            }
        }
        out.lateness[r] = late;
    }
}
