package org.quartermaster.planner.flow;

/**
 * Primal network simplex for min-cost flow, integral and exact on 64-bit costs.
 *
 * <p>The spanning-tree bookkeeping (parent, predecessor arc, thread order, subtree sizes, last
 * successor) follows LEMON's {@code NetworkSimplex}: an artificial root joined to every node
 * gives a strongly feasible initial basis, and entering arcs are chosen by block search (the
 * most negative reduced cost in a block of about sqrt(m) arcs, resuming where the last
 * search stopped), which measured fastest on the planner's chain-shaped networks.
 *
 * <p>The solver keeps its basis, so {@link #resolve} after a change of costs, capacities or
 * supplies starts from the previous optimal tree (warm start) instead of from scratch.
 */
public final class NetworkSimplex {

    private static final long INF = FlowNetwork.UNLIMITED;
    private static final byte STATE_UPPER = -1;
    private static final byte STATE_TREE = 0;
    private static final byte STATE_LOWER = 1;
    private static final int DIR_UP = 1;
    private static final int DIR_DOWN = -1;
    /** Below this the block search degenerates into a full scan, which is fine on tiny nets. */
    private static final int MIN_BLOCK_SIZE = 10;

    private final int n;
    private final int m;
    private final int root;
    private final int[] source;
    private final int[] target;
    private final long[] cap;
    private final long[] cost;
    private final long[] flow;
    private final byte[] state;
    private final long[] supply;
    private final long[] pi;
    private final int[] parent;
    private final int[] pred;
    private final int[] thread;
    private final int[] revThread;
    private final int[] succNum;
    private final int[] lastSucc;
    private final int[] predDir;
    private final int[] dirtyRevs;
    private final int blockSize;
    private long artificialCost;
    private int nextArc;
    private long pivots;
    private boolean hasBasis;

    // Pivot state shared by the steps of one pivot.
    private int inArc;
    private int join;
    private int uIn;
    private int vIn;
    private int uOut;
    private long delta;

    private NetworkSimplex(NetworkSimplex o) {
        n = o.n;
        m = o.m;
        root = o.root;
        source = o.source.clone();
        target = o.target.clone();
        cap = o.cap.clone();
        cost = o.cost.clone();
        flow = o.flow.clone();
        state = o.state.clone();
        supply = o.supply.clone();
        pi = o.pi.clone();
        parent = o.parent.clone();
        pred = o.pred.clone();
        thread = o.thread.clone();
        revThread = o.revThread.clone();
        succNum = o.succNum.clone();
        lastSucc = o.lastSucc.clone();
        predDir = o.predDir.clone();
        dirtyRevs = new int[n + 1];
        blockSize = o.blockSize;
        artificialCost = o.artificialCost;
        nextArc = o.nextArc;
        hasBasis = o.hasBasis;
    }

    /** An independent copy with the same basis, so a plan stays immutable when re-planned. */
    public NetworkSimplex copy() {
        return new NetworkSimplex(this);
    }

    public NetworkSimplex(FlowNetwork network) {
        n = network.nodeCount();
        m = network.arcCount();
        root = n;
        int all = m + n;
        source = new int[all];
        target = new int[all];
        cap = new long[all];
        cost = new long[all];
        flow = new long[all];
        state = new byte[all];
        supply = new long[n + 1];
        pi = new long[n + 1];
        parent = new int[n + 1];
        pred = new int[n + 1];
        thread = new int[n + 1];
        revThread = new int[n + 1];
        succNum = new int[n + 1];
        lastSucc = new int[n + 1];
        predDir = new int[n + 1];
        dirtyRevs = new int[n + 1];
        for (int a = 0; a < m; a++) {
            source[a] = network.tail(a);
            target[a] = network.head(a);
            cap[a] = network.capacity(a);
            cost[a] = network.cost(a);
        }
        for (int v = 0; v < n; v++) {
            supply[v] = network.supply(v);
        }
        blockSize = Math.max((int) Math.sqrt(Math.max(m, 1)), MIN_BLOCK_SIZE);
    }

    /** Solves from scratch and returns the optimal objective. */
    public long solve() {
        initBasis();
        return run();
    }

