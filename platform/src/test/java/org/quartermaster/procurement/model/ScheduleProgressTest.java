package org.quartermaster.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.procurement.model.ScheduleProgress.State;

/** A contract's schedule against its deliveries: each state with a case, days late counted by hand. */
class ScheduleProgressTest {
    static final LocalDate MAR_2 = LocalDate.of(2026, 3, 2); // a Monday
    static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    /** 100 units: 30 in the week of 2 March, 30 in the week of 9 March, 40 in the week of 16 March. */
    static Contract contract(List<Contract.Milestone> milestones) {
        return new Contract(1, "PR-000001", 1, "AMMO", "BUY", Set.of("SUP"), "SUP", true, 100, 1_000, "EUR", 100_000,
                60, 60_000, 2_000, 0, 45, "DELIVERING", 3, Instant.EPOCH, Instant.EPOCH,
                List.of(new Contract.Week(MAR_2, 30), new Contract.Week(MAR_2.plusWeeks(1), 30),
                        new Contract.Week(MAR_2.plusWeeks(2), 40)), milestones, List.of());
    }

    static Delivery delivered(LocalDate on, long quantity, String callOff) {
        return new Delivery(on, quantity, callOff, null, null);
    }

    static CallOff callOff(String id, long quantity, long delivered, LocalDate due) {
        return new CallOff(Long.parseLong(id.substring(3)), "CT-000001", "BUY", "SUP", quantity, quantity * 1_000, "EUR",
                delivered, due, "ORDERED", Instant.EPOCH);
    }

    /** 20 on 5 March and 25 (on call-off CO-000001) on 18 March, listed out of order. */
    static final List<Delivery> DELIVERIES = List.of(delivered(LocalDate.of(2026, 3, 18), 25, "CO-000001"),
            delivered(LocalDate.of(2026, 3, 5), 20, null));

    @Test
    void aWeekIsCompleteWhenTheDeliveriesToDateReachTheScheduleToDateAndLateByTheDaysPastItsSunday() {
        ScheduleProgress p = ScheduleProgress.of(contract(List.of()), List.of(), DELIVERIES, TODAY);
        assertThat(p.weeks()).extracting(ScheduleProgress.WeekLine::weekStart, ScheduleProgress.WeekLine::scheduledToDate,
                ScheduleProgress.WeekLine::deliveredToDate, ScheduleProgress.WeekLine::completedOn,
                ScheduleProgress.WeekLine::daysLate, ScheduleProgress.WeekLine::state).containsExactly(
                // due Sunday 8 March; 20 + 25 reach 30 on 18 March: 10 days late
                org.assertj.core.groups.Tuple.tuple(MAR_2, 30L, 20L, TODAY, 10L, State.LATE),
                // due Sunday 15 March; 60 not reached by the 18th: 3 days overdue so far
                org.assertj.core.groups.Tuple.tuple(MAR_2.plusWeeks(1), 60L, 20L, null, 3L, State.OVERDUE),
                // due Sunday 22 March: not yet due
                org.assertj.core.groups.Tuple.tuple(MAR_2.plusWeeks(2), 100L, 45L, null, 0L, State.OPEN));
        assertThat(p.weeks().get(0).delivered()).isEqualTo(20);
        assertThat(p.weeks().get(2).delivered()).isEqualTo(25);
        assertThat(p.unitsBehind()).as("60 due by the 15th, 45 delivered").isEqualTo(15);
        assertThat(p.daysLateMax()).isEqualTo(10);
        assertThat(p.weeksLate()).isEqualTo(2);
        assertThat(p.deliveredByToday()).isEqualTo(45);
    }

