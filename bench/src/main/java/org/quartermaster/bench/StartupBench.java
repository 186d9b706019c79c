package org.quartermaster.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./qm bench startup}: cold start of the fat jar to the first 200 on {@code /health}
 * (spawn to answer, median of N), on a new data directory (migrations run) and on an existing
 * one; and the fat jar's size.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Cold start of qm serve to the first 200 on /health (median of N), and the fat-jar size.")
final class StartupBench implements Callable<Integer> {
    static final int RUNS_MAX = 100;

    @Option(names = "--runs", defaultValue = "5", description = "starts per case (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--jar", description = "the fat jar (default: platform/target/quartermaster.jar above this directory)")
    Path jar;

    @Option(names = "--java-opt", description = "extra JVM option of the server, repeatable (default: none)")
    List<String> javaOptions = List.of();

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    /** One case: each start's time to the first 200, and their median. */
    record Case(String name, List<Double> millis, double medianMillis, double minMillis, double maxMillis) {}

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > RUNS_MAX) throw new IllegalArgumentException("--runs must be 1 to " + RUNS_MAX);
        Path fatJar = ServerProcess.findJar(jar);
        Path work = Files.createTempDirectory("qm-startup-");
        List<Case> cases = List.of(
                measure("new data directory", fatJar, run -> work.resolve("new-" + run), work),
                measure("existing data directory", fatJar, run -> work.resolve("new-0"), work));
        long size = Files.size(fatJar);
        print(fatJar, size, cases);
        return 0;
    }

    private Case measure(String name, Path fatJar, java.util.function.IntFunction<Path> dataDir, Path work)
            throws Exception {
        List<Double> millis = new ArrayList<>();
        long[] nanos = new long[runs];
        for (int run = 0; run < runs; run++) {
            Path log = work.resolve("serve-" + name.replace(' ', '-') + "-" + run + ".log");
            try (ServerProcess server = ServerProcess.spawn(fatJar, List.of("--data", dataDir.apply(run).toString()),
                    javaOptions, log)) {
                Duration took = server.awaitHealthy(log);
                nanos[run] = took.toNanos();
                millis.add(took.toNanos() / 1e6);
            }
        }
        return new Case(name, millis, Latencies.medianMillis(nanos), Latencies.percentileMillis(nanos, 0.0001),
                Latencies.percentileMillis(nanos, 100));
    }

    private void print(Path fatJar, long size, List<Case> cases) throws Exception {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bench", "startup");
            m.put("jar", fatJar.toString());
            m.put("jarBytes", size);
            m.put("runs", runs);
            m.put("cases", cases);
            System.out.println(ApiClient.JSON.writeValueAsString(m));
            return;
        }
        System.out.printf("fat jar: %s, %d bytes (%.1f MiB)%n", fatJar, size, size / 1024.0 / 1024.0);
        System.out.printf("spawn of 'java -jar quartermaster.jar serve' to first 200 on /health, %d runs each%n", runs);
        System.out.printf("%-24s %10s %10s %10s  %s%n", "case", "median_ms", "min_ms", "max_ms", "each_ms");
        for (Case c : cases) {
            System.out.printf("%-24s %10.0f %10.0f %10.0f  %s%n", c.name(), c.medianMillis(), c.minMillis(),
                    c.maxMillis(), c.millis().stream().map(v -> String.format("%.0f", v)).toList());
        }
    }
}
