package org.quartermaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.planner.PlanInput;
import org.quartermaster.planner.Planner;
import org.quartermaster.planner.generate.InstanceGenerator;
import picocli.CommandLine;

class PlanCommandTest {
    @TempDir
    Path dir;

    @Test
    void solvesAScenarioFileToTheSameObjectiveAsTheLibrary() throws Exception {
        PlanInput input = InstanceGenerator.generate(7, InstanceGenerator.Shape.benchmark(500));
        Path file = dir.resolve("scenario.json");
        ScenarioFiles.write(input, file);
        assertThat(ScenarioFiles.read(file)).isEqualTo(input);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            int code = new CommandLine(new Main()).execute("plan", "--scenario", file.toString(), "--json");
            assertThat(code).isZero();
        } finally {
            System.setOut(previous);
        }
        long expected = Planner.plan(input).objective().total();
        assertThat(out.toString()).contains("\"total\":" + expected);
    }

    @Test
    void namesTheProblemInABadScenario() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"horizonWeeks\": 52, \"itemz\": []}");
        CommandLine cli = Main.commandLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cli.setErr(new java.io.PrintWriter(err, true));
        assertThat(cli.execute("plan", "--scenario", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("itemz");
    }
}
