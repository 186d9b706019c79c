package org.quartermaster.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quartermaster.capacity.model.FrameworkAlerts;
import org.quartermaster.capacity.model.FrameworkAlerts.Rule;
import org.quartermaster.capacity.model.LineTerms;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.RampStep;
import org.quartermaster.capacity.model.SlotRules;
import org.quartermaster.capacity.model.WeekCell;
import org.quartermaster.shared.InvalidField;

/** The capacity rules with passing and failing fixtures: terms, slots, idle-framework alerts. */
class CapacityRulesTest {
    static final LocalDate MONDAY = CapacityFixture.MONDAY;

    static LineTerms terms(long capacity, RampStep... steps) {
        return new LineTerms(MONDAY, 20, capacity, List.of(steps), 100, "EUR", 2);
    }

    @Nested
    class Terms {
        @Test
        void capacityFollowsTheLatestStepAndIsZeroOutsideTheHorizon() {
            LineTerms t = terms(10, new RampStep(MONDAY.plusWeeks(3), 20), new RampStep(MONDAY.plusWeeks(8), 5));
            assertThat(t.capacityIn(MONDAY.minusWeeks(1))).isZero();
            assertThat(t.capacityIn(MONDAY)).isEqualTo(10);
            assertThat(t.capacityIn(MONDAY.plusWeeks(2))).isEqualTo(10);
            assertThat(t.capacityIn(MONDAY.plusWeeks(3))).isEqualTo(20);
            assertThat(t.capacityIn(MONDAY.plusWeeks(8))).isEqualTo(5);
            assertThat(t.capacityIn(MONDAY.plusWeeks(19))).isEqualTo(5);
            assertThat(t.capacityIn(MONDAY.plusWeeks(20))).isZero();
        }

        @Test
        void refusesStepsOutOfOrderOnTheirField() {
            assertThatThrownBy(() -> terms(10, new RampStep(MONDAY.plusWeeks(5), 1), new RampStep(MONDAY.plusWeeks(5), 2)))
                    .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("rampUp[1].fromWeek"));
            assertThatThrownBy(() -> terms(10, new RampStep(MONDAY, 1)))
                    .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("rampUp[0].fromWeek"));
            assertThatThrownBy(() -> terms(10, new RampStep(MONDAY.plusDays(7 * 3 + 1), 1)))
                    .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("rampUp[0].fromWeek"));
            assertThatThrownBy(() -> new LineTerms(MONDAY, 20, 10, List.of(), 100, "eur", 2))
                    .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("currency"));
        }
    }

    @Nested
    class Slots {
        @Test
        void aReservationUpToTheFreeUnitsFits() {
            assertThat(SlotRules.reserve(100, 60, 40)).isEqualTo(new SlotRules.Outcome.Fits(0));
        }

        @Test
        void aReservationAboveTheFreeUnitsExceeds() {
            assertThat(SlotRules.reserve(100, 60, 41)).isEqualTo(new SlotRules.Outcome.Exceeds(40));
            assertThat(SlotRules.reserve(0, 0, 1)).isEqualTo(new SlotRules.Outcome.Exceeds(0));
        }

        @Test
        void aWeekCanShrinkOnlyDownToItsReservedUnits() {
            assertThat(SlotRules.canShrinkTo(60, 60)).isTrue();
            assertThat(SlotRules.canShrinkTo(59, 60)).isFalse();
        }
    }

    @Nested
    class Alerts {
        static ProductionLine line(boolean framework) {
            return new ProductionLine(7, "SUP-A", "AMMO", "SITE", "line", terms(100), framework, Set.of("PUBLIC"), 1,
                    Instant.EPOCH, Instant.EPOCH);
        }

        /** Weeks with capacity 100 and the given reserved units, from MONDAY. */
        static List<WeekCell> weeks(long... reserved) {
            List<WeekCell> out = new ArrayList<>();
            for (int w = 0; w < reserved.length; w++) {
                long capacity = reserved[w] < 0 ? 0 : 100;
                long r = Math.max(0, reserved[w]);
                out.add(new WeekCell(MONDAY.plusWeeks(w), capacity, r, capacity - r));
            }
            return out;
        }

        static List<FrameworkAlerts.Alert> alerts(long... reserved) {
            return FrameworkAlerts.of(List.of(new FrameworkAlerts.Watched(line(true), weeks(reserved))), Rule.DEFAULT);
        }

        @Test
        void fourIdleWeeksInARowRaiseOneAlert() {
            // weeks 1..4 reserve 50 of 100: free is exactly 50%, idle under the default rule
            List<FrameworkAlerts.Alert> a = alerts(90, 50, 50, 50, 50, 90);
            assertThat(a).singleElement().satisfies(alert -> {
                assertThat(alert.fromWeek()).isEqualTo(MONDAY.plusWeeks(1));
                assertThat(alert.toWeek()).isEqualTo(MONDAY.plusWeeks(4));
                assertThat(alert.weeks()).isEqualTo(4);
                assertThat(alert.capacityUnits()).isEqualTo(400);
                assertThat(alert.freeUnits()).isEqualTo(200);
            });
        }

        @Test
        void aRunReachingTheEndOfTheWindowCounts() {
            assertThat(alerts(90, 0, 0, 0, 0)).hasSize(1);
        }

        @Test
        void threeIdleWeeksRaiseNothing() {
            assertThat(alerts(90, 0, 0, 0, 90, 0, 0, 0)).isEmpty();
        }

        @Test
        void aWeekJustBelowTheFreeShareBreaksTheRun() {
            assertThat(alerts(0, 0, 51, 0, 0)).isEmpty();
        }

        @Test
        void aWeekWithoutCapacityBreaksTheRun() {
            assertThat(alerts(0, 0, -1, 0, 0)).isEmpty();
        }

        @Test
        void twoSeparateRunsRaiseTwoAlerts() {
            assertThat(alerts(0, 0, 0, 0, 90, 10, 10, 10, 10, 10)).hasSize(2);
        }

        @Test
        void theRuleIsConfigurableAndChecked() {
            var watched = List.of(new FrameworkAlerts.Watched(line(true), weeks(0, 0, 0, 80, 80)));
            assertThat(FrameworkAlerts.of(watched, new Rule(3, 50))).hasSize(1);
            assertThat(FrameworkAlerts.of(watched, new Rule(5, 20))).hasSize(1);
            assertThat(FrameworkAlerts.of(watched, new Rule(5, 21))).isEmpty();
            assertThatThrownBy(() -> new Rule(0, 50)).isInstanceOf(InvalidField.class);
            assertThatThrownBy(() -> new Rule(4, 0)).isInstanceOf(InvalidField.class);
        }
    }
}
