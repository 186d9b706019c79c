package org.quartermaster.planner;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCheckerTest {

    private final PlanInput input = Fixtures.input(
            List.of(Fixtures.need("N1", 5, Priority.P1, 4, 0), Fixtures.need("N2", 4, Priority.P2, 6, 0)),
            List.of(Fixtures.offer("F1", 6, 0)));
    private final Plan plan = Planner.plan(input);

    @Test
    void acceptsThePlannersOwnPlan() {
        assertThatCode(() -> PlanChecker.check(input, plan.allocations(), plan.shortfalls())).doesNotThrowAnyException();
    }

    @Test
    void rejectsOverAllocatedOffer() {
        List<Allocation> more = new ArrayList<>(plan.allocations());
        Allocation a = more.getFirst();
        more.set(0, copy(a, a.quantity() + 1, a.shipWeek(), a.arrivalWeek(), a.handoverWeek(), a.latenessWeeks()));
        assertThatThrownBy(() -> PlanChecker.check(input, more, plan.shortfalls()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsNeedWhoseAllocationsAndShortfallDoNotAddUp() {
        assertThatThrownBy(() -> PlanChecker.check(input, plan.allocations(), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must equal quantity");
    }

    @Test
    void rejectsArrivalThatIgnoresTheLaneTransit() {
        List<Allocation> bad = new ArrayList<>(plan.allocations());
        Allocation a = bad.getFirst();
        bad.set(0, copy(a, a.quantity(), a.shipWeek(), a.shipWeek(), a.handoverWeek(), a.latenessWeeks()));
        assertThatThrownBy(() -> PlanChecker.check(input, bad, plan.shortfalls()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transit");
    }

    @Test
    void rejectsShippingBeforeTheStockIsAvailable() {
        PlanInput late = Fixtures.input(List.of(Fixtures.need("N1", 2, Priority.P1, 9, 0)),
                List.of(Fixtures.offer("F1", 2, 3)));
        Plan p = Planner.plan(late);
        Allocation a = p.allocations().getFirst();
        Allocation early = copy(a, a.quantity(), 1, 3, 9, 0);
        assertThatThrownBy(() -> PlanChecker.check(late, List.of(early), p.shortfalls()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no earlier");
    }

    @Test
    void rejectsHandoverAboveTheAbsorptionLimit() {
        PlanInput limited = new PlanInput(10, List.of(new Item("AMMO")), List.of(),
                List.of(Fixtures.need("N1", 5, Priority.P1, 4, 0)), List.of(Fixtures.offer("F1", 6, 0)), List.of(),
                List.of(new Lane("RZESZOW", "KYIV", 2, 5)), List.of(new AbsorptionLimit("KYIV", "AMMO", 2)), List.of());
        Plan p = Planner.plan(limited);
        // the planner spreads the handover over weeks 4, 5, 6 (2 + 2 + 1)
        List<Allocation> lumped = p.allocations().stream()
                .map(a -> copy(a, a.quantity(), a.shipWeek(), a.arrivalWeek(), 4, 0)).toList();
        assertThatCode(() -> PlanChecker.check(limited, p.allocations(), p.shortfalls())).doesNotThrowAnyException();
        assertThatThrownBy(() -> PlanChecker.check(limited, lumped, p.shortfalls()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("absorption");
    }

    @Test
    void rejectsProductionAboveWeeklyCapacity() {
        PlanInput made = new PlanInput(10, List.of(new Item("AMMO")), List.of(),
                List.of(Fixtures.need("N1", 5, Priority.P1, 4, 0)), List.of(),
                List.of(new ProductionLine("L1", "AMMO", "RZESZOW", 2, 1, 100)),
                List.of(new Lane("RZESZOW", "KYIV", 2, 5)), List.of(), List.of());
        Plan p = Planner.plan(made);
        List<Allocation> oneWeek = p.allocations().stream()
                .map(a -> copy(a, a.quantity(), a.shipWeek(), a.arrivalWeek(), a.handoverWeek(), a.latenessWeeks()))
                .map(a -> new Allocation(a.needId(), a.sourceKind(), a.sourceId(), a.suppliedItem(), a.origin(),
                        a.quantity(), 0, a.shipWeek(), a.arrivalWeek(), a.handoverWeek(), a.latenessWeeks(),
                        a.moneyCost(), a.substitutionCost(), a.latenessCost()))
                .toList();
        assertThatThrownBy(() -> PlanChecker.check(made, oneWeek, p.shortfalls()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("capacity");
    }

    private static Allocation copy(Allocation a, long quantity, int ship, int arrival, int handover, int late) {
        return new Allocation(a.needId(), a.sourceKind(), a.sourceId(), a.suppliedItem(), a.origin(), quantity,
                a.startWeek(), ship, arrival, handover, late, a.moneyCost(), a.substitutionCost(), a.latenessCost());
    }
}
