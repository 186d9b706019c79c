package org.quartermaster.planner;

import org.quartermaster.planner.flow.NetworkSimplex;

/** One component's network, its solver (holding the optimal basis) and its final flow. */
final class ComponentSolution {

    final ComponentNetwork net;
    final NetworkSimplex solver;
    long[] flow;
    long objective;
    long solveNanos;
    Chunks chunks;

    ComponentSolution(ComponentNetwork net, NetworkSimplex solver) {
        this.net = net;
        this.solver = solver;
    }

    /** Solves from scratch, or warm from {@code previous} when the network kept its shape. */
    static ComponentSolution solve(ComponentNetwork net, ComponentSolution previous) {
        long start = System.nanoTime();
        ComponentSolution s;
        if (previous != null && previous.net.network.sameShape(net.network)) {
            s = new ComponentSolution(net, previous.solver.copy());
            s.objective = s.solver.resolve(costs(net), capacities(net), supplies(net), net.initialTree());
        } else {
            s = new ComponentSolution(net, new NetworkSimplex(net.network));
            s.objective = s.solver.solve(net.initialTree());
        }
        s.flow = s.solver.flows();
        s.solveNanos = System.nanoTime() - start;
        return s;
    }

    static long[] costs(ComponentNetwork net) {
        long[] c = new long[net.network.arcCount()];
        for (int a = 0; a < c.length; a++) {
            c[a] = net.network.cost(a);
        }
        return c;
    }

    static long[] capacities(ComponentNetwork net) {
        long[] c = new long[net.network.arcCount()];
        for (int a = 0; a < c.length; a++) {
            c[a] = net.network.capacity(a);
        }
        return c;
    }

    static long[] supplies(ComponentNetwork net) {
        long[] s = new long[net.network.nodeCount()];
        for (int v = 0; v < s.length; v++) {
            s[v] = net.network.supply(v);
        }
        return s;
    }
}
