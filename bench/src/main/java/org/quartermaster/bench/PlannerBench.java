package org.quartermaster.bench;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quartermaster.planner.Change;
import org.quartermaster.planner.Offer;
import org.quartermaster.planner.Plan;
import org.quartermaster.planner.PlanInput;
import org.quartermaster.planner.Planner;
import org.quartermaster.planner.flow.FlowNetwork;
import org.quartermaster.planner.flow.NetworkSimplex;
import org.quartermaster.planner.generate.InstanceGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./qm bench planner}: our planner end to end, and our network simplex side by side with
 * OR-Tools' SimpleMinCostFlow on the identical sub-problem networks and on one monolithic
 * network of the whole instance, for 10k, 100k and 1M need lines of the generator.
 */
@Command(name = "planner", mixinStandardHelpOptions = true,
        description = "Allocation planner vs OR-Tools min-cost flow, end to end and per network.")
public final class PlannerBench implements Callable<Integer> {

    /** The sizes of issue 3. */
    private static final int[] DEFAULT_SIZES = {10_000, 100_000, 1_000_000};

    @Option(names = "--needs", description = "Need lines (default: 10000, 100000 and 1000000).")
    private Integer needs;

    @Option(names = "--seed", description = "Generator seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    private long seed;

    @Option(names = "--json", description = "Print one JSON object per size instead of the table.")
    private boolean json;

    @Option(names = "--reps", description = "Repetitions per timing; the median is reported (default: ${DEFAULT-VALUE}).",
            defaultValue = "3")
    private int reps;

    @Option(names = "--reference-reps", description = "Repetitions of the OR-Tools sub-problem solves (default: ${DEFAULT-VALUE}; they take tens of seconds at 1M).",
            defaultValue = "1")
    private int referenceReps;

    @Option(names = "--no-monolithic", description = "Skip OR-Tools on the monolithic network (slow at 1M).")
    private boolean noMonolithic;

    record Row(int needs, int classes, int nodes, int arcs, int components, double endToEndMs,
               double solveThreadMs, long peakHeapBytes, double solveMs, double orToolsSolveMs,
               double orToolsMonolithicMs, long objective, long orToolsObjective, long monolithicObjective,
               double replanMs) {
    }

    @Override
    public Integer call() {
        Loader.loadNativeLibraries();
        int[] sizes = needs == null ? DEFAULT_SIZES : new int[] {needs};
        List<Row> rows = new ArrayList<>();
        if (!json) {
            printHeader();
        }
        for (int size : sizes) {
            Row row = measure(size);
            rows.add(row);
            if (json) {
                System.out.println(json(row));
            } else {
                printRow(row);
            }
        }
        if (!json) {
            printFooter();
        }
        boolean mismatch = rows.stream().anyMatch(r -> r.objective != r.orToolsObjective
                || (r.monolithicObjective >= 0 && r.monolithicObjective != r.objective));
        return mismatch ? 2 : 0;
    }

    private Row measure(int size) {
        PlanInput input = InstanceGenerator.generate(seed, InstanceGenerator.Shape.benchmark(size));
        Planner.plan(input); // warm-up: JIT and class loading are not what we measure
        double[] e2e = new double[reps];
        double[] solveThread = new double[reps];
        long peak = 0;
        Plan plan = null;
        for (int r = 0; r < reps; r++) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            plan = Planner.plan(input);
            e2e[r] = (System.nanoTime() - start) / 1e6;
            peak = Math.max(peak, peakHeap());
            solveThread[r] = plan.stats().solveNanos() / 1e6;
        }
        List<Planner.SubProblem> problems = Planner.subProblems(input);
        List<FlowNetwork> networks = problems.stream().map(Planner.SubProblem::network).toList();
        double[] ours = new double[reps];
        long ourObjective = 0;
        for (int r = 0; r < reps; r++) {
            ourObjective = 0;
            for (Planner.SubProblem sub : problems) {
                NetworkSimplex simplex = new NetworkSimplex(sub.network());
                long start = System.nanoTime();
                ourObjective += simplex.solve(sub.initialTree());
                ours[r] += (System.nanoTime() - start) / 1e6;
            }
        }
        double[] theirs = new double[Math.max(1, referenceReps)];
        long orObjective = 0;
        for (int r = 0; r < theirs.length; r++) {
            orObjective = 0;
            for (FlowNetwork g : networks) {
                long[] timed = orTools(g);
                orObjective += timed[0];
                theirs[r] += timed[1] / 1e6;
            }
        }
        if (ourObjective != plan.objective().total()) {
            System.out.println("!!! OBJECTIVE MISMATCH: plan " + plan.objective().total() + ", bare simplex " + ourObjective);
        }
        double monolithicMs = -1;
        long monolithicObjective = -1;
        if (!noMonolithic) {
            long[] timed = orTools(union(networks));
            monolithicObjective = timed[0];
            monolithicMs = timed[1] / 1e6;
        }
        double replan = replanMs(plan, input);
        return new Row(size, plan.stats().classes(), plan.stats().nodes(), plan.stats().arcs(),
                plan.stats().components(), median(e2e), median(solveThread), peak, median(ours), median(theirs),
                monolithicMs, plan.objective().total(), orObjective, monolithicObjective, replan);
    }

