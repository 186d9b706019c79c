package org.quartermaster.planner;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.quartermaster.planner.flow.NetworkSimplex;

/**
 * Fund budgets by Lagrangian relaxation. A budget (fund f, week t) couples production of
 * several lines, so it is not a network constraint; instead each production arc of a line paid
 * by f and started in week t costs extra {@code floor(lambda[f][t] * price)}, and the priced
 * network is solved again, warm-started from the previous basis. Rounding the extra cost down
 * keeps {@code priced optimum - sum(lambda * budget)} a valid lower bound. Multipliers follow
 * a Polyak subgradient step. Each iteration also repairs the relaxed plan into a feasible one:
 * the budget of each (fund, week) is shared out as capacities of its production arcs (first to
 * what the relaxed plan used, then what is left, in arc order), and the network is solved with the true
 * costs under those capacities; the best such plan is the upper bound and the plan returned.
 */
final class Budgets {

    /** Stop when the upper bound is this close (relatively) to the lower bound. */
    static final double GAP_TARGET = 1e-4;
    /** Rounds of giving unspent budget to saturated production arcs after each repair. */
    static final int REFILL_ROUNDS = 4;

    private final Indexed in;
    private final ComponentNetwork[] nets;
    private final int funds;
    private final int h;
    private final double[] lambda;
    private final long[] budget;
    private final NetworkSimplex[] relaxed;
    private final NetworkSimplex[] repair;
    ComponentSolution[] best;
    long lowerBound = Long.MIN_VALUE;
    long upperBound = Long.MAX_VALUE;
    int iterations;

    Budgets(Indexed in, ComponentNetwork[] nets) {
        this.in = in;
        this.nets = nets;
        this.funds = in.input.funds().size();
        this.h = in.horizon;
        this.lambda = new double[funds * h];
        this.budget = new long[funds * h];
        for (int f = 0; f < funds; f++) {
            Arrays.fill(budget, f * h, f * h + h, in.input.funds().get(f).amountPerWeek());
        }
        relaxed = new NetworkSimplex[nets.length];
        repair = new NetworkSimplex[nets.length];
        best = new ComponentSolution[nets.length];
    }

    BudgetReport run() {
        double step = 2.0;
        int stall = 0;
        for (iterations = 1; iterations <= Limits.MAX_LAGRANGIAN_ITERATIONS; iterations++) {
            long[][] flows = new long[nets.length][];
            long priced = solveRelaxed(flows);
            long[] spend = spend(flows);
            double dual = priced;
            for (int k = 0; k < lambda.length; k++) {
                dual -= lambda[k] * budget[k];
            }
            long bound = (long) Math.floor(dual);
            if (bound > lowerBound) {
                lowerBound = bound;
                stall = 0;
            } else if (++stall >= 3) {
                step /= 2;
                stall = 0;
            }
            repairFrom(flows, spend);
            if (upperBound - lowerBound <= GAP_TARGET * Math.max(1, Math.abs(upperBound))) {
                break;
            }
            double norm = 0;
            for (int k = 0; k < lambda.length; k++) {
                double g = spend[k] - budget[k];
                if (lambda[k] > 0 || g > 0) {
                    norm += g * g;
                }
            }
            if (norm == 0) {
                break;
            }
            double theta = step * (upperBound - dual) / norm;
            for (int k = 0; k < lambda.length; k++) {
                lambda[k] = Math.max(0, lambda[k] + theta * (spend[k] - budget[k]));
            }
        }
        iterations = Math.min(iterations, Limits.MAX_LAGRANGIAN_ITERATIONS);
        lowerBound = Math.min(lowerBound, upperBound);
        double gap = upperBound == 0 ? 0 : (double) (upperBound - lowerBound) / Math.abs(upperBound);
        return new BudgetReport(lowerBound, upperBound, gap, iterations);
    }

    private long solveRelaxed(long[][] flows) {
        long[] objective = new long[nets.length];
        IntStream.range(0, nets.length).parallel().forEach(c -> {
            ComponentNetwork net = nets[c];
            long[] cost = ComponentSolution.costs(net);
            for (int j = 0; j < net.produceCount; j++) {
                int a = net.produceArcs[j];
                int line = net.arcRef[a];
                int f = in.lineFund[line];
                if (f >= 0) {
                    double extra = Math.floor(lambda[f * h + net.arcWeek[a]] * net.network.cost(a));
                    cost[a] = Math.addExact(cost[a], (long) Math.min(extra, Limits.MAX_UNIT_COST * 64.0));
                }
            }
            if (relaxed[c] == null) {
                relaxed[c] = new NetworkSimplex(net.network);
            }
            objective[c] = relaxed[c].resolve(cost, null, null);
            flows[c] = relaxed[c].flows();
        });
        long total = 0;
        for (long o : objective) {
            total = Math.addExact(total, o);
        }
        return total;
    }

    private long[] spend(long[][] flows) {
        long[] spend = new long[funds * h];
        for (int c = 0; c < nets.length; c++) {
            ComponentNetwork net = nets[c];
            for (int j = 0; j < net.produceCount; j++) {
                int a = net.produceArcs[j];
                int f = in.lineFund[net.arcRef[a]];
                if (f >= 0) {
                    spend[f * h + net.arcWeek[a]] += flows[c][a] * net.network.cost(a);
                }
            }
        }
        return spend;
    }

    /**
     * Shares each (fund, week) budget out as production capacities and solves with true costs,
     * twice: once giving first what the relaxed plan used, once purely cheapest line first
     * (most units per money); both then hand what is left to the cheapest lines.
     */
    private void repairFrom(long[][] flows, long[] spend) {
        repairVariant(flows, spend, true);
        repairVariant(flows, spend, false);
    }