    @Test
    void aWeekDeliveredByItsSundayIsOnTimeAndDeliveriesOutsideTheScheduleAreUnscheduled() {
        List<Delivery> early = List.of(delivered(MAR_2.minusDays(7), 10, null), delivered(MAR_2.plusDays(6), 20, null));
        ScheduleProgress p = ScheduleProgress.of(contract(List.of()), List.of(), early, TODAY);
        assertThat(p.weeks().get(0).state()).isEqualTo(State.UNSCHEDULED);
        assertThat(p.weeks().get(0).delivered()).isEqualTo(10);
        ScheduleProgress.WeekLine first = p.weeks().get(1);
        assertThat(first.weekStart()).isEqualTo(MAR_2);
        assertThat(first.completedOn()).as("10 + 20 reach 30 on Sunday 8 March").isEqualTo(MAR_2.plusDays(6));
        assertThat(first.state()).isEqualTo(State.ON_TIME);
        assertThat(first.daysLate()).isZero();
        assertThat(first.behind()).isFalse();
        assertThat(p.weeks().get(2).behind()).as("30 delivered of 60 scheduled by the 15th").isTrue();
    }

    @Test
    void deliveryMilestonesAreMeasuredAgainstTheScheduleByTheirDueDatePaymentsAreNot() {
        List<Contract.Milestone> ms = List.of(
                new Contract.Milestone("MS-000001", "PREPAYMENT", 20_000, MAR_2, null),
                new Contract.Milestone("MS-000002", "DELIVERY", 40_000, LocalDate.of(2026, 3, 15), null),
                new Contract.Milestone("MS-000003", "FINAL", 40_000, LocalDate.of(2026, 3, 1), null));
        ScheduleProgress p = ScheduleProgress.of(contract(ms), List.of(), DELIVERIES, TODAY);
        assertThat(p.milestones()).extracting(ScheduleProgress.MilestoneLine::milestone)
                .containsExactly("MS-000002", "MS-000003");
        ScheduleProgress.MilestoneLine delivery = p.milestones().get(0);
        assertThat(delivery.scheduledByDue()).as("the weeks ending by 15 March: 30 + 30").isEqualTo(60);
        assertThat(delivery.deliveredByDue()).isEqualTo(20);
        assertThat(delivery.state()).isEqualTo(State.OVERDUE);
        assertThat(delivery.daysLate()).isEqualTo(3);
        assertThat(p.milestones().get(1).state()).as("nothing scheduled before 1 March").isEqualTo(State.UNSCHEDULED);
    }

    @Test
    void aCallOffCountsOnlyItsOwnDeliveriesAgainstItsDueDate() {
        List<CallOff> callOffs = List.of(callOff("CO-000001", 60, 25, LocalDate.of(2026, 3, 13)),
                callOff("CO-000002", 10, 10, LocalDate.of(2026, 3, 20)));
        List<Delivery> deliveries = List.of(DELIVERIES.get(0), DELIVERIES.get(1),
                delivered(LocalDate.of(2026, 3, 9), 10, "CO-000002"));
        ScheduleProgress p = ScheduleProgress.of(contract(List.of()), callOffs, deliveries, TODAY);
        assertThat(p.callOffs().get(0).state()).isEqualTo(State.OVERDUE);
        assertThat(p.callOffs().get(0).daysLate()).as("due 13 March, short on the 18th").isEqualTo(5);
        assertThat(p.callOffs().get(1).state()).isEqualTo(State.ON_TIME);
        assertThat(p.callOffs().get(1).completedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void aContractWithoutScheduleHasNothingLate() {
        Contract k = contract(List.of());
        Contract unscheduled = new Contract(k.key(), k.procedure(), k.lot(), k.item(), k.buyer(), k.releasableTo(),
                k.supplier(), k.framework(), k.quantity(), k.unitPriceMinor(), k.currency(), k.ceilingMinor(),
                k.calledOffQuantity(), k.calledOffMinor(), k.prepaymentCapBasisPoints(), k.guaranteeMinor(),
                k.deliveredQuantity(), k.status(), k.version(), k.signedAt(), k.updatedAt(), List.of(), List.of(), List.of());
        ScheduleProgress p = ScheduleProgress.of(unscheduled, List.of(), DELIVERIES, TODAY);
        assertThat(p.weeks()).extracting(ScheduleProgress.WeekLine::state).containsOnly(State.UNSCHEDULED);
        assertThat(p.unitsBehind()).isZero();
        assertThat(p.daysLateMax()).isZero();
        assertThatThrownBy(() -> ScheduleProgress.reachedOn(DELIVERIES, 0, d -> true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
