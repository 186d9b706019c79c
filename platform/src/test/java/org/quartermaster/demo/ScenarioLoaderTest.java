package org.quartermaster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.Quartermaster;
import org.quartermaster.needs.NeedFilter;
import org.quartermaster.needs.model.Need;
import org.quartermaster.shared.Limits;
import org.quartermaster.testing.TestDatabases;

class ScenarioLoaderTest {
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void loadsASmallWorldWithRealisticCoverageAndAnIntactJournal(TestDatabases.Kind kind) {
        Scenario scenario = ScenarioGenerator.generate(ScenarioGenerator.DEFAULT_SEED, new Sizes(200, 100),
                LocalDate.of(2026, 11, 29));
        try (Quartermaster app = new Quartermaster(TestDatabases.open(kind))) {
            ScenarioLoader.Loaded loaded = new ScenarioLoader(app.catalog(), app.parties(), app.needs(),
                    app.offers(), ScenarioLoader.Progress.SILENT).load(scenario);

            assertThat(loaded.needs()).isEqualTo(200);
            assertThat(loaded.offers()).isEqualTo(100);
            assertThat(app.catalog().all()).hasSize(scenario.items().size());
            Map<String, Long> needs = app.needs().countByStatus();
            assertThat(needs.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
            assertThat(needs).containsKeys("OPEN", "PARTLY_COVERED", "DRAFT");
            assertThat(needs.getOrDefault("COVERED", 0L) + needs.getOrDefault("DELIVERED", 0L)).isPositive();
            assertThat(app.offers().quantityByStatus()).containsKeys("OFFERED", "ACCEPTED", "DELIVERED");
            for (Need n : app.needs().list(NeedFilter.ALL, null, Limits.PAGE_SIZE_MAX).items()) {
                assertThat(n.coveredQuantity()).isBetween(0L, n.quantity());
                assertThat(n.deliveredQuantity()).isBetween(0L, n.coveredQuantity());
            }
            assertThat(app.journal().firstBrokenLink()).isZero();
        }
    }
}
