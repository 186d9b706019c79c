package org.quartermaster.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./qm bench crash}: kill -9 of {@code qm serve} on the embedded database while clients
 * write; 0 acknowledged writes may be lost. Exits 1 when one was lost or duplicated, or the
 * journal chain broke.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = "kill -9 qm serve (embedded database) while clients write; count lost acknowledged writes.")
final class CrashBench implements Callable<Integer> {
    @Option(names = "--kills", defaultValue = "20", description = "rounds of start, write, kill -9 (default: ${DEFAULT-VALUE})")
    int kills;

    @Option(names = "--clients", defaultValue = "4", description = "concurrent writing clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--min-delay-ms", defaultValue = "300", description = "earliest kill after writes start (default: ${DEFAULT-VALUE})")
    int minDelayMillis;

    @Option(names = "--max-delay-ms", defaultValue = "2000", description = "latest kill after writes start (default: ${DEFAULT-VALUE})")
    int maxDelayMillis;

    @Option(names = "--seed", description = "seed of the kill delays (default: random, printed)")
    Long seed;

    @Option(names = "--jar", description = "the fat jar (default: platform/target/quartermaster.jar above this directory)")
    Path jar;

    @Option(names = "--data", description = "data directory, reused by every round (default: a new temporary one)")
    Path data;

    @Option(names = "--java-opt", description = "extra JVM option of the server, repeatable (default: -Xmx512m)")
    List<String> javaOptions = List.of("-Xmx512m");

    @Option(names = "--json", description = "print one JSON object instead of the table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000);
        Path dir = data != null ? data : Files.createTempDirectory("qm-crash-");
        var settings = new CrashRun.Settings(ServerProcess.findJar(jar), dir, kills, clients, minDelayMillis,
                maxDelayMillis, s, javaOptions);
        PrintStream out = System.out;
        if (!json) {
            out.printf("kill -9 bench: %d rounds, %d clients, kill %d..%d ms after writes start, seed %d%n",
                    kills, clients, minDelayMillis, maxDelayMillis, s);
            out.println("data " + dir + " (server output in serve.log there)");
            out.println(CrashRound.HEADER);
        }
        CrashRun.Result r = new CrashRun(settings, json ? new PrintStream(java.io.OutputStream.nullOutputStream()) : out).run();
        if (json) out.println(ApiClient.JSON.writeValueAsString(toJson(r)));
        else printTotals(out, r);
        return r.passed() ? 0 : 1;
    }

    private static void printTotals(PrintStream out, CrashRun.Result r) {
        out.printf("totals: %d kills, %d acknowledged, %d lost, %d in doubt (%d stuck at 409 on retry), "
                        + "%d duplicates, %d refused, journal chain %s%n", r.rounds().size(), r.acknowledged(), r.lost(),
                r.inDoubt(), r.stuck(), r.duplicates(), r.refused(), r.chainIntact() ? "intact" : "BROKEN");
        out.println(r.passed() ? "PASS: no acknowledged write lost" : "FAIL (seed " + r.seed() + ")");
    }

    static Map<String, Object> toJson(CrashRun.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bench", "crash");
        m.put("seed", r.seed());
        m.put("kills", r.rounds().size());
        m.put("acknowledged", r.acknowledged());
        m.put("lost", r.lost());
        m.put("duplicates", r.duplicates());
        m.put("inDoubt", r.inDoubt());
        m.put("stuck", r.stuck());
        m.put("refused", r.refused());
        m.put("chainIntact", r.chainIntact());
        m.put("passed", r.passed());
        m.put("rounds", r.rounds());
        return m;
    }
}
