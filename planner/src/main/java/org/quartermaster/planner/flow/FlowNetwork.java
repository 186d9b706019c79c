package org.quartermaster.planner.flow;

import java.util.Arrays;

/**
 * A min-cost flow network on primitive arrays: arc {@code a} goes from {@code tail[a]} to
 * {@code head[a]} with capacity {@code capacity[a]} ({@link #UNLIMITED} when uncapacitated) and
 * cost per unit {@code cost[a]}; node {@code v} has supply {@code supply[v]} (negative: demand).
 * Supplies must balance. Built once with {@link Builder}; the arrays are shared, not copied, so
 * callers must treat them as read-only.
 */
public final class FlowNetwork {

    /** Capacity of an uncapacitated arc. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private final int nodeCount;
    private final int arcCount;
    private final int[] tail;
    private final int[] head;
    private final long[] capacity;
    private final long[] cost;
    private final long[] supply;

    FlowNetwork(int nodeCount, int arcCount, int[] tail, int[] head, long[] capacity, long[] cost,
                long[] supply) {
        this.nodeCount = nodeCount;
        this.arcCount = arcCount;
        this.tail = tail;
        this.head = head;
        this.capacity = capacity;
        this.cost = cost;
        this.supply = supply;
    }

    public int nodeCount() { return nodeCount; }
    public int arcCount() { return arcCount; }
    public int tail(int arc) { return tail[arc]; }
    public int head(int arc) { return head[arc]; }
    public long capacity(int arc) { return capacity[arc]; }
    public long cost(int arc) { return cost[arc]; }
    public long supply(int node) { return supply[node]; }

    /** The largest absolute arc cost; the solver's artificial cost is derived from it. */
    public long maxAbsCost() {
        long max = 0;
        for (int a = 0; a < arcCount; a++) {
            max = Math.max(max, Math.abs(cost[a]));
        }
        return max;
    }

    /** Objective of a flow vector, overflow checked. */
    public long objective(long[] flow) {
        long total = 0;
        for (int a = 0; a < arcCount; a++) {
            total = Math.addExact(total, Math.multiplyExact(cost[a], flow[a]));
        }
        return total;
    }

    /** Whether two networks have the same nodes and the same arcs, so a basis carries over. */
    public boolean sameShape(FlowNetwork other) {
        return other != null && nodeCount == other.nodeCount && arcCount == other.arcCount
                && Arrays.equals(tail, 0, arcCount, other.tail, 0, other.arcCount)
                && Arrays.equals(head, 0, arcCount, other.head, 0, other.arcCount);
    }

    /** Grows primitive arrays as arcs are added; no boxing. */
    public static final class Builder {
        private int nodeCount;
        private int arcCount;
        private int[] tail = new int[1024];
        private int[] head = new int[1024];
        private long[] capacity = new long[1024];
        private long[] cost = new long[1024];
        private long[] supply = new long[1024];

        /** Adds a node with zero supply and returns its index. */
        public int addNode() {
            if (nodeCount == supply.length) {
                supply = Arrays.copyOf(supply, nodeCount * 2);
            }
            return nodeCount++;
        }

        public void addSupply(int node, long amount) {
            supply[node] = Math.addExact(supply[node], amount);
        }

        /** Adds an arc and returns its index. */
        public int addArc(int from, int to, long arcCapacity, long arcCost) {
            if (from < 0 || from >= nodeCount || to < 0 || to >= nodeCount) {
                throw new IllegalArgumentException("arc ends must be existing nodes");
            }
            if (arcCapacity < 0) {
                throw new IllegalArgumentException("arc capacity must be >= 0, was " + arcCapacity);
            }
            if (arcCount == tail.length) {
                int n = arcCount * 2;
                tail = Arrays.copyOf(tail, n);
                head = Arrays.copyOf(head, n);
                capacity = Arrays.copyOf(capacity, n);
                cost = Arrays.copyOf(cost, n);
            }
            tail[arcCount] = from;
            head[arcCount] = to;
            capacity[arcCount] = arcCapacity;
            cost[arcCount] = arcCost;
            return arcCount++;
        }

        public int nodeCount() { return nodeCount; }
        public int arcCount() { return arcCount; }

        /** Freezes the network; supplies must sum to zero. */
        public FlowNetwork build() {
            long sum = 0;
            for (int v = 0; v < nodeCount; v++) {
                sum = Math.addExact(sum, supply[v]);
            }
            if (sum != 0) {
                throw new IllegalStateException("supplies must balance, sum was " + sum);
            }
            return new FlowNetwork(nodeCount, arcCount, tail, head, capacity, cost,
                    Arrays.copyOf(supply, nodeCount));
        }
    }
}
