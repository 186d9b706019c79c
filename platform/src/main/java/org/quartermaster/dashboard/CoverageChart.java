package org.quartermaster.dashboard;

import java.util.List;

/**
 * Quantities asked, covered and delivered per category and priority, over live needs (not
 * drafts, not cancelled). {@code categories} are the x axis; every series has one value per
 * category, in that order: one series per (priority, measure).
 */
public record CoverageChart(List<String> categories, List<Series> series) {
    public static final List<String> MEASURES = List.of("asked", "covered", "delivered");

    public CoverageChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalStateException("series " + s.priority() + "/" + s.measure()
                        + " has " + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    /** {@code priority} is P1..P5, {@code measure} one of {@link #MEASURES}. */
    public record Series(String priority, String measure, List<Long> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    /** How many bars carry a quantity above zero: what the chart actually draws. */
    public long dataPoints() {
        return series.stream().flatMap(s -> s.values().stream()).filter(v -> v > 0).count();
    }
}
