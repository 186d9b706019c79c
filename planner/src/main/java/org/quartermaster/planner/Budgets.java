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

    /** Shares each (fund, week) budget out as production capacities and solves with true costs. */
    private void repairFrom(long[][] flows, long[] spend) {
        long[][] caps = new long[nets.length][];
        for (int c = 0; c < nets.length; c++) {
            caps[c] = ComponentSolution.capacities(nets[c]);
        }
        long[] left = budget.clone();
        // First what the relaxed plan used (scaled down when over budget), then leftovers.
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < nets.length; c++) {
                share(c, flows[c], caps[c], spend, left, pass);
            }
        }
        ComponentSolution[] candidate = new ComponentSolution[nets.length];
        IntStream.range(0, nets.length).parallel().forEach(c -> {
            if (repair[c] == null) {
                repair[c] = new NetworkSimplex(nets[c].network);
            }
            long start = System.nanoTime();
            ComponentSolution s = new ComponentSolution(nets[c], repair[c]);
            s.objective = repair[c].resolve(null, caps[c], null);
            s.flow = repair[c].flows();
            s.solveNanos = System.nanoTime() - start;
            candidate[c] = s;
        });
        long total = 0;
        for (ComponentSolution s : candidate) {
            total = Math.addExact(total, s.objective);
        }
        if (total < upperBound) {
            upperBound = total;
            best = candidate;
        }
    }

    private void share(int c, long[] flow, long[] cap, long[] spend, long[] left, int pass) {
        ComponentNetwork net = nets[c];
        for (int j = 0; j < net.produceCount; j++) {
            int a = net.produceArcs[j];
            int f = in.lineFund[net.arcRef[a]];
            if (f < 0) {
                continue;
            }
            int k = f * h + net.arcWeek[a];
            long price = net.network.cost(a);
            long capacity = net.network.capacity(a);
            if (pass == 0) {
                long used = flow[a];
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
    }

    List<ComponentSolution> bestSolutions() {
        return Arrays.asList(best);
    }
}