    /**
     * Solves from scratch, starting from a caller's spanning forest: {@code parentArc[v]} is the
     * arc joining node v to its parent, or -1 to hang v from the artificial root. When the
     * forest's flows (forced by the supplies) respect the capacities, the simplex starts from a
     * feasible basis instead of the all-artificial one, which saves most of the pivots; else it
     * falls back to {@link #solve()}.
     *
     * @throws IllegalArgumentException if the parent arcs do not form a forest
     */
    public long solve(int[] parentArc) {
        if (parentArc.length != n) {
            throw new IllegalArgumentException("one parent arc per node must be given");
        }
        initBasis();
        if (!forestBasis(parentArc) || !warmBasis()) {
            initBasis();
        }
        return run();
    }

    private boolean forestBasis(int[] parentArc) {
        int[] childStart = new int[n + 2];
        for (int v = 0; v < n; v++) {
            int e = parentArc[v];
            int p = e < 0 ? root : (source[e] == v ? target[e] : source[e]);
            if (e >= 0 && source[e] != v && target[e] != v) {
                throw new IllegalArgumentException("parent arc of node " + v + " must touch it");
            }
            parent[v] = p;
            childStart[p + 1]++;
        }
        for (int v = 0; v <= n; v++) {
            childStart[v + 1] += childStart[v];
        }
        int[] children = new int[n];
        int[] fill = java.util.Arrays.copyOf(childStart, n + 1);
        for (int v = 0; v < n; v++) {
            children[fill[parent[v]]++] = v;
        }
        // Preorder from the root is the thread; a node not reached sits on a cycle.
        int[] stack = dirtyRevs;
        int top = 0;
        int count = 0;
        int prev = root;
        stack[top++] = root;
        while (top > 0) {
            int v = stack[--top];
            if (v != root) {
                thread[prev] = v;
                revThread[v] = prev;
                prev = v;
                count++;
            }
            for (int c = childStart[v + 1] - 1; c >= childStart[v]; c--) {
                stack[top++] = children[c];
            }
        }
        thread[prev] = root;
        revThread[root] = prev;
        if (count != n) {
            throw new IllegalArgumentException("parent arcs must form a forest (a cycle leaves "
                    + (n - count) + " nodes unreachable)");
        }
        for (int a = 0; a < m + n; a++) {
            state[a] = STATE_LOWER;
            flow[a] = 0;
        }
        for (int v = 0; v < n; v++) {
            int e = parentArc[v] < 0 ? m + v : parentArc[v];
            if (parentArc[v] < 0) {
                source[e] = v;
                target[e] = root;
            } else {
                source[m + v] = v;
                target[m + v] = root;
            }
            pred[v] = e;
            predDir[v] = source[e] == v ? DIR_UP : DIR_DOWN;
            state[e] = STATE_TREE;
            succNum[v] = 1;
            lastSucc[v] = -1;
        }
        lastSucc[root] = -1;
        succNum[root] = n + 1;
        for (int v = revThread[root]; v != root; v = revThread[v]) {
            if (lastSucc[v] < 0) {
                lastSucc[v] = v;
            }
            int p = parent[v];
            if (p != root) {
                succNum[p] += succNum[v];
            }
            if (lastSucc[p] < 0) {
                lastSucc[p] = lastSucc[v];
            }
        }
        parent[root] = -1;
        pred[root] = -1;
        hasBasis = true;
        return true;
    }

    /**
     * Changes costs, capacities and supplies (null keeps the current ones) and re-optimises
     * from the current basis when it is still primal feasible, else from scratch.
     *
     * @return the optimal objective
     */
    public long resolve(long[] newCost, long[] newCapacity, long[] newSupply) {
        return resolve(newCost, newCapacity, newSupply, null);
    }

    /**
     * As {@link #resolve(long[], long[], long[])}, but when the old basis is no longer feasible
     * it restarts from {@code fallbackTree} (see {@link #solve(int[])}) instead of the
     * all-artificial basis.
     */
    public long resolve(long[] newCost, long[] newCapacity, long[] newSupply, int[] fallbackTree) {
        if (newCost != null) {
            System.arraycopy(newCost, 0, cost, 0, m);
        }
        if (newCapacity != null) {
            System.arraycopy(newCapacity, 0, cap, 0, m);
        }
        if (newSupply != null) {
            System.arraycopy(newSupply, 0, supply, 0, n);
        }
        if (!warmBasis()) {
            initBasis();
            if (fallbackTree != null && (!forestBasis(fallbackTree) || !warmBasis())) {
                initBasis();
            }
        }
        return run();
    }

