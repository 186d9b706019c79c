package org.quartermaster.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashRunTest {
    /** The fat jar is built by the platform module's package phase, before this module's tests. */
    private static final Path JAR = Path.of("../platform/target/quartermaster.jar");

    @Test
    void killingTheServerTwiceWhileClientsWriteLosesNoAcknowledgedNeed(@TempDir Path data) throws Exception {
        if (!Files.isRegularFile(JAR)) System.err.println("NOTICE: CrashRunTest skipped: no " + JAR.toAbsolutePath());
        assumeThat(JAR).isRegularFile();
        long seed = System.nanoTime() % 100_000;
        // C1 only: three JVM starts dominate this test, and C2 would compile for a long run that never comes
        var settings = new CrashRun.Settings(JAR, data, 2, 3, 800, 1500, seed,
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));

        CrashRun.Result r = new CrashRun(settings, System.out).run();

        assertThat(r.rounds()).as("seed %d", seed).hasSize(2);
        assertThat(r.rounds()).as("a kill -9 ends with 128 + 9; seed %d", seed)
                .allSatisfy(round -> assertThat(round.exitValue()).isEqualTo(137));
        assertThat(r.acknowledged()).as("writes were acknowledged before the kills; seed %d", seed).isPositive();
        assertThat(r.lost()).as("lost acknowledged needs; seed %d", seed).isZero();
        assertThat(r.duplicates()).as("duplicates after retrying in-doubt requests; seed %d", seed).isZero();
        assertThat(r.chainIntact()).as("journal chain; seed %d", seed).isTrue();
    }
}
