package org.quartermaster.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.quartermaster.bench.jmh.LedgerJmh;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./qm bench jmh}: the JMH benchmarks of {@code org.quartermaster.bench.jmh}, in one JMH
 * run, printed side by side with their reference as a ratio of the medians of the measured
 * iterations: the ledger's transfers in process against single-row INSERT transactions on the
 * same PostgreSQL ({@link LedgerJmh}).
 */
@Command(name = "jmh", mixinStandardHelpOptions = true,
        description = "JMH: the ledger in process versus single-row INSERT transactions, on PostgreSQL.")
public final class JmhBench implements Callable<Integer> {
    @Option(names = "--db", description = "PostgreSQL JDBC URL (default: $QM_TEST_POSTGRES or the local test database)")
    String db;

    @Option(names = "--iterations", defaultValue = "5", description = "measured iterations (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--warmups", defaultValue = "3", description = "warm-up iterations (default ${DEFAULT-VALUE})")
    int warmups;

    @Option(names = "--seconds", defaultValue = "3", description = "seconds per iteration (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--json", description = "print the figures as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (iterations < 1 || iterations > 50) throw new IllegalArgumentException("--iterations must be 1 to 50");
        if (warmups < 0 || warmups > 50) throw new IllegalArgumentException("--warmups must be 0 to 50");
        if (seconds < 1 || seconds > 60) throw new IllegalArgumentException("--seconds must be 1 to 60");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(LedgerJmh.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-XX:+UseZGC", "-Xmx1g", "--enable-native-access=ALL-UNNAMED")
                .shouldFailOnError(true);
        if (db != null) options.param("db", db);
        if (json) options.verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT);
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            scores.put(name, r.getBenchmarkResults().stream()
                    .flatMap(b -> b.getIterationResults().stream())
                    .mapToDouble(i -> i.getPrimaryResult().getScore()).toArray());
        }
        double transfers = LedgerBench.median(java.util.Arrays.stream(scores.get("ledgerTransfers")));
        double inserts = LedgerBench.median(java.util.Arrays.stream(scores.get("pgInsert")));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ledgerTransfersPerSecond", Math.round(transfers * 10) / 10.0);
            m.put("insertsPerSecond", Math.round(inserts * 10) / 10.0);
            m.put("ratio", Math.round(1000 * transfers / inserts) / 1000.0);
            m.put("iterations", iterations);
            m.put("secondsPerIteration", seconds);
            m.put("threads", 16);
            System.out.println(ApiClient.JSON.writeValueAsString(m));
            return 0;
        }
        System.out.printf(Locale.ROOT, "%nJMH, PostgreSQL, 16 threads, median of %d iterations of %d s (1 fork, "
                + "%d warm-up iterations)%n", iterations, seconds, warmups);
        System.out.printf(Locale.ROOT, "%-62s %12s %7s%n", "", "per second", "ratio");
        System.out.printf(Locale.ROOT, "%-62s %12.1f %6.1f%%%n", "single-row INSERT transactions over JDBC (pgbench's script)",
                inserts, 100.0);
        System.out.printf(Locale.ROOT, "%-62s %12.1f %6.1f%%%n", "ledger transfers in process, 100 per call (group commit)",
                transfers, 100 * transfers / inserts);
        System.out.println("iterations, INSERT: " + list(scores.get("pgInsert")));
        System.out.println("iterations, ledger: " + list(scores.get("ledgerTransfers")));
        return 0;
    }

    private static String list(double[] values) {
        return String.join(", ", java.util.Arrays.stream(values)
                .mapToObj(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
    }
}
