package org.quartermaster.capacity.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import org.quartermaster.shared.InvalidField;

/** Weeks of the order book, each named by its Monday (ISO weeks, UTC dates). */
public final class Weeks {
    private Weeks() {}

    /** The Monday of the week holding {@code date}. */
    public static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Checks that {@code week} is given and is a Monday; returns it. */
    public static LocalDate requireMonday(String field, LocalDate week) {
        if (week == null) throw new InvalidField(field, "is required");
        if (week.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidField(field, "must be the Monday that names a week, such as " + mondayOf(week));
        }
        return week;
    }

    /** Whole weeks from Monday {@code from} to Monday {@code to} (negative when {@code to} is earlier). */
    public static long between(LocalDate from, LocalDate to) {
        return ChronoUnit.WEEKS.between(from, to);
    }
}
