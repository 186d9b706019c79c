package org.quartermaster.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartermaster.planner.generate.InstanceGenerator;

/**
 * The index reads large inputs in two halves in parallel; its numbering of destinations and
 * chains must still be the first-appearance numbering of one pass over the need lines, since the
 * networks, hence the plans, are built in that order.
 */
class IndexedTest {

    @Test
    void parallelReadNumbersDestinationsAndChainsByFirstAppearance() {
        for (long seed = 1; seed <= 3; seed++) {
            PlanInput input = InstanceGenerator.generate(seed, InstanceGenerator.Shape.benchmark(120_000));
            Indexed in = new Indexed(input);
            List<Need> needs = input.needs();
            Map<String, Integer> destinations = new HashMap<>();
            Map<Long, Integer> chains = new HashMap<>();
            int[] minDue = new int[in.chainCount];
            java.util.Arrays.fill(minDue, Integer.MAX_VALUE);
            for (int k = 0; k < needs.size(); k++) {
                Need n = needs.get(k);
                int d = destinations.computeIfAbsent(n.destination(), x -> destinations.size());
                assertThat(in.needDestination[k]).as("seed %d, need %d: destination", seed, k).isEqualTo(d);
                int item = in.itemIndex.get(n.item());
                assertThat(in.needItem[k]).as("seed %d, need %d: item", seed, k).isEqualTo(item);
                long key = ((long) item * 100_000 + d) * 8 + n.priority().ordinal();
                int chain = chains.computeIfAbsent(key, x -> chains.size());
                assertThat(in.needChain[k]).as("seed %d, need %d: chain", seed, k).isEqualTo(chain);
                assertThat(in.chainItem[chain]).isEqualTo(item);
                assertThat(in.chainDestination[chain]).isEqualTo(d);
                assertThat(in.chainPriority[chain]).isEqualTo(n.priority().ordinal());
                minDue[chain] = Math.min(minDue[chain], n.dueWeek());
                assertThat(in.needDue[k]).isEqualTo(n.dueWeek());
                assertThat(in.needQuantity[k]).isEqualTo(n.quantity());
                assertThat(in.needRequest[k]).isEqualTo(n.requestedAtMillis());
            }
            assertThat(in.chainCount).isEqualTo(chains.size());
            assertThat(in.chainMinDue).containsExactly(minDue);
        }
    }
}