    /** The optimal flow on real arc {@code a}. */
    public long flow(int a) {
        return flow[a];
    }

    /** A copy of the optimal flows on the real arcs. */
    public long[] flows() {
        long[] copy = new long[m];
        System.arraycopy(flow, 0, copy, 0, m);
        return copy;
    }

    /** Pivots done since construction: a cost measure for tests and the benchmark. */
    public long pivots() {
        return pivots;
    }

    /** The node potential (dual) of {@code v} in the optimal basis. */
    public long potential(int v) {
        return pi[v];
    }

    private long run() {
        hasBasis = true;
        while (findEnteringArc()) {
            findJoinNode();
            boolean change = findLeavingArc();
            if (delta == INF) {
                throw new IllegalStateException("unbounded: a negative-cost cycle of unlimited capacity");
            }
            changeFlow(change);
            if (change) {
                updateTreeStructure();
                updatePotential();
            }
            pivots++;
        }
        normalizePotentials();
        for (int a = m; a < m + n; a++) {
            if (flow[a] != 0) {
                throw new IllegalStateException("infeasible: supplies cannot be routed");
            }
        }
        long total = 0;
        for (int a = 0; a < m; a++) {
            total = Math.addExact(total, Math.multiplyExact(cost[a], flow[a]));
        }
        return total;
    }

    private void computeArtificialCost() {
        long max = 0;
        for (int a = 0; a < m; a++) {
            max = Math.max(max, Math.abs(cost[a]));
        }
        // Any path of real arcs costs less than one artificial arc, so none stays used when a
        // feasible flow exists; the product is checked so potentials cannot overflow.
        artificialCost = Math.multiplyExact(max + 1, (long) n + 1);
        Math.multiplyExact(artificialCost, 4L);
    }

    private void initBasis() {
        computeArtificialCost();
        for (int a = 0; a < m; a++) {
            flow[a] = 0;
            state[a] = STATE_LOWER;
        }
        parent[root] = -1;
        pred[root] = -1;
        thread[root] = 0;
        revThread[0] = root;
        succNum[root] = n + 1;
        lastSucc[root] = root - 1;
        supply[root] = 0;
        pi[root] = 0;
        for (int u = 0, e = m; u < n; u++, e++) {
            parent[u] = root;
            pred[u] = e;
            thread[u] = u + 1;
            revThread[u + 1] = u;
            succNum[u] = 1;
            lastSucc[u] = u;
            cap[e] = INF;
            state[e] = STATE_TREE;
            if (supply[u] >= 0) {
                predDir[u] = DIR_UP;
                pi[u] = 0;
                source[e] = u;
                target[e] = root;
                flow[e] = supply[u];
                cost[e] = 0;
            } else {
                predDir[u] = DIR_DOWN;
                pi[u] = artificialCost;
                source[e] = root;
                target[e] = u;
                flow[e] = -supply[u];
                cost[e] = artificialCost;
            }
        }
        if (n == 0) {
            thread[root] = root;
            revThread[root] = root;
        }
        nextArc = 0;
    }

    /**
     * Keeps the tree and the bounds of non-tree arcs, recomputes tree flows from the supplies
     * (leaves first, in reverse thread order) and potentials from the costs. Artificial tree
     * arcs may turn around; a real tree arc pushed outside its bounds means the old basis is
     * not feasible any more and the caller starts from scratch.
     */
    private boolean warmBasis() {
        if (!hasBasis) {
            return false;
        }
        computeArtificialCost();
        long[] excess = new long[n + 1];
        System.arraycopy(supply, 0, excess, 0, n);
        for (int a = 0; a < m; a++) {
            if (state[a] == STATE_TREE) {
                continue;
            }
            long f = state[a] == STATE_UPPER ? cap[a] : 0;
            if (f == INF) {
                return false;
            }
            flow[a] = f;
            excess[source[a]] -= f;
            excess[target[a]] += f;
        }
        for (int a = m; a < m + n; a++) {
            if (state[a] != STATE_TREE) {
                flow[a] = 0;
            }
        }
        for (int u = revThread[root]; u != root; u = revThread[u]) {
            int e = pred[u];
            long f = predDir[u] == DIR_UP ? excess[u] : -excess[u];
            if (e >= m) {
                if (f < 0) {
                    turnArtificial(u, e);
                    f = -f;
                }
            } else if (f < 0 || f > cap[e]) {
                return false;
            }
            flow[e] = f;
            excess[parent[u]] += excess[u];
        }
        for (int a = m; a < m + n; a++) {
            cost[a] = source[a] == root ? artificialCost : 0;
        }
        for (int u = thread[root]; u != root; u = thread[u]) {
            int e = pred[u];
            pi[u] = predDir[u] == DIR_UP ? pi[parent[u]] - cost[e] : pi[parent[u]] + cost[e];
        }
        return true;
    }

