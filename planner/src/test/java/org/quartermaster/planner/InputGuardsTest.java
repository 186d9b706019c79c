package org.quartermaster.planner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each guard of the input model, with a failing case whose message names the record. */
class InputGuardsTest {

    private static final List<Item> ITEMS = List.of(new Item("AMMO"));
    private static final List<Lane> LANES = List.of(new Lane("RZESZOW", "KYIV", 2, 5));

    private static PlanInput with(List<Need> needs, List<Offer> offers, List<ProductionLine> lines,
                                  List<FundBudget> funds) {
        return new PlanInput(10, ITEMS, List.of(), needs, offers, lines, LANES, List.of(), funds);
    }

    @Test
    void rejectsNegativeNeedQuantity() {
        assertThatThrownBy(() -> Fixtures.need("N1", -1, Priority.P1, 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need N1 quantity");
    }

    @Test
    void rejectsNegativeOfferQuantity() {
        assertThatThrownBy(() -> Fixtures.offer("F9", -5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offer F9 quantity");
    }

    @Test
    void rejectsNeedForUnknownItem() {
        Need need = new Need("N7", "TANK", 1, Priority.P1, 2, "KYIV", 0);
        assertThatThrownBy(() -> with(List.of(need), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need N7").hasMessageContaining("TANK");
    }

    @Test
    void rejectsDueWeekOutsideTheHorizon() {
        Need need = Fixtures.need("N2", 1, Priority.P1, 12, 0);
        assertThatThrownBy(() -> with(List.of(need), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need N2 due week");
    }

    @Test
    void rejectsHorizonAboveTheLimit() {
        assertThatThrownBy(() -> new PlanInput(Limits.MAX_HORIZON_WEEKS + 1, ITEMS, List.of(), List.of(), List.of(),
                List.of(), LANES, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("horizon");
    }

    @Test
    void rejectsOfferAvailableAfterTheHorizon() {
        assertThatThrownBy(() -> with(List.of(), List.of(Fixtures.offer("F3", 1, 11)), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offer F3 available week");
    }

    @Test
    void rejectsDuplicateNeedIds() {
        Need a = Fixtures.need("N1", 1, Priority.P1, 2, 0);
        assertThatThrownBy(() -> with(List.of(a, a), List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need N1 must have a unique id");
    }

    @Test
    void rejectsCostOverflow() {
        Need huge = Fixtures.need("N1", Limits.MAX_QUANTITY, Priority.P1, 0, 0);
        Offer dear = new Offer("F1", "AMMO", Limits.MAX_QUANTITY, "RZESZOW", 0, Limits.MAX_UNIT_COST);
        assertThatThrownBy(() -> with(List.of(huge), List.of(dear), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost overflow");
    }

    @Test
    void rejectsNegativeBudget() {
        assertThatThrownBy(() -> new FundBudget("EPF", -1, List.of("L1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fund EPF amount per week");
    }

    @Test
    void rejectsBudgetWithoutEligibleLines() {
        assertThatThrownBy(() -> new FundBudget("EPF", 100, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fund EPF");
    }

    @Test
    void rejectsBudgetNamingUnknownLine() {
        FundBudget fund = new FundBudget("EPF", 100, List.of("L404"));
        assertThatThrownBy(() -> with(List.of(), List.of(), List.of(), List.of(fund)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fund EPF").hasMessageContaining("L404");
    }

    @Test
    void rejectsLinePaidByTwoFunds() {
        ProductionLine line = new ProductionLine("L1", "AMMO", "RZESZOW", 5, 1, 100);
        List<FundBudget> funds = List.of(new FundBudget("A", 100, List.of("L1")), new FundBudget("B", 100, List.of("L1")));
        assertThatThrownBy(() -> with(List.of(), List.of(), List.of(line), funds))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("production line L1");
    }

    @Test
    void rejectsNegativeLaneCost() {
        assertThatThrownBy(() -> new Lane("A", "B", 1, -3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lane A->B cost");
    }

    @Test
    void rejectsNegativeProductionCapacity() {
        assertThatThrownBy(() -> new ProductionLine("L1", "AMMO", "X", -1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("production line L1 capacity");
    }

    @Test
    void rejectsSelfCompatibility() {
        assertThatThrownBy(() -> new Compatibility("AMMO", "AMMO", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different items");
    }

    @Test
    void rejectsNegativeAbsorptionLimit() {
        assertThatThrownBy(() -> new AbsorptionLimit("KYIV", "AMMO", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absorption limit KYIV/AMMO");
    }

    @Test
    void rejectsReplanWithdrawingUnknownOffer() {
        Plan plan = Planner.plan(Fixtures.input(List.of(Fixtures.need("N1", 1, Priority.P1, 5, 0)),
                List.of(Fixtures.offer("F1", 1, 0))));
        assertThatThrownBy(() -> Planner.replan(plan, new Change.OfferWithdrawn("F404")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("F404");
    }
}
