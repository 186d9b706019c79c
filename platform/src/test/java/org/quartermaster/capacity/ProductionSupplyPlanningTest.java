package org.quartermaster.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.Quartermaster;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.Weeks;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.planning.PlanRecord;
import org.quartermaster.planning.PlannedAllocation;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.TestDatabases;

/**
 * The planner draws on production lines through the capacity facade: a line's free units (the
 * fewest free in any week of the plan) are supply; a line fully reserved in one week offers none.
 */
class ProductionSupplyPlanningTest {
    Quartermaster app;
    LocalDate monday;
    ProductionLine line;

    @BeforeEach
    void world() {
        app = new Quartermaster(TestDatabases.sqlite());
        CapacityFixture.load(app);
        app.parties().register(new RegisterOrganisation("UKR-MOD", "Ministry of Defence of Ukraine",
                OrganisationKind.RECIPIENT, "UKR", Set.of(), null), Actor.SYSTEM);
        app.parties().addLocation(new AddLocation("UA-DEPOT", "Lviv depot", "UKR", LocationKind.DEPOT, "UKR-MOD"),
                Actor.SYSTEM);
        monday = Weeks.mondayOf(LocalDate.now(ZoneOffset.UTC));
        line = app.capacity().publish(new PublishLine("SUP-A", CapacityFixture.SHELLS, "SITE-A", "shells", monday, 80,
                100L, List.of(), 400_000L, "EUR", 2, false, null), Actor.SYSTEM);
        app.needs().file(new FileNeed("UKR-MOD", CapacityFixture.SHELLS, 500, "P1", monday.plusWeeks(10), "UA-DEPOT",
                "shells for a brigade", Set.of(), true), Actor.SYSTEM);
    }

    @AfterEach
    void close() {
        app.close();
    }

    List<PlannedAllocation> fromProduction(PlanRecord plan) {
        return app.planning().allocations(plan.publicId(), null).stream()
                .filter(a -> a.sourceKind().equals("PRODUCTION")).toList();
    }

    @Test
    void freeProductionCapacityCoversANeed() {
        PlanRecord plan = app.planning().propose(52, Actor.SYSTEM);
        List<PlannedAllocation> produced = fromProduction(plan);
        assertThat(produced).isNotEmpty().allSatisfy(a -> assertThat(a.source()).isEqualTo(line.publicId()));
        assertThat(produced.stream().mapToLong(PlannedAllocation::quantity).sum()).isEqualTo(500);
        assertThat(plan.objective().unitsShort()).isZero();
    }

    @Test
    void aLineFullyReservedInOneWeekOffersNothing() {
        app.capacity().reserve(new ReserveSlot(line.publicId(), monday.plusWeeks(3), 100L, "BUYER", "CONTRACT",
                "C-1", false, Set.of()), Actor.SYSTEM);
        PlanRecord plan = app.planning().propose(52, Actor.SYSTEM);
        assertThat(fromProduction(plan)).isEmpty();
        assertThat(plan.objective().unitsShort()).isEqualTo(500);
    }
}
