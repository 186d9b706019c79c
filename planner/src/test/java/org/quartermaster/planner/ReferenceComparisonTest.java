package org.quartermaster.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quartermaster.planner.generate.InstanceGenerator;

/**
 * Our optimum equals OR-Tools' min-cost flow optimum on the same networks, and the GLOP optimum
 * of the naive (supply slot x need line) LP, which proves the class aggregation is exact.
 */
class ReferenceComparisonTest {

    /** Enough random instances to hit degenerate corners; about a millisecond each. */
    private static final int INSTANCES = 2_000;

    @Test
    void matchesOrToolsMinCostFlowAndNaiveLp() {
        Random shapes = new Random(20261129L);
        int compared = 0;
        for (int k = 0; k < INSTANCES; k++) {
            long seed = shapes.nextLong();
            InstanceGenerator.Shape shape = Reference.smallShape(new Random(seed), false, 0);
            PlanInput input = InstanceGenerator.generate(seed, shape);
            Plan plan = Planner.plan(input);
            long ortools = Reference.minCostFlow(Planner.componentNetworks(input));
            double lp = Reference.naiveLp(input, false);
            assertThat(plan.objective().total()).as("seed %d: ours vs OR-Tools min-cost flow", seed).isEqualTo(ortools);
            assertThat((double) plan.objective().total())
                    .as("seed %d: ours vs GLOP naive LP", seed)
                    .isCloseTo(lp, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(lp))));
            compared++;
        }
        assertThat(compared).isEqualTo(INSTANCES);
    }

    @Test
    void matchesOrToolsWithAbsorptionLimits() {
        Random shapes = new Random(7L);
        for (int k = 0; k < 1_000; k++) {
            long seed = shapes.nextLong();
            PlanInput input = InstanceGenerator.generate(seed, Reference.smallShape(new Random(seed), true, 0));
            Plan plan = Planner.plan(input);
            long ortools = Reference.minCostFlow(Planner.componentNetworks(input));
            assertThat(plan.objective().total()).as("seed %d", seed).isEqualTo(ortools);
        }
    }
}
