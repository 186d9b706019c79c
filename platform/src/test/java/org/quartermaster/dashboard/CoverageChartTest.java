package org.quartermaster.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.needs.CoverageRow;

class CoverageChartTest {
    private static final Map<String, Category> CATEGORY_OF = Map.of(
            "AMMO-155", Category.AMMUNITION, "AMMO-762", Category.AMMUNITION, "FUEL", Category.FUEL);

    private static long value(CoverageChart chart, String priority, String measure, String category) {
        int column = chart.categories().indexOf(category);
        return chart.series().stream().filter(s -> s.priority().equals(priority) && s.measure().equals(measure))
                .findFirst().orElseThrow().values().get(column);
    }

    @Test
    void sumsItemsOfOneCategoryPerPriorityAndMeasure() {
        CoverageChart chart = Dashboard.chart(List.of(
                new CoverageRow("AMMO-155", 1, 2, 100, 40, 10),
                new CoverageRow("AMMO-762", 1, 1, 50, 5, 0),
                new CoverageRow("AMMO-762", 3, 1, 7, 7, 7),
                new CoverageRow("FUEL", 2, 4, 1000, 0, 0)), CATEGORY_OF);

        // categories in the enum's order, only those with needs
        assertThat(chart.categories()).containsExactly("AMMUNITION", "FUEL");
        assertThat(chart.series()).hasSize(15);
        assertThat(value(chart, "P1", "asked", "AMMUNITION")).isEqualTo(150);      // 100 + 50
        assertThat(value(chart, "P1", "covered", "AMMUNITION")).isEqualTo(45);     // 40 + 5
        assertThat(value(chart, "P1", "delivered", "AMMUNITION")).isEqualTo(10);
        assertThat(value(chart, "P3", "delivered", "AMMUNITION")).isEqualTo(7);
        assertThat(value(chart, "P2", "asked", "FUEL")).isEqualTo(1000);
        assertThat(value(chart, "P2", "asked", "AMMUNITION")).isZero();
        // non-zero bars: P1 asked/covered/delivered + P3 asked/covered/delivered (ammunition), P2 asked (fuel)
        assertThat(chart.dataPoints()).isEqualTo(7);
    }

    @Test
    void putsItemsMissingFromTheCatalogueUnderOther() {
        CoverageChart chart = Dashboard.chart(List.of(new CoverageRow("GONE", 5, 1, 3, 0, 0)), CATEGORY_OF);
        assertThat(chart.categories()).containsExactly("OTHER");
        assertThat(value(chart, "P5", "asked", "OTHER")).isEqualTo(3);
    }

    @Test
    void hasNoCategoryWithoutNeeds() {
        CoverageChart chart = Dashboard.chart(List.of(), CATEGORY_OF);
        assertThat(chart.categories()).isEmpty();
        assertThat(chart.dataPoints()).isZero();
    }

    @Test
    void refusesASeriesThatDoesNotMatchTheCategories() {
        assertThatThrownBy(() -> new CoverageChart(List.of("FUEL"),
                List.of(new CoverageChart.Series("P1", "asked", List.of(1L, 2L)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 values for 1 categories");
    }
}
