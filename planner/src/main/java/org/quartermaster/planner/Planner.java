package org.quartermaster.planner;

import java.util.ArrayList;
import java.util.List;
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
        List<Need> needs = in.input.needs();
        for (int k = 0; k < needs.size(); k++) {
            int chain = in.needChain[k];
            demand[chain][needs.get(k).dueWeek() - in.chainMinDue[chain]] += needs.get(k).quantity();
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
        boolean[] redo = new boolean[k];
        for (int c : comps) {
            redo[c] = dirty == null || dirty[c] || previous.solutions[c] == null;
        }
        parallel(comps, c -> {
            if (redo[c]) {
                nets[c] = ComponentNetwork.build(in, c, demand);
            }
        });
        long built = System.nanoTime();
        ComponentSolution[] solutions = new ComponentSolution[k];
        BudgetReport report = solve(in, previous, comps, nets, redo, solutions);
        long solved = System.nanoTime();
        Disaggregator[] results = new Disaggregator[k];
        PlanChecker checker = new PlanChecker(in);
        parallel(comps, c -> {
            if (!redo[c]) {
                results[c] = previous.results[c];
                return;
            }
            ComponentSolution s = solutions[c];
            s.chunks = new Chunks();
            new Tracer(in, s.net, s.flow).trace(demand, s.chunks);
            Disaggregator d = new Disaggregator(in, s);
            d.run();
            checker.check(d.needs, d.allocations, d.allocNeed, d.shortfalls, d.shortNeed);
            results[c] = d;
        });
        long split = System.nanoTime();
        return assemble(in, demand, comps, solutions, results, report, checker,
                new long[] {start, built, solved, split});
    }

    private static BudgetReport solve(Indexed in, Plan.Basis previous, int[] comps, ComponentNetwork[] nets,
                                      boolean[] redo, ComponentSolution[] solutions) {
        if (!in.input.funds().isEmpty()) {
            ComponentNetwork[] dense = new ComponentNetwork[comps.length];
            for (int j = 0; j < comps.length; j++) {
                dense[j] = nets[comps[j]];
            }
            Budgets budgets = new Budgets(in, dense);
            BudgetReport report = budgets.run();
            for (int j = 0; j < comps.length; j++) {
                solutions[comps[j]] = budgets.best[j];
            }
            return report;
        }
        parallel(comps, c -> solutions[c] = redo[c]
                ? ComponentSolution.solve(nets[c], previous == null ? null : previous.solutions[c])
                : previous.solutions[c]);
        long total = 0;
        for (int c : comps) {
            total = Math.addExact(total, solutions[c].objective);
        }
        return BudgetReport.exact(total);
    }

    private static Plan assemble(Indexed in, long[][] demand, int[] comps, ComponentSolution[] solutions,
                                 Disaggregator[] results, BudgetReport report, PlanChecker checker, long[] t) {
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
        checker.checkBudgets(allocations);
        long end = System.nanoTime();
        ObjectiveTerms terms = new ObjectiveTerms(total, shortfall, lateness, money, substitution, unitsShort, weeksLate);
        PlanStats stats = new PlanStats(in.needItem.length, classes, nodes, arcs, comps.length, pivots,
                t[1] - t[0], t[2] - t[1], t[3] - t[2], end - checkStart);
        // Views of the components' lists, which never change once built: a re-plan that redid one
        // component reuses the others' lists instead of copying a million references.
        return new Plan(allocations, shortfalls, terms, report, stats,
                new Plan.Basis(in, demand, solutions, results));
    }

    /** Runs one task per component on the common pool (both cores: its worker and the caller). */
    private static void parallel(int[] comps, java.util.function.IntConsumer task) {
        IntStream.of(comps).parallel().forEach(task);
    }
}
