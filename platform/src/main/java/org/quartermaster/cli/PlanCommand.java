package org.quartermaster.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quartermaster.Quartermaster;
import org.quartermaster.planner.Plan;
import org.quartermaster.planner.PlanInput;
import org.quartermaster.planner.Planner;
import org.quartermaster.planning.PlanRecord;
import org.quartermaster.planning.model.PlanWeeks;
import org.quartermaster.server.Json;
import org.quartermaster.shared.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code qm plan}: propose a plan from the database's current needs and offers, or solve a
 * scenario file (the planner's input as JSON, see the README) and print the result.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Compute the optimal allocation plan (from the database, or from --scenario FILE.json).")
final class PlanCommand implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "FILE.json", description = "solve this scenario instead of the database")
    Path scenario;

    @Option(names = "--horizon", defaultValue = "52", description = "weeks to plan (database mode; default ${DEFAULT-VALUE})")
    int horizonWeeks;

    @Option(names = "--json", description = "print the result as one JSON object")
    boolean json;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
        return scenario != null ? solveScenario() : proposeFromDatabase();
    }

    private int proposeFromDatabase() {
        if (horizonWeeks < 1 || horizonWeeks > PlanWeeks.HORIZON_WEEKS_MAX) {
            throw new IllegalArgumentException("--horizon must be between 1 and " + PlanWeeks.HORIZON_WEEKS_MAX);
        }
        Path data = Path.of("qm-data");
        try (Quartermaster app = store.platform(data)) {
            progress("planning: reading needs and offers from " + store.describe(data));
            long started = System.nanoTime();
            PlanRecord plan = app.planning().propose(horizonWeeks, Actor.SYSTEM);
            long millis = (System.nanoTime() - started) / 1_000_000;
            progress("planning: done in " + millis + " ms\n");
            if (json) {
                System.out.println(Json.write(org.quartermaster.planning.web.PlanningApi.response(plan)));
            } else {
                System.out.printf("Plan %s proposed: %d need lines, %d classes, %d nodes, %d arcs, %d components%n",
                        plan.publicId(), plan.size().needLines(), plan.size().classes(), plan.size().nodes(),
                        plan.size().arcs(), plan.size().components());
                System.out.printf("objective %d (shortfall %d, lateness %d, money %d, substitution %d); "
                                + "%d units short, %d unit-weeks late; solved in %d ms%n",
                        plan.objective().total(), plan.objective().shortfallCost(), plan.objective().latenessCost(),
                        plan.objective().moneyCost(), plan.objective().substitutionCost(), plan.objective().unitsShort(),
                        plan.objective().unitWeeksLate(), plan.solveMillis());
            }
        }
        return 0;
    }

    private int solveScenario() throws IOException {
        progress("planning: reading " + scenario);
        PlanInput input = ScenarioFiles.read(scenario);
        progress("planning: solving " + input.needs().size() + " need lines, " + input.offers().size() + " offers, "
                + input.productionLines().size() + " production lines");
        long started = System.nanoTime();
        Plan plan = Planner.plan(input);
        long millis = (System.nanoTime() - started) / 1_000_000;
        progress("planning: done in " + millis + " ms\n");
        var o = plan.objective();
        var s = plan.stats();
        if (json) {
            System.out.println(Json.write(java.util.Map.of("needs", s.needLines(), "classes", s.classes(),
                    "nodes", s.nodes(), "arcs", s.arcs(), "components", s.components(), "objective", o,
                    "allocations", plan.allocations().size(), "shortfalls", plan.shortfalls().size(),
                    "millis", millis)));
        } else {
            System.out.printf("%d need lines -> %d classes, %d nodes, %d arcs, %d components; %d allocations, "
                            + "%d shortfalls%nobjective %d (shortfall %d, lateness %d, money %d, substitution %d); "
                            + "solved end to end in %d ms%n",
                    s.needLines(), s.classes(), s.nodes(), s.arcs(), s.components(), plan.allocations().size(),
                    plan.shortfalls().size(), o.total(), o.shortfallCost(), o.latenessCost(), o.moneyCost(),
                    o.substitutionCost(), millis);
        }
        return 0;
    }

    private static void progress(String line) {
        System.err.print("\r" + line);
        System.err.flush();
    }
}
