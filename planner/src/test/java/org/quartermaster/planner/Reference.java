package org.quartermaster.planner;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.planner.flow.FlowNetwork;
import org.quartermaster.planner.generate.InstanceGenerator;

/** OR-Tools as the independent reference: its min-cost flow on our network, GLOP on the naive LP. */
final class Reference {

    static {
        Loader.loadNativeLibraries();
    }

    /**
     * The best integral plan: its objective and SCIP's proven lower bound on it (no integral plan
     * costs less than {@code bound}). Solved with a zero relative gap, so both agree up to
     * SCIP's tolerances; a claim that no integral plan can reach some value rests on the bound.
     */
    record Mip(double objective, double bound) {
    }

    /** The budgeted naive model with integer variables, solved by SCIP to a zero gap. */
    static Mip naiveMip(PlanInput input) {
        double[] result = naive(input, true, true);
        return new Mip(result[0], result[1]);
    }

    private Reference() {
    }

    /** OR-Tools' SimpleMinCostFlow optimum on the same network. */
    static long minCostFlow(FlowNetwork g) {
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
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("OR-Tools min-cost flow: " + status);
        }
        long cost = flow.getOptimalCost();
        flow.delete();
        return cost;
    }

    static long minCostFlow(List<FlowNetwork> networks) {
        long total = 0;
        for (FlowNetwork g : networks) {
            total += minCostFlow(g);
        }
        return total;
    }

    /**
     * GLOP optimum of the naive LP: one variable per (supply slot, need line) pair priced at the
     * cheapest route between them, one shortfall variable per need line, supply and demand rows,
     * and (when {@code budgets}) one row per (fund, week). No absorption limits allowed.
     */
    static double naiveLp(PlanInput input, boolean budgets) {
        return naive(input, budgets, false)[0];
    }

    /** The naive model as an LP (GLOP) or with integer variables (SCIP): {objective, proven bound}. */
    private static double[] naive(PlanInput input, boolean budgets, boolean integer) {
        if (!input.absorptionLimits().isEmpty()) {
            throw new IllegalArgumentException("naive LP has no absorption rows");
        }
        CostModel costs = CostModel.of(input.horizonWeeks(), input.compatibilities(), input.offers(),
                input.productionLines(), input.lanes());
        List<Slot> slots = slots(input);
        MPSolver solver = MPSolver.createSolver(integer ? "SCIP" : "GLOP");
        MPObjective objective = solver.objective();
        objective.setMinimization();
        MPConstraint[] supplyRow = new MPConstraint[slots.size()];
        for (int s = 0; s < slots.size(); s++) {
            supplyRow[s] = solver.makeConstraint(0, slots.get(s).capacity);
        }
        int h = input.horizonWeeks();
        int funds = input.funds().size();
        MPConstraint[] budgetRow = new MPConstraint[funds * h];
        if (budgets) {
            for (int f = 0; f < funds; f++) {
                for (int t = 0; t < h; t++) {
                    budgetRow[f * h + t] = solver.makeConstraint(0, input.funds().get(f).amountPerWeek());
                }
            }
        }
        for (Need need : input.needs()) {
            MPConstraint row = solver.makeConstraint(need.quantity(), need.quantity());
            MPVariable shortVar = solver.makeVar(0, need.quantity(), integer, "");
            row.setCoefficient(shortVar, 1);
            objective.setCoefficient(shortVar, costs.shortfallCost(need.priority(), need.dueWeek()));
            for (int s = 0; s < slots.size(); s++) {
                Slot slot = slots.get(s);
                long c = routeCost(input, costs, slot, need);
                if (c < 0) {
                    continue;
                }
                MPVariable x = solver.makeVar(0, need.quantity(), integer, "");
                row.setCoefficient(x, 1);
                supplyRow[s].setCoefficient(x, 1);
                objective.setCoefficient(x, c);
                if (budgets && slot.fund >= 0) {
                    budgetRow[slot.fund * h + slot.startWeek].setCoefficient(x, slot.price);
                }
            }
        }
        MPSolverParameters parameters = new MPSolverParameters();
        if (integer) {
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        }
        MPSolver.ResultStatus status = solver.solve(parameters);
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException((integer ? "SCIP: " : "GLOP: ") + status);
        }
        double value = objective.value();
        double bound = integer ? objective.bestBound() : value;
        solver.delete();
        return new double[] {value, bound};
    }

    private record Slot(String item, String origin, int ready, long price, long capacity, int fund, int startWeek) {
    }

    private static List<Slot> slots(PlanInput input) {
        List<Slot> slots = new ArrayList<>();
        for (Offer o : input.offers()) {
            slots.add(new Slot(o.item(), o.origin(), o.availableWeek(), o.unitPrice(), o.quantity(), -1, o.availableWeek()));
        }
        for (ProductionLine l : input.productionLines()) {
            int fund = -1;
            for (int f = 0; f < input.funds().size(); f++) {
                if (input.funds().get(f).eligibleProductionLines().contains(l.id())) {
                    fund = f;
                }
            }
            for (int t = 0; t + l.leadTimeWeeks() < input.horizonWeeks(); t++) {
                slots.add(new Slot(l.item(), l.origin(), t + l.leadTimeWeeks(), l.unitPrice(),
                        l.capacityPerWeek(), fund, t));
            }
        }
        return slots;
    }

    /** Cheapest cost of one unit from the slot to the need, or -1 when no route exists. */
    private static long routeCost(PlanInput input, CostModel costs, Slot slot, Need need) {
        long substitution;
        if (slot.item.equals(need.item())) {
            substitution = 0;
        } else {
            substitution = -1;
            for (Compatibility c : input.compatibilities()) {
                if (c.substitute().equals(slot.item) && c.needed().equals(need.item())) {
                    substitution = c.penaltyPerUnit();
                }
            }
            if (substitution < 0) {
                return -1;
            }
        }
        long best = -1;
        for (Lane lane : input.lanes()) {
            if (!lane.origin().equals(slot.origin) || !lane.destination().equals(need.destination())) {
                continue;
            }
            int arrival = slot.ready + lane.transitWeeks();
            if (arrival >= input.horizonWeeks()) {
                continue;
            }
            int late = Math.max(0, arrival - need.dueWeek());
            long c = slot.price + lane.costPerUnit() + substitution + late * costs.latenessPerWeek(need.priority());
            if (best < 0 || c < best) {
                best = c;
            }
        }
        return best;
    }

    /** The benchmark's structure at a tenth of its size, for tests that want many components. */
    static InstanceGenerator.Shape mediumShape(int needs) {
        return new InstanceGenerator.Shape(20, 8, 10, 40, 300, 16, needs, 8, 3, 0.3, 5, 0);
    }

    /** A small random shape for the seeded comparison loops. */
    static InstanceGenerator.Shape smallShape(java.util.Random r, boolean absorption, int funds) {
        int items = 1 + r.nextInt(5);
        int destinations = 1 + r.nextInt(3);
        int weeks = 2 + r.nextInt(9);
        return new InstanceGenerator.Shape(items, destinations, 1 + r.nextInt(3), r.nextInt(4), r.nextInt(8),
                weeks, 1 + r.nextInt(20), 1 + r.nextInt(items), 1 + r.nextInt(2), r.nextDouble(),
                absorption ? r.nextInt(4) : 0, funds);
    }
}
