package org.quartermaster.procurement.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A contract's schedule against what was delivered, as of {@code today}: per week (scheduled and
 * delivered, both cumulated), per delivery milestone and per call-off, the day the promised units
 * had all arrived and how many days late that was, or how late they are still. Pure: computed
 * from the contract, its call-offs and its deliveries.
 *
 * <p>A week's units are due by the end of that week (Sunday); deliveries fill the schedule in
 * order (the earliest units promised are the first delivered), so a week is complete on the day
 * the deliveries to date reach the schedule to date.
 */
public record ScheduleProgress(LocalDate today, List<WeekLine> weeks, List<MilestoneLine> milestones,
                               List<CallOffLine> callOffs, long deliveredByToday) {
    /** Milestone kinds that stand for delivered goods (a prepayment does not). */
    public static final Set<String> DELIVERY_MILESTONES = Set.of("DELIVERY", "FINAL");

    public ScheduleProgress {
        weeks = List.copyOf(weeks);
        milestones = List.copyOf(milestones);
        callOffs = List.copyOf(callOffs);
    }

    /** Where a promise stands. */
    public enum State {
        /** Nothing was scheduled for the period (deliveries only). */
        UNSCHEDULED,
        /** Not yet complete and not yet due. */
        OPEN,
        /** Complete by its due date. */
        ON_TIME,
        /** Complete, after its due date. */
        LATE,
        /** Past its due date and still short. */
        OVERDUE
    }

    /**
     * One week: units scheduled and delivered in it, both cumulated to its end, the day the
     * schedule to date was met (null until it is) and the days late.
     */
    public record WeekLine(LocalDate weekStart, LocalDate dueOn, long scheduled, long delivered, long scheduledToDate,
                           long deliveredToDate, LocalDate completedOn, long daysLate, State state) {
        /** Fewer units delivered by the week's end than scheduled by then. */
        public boolean behind() {
            return deliveredToDate < scheduledToDate;
        }
    }

    /** A delivery or final milestone: units scheduled by its due date, delivered by then, and lateness. */
    public record MilestoneLine(String milestone, String kind, LocalDate dueOn, long scheduledByDue,
                                long deliveredByDue, LocalDate completedOn, long daysLate, State state) {}

    /** A call-off: its quantity due on its date, delivered so far, and lateness. */
    public record CallOffLine(String callOff, LocalDate dueOn, long quantity, long delivered, LocalDate completedOn,
                              long daysLate, State state) {}

    /** Units whose week has ended and that have not arrived. */
    public long unitsBehind() {
        long due = 0;
        for (WeekLine w : weeks) if (w.dueOn().isBefore(today)) due = w.scheduledToDate();
        return Math.max(0, due - deliveredByToday);
    }

    /** The worst lateness of the schedule: the most days any scheduled week was or is late. */
    public long daysLateMax() {
        return weeks.stream().mapToLong(WeekLine::daysLate).max().orElse(0);
    }

    /** Scheduled weeks (not deliveries alone) that are late or overdue. */
    public long weeksLate() {
        return weeks.stream().filter(w -> w.state() == State.LATE || w.state() == State.OVERDUE).count();
    }

    /**
     * The progress of {@code contract} with its {@code callOffs} and {@code deliveries} (in any
     * order; several on one day may come summed, without a reference) on {@code today}.
     */
    public static ScheduleProgress of(Contract contract, List<CallOff> callOffs, List<Delivery> deliveries,
                                      LocalDate today) {
        List<Delivery> sorted = new ArrayList<>(deliveries);
        sorted.sort(Comparator.comparing(Delivery::deliveredOn).thenComparing(Delivery::recordedAt,
                Comparator.nullsLast(Comparator.naturalOrder())));
        long byToday = sorted.stream().filter(d -> !d.deliveredOn().isAfter(today)).mapToLong(Delivery::quantity).sum();
        return new ScheduleProgress(today, weeks(contract.schedule(), sorted, today),
                milestones(contract, sorted, today), callOffLines(callOffs, sorted, today), byToday);
    }

    private static List<WeekLine> weeks(List<Contract.Week> schedule, List<Delivery> sorted, LocalDate today) {
        TreeMap<LocalDate, long[]> byWeek = new TreeMap<>();
        for (Contract.Week w : schedule) byWeek.computeIfAbsent(w.weekStart(), d -> new long[2])[0] += w.quantity();
        for (Delivery d : sorted) byWeek.computeIfAbsent(monday(d.deliveredOn()), x -> new long[2])[1] += d.quantity();
        List<WeekLine> out = new ArrayList<>();
        long scheduledToDate = 0;
        long deliveredToDate = 0;
        for (var e : byWeek.entrySet()) {
            long scheduled = e.getValue()[0];
            scheduledToDate += scheduled;
            deliveredToDate += e.getValue()[1];
            LocalDate due = e.getKey().plusDays(6);
            if (scheduled == 0) {
                out.add(new WeekLine(e.getKey(), due, 0, e.getValue()[1], scheduledToDate, deliveredToDate, null, 0,
                        State.UNSCHEDULED));
                continue;
            }
            LocalDate completed = reachedOn(sorted, scheduledToDate, d -> true);
            out.add(new WeekLine(e.getKey(), due, scheduled, e.getValue()[1], scheduledToDate, deliveredToDate,
                    completed, daysLate(due, completed, today), state(due, completed, today)));
        }
        return out;
    }

    private static List<MilestoneLine> milestones(Contract contract, List<Delivery> sorted, LocalDate today) {
        List<MilestoneLine> out = new ArrayList<>();
        for (Contract.Milestone m : contract.milestones()) {
            if (!DELIVERY_MILESTONES.contains(m.kind())) continue;
            long scheduled = contract.schedule().stream().filter(w -> !w.weekStart().plusDays(6).isAfter(m.dueOn()))
                    .mapToLong(Contract.Week::quantity).sum();
            long delivered = sorted.stream().filter(d -> !d.deliveredOn().isAfter(m.dueOn()))
                    .mapToLong(Delivery::quantity).sum();
            if (scheduled == 0) {
                out.add(new MilestoneLine(m.id(), m.kind(), m.dueOn(), 0, delivered, null, 0, State.UNSCHEDULED));
                continue;
            }
            LocalDate completed = reachedOn(sorted, scheduled, d -> true);
            out.add(new MilestoneLine(m.id(), m.kind(), m.dueOn(), scheduled, delivered, completed,
                    daysLate(m.dueOn(), completed, today), state(m.dueOn(), completed, today)));
        }
        return out;
    }

    private static List<CallOffLine> callOffLines(List<CallOff> callOffs, List<Delivery> sorted, LocalDate today) {
        List<CallOffLine> out = new ArrayList<>();
        for (CallOff o : callOffs) {
            LocalDate completed = reachedOn(sorted, o.quantity(), d -> o.publicId().equals(d.callOff()));
            out.add(new CallOffLine(o.publicId(), o.dueOn(), o.quantity(), o.deliveredQuantity(), completed,
                    daysLate(o.dueOn(), completed, today), state(o.dueOn(), completed, today)));
        }
        return out;
    }

    /** The day the deliveries that {@code count} add up to {@code target} units; null before they do. */
    static LocalDate reachedOn(List<Delivery> sorted, long target, Predicate<Delivery> count) {
        if (target <= 0) throw new IllegalArgumentException("a target is at least one unit, not " + target);
        long sum = 0;
        for (Delivery d : sorted) {
            if (!count.test(d)) continue;
            sum += d.quantity();
            if (sum >= target) return d.deliveredOn();
        }
        return null;
    }

    static State state(LocalDate due, LocalDate completed, LocalDate today) {
        if (completed != null) return completed.isAfter(due) ? State.LATE : State.ON_TIME;
        return today.isAfter(due) ? State.OVERDUE : State.OPEN;
    }

    /** Days past {@code due}: until completion, or until {@code today} while still short. */
    static long daysLate(LocalDate due, LocalDate completed, LocalDate today) {
        LocalDate until = completed != null ? completed : today;
        return Math.max(0, ChronoUnit.DAYS.between(due, until));
    }

    static LocalDate monday(LocalDate day) {
        return day.with(java.time.DayOfWeek.MONDAY);
    }
}
