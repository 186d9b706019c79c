package org.quartermaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.Quartermaster;
import org.quartermaster.capacity.CapacityFixture;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.shared.Actor;
import org.quartermaster.store.Database;

/** {@code qm capacity lines|order-book|alerts} print what the facade holds; bad options exit 2. */
class CapacityCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    Run run(String... args) {
        var cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listsLinesPrintsTheOrderBookAndAlerts() {
        ProductionLine line;
        try (Quartermaster app = new Quartermaster(Database.embedded(dir))) {
            CapacityFixture.load(app);
            line = CapacityFixture.line(app, "SUP-A", CapacityFixture.SHELLS, 10, 100, true, new long[] {2, 250});
            app.capacity().reserve(CapacityFixture.slot(line, 0, 75, true), Actor.SYSTEM);
        }
        Run lines = run("capacity", "lines", "--data", dir.toString());
        assertThat(lines.code()).as(lines.err()).isZero();
        assertThat(lines.out()).contains(line.publicId(), "SUP-A", CapacityFixture.SHELLS, "250", "yes");

        Run book = run("capacity", "order-book", "--item", CapacityFixture.SHELLS, "--from",
                CapacityFixture.MONDAY.toString(), "--weeks", "3", "--data", dir.toString());
        assertThat(book.code()).as(book.err()).isZero();
        // week 0: 100 made, 75 reserved, 25 free (75%); week 2 ramps up to 250
        assertThat(book.out()).containsPattern(CapacityFixture.MONDAY + " +100 +75 +25 +75%")
                .containsPattern(CapacityFixture.MONDAY.plusWeeks(2) + " +250 +0 +250 +0%");

        Run alerts = run("capacity", "alerts", "--from", CapacityFixture.MONDAY.toString(), "--weeks", "10",
                "--data", dir.toString());
        assertThat(alerts.code()).as(alerts.err()).isZero();
        assertThat(alerts.out()).contains("1 alert(s)", line.publicId());

        Run bad = run("capacity", "order-book", "--item", "NO-SUCH", "--data", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("item");
    }
}