    private void turnArtificial(int u, int e) {
        int s = source[e];
        source[e] = target[e];
        target[e] = s;
        predDir[u] = -predDir[u];
    }

    private long reducedCost(int e) {
        return state[e] * (cost[e] + pi[source[e]] - pi[target[e]]);
    }

    private boolean findEnteringArc() {
        int all = m + n;
        long min = 0;
        int cnt = blockSize;
        int e;
        for (e = nextArc; e < all; e++) {
            long c = reducedCost(e);
            if (c < min) {
                min = c;
                inArc = e;
            }
            if (--cnt == 0) {
                if (min < 0) {
                    nextArc = e + 1 == all ? 0 : e + 1;
                    return true;
                }
                cnt = blockSize;
            }
        }
        for (e = 0; e < nextArc; e++) {
            long c = reducedCost(e);
            if (c < min) {
                min = c;
                inArc = e;
            }
            if (--cnt == 0) {
                if (min < 0) {
                    nextArc = e + 1;
                    return true;
                }
                cnt = blockSize;
            }
        }
        if (min >= 0) {
            return false;
        }
        nextArc = e == all ? 0 : e;
        return true;
    }

    private void findJoinNode() {
        int u = source[inArc];
        int v = target[inArc];
        while (u != v) {
            if (succNum[u] < succNum[v]) {
                u = parent[u];
            } else {
                v = parent[v];
            }
        }
        join = u;
    }

    private boolean findLeavingArc() {
        int first;
        int second;
        if (state[inArc] == STATE_LOWER) {
            first = source[inArc];
            second = target[inArc];
        } else {
            first = target[inArc];
            second = source[inArc];
        }
        delta = cap[inArc];
        int result = 0;
        for (int u = first; u != join; u = parent[u]) {
            int e = pred[u];
            long d = flow[e];
            if (predDir[u] == DIR_DOWN) {
                d = cap[e] == INF ? INF : cap[e] - d;
            }
            if (d < delta) {
                delta = d;
                uOut = u;
                result = 1;
            }
        }
        for (int u = second; u != join; u = parent[u]) {
            int e = pred[u];
            long d = flow[e];
            if (predDir[u] == DIR_UP) {
                d = cap[e] == INF ? INF : cap[e] - d;
            }
            if (d <= delta) {
                delta = d;
                uOut = u;
                result = 2;
            }
        }
        if (result == 1) {
            uIn = first;
            vIn = second;
        } else {
            uIn = second;
            vIn = first;
        }
        return result != 0;
    }

    private void changeFlow(boolean change) {
        if (delta > 0) {
            long val = state[inArc] * delta;
            flow[inArc] += val;
            for (int u = source[inArc]; u != join; u = parent[u]) {
                flow[pred[u]] -= predDir[u] * val;
            }
            for (int u = target[inArc]; u != join; u = parent[u]) {
                flow[pred[u]] += predDir[u] * val;
            }
        }
        if (change) {
            state[inArc] = STATE_TREE;
            int out = pred[uOut];
            state[out] = flow[out] == 0 ? STATE_LOWER : STATE_UPPER;
        } else {
            state[inArc] = (byte) -state[inArc];
        }
    }

