package org.quartermaster.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.quartermaster.planner.flow.FlowNetwork;

/**
 * The allocation planner's facade.
 *
 * <p>{@link #plan} builds one time-expanded network per connected component of the item
 * compatibility graph (see {@link ComponentNetwork} and {@link CostModel}), solves them in
 * parallel with our network simplex, splits class flows back to need lines, explains each
 * allocation and shortfall, and checks the plan before returning it. {@link #replan} re-solves
 * only the components a change touches, warm-started from the previous optimal basis.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * Computes the optimal plan.
     *
     * @throws IllegalArgumentException never for a valid {@link PlanInput} (it is checked when built)
     * @throws IllegalStateException if the plan fails its own check (a planner bug)
     */
    public static Plan plan(PlanInput input) {
        return run(new Indexed(input), null, null);
    }

    /**
     * Re-plans after a small change, re-solving only the affected components from their previous
     * optimal bases. With fund budgets every component is re-priced, so all are re-solved (each
     * still warm-started).
     */
    public static Plan replan(Plan previous, Change change) {
        Plan.Basis basis = previous.basis();
        Indexed old = basis.in;
        PlanInput input = old.input;
        boolean[] dirty = new boolean[old.componentItems.length];
        Indexed next;
        switch (change) {
            case Change.OfferPut put -> {
                List<Offer> offers = new ArrayList<>(old.offers);
                int at = indexOfOffer(offers, put.offer().id());
                if (at >= 0) {
                    markItem(old, dirty, offers.get(at).item());
                    offers.set(at, put.offer());
                } else {
                    offers.add(put.offer());
                }
                markItem(old, dirty, put.offer().item());
                next = old.withOffers(offers);
            }
            case Change.OfferWithdrawn gone -> {
                List<Offer> offers = new ArrayList<>(old.offers);
                int at = indexOfOffer(offers, gone.offerId());
                if (at < 0) {
                    throw new IllegalArgumentException("withdrawn offer " + gone.offerId() + " must exist");
                }
                markItem(old, dirty, offers.remove(at).item());
                next = old.withOffers(offers);
            }
            case Change.NeedPut put -> {
                List<Need> needs = new ArrayList<>(input.needs());
                int at = -1;
                for (int k = 0; k < needs.size() && at < 0; k++) {
                    if (needs.get(k).id().equals(put.need().id())) {
                        at = k;
                    }
                }
                if (at >= 0) {
                    markItem(old, dirty, needs.get(at).item());
                    needs.set(at, put.need());
                } else {
                    needs.add(put.need());
                }
                markItem(old, dirty, put.need().item());
                next = new Indexed(withNeeds(input, needs, old.offers));
            }
        }
        if (next == null) {
            next = new Indexed(new PlanInput(input.horizonWeeks(), input.items(), input.compatibilities(),
                    input.needs(), nextOffers(change, old.offers), input.productionLines(), input.lanes(),
                    input.absorptionLimits(), input.funds()));
            return run(next, null, null);
        }
        // A new largest price moves K, and with it every cost: then all components are re-solved
        // (still warm-started), as they are when budgets couple them.
        boolean local = next.input.funds().isEmpty() && next.costs.equals(old.costs);
        return run(next, basis, local ? dirty : null);
    }

    private static List<Offer> nextOffers(Change change, List<Offer> offers) {
        List<Offer> result = new ArrayList<>(offers);
        switch (change) {
            case Change.OfferPut put -> {
                int at = indexOfOffer(result, put.offer().id());
                if (at >= 0) {
                    result.set(at, put.offer());
                } else {
                    result.add(put.offer());
                }
            }
            case Change.OfferWithdrawn gone -> result.remove(indexOfOffer(result, gone.offerId()));
            case Change.NeedPut put -> { }
        }
        return result;
    }

    private static PlanInput withNeeds(PlanInput input, List<Need> needs, List<Offer> offers) {
        return new PlanInput(input.horizonWeeks(), input.items(), input.compatibilities(), needs, offers,
                input.productionLines(), input.lanes(), input.absorptionLimits(), input.funds());
    }

    private static int indexOfOffer(List<Offer> offers, String id) {
        for (int k = 0; k < offers.size(); k++) {
            if (offers.get(k).id().equals(id)) {
                return k;
            }
        }
        return -1;
    }

    private static void markItem(Indexed in, boolean[] dirty, String item) {
        Integer i = in.itemIndex.get(item);
        if (i == null) {
            throw new IllegalArgumentException("changed record must name a known item, not " + item);
        }
        dirty[in.componentOfItem[i]] = true;
    }

    /**
     * The networks our solver solves for {@code input}, one per component with demand, for
     * side-by-side comparison with a reference solver.
     */
    public static List<FlowNetwork> componentNetworks(PlanInput input) {
        Indexed in = new Indexed(input);
        long[][] demand = demand(in);
        List<FlowNetwork> result = new ArrayList<>();
        for (int c : componentsWithDemand(in)) {
            result.add(ComponentNetwork.build(in, c, demand).network);
        }
        return result;
    }

    /** A component's network with the starting tree the planner gives our simplex. */
    public record SubProblem(FlowNetwork network, int[] initialTree) {
    }

    /** Like {@link #componentNetworks}, with each network's starting tree (for benchmarks). */
    public static List<SubProblem> subProblems(PlanInput input) {
        Indexed in = new Indexed(input);
        long[][] demand = demand(in);
        List<SubProblem> result = new ArrayList<>();
        for (int c : componentsWithDemand(in)) {
            ComponentNetwork net = ComponentNetwork.build(in, c, demand);
            result.add(new SubProblem(net.network, net.initialTree()));
        }
        return result;
    }

    static long[][] demand(Indexed in) {
        long[][] demand = new long[in.chainCount][];
        for (int c = 0; c < in.chainCount; c++) {
            demand[c] = new long[in.horizon - in.chainMinDue[c]];
        }
        for (int k = 0; k < in.needChain.length; k++) {
            int chain = in.needChain[k];
            demand[chain][in.needDue[k] - in.chainMinDue[chain]] += in.needQuantity[k];
        }
        return demand;
    }

    static int[] componentsWithDemand(Indexed in) {
        boolean[] has = new boolean[in.componentItems.length];
        for (int chain = 0; chain < in.chainCount; chain++) {
            has[in.componentOfItem[in.chainItem[chain]]] = true;
        }
        return IntStream.range(0, has.length).filter(c -> has[c]).toArray();
    }

    private static Plan run(Indexed in, Plan.Basis previous, boolean[] dirty) {
        long start = System.nanoTime();
        // An offer change keeps the need lines (the index shares the input): keep their classes.
        long[][] demand = previous != null && previous.in.input == in.input ? previous.demand : demand(in);
        int[] comps = componentsWithDemand(in);
        int k = in.componentItems.length;
        ComponentNetwork[] nets = new ComponentNetwork[k];
        ComponentSolution[] solutions = new ComponentSolution[k];
        Disaggregator[] results = new Disaggregator[k];
        int[] todo = IntStream.of(comps)
                .filter(c -> dirty == null || dirty[c] || previous.solutions[c] == null).toArray();
        for (int c : comps) {
            if (Arrays.binarySearch(todo, c) < 0) {
                solutions[c] = previous.solutions[c];
                results[c] = previous.results[c];
            }
        }
        long[] weight = weights(in, previous, todo);
        PlanChecker checker = new PlanChecker(in);
        // Per component thread time of each phase: build, solve, disaggregate (with trace and
        // check); the last slot takes the budgets' solve of all components together.
        long[][] nanos = new long[3][k + 1];
        BudgetReport report;
        if (in.input.funds().isEmpty()) {
            // No coupling: each component is built, solved, split and checked in one task, the
            // largest first, so both cores stay busy to the end with no barrier between phases.
            parallel(todo, weight, c -> {
                long t0 = System.nanoTime();
                nets[c] = ComponentNetwork.build(in, c, demand);
                long t1 = System.nanoTime();
                solutions[c] = ComponentSolution.solve(nets[c], previous == null ? null : previous.solutions[c]);
                long t2 = System.nanoTime();
                results[c] = disaggregate(in, demand, solutions[c], checker);
                nanos[0][c] = t1 - t0;
                nanos[1][c] = t2 - t1;
                nanos[2][c] = System.nanoTime() - t2;
            });
            long total = 0;
            for (int c : comps) {
                total = Math.addExact(total, solutions[c].objective);
            }
            report = BudgetReport.exact(total);
        } else {
            // Budgets couple the components: all are priced and re-solved together.
            parallel(todo, weight, c -> {
                long t0 = System.nanoTime();
                nets[c] = ComponentNetwork.build(in, c, demand);
                nanos[0][c] = System.nanoTime() - t0;
            });
            ComponentNetwork[] dense = new ComponentNetwork[comps.length];
            for (int j = 0; j < comps.length; j++) {
                dense[j] = nets[comps[j]];
            }
            long t0 = System.nanoTime();
            Budgets budgets = new Budgets(in, dense);
            report = budgets.run();
            for (int j = 0; j < comps.length; j++) {
                solutions[comps[j]] = budgets.best[j];
            }
            nanos[1][k] = System.nanoTime() - t0;
            parallel(todo, weight, c -> {
                long t1 = System.nanoTime();
                results[c] = disaggregate(in, demand, solutions[c], checker);
                nanos[2][c] = System.nanoTime() - t1;
            });
        }
        long[] phases = new long[3];
        for (int p = 0; p < 3; p++) {
            for (long v : nanos[p]) {
                phases[p] += v;
            }
        }
        return assemble(in, demand, comps, solutions, results, report, checker, start, phases);
    }

    /** Decomposes a component's flow into paths, splits them to need lines and checks the rows. */
    private static Disaggregator disaggregate(Indexed in, long[][] demand, ComponentSolution s, PlanChecker checker) {
        s.chunks = new Chunks();
        new Tracer(in, s.net, s.flow).trace(demand, s.chunks);
        Disaggregator d = new Disaggregator(in, s);
        d.run();
        checker.check(d);
        return d;
    }

    /**
     * Expected work per component, to start the largest first: the previous solve time when
     * re-planning, else an estimate of its node count (its chains' weeks plus its items' depots
     * at every origin and destination), which grows with the network.
     */
    private static long[] weights(Indexed in, Plan.Basis previous, int[] todo) {
        long[] weight = new long[in.componentItems.length];
        for (int chain = 0; chain < in.chainCount; chain++) {
            weight[in.componentOfItem[in.chainItem[chain]]] += in.horizon - in.chainMinDue[chain];
        }
        for (int c = 0; c < weight.length; c++) {
            weight[c] += (long) in.componentItems[c].length * (in.originCount + in.destinationCount) * in.horizon;
        }
        if (previous != null && previous.solutions.length == weight.length) {
            for (int c : todo) {
                if (previous.solutions[c] != null) {
                    weight[c] = previous.solutions[c].solveNanos;
                }
            }
        }
        return weight;
    }

    private static Plan assemble(Indexed in, long[][] demand, int[] comps, ComponentSolution[] solutions,
                                 Disaggregator[] results, BudgetReport report, PlanChecker checker, long start,
                                 long[] phases) {
        List<List<Allocation>> allocationParts = new ArrayList<>(comps.length);
        List<List<Shortfall>> shortfallParts = new ArrayList<>(comps.length);
        long shortfall = 0, lateness = 0, money = 0, substitution = 0, unitsShort = 0, weeksLate = 0;
        long objective = 0, pivots = 0;
        int classes = 0, nodes = 0, arcs = 0;
        for (int c : comps) {
            Disaggregator d = results[c];
            allocationParts.add(d.allocations);
            shortfallParts.add(d.shortfalls);
            shortfall += d.shortfallCost;
            lateness += d.latenessCost;
            money += d.moneyCost;
            substitution += d.substitutionCost;
            unitsShort += d.unitsShort;
            weeksLate += d.unitWeeksLate;
            objective += solutions[c].objective;
            pivots += solutions[c].solver.pivots();
            classes += solutions[c].net.classes;
            nodes += solutions[c].net.network.nodeCount();
            arcs += solutions[c].net.network.arcCount();
        }
        long total = shortfall + lateness + money + substitution;
        if (total != objective) {
            throw new IllegalStateException("explained costs " + total + " must add up to the optimum " + objective);
        }
        List<Allocation> allocations = new ConcatList<>(allocationParts);
        List<Shortfall> shortfalls = new ConcatList<>(shortfallParts);
        long checkStart = System.nanoTime();
        checker.checkBudgets(results, comps);
        long end = System.nanoTime();
        ObjectiveTerms terms = new ObjectiveTerms(total, shortfall, lateness, money, substitution, unitsShort, weeksLate);
        PlanStats stats = new PlanStats(in.needItem.length, classes, nodes, arcs, comps.length, pivots,
                phases[0], phases[1], phases[2], end - checkStart, end - start);
        // Views of the components' lists, which never change once built: a re-plan that redid one
        // component reuses the others' lists instead of copying a million references.
        return new Plan(allocations, shortfalls, terms, report, stats,
                new Plan.Basis(in, demand, solutions, results));
    }

    /**
     * Runs one task per component on the common pool (both cores: its worker and the caller),
     * heaviest first: each thread takes the next component when it is done with one, so one
     * large component does not leave a core idle behind a static split.
     */
    private static void parallel(int[] comps, long[] weight, IntConsumer task) {
        int[] order = IntStream.of(comps).boxed()
                .sorted((a, b) -> weight[a] != weight[b] ? Long.compare(weight[b], weight[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int j = next.getAndIncrement(); j < order.length; j = next.getAndIncrement()) {
                task.accept(order[j]);
            }
        };
        int helpers = Math.max(0, Math.min(ForkJoinPool.getCommonPoolParallelism(), order.length - 1));
        ForkJoinTask<?>[] running = new ForkJoinTask<?>[helpers];
        for (int h = 0; h < helpers; h++) {
            running[h] = ForkJoinPool.commonPool().submit(worker);
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failure = e;
            next.set(order.length);
        }
        for (ForkJoinTask<?> r : running) {
            try {
                r.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
