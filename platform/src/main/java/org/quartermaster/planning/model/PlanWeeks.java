package org.quartermaster.planning.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The planner's time axis: week 0 starts on the Monday of the plan date's week; week w covers
 * [start + 7w, start + 7w + 6]. Dates before the start fall in week 0.
 */
public record PlanWeeks(LocalDate start, int horizonWeeks) {
    public static final int HORIZON_WEEKS_MAX = 104;
    public static final int HORIZON_WEEKS_DEFAULT = 52;

    public PlanWeeks {
        if (start.getDayOfWeek() != DayOfWeek.MONDAY) throw new IllegalArgumentException("start must be a Monday");
        if (horizonWeeks < 1 || horizonWeeks > HORIZON_WEEKS_MAX) {
            throw new org.quartermaster.shared.InvalidField("horizonWeeks", "must be between 1 and " + HORIZON_WEEKS_MAX);
        }
    }

    public static PlanWeeks from(LocalDate today, int horizonWeeks) {
        return new PlanWeeks(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), horizonWeeks);
    }

    /** The week of {@code date}, at least 0 (unbounded above: callers decide about the horizon). */
    public int weekOf(LocalDate date) {
        long days = ChronoUnit.DAYS.between(start, date);
        return days <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, days / 7);
    }

    /** The week of {@code date}, clamped into the horizon (a need due after it is due in the last week). */
    public int clampedWeekOf(LocalDate date) {
        return Math.min(weekOf(date), horizonWeeks - 1);
    }

    public boolean inHorizon(LocalDate date) {
        return weekOf(date) < horizonWeeks;
    }

    public LocalDate startOf(int week) {
        return start.plusWeeks(week);
    }
}
