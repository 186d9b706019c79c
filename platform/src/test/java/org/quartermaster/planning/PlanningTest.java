package org.quartermaster.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.Quartermaster;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.catalog.model.Compatibility;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Refused;
import org.quartermaster.testing.TestDatabases;

class PlanningTest {
    static final Actor ALICE = Actor.system("alice", "UDCG-CELL");
    Quartermaster app;
    LocalDate today;

    @BeforeEach
    void world() {
        app = new Quartermaster(TestDatabases.sqlite());
        today = LocalDate.ofInstant(app.db().now(), java.time.ZoneOffset.UTC);
        app.catalog().define(new DefineItem("SHELL-155", "155 mm shell", "H87", null, "35331000-3",
                Category.AMMUNITION, true, List.of()), ALICE);
        app.catalog().define(new DefineItem("SHELL-155-ALT", "155 mm shell, other maker", "H87", null, null,
                Category.AMMUNITION, true, List.of(new Compatibility("SHELL-155", 5))), ALICE);
        app.parties().register(new RegisterOrganisation("UKR-MOD", "Ministry of Defence", OrganisationKind.RECIPIENT,
                "UKR", Set.of("UDCG"), null), ALICE);
        app.parties().register(new RegisterOrganisation("DEU", "Germany", OrganisationKind.DONOR_STATE, "DEU",
                Set.of("NATO", "EU"), null), ALICE);
        app.parties().addLocation(new AddLocation("UKR-DEPOT-1", "Depot 1", "UKR", LocationKind.DEPOT, "UKR-MOD"), ALICE);
        app.parties().addLocation(new AddLocation("DEU-DEPOT", "Depot", "DEU", LocationKind.DEPOT, "DEU"), ALICE);
    }

    @AfterEach
    void close() {
        app.close();
    }

    Need need(long quantity, String priority, int dueInWeeks) {
        return app.needs().file(new FileNeed("UKR-MOD", "SHELL-155", quantity, priority, today.plusWeeks(dueInWeeks),
                "UKR-DEPOT-1", null, Set.of(), true), ALICE);
    }

    void offer(String item, long quantity) {
        app.offers().make(new MakeOffer("DEU", item, quantity, "NEW", "DEU-DEPOT", today, "DONATION", false, null,
                false, null, Set.of()), ALICE);
    }

    @Test
    void proposesAPlanThatServesTheMostUrgentNeedFirstAndExplainsIt() {
        Need critical = need(100, "P1", 4);
        Need routine = need(100, "P5", 4);
        offer("SHELL-155", 120);

        PlanRecord plan = app.planning().propose(12, ALICE);

        List<PlannedAllocation> toCritical = app.planning().allocations(plan.publicId(), critical.publicId());
        assertThat(toCritical.stream().mapToLong(PlannedAllocation::quantity).sum()).isEqualTo(100);
        assertThat(toCritical.get(0).explanation()).contains("offer O-").contains("on time");
        // 120 offered against 200 asked: the P5 need is left 80 short for want of stock.
        List<PlannedShortfall> short5 = app.planning().shortfalls(plan.publicId(), routine.publicId());
        assertThat(short5).singleElement().satisfies(s -> {
            assertThat(s.quantity()).isEqualTo(80);
            assertThat(s.reason()).isEqualTo("STOCK");
        });
        assertThat(plan.inputsDigest()).hasSize(64);
        assertThat(app.journal().forEntity(plan.publicId(), 10)).extracting(e -> e.type()).containsExactly("PlanProposed");
    }

    /** The demo of 2026-11-29 failed here: its plan's objective passed 2^53, which canonical JSON cannot hold as a number. */
    @Test
    void journalsAPlanWhoseObjectivePassesWhatJsonNumbersHold() {
        for (int i = 0; i < 2; i++) need(1_000_000_000L, "P1", 1);
        offer("SHELL-155", 10);
        // a unit's money (here its lane) sets the weight of a week of lateness and so of a unit short
        app.planning().addLane(new AddLane("DEU-DEPOT", "UKR-DEPOT-1", 1, 1_000_000), ALICE);

        PlanRecord plan = app.planning().propose(12, ALICE);

        assertThat(plan.objective().total()).as("the case needs an objective beyond 2^53 - 1")
                .isGreaterThan((1L << 53) - 1);
        var event = app.journal().forEntity(plan.publicId(), 10).getFirst();
        assertThat(event.type()).isEqualTo("PlanProposed");
        assertThat(event.payload()).contains("\"total\":\"" + plan.objective().total() + "\"");
    }

    @Test
    void usesACompatibleSubstituteWhenTheRequestedItemRunsOut() {
        Need n = need(50, "P2", 6);
        offer("SHELL-155-ALT", 50);
        PlanRecord plan = app.planning().propose(12, ALICE);
        assertThat(app.planning().allocations(plan.publicId(), n.publicId()))
                .singleElement().satisfies(a -> {
                    assertThat(a.suppliedItem()).isEqualTo("SHELL-155-ALT");
                    assertThat(a.substitutionCost()).isPositive();
                });
    }

    @Test
    void approvalNeedsASecondPersonAndHappensOnce() {
        need(10, "P3", 4);
        offer("SHELL-155", 10);
        PlanRecord plan = app.planning().propose(12, ALICE);

        assertThatThrownBy(() -> app.planning().approve(plan.publicId(), plan.version(), "alice", ALICE))
                .isInstanceOf(Refused.class).hasMessageContaining("someone other than its proposer");
        PlanRecord approved = app.planning().approve(plan.publicId(), plan.version(), "bob", ALICE);
        assertThat(approved.status().name()).isEqualTo("APPROVED");
        assertThat(approved.approvedBy()).isEqualTo("bob");
        assertThatThrownBy(() -> app.planning().approve(plan.publicId(), approved.version(), "carol", ALICE))
                .isInstanceOf(Refused.class).hasMessageContaining("only a PROPOSED plan");
    }

    @Test
    void diffShowsWhatANewOfferChanged() {
        Need n = need(100, "P2", 4);
        offer("SHELL-155", 40);
        PlanRecord first = app.planning().propose(12, ALICE);
        offer("SHELL-155", 60);
        PlanRecord second = app.planning().propose(12, ALICE);

        PlanDiff diff = app.planning().diff(first.publicId(), second.publicId());
        assertThat(diff.changes()).singleElement().isEqualTo(new PlanDiff.NeedChange(n.publicId(), 40, 100, 60, 0));
    }

    @Test
    void laneTransitMakesADeliveryLate() {
        Need n = need(10, "P1", 1);
        offer("SHELL-155", 10);
        app.planning().addLane(new AddLane("DEU-DEPOT", "UKR-DEPOT-1", 5, 3), ALICE);
        PlanRecord plan = app.planning().propose(12, ALICE);
        PlannedAllocation a = app.planning().allocations(plan.publicId(), n.publicId()).get(0);
        // Available in week 0, five weeks in transit: arrives in week 5, four weeks after week 1.
        assertThat(a.arrivalWeek()).isEqualTo(5);
        assertThat(a.latenessWeeks()).isEqualTo(4);
        assertThat(a.moneyCost()).isEqualTo(30);
    }
}
