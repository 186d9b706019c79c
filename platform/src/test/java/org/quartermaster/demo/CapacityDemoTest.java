package org.quartermaster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quartermaster.Quartermaster;
import org.quartermaster.capacity.model.FrameworkAlerts;
import org.quartermaster.capacity.model.OrderBook;
import org.quartermaster.capacity.model.WeekCell;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.TestDatabases;

/** The demo's order book: three 155 mm suppliers ramping up, other items, and exactly one idle-framework alert. */
class CapacityDemoTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void loadsRampingShellLinesAndOneIdleFrameworkAlert() {
        Scenario scenario = ScenarioGenerator.generate(ScenarioGenerator.DEFAULT_SEED, new Sizes(50, 20), TODAY);
        try (Quartermaster app = new Quartermaster(TestDatabases.sqlite())) {
            new ScenarioLoader(app.catalog(), app.parties(), app.needs(), app.offers(), ScenarioLoader.Progress.SILENT)
                    .load(scenario);
            CapacityDemo.Loaded loaded = CapacityDemo.load(app.capacity(), app.parties(), TODAY);
            assertThat(loaded.lines()).isEqualTo(CapacityDemo.specs().size());
            assertThat(loaded.reservations()).isPositive();

            OrderBook shells = app.capacity().orderBook("AMMO-155-HE-M107", TODAY, 52, Actor.SYSTEM);
            assertThat(shells.items()).singleElement().satisfies(row -> {
                assertThat(row.lines()).isEqualTo(3);
                WeekCell first = row.weeks().get(0);
                WeekCell last = row.weeks().get(51);
                // 4,000 + 2,500 + 1,500 a week at the start; 12,000 + 6,000 + 4,000 after the last steps
                assertThat(first.capacity()).isEqualTo(8_000);
                assertThat(last.capacity()).isEqualTo(22_000);
                assertThat(first.reserved()).isPositive().isLessThan(first.capacity());
            });
            FrameworkAlerts.Report report = app.capacity().alerts(TODAY, null, FrameworkAlerts.Rule.DEFAULT,
                    Actor.SYSTEM);
            assertThat(report.alerts()).singleElement().satisfies(a -> {
                assertThat(a.supplier()).isEqualTo("SUP-NAMMOS");
                assertThat(a.weeks()).isEqualTo(CapacityDemo.IDLE_WEEKS);
            });
            assertThat(app.journal().firstBrokenLink()).isZero();
        }
    }
}