    private void repairVariant(long[][] flows, long[] spend, boolean relaxedFirst) {
        long[][] caps = new long[nets.length][];
        for (int c = 0; c < nets.length; c++) {
            caps[c] = ComponentSolution.capacities(nets[c]);
            for (int j = 0; j < nets[c].produceCount; j++) {
                int a = nets[c].produceArcs[j];
                if (in.lineFund[nets[c].arcRef[a]] >= 0) {
                    caps[c][a] = 0;
                }
            }
        }
        long[] left = budget.clone();
        if (relaxedFirst) {
            for (long[] ca : byPrice()) {
                share((int) ca[1], (int) ca[2], flows, caps, spend, left, 0);
            }
        }
        for (long[] ca : byPrice()) {
            share((int) ca[1], (int) ca[2], flows, caps, spend, left, 1);
        }
        ComponentSolution[] candidate = solveRepaired(caps);
        // Budget the repaired plan left unspent goes to production arcs it filled up, which
        // are the ones that want more; a few rounds, each warm-started, each only improving.
        for (int round = 0; round < REFILL_ROUNDS; round++) {
            long[] leftover = budget.clone();
            long[][] used = new long[nets.length][];
            for (int c = 0; c < nets.length; c++) {
                used[c] = candidate[c].flow;
            }
            long[] spent = spend(used);
            boolean raised = false;
            for (int k = 0; k < leftover.length; k++) {
                leftover[k] -= spent[k];
            }
            for (int c = 0; c < nets.length; c++) {
                raised |= refill(c, candidate[c].flow, caps[c], leftover);
            }
            if (!raised) {
                break;
            }
            ComponentSolution[] better = solveRepaired(caps);
            if (total(better) >= total(candidate)) {
                break;
            }
            candidate = better;
        }
        long total = total(candidate);
        if (total < upperBound) {
            upperBound = total;
            best = candidate;
        }
    }

    private static long total(ComponentSolution[] solutions) {
        long total = 0;
        for (ComponentSolution s : solutions) {
            total = Math.addExact(total, s.objective);
        }
        return total;
    }

    private ComponentSolution[] solveRepaired(long[][] caps) {
        ComponentSolution[] candidate = new ComponentSolution[nets.length];
        IntStream.range(0, nets.length).parallel().forEach(c -> {
            if (repair[c] == null) {
                repair[c] = new NetworkSimplex(nets[c].network);
            }
            long start = System.nanoTime();
            NetworkSimplex solver = repair[c].copy();
            ComponentSolution s = new ComponentSolution(nets[c], solver);
            s.objective = solver.resolve(null, caps[c].clone(), null);
            s.flow = solver.flows();
            s.solveNanos = System.nanoTime() - start;
            repair[c] = solver;
            candidate[c] = s;
        });
        return candidate;
    }

    /** Raises the capacity of saturated budgeted production arcs by what their budget has left. */
    private boolean refill(int c, long[] flow, long[] cap, long[] leftover) {
        ComponentNetwork net = nets[c];
        boolean raised = false;
        for (int j = 0; j < net.produceCount; j++) {
            int a = net.produceArcs[j];
            int f = in.lineFund[net.arcRef[a]];
            if (f < 0 || flow[a] < cap[a]) {
                continue;
            }
            int k = f * h + net.arcWeek[a];
            long price = net.network.cost(a);
            long room = net.network.capacity(a) - cap[a];
            long more = price == 0 ? room : Math.min(room, leftover[k] / price);
            if (more > 0) {
                cap[a] += more;
                leftover[k] -= more * price;
                raised = true;
            }
        }
        return raised;
    }

    private long[][] sorted;

    /** Budgeted production arcs as (price, component, arc), cheapest first; built once. */
    private long[][] byPrice() {
        if (sorted == null) {
            List<long[]> all = new java.util.ArrayList<>();
            for (int c = 0; c < nets.length; c++) {
                for (int j = 0; j < nets[c].produceCount; j++) {
                    int a = nets[c].produceArcs[j];
                    if (in.lineFund[nets[c].arcRef[a]] >= 0) {
                        all.add(new long[] {nets[c].network.cost(a), c, a});
                    }
                }
            }
            all.sort(java.util.Comparator.<long[]>comparingLong(x -> x[0]).thenComparingLong(x -> x[1])
                    .thenComparingLong(x -> x[2]));
            sorted = all.toArray(new long[0][]);
        }
        return sorted;
    }

    private void share(int c, int a, long[][] flows, long[][] caps, long[] spend, long[] left, int pass) {
        ComponentNetwork net = nets[c];
        long[] cap = caps[c];
        int f = in.lineFund[net.arcRef[a]];
        int k = f * h + net.arcWeek[a];
        long price = net.network.cost(a);
        long capacity = net.network.capacity(a);
        if (pass == 0) {
            long used = flows[c][a];
            if (spend[k] > budget[k] && spend[k] > 0) {
                used = (long) Math.floor((double) used * budget[k] / spend[k]);
            }
            used = Math.min(used, price == 0 ? used : left[k] / price);
            cap[a] = used;
            left[k] -= used * price;
        } else {
            long more = price == 0 ? capacity - cap[a] : Math.min(capacity - cap[a], left[k] / price);
            cap[a] += more;
            left[k] -= more * price;
        }
    }

    List<ComponentSolution> bestSolutions() {
        return Arrays.asList(best);
    }
}