    /** Median time of re-plans, each after one offer's quantity changes. */
    private double replanMs(Plan plan, PlanInput input) {
        int times = Math.max(5, reps * 3);
        double[] ms = new double[times];
        for (int r = 0; r < times; r++) {
            Offer o = input.offers().get((r * 97) % input.offers().size());
            Offer changed = new Offer(o.id(), o.item(), o.quantity() + 1 + r, o.origin(), o.availableWeek(), o.unitPrice());
            long start = System.nanoTime();
            Plan next = Planner.replan(plan, new Change.OfferPut(changed));
            ms[r] = (System.nanoTime() - start) / 1e6;
            if (next.allocations().isEmpty() && !plan.allocations().isEmpty()) {
                throw new IllegalStateException("re-plan lost every allocation");
            }
        }
        return median(ms);
    }

    /** OR-Tools' optimum and the nanoseconds of its solve() alone (building the graph excluded). */
    static long[] orTools(FlowNetwork g) {
        long total = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            total += Math.max(0, g.supply(v));
        }
        MinCostFlow flow = new MinCostFlow(g.nodeCount(), g.arcCount());
        for (int a = 0; a < g.arcCount(); a++) {
            long cap = g.capacity(a) == FlowNetwork.UNLIMITED ? total : g.capacity(a);
            flow.addArcWithCapacityAndUnitCost(g.tail(a), g.head(a), cap, g.cost(a));
        }
        for (int v = 0; v < g.nodeCount(); v++) {
            flow.setNodeSupply(v, g.supply(v));
        }
        long start = System.nanoTime();
        MinCostFlowBase.Status status = flow.solve();
        long nanos = System.nanoTime() - start;
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("OR-Tools min-cost flow: " + status);
        }
        long cost = flow.getOptimalCost();
        flow.delete();
        return new long[] {cost, nanos};
    }

    /** All sub-problem networks as one network (disjoint union): the monolithic formulation. */
    static FlowNetwork union(List<FlowNetwork> networks) {
        FlowNetwork.Builder b = new FlowNetwork.Builder();
        for (FlowNetwork g : networks) {
            int offset = b.nodeCount();
            for (int v = 0; v < g.nodeCount(); v++) {
                b.addSupply(b.addNode(), g.supply(v));
            }
            for (int a = 0; a < g.arcCount(); a++) {
                b.addArc(offset + g.tail(a), offset + g.head(a), g.capacity(a), g.cost(a));
            }
        }
        return b.build();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String json(Row r) {
        return String.format(Locale.ROOT, "{\"needs\":%d,\"endToEndMs\":%.1f,\"solveMs\":%.1f,\"orToolsSolveMs\":%.1f,"
                        + "\"orToolsMonolithicMs\":%.1f,\"objective\":%d,\"orToolsObjective\":%d,\"replanMs\":%.2f,"
                        + "\"peakHeapBytes\":%d,\"solveThreadMs\":%.1f,\"orToolsMonolithicObjective\":%d,"
                        + "\"classes\":%d,\"nodes\":%d,\"arcs\":%d,\"components\":%d}",
                r.needs, r.endToEndMs, r.solveMs, r.orToolsSolveMs, r.orToolsMonolithicMs, r.objective,
                r.orToolsObjective, r.replanMs, r.peakHeapBytes, r.solveThreadMs, r.monolithicObjective,
                r.classes, r.nodes, r.arcs, r.components);
    }

    private static void printHeader() {
        System.out.printf(Locale.ROOT, "%-9s %8s %8s %9s %5s | %9s %9s %9s | %9s %9s %6s | %10s | %-19s | %8s%n",
                "needs", "classes", "nodes", "arcs", "comps", "e2e ms", "solve thr", "peak MiB",
                "our ms", "OR ms", "ratio", "OR mono ms", "objective (=OR?)", "replan ms");
    }

    private static void printRow(Row r) {
        {
            String equal = r.objective == r.orToolsObjective
                    && (r.monolithicObjective < 0 || r.monolithicObjective == r.objective) ? "equal" : "MISMATCH";
            System.out.printf(Locale.ROOT, "%-9d %8d %8d %9d %5d | %9.1f %9.1f %9.1f | %9.1f %9.1f %6.2f | %10.1f | %-19s | %8.2f%n",
                    r.needs, r.classes, r.nodes, r.arcs, r.components, r.endToEndMs, r.solveThreadMs,
                    r.peakHeapBytes / 1048576.0, r.solveMs, r.orToolsSolveMs, r.solveMs / r.orToolsSolveMs,
                    r.orToolsMonolithicMs, r.objective + " " + equal, r.replanMs);
            if (!"equal".equals(equal)) {
                System.out.println("!!! OBJECTIVE MISMATCH for " + r.needs + " needs: ours " + r.objective
                        + ", OR-Tools sub-problems " + r.orToolsObjective + ", OR-Tools monolithic " + r.monolithicObjective);
            }
        }
        System.out.flush();
    }

    private static void printFooter() {
        System.out.println("e2e = build + solve + disaggregate + explain + check on 2 cores, median; solve thr = solve thread time"
                + " inside the plan, summed over components; our ms / OR ms ="
                + " solve() alone on the identical sub-problem networks, one thread, summed (ours median of --reps, OR-Tools --reference-reps);"
                + " OR mono = OR-Tools on one network of the whole instance; replan = one offer changed, median.");
    }
}
