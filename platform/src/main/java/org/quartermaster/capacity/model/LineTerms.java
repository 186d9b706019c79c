package org.quartermaster.capacity.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.Money;

/**
 * What a supplier publishes about a production line: the weeks it covers ({@code firstWeek}, a
 * Monday, and {@code horizonWeeks} weeks on), the weekly capacity at the start and the ramp-up
 * steps after it, the unit price and the lead time. Every field is checked here, each failure
 * naming its field (rampUp[2].fromWeek).
 */
public record LineTerms(LocalDate firstWeek, int horizonWeeks, long capacityPerWeek, List<RampStep> rampUp,
                        long unitPriceMinor, String currency, int leadTimeWeeks) {
    /** Three years of weekly capacity: as far as an industrial plan reaches. */
    public static final int HORIZON_WEEKS_MAX = 156;
    /** Ramp-up steps of one line: one a week for a year is more than any plan announces. */
    public static final int RAMP_STEPS_MAX = 52;
    /** Lead time of a line, at most two years. */
    public static final int LEAD_TIME_WEEKS_MAX = 104;

    public LineTerms {
        Weeks.requireMonday("firstWeek", firstWeek);
        if (horizonWeeks < 1 || horizonWeeks > HORIZON_WEEKS_MAX) {
            throw new InvalidField("horizonWeeks", "must be between 1 and " + HORIZON_WEEKS_MAX);
        }
        capacity("capacityPerWeek", capacityPerWeek);
        Checks.sizeAtMost("rampUp", rampUp, RAMP_STEPS_MAX);
        List<RampStep> steps = new ArrayList<>(rampUp.size());
        LocalDate previous = firstWeek;
        for (int i = 0; i < rampUp.size(); i++) {
            String field = "rampUp[" + i + "]";
            RampStep s = Checks.required(field, rampUp.get(i));
            LocalDate from = Weeks.requireMonday(field + ".fromWeek", s.fromWeek());
            if (!from.isAfter(previous)) {
                throw new InvalidField(field + ".fromWeek", "must be after the first week and after the step before it");
            }
            if (Weeks.between(firstWeek, from) >= horizonWeeks) {
                throw new InvalidField(field + ".fromWeek", "must lie inside the horizon (before "
                        + firstWeek.plusWeeks(horizonWeeks) + ")");
            }
            capacity(field + ".capacityPerWeek", s.capacityPerWeek());
            steps.add(s);
            previous = from;
        }
        rampUp = List.copyOf(steps);
        Checks.notNegative("unitPriceMinor", unitPriceMinor);
        Checks.atMost("unitPriceMinor", unitPriceMinor, Money.AMOUNT_MINOR_MAX);
        Money.currency("currency", currency);
        if (leadTimeWeeks < 0 || leadTimeWeeks > LEAD_TIME_WEEKS_MAX) {
            throw new InvalidField("leadTimeWeeks", "must be between 0 and " + LEAD_TIME_WEEKS_MAX);
        }
    }

    private static void capacity(String field, long value) {
        Checks.notNegative(field, value);
        Checks.atMost(field, value, Limits.QUANTITY_MAX);
    }

    /** The first week after the horizon. */
    public LocalDate endWeek() {
        return firstWeek.plusWeeks(horizonWeeks);
    }

    /** Whether {@code week} (a Monday) lies inside the horizon. */
    public boolean inHorizon(LocalDate week) {
        return !week.isBefore(firstWeek) && week.isBefore(endWeek());
    }

    /** Units the line makes in {@code week}: the latest step at or before it; zero outside the horizon. */
    public long capacityIn(LocalDate week) {
        if (!inHorizon(week)) return 0;
        long capacity = capacityPerWeek;
        for (RampStep s : rampUp) {
            if (s.fromWeek().isAfter(week)) break;
            capacity = s.capacityPerWeek();
        }
        return capacity;
    }

    public Money unitPrice() {
        return new Money(unitPriceMinor, currency);
    }
}