    private void updateTreeStructure() {
        int oldRevThread = revThread[uOut];
        int oldSuccNum = succNum[uOut];
        int oldLastSucc = lastSucc[uOut];
        int vOut = parent[uOut];

        if (uIn == uOut) {
            parent[uIn] = vIn;
            pred[uIn] = inArc;
            predDir[uIn] = uIn == source[inArc] ? DIR_UP : DIR_DOWN;
            if (thread[vIn] != uOut) {
                int after = thread[oldLastSucc];
                thread[oldRevThread] = after;
                revThread[after] = oldRevThread;
                after = thread[vIn];
                thread[vIn] = uOut;
                revThread[uOut] = vIn;
                thread[oldLastSucc] = after;
                revThread[after] = oldLastSucc;
            }
        } else {
            int threadContinue = oldRevThread == vIn ? thread[oldLastSucc] : thread[vIn];
            int stem = uIn;
            int parStem = vIn;
            int last = lastSucc[uIn];
            int after = thread[last];
            thread[vIn] = uIn;
            int dirty = 0;
            dirtyRevs[dirty++] = vIn;
            while (stem != uOut) {
                int nextStem = parent[stem];
                thread[last] = nextStem;
                dirtyRevs[dirty++] = last;
                int before = revThread[stem];
                thread[before] = after;
                revThread[after] = before;
                parent[stem] = parStem;
                parStem = stem;
                stem = nextStem;
                last = lastSucc[stem] == lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
                after = thread[last];
            }
            parent[uOut] = parStem;
            thread[last] = threadContinue;
            revThread[threadContinue] = last;
            lastSucc[uOut] = last;
            if (oldRevThread != vIn) {
                thread[oldRevThread] = after;
                revThread[after] = oldRevThread;
            }
            for (int i = 0; i < dirty; i++) {
                int u = dirtyRevs[i];
                revThread[thread[u]] = u;
            }
            int tmpSc = 0;
            int tmpLs = lastSucc[uOut];
            for (int u = uOut, p = parent[u]; u != uIn; u = p, p = parent[u]) {
                pred[u] = pred[p];
                predDir[u] = -predDir[p];
                tmpSc += succNum[u] - succNum[p];
                succNum[u] = tmpSc;
                lastSucc[p] = tmpLs;
            }
            pred[uIn] = inArc;
            predDir[uIn] = uIn == source[inArc] ? DIR_UP : DIR_DOWN;
            succNum[uIn] = oldSuccNum;
        }

        int upLimitOut = lastSucc[join] == vIn ? join : -1;
        int lastSuccOut = lastSucc[uOut];
        for (int u = vIn; u != -1 && lastSucc[u] == vIn; u = parent[u]) {
            lastSucc[u] = lastSuccOut;
        }
        if (join != oldRevThread && vIn != oldRevThread) {
            for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                lastSucc[u] = oldRevThread;
            }
        } else if (lastSuccOut != oldLastSucc) {
            for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                lastSucc[u] = lastSuccOut;
            }
        }
        for (int u = vIn; u != join; u = parent[u]) {
            succNum[u] += oldSuccNum;
        }
        for (int u = vOut; u != join; u = parent[u]) {
            succNum[u] -= oldSuccNum;
        }
    }

    /**
     * The subtree hung anew under the entering arc moves its potentials by sigma. Only potential
     * differences matter (reduced costs), so when that subtree is the larger part of the tree,
     * every other node (the root included) moves by -sigma instead: the same reduced costs for
     * at most half the nodes. The root's potential then drifts; it is brought back to 0 (all
     * potentials shifted) before it could grow past the artificial cost, and after the solve.
     */
    private void updatePotential() {
        long sigma = pi[vIn] - pi[uIn] - predDir[uIn] * cost[inArc];
        int end = thread[lastSucc[uIn]];
        if (2L * succNum[uIn] <= n + 1) {
            for (int u = uIn; u != end; u = thread[u]) {
                pi[u] += sigma;
            }
        } else {
            for (int u = end; u != uIn; u = thread[u]) {
                pi[u] -= sigma;
            }
            if (Math.abs(pi[root]) > artificialCost) {
                normalizePotentials();
            }
        }
    }

    /** Shifts every potential so that the artificial root's is 0 (reduced costs unchanged). */
    private void normalizePotentials() {
        long shift = pi[root];
        if (shift != 0) {
            for (int v = 0; v <= n; v++) {
                pi[v] -= shift;
            }
        }
    }
}
