package org.quartermaster.capacity.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.shared.InvalidField;

/**
 * Capacity held under a framework agreement that sits unused: on a line flagged as under a
 * framework agreement, or carrying an active framework reservation, a run of at least
 * {@code runWeeks} consecutive weeks in each of which free units are at least
 * {@code freePercent}% of capacity. A week without capacity ends a run (nothing sits idle).
 */
public final class FrameworkAlerts {
    public static final int RUN_WEEKS_DEFAULT = 4;
    public static final int RUN_WEEKS_MAX = 52;
    public static final int FREE_PERCENT_DEFAULT = 50;

    private FrameworkAlerts() {}

    /** The alert's settings, checked. */
    public record Rule(int runWeeks, int freePercent) {
        public static final Rule DEFAULT = new Rule(RUN_WEEKS_DEFAULT, FREE_PERCENT_DEFAULT);

        public Rule {
            if (runWeeks < 1 || runWeeks > RUN_WEEKS_MAX) {
                throw new InvalidField("runWeeks", "must be between 1 and " + RUN_WEEKS_MAX);
            }
            if (freePercent < 1 || freePercent > 100) throw new InvalidField("freePercent", "must be between 1 and 100");
        }

        /** Whether a week counts as idle. */
        public boolean idle(WeekCell cell) {
            return cell.capacity() > 0 && cell.free() * 100 >= (long) freePercent * cell.capacity();
        }
    }

    /** The alerts over a window of weeks from Monday {@code from}, and the rule that raised them. */
    public record Report(LocalDate from, int weeks, Rule rule, List<Alert> alerts) {
        public Report {
            alerts = List.copyOf(alerts);
        }
    }

    /** A line under a framework with its weeks over the window. */
    public record Watched(ProductionLine line, List<WeekCell> weeks) {}

    /** One run of idle framework capacity. */
    public record Alert(String line, String supplier, String item, LocalDate fromWeek, LocalDate toWeek, int weeks,
                        long capacityUnits, long freeUnits) {}

    /** Every run of at least {@code rule.runWeeks()} idle weeks of every watched line, in line order. */
    public static List<Alert> of(List<Watched> watched, Rule rule) {
        List<Alert> alerts = new ArrayList<>();
        for (Watched w : watched) {
            int start = -1;
            for (int i = 0; i <= w.weeks().size(); i++) {
                boolean idle = i < w.weeks().size() && rule.idle(w.weeks().get(i));
                if (idle && start < 0) start = i;
                if (!idle && start >= 0) {
                    if (i - start >= rule.runWeeks()) alerts.add(alert(w, start, i));
                    start = -1;
                }
            }
        }
        return alerts;
    }

    private static Alert alert(Watched w, int from, int to) {
        long capacity = 0;
        long free = 0;
        for (WeekCell c : w.weeks().subList(from, to)) {
            capacity += c.capacity();
            free += c.free();
        }
        ProductionLine l = w.line();
        return new Alert(l.publicId(), l.supplier(), l.item(), w.weeks().get(from).week(),
                w.weeks().get(to - 1).week(), to - from, capacity, free);
    }
}
