package org.quartermaster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quartermaster.catalog.Classifiers;
import org.quartermaster.catalog.DefineItem;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.catalog.model.Compatibility;
import org.quartermaster.demo.Scenario.PlannedNeed;
import org.quartermaster.demo.Scenario.PlannedOffer;
import org.quartermaster.needs.FileNeed;
import org.quartermaster.offers.MakeOffer;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.RegisterOrganisation;
import org.quartermaster.parties.model.Codes;
import org.quartermaster.parties.model.OrganisationKind;

class ScenarioGeneratorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final Sizes SIZES = new Sizes(3_000, 1_500);

    @Test
    void sameSeedGivesTheSameWorld() {
        Scenario a = ScenarioGenerator.generate(42, SIZES, TODAY);
        Scenario b = ScenarioGenerator.generate(42, SIZES, TODAY);
        assertThat(a).isEqualTo(b);
        assertThat(a.needs()).hasSize(3_000);
        assertThat(a.offers()).hasSize(1_500);
    }

    @Test
    void otherSeedGivesOtherNeedsAndOffers() {
        Scenario a = ScenarioGenerator.generate(42, SIZES, TODAY);
        Scenario b = ScenarioGenerator.generate(43, SIZES, TODAY);
        assertThat(b.needs()).isNotEqualTo(a.needs());
        assertThat(b.offers()).isNotEqualTo(a.offers());
        // The reference world is fixed: only the generated records depend on the seed.
        assertThat(b.items()).isEqualTo(a.items());
    }

    @Test
    void everyItemHasAnOfficialCpvCodeAndAUnit() {
        Scenario s = ScenarioGenerator.generate(1, new Sizes(0, 0), TODAY);
        Classifiers classifiers = Classifiers.get();
        assertThat(s.items()).hasSizeGreaterThanOrEqualTo(60);
        for (DefineItem i : s.items()) {
            assertThat(classifiers.isCpv(i.cpv())).as("CPV of %s: %s", i.code(), i.cpv()).isTrue();
            assertThat(classifiers.isUnit(i.unit())).as("unit of %s", i.code()).isTrue();
        }
        Set<Category> categories = s.items().stream().map(DefineItem::category).collect(Collectors.toSet());
        assertThat(categories).contains(Category.AMMUNITION, Category.AIR_DEFENCE, Category.VEHICLES,
                Category.DRONES, Category.DEMINING, Category.MEDICAL, Category.FUEL, Category.SPARE_PARTS);
    }

    @Test
    void compatibilityLinksNameKnownItemsAnd152mmDoesNotServe155mm() {
        Scenario s = ScenarioGenerator.generate(1, new Sizes(0, 0), TODAY);
        Map<String, DefineItem> items = s.items().stream().collect(Collectors.toMap(DefineItem::code, i -> i));
        for (DefineItem i : s.items()) {
            for (Compatibility c : i.compatibleWith()) assertThat(items).containsKey(c.servesItem());
        }
        assertThat(items.get("AMMO-155-HE-M107").compatibleWith()).extracting(Compatibility::servesItem)
                .contains("AMMO-155-HE-DM121");
        assertThat(items.get("AMMO-155-HE-DM121").compatibleWith()).extracting(Compatibility::servesItem)
                .contains("AMMO-155-HE-M107");
        assertThat(items.get("AMMO-152-HE-OF540").compatibleWith()).isEmpty();
        assertThat(s.items()).noneMatch(i -> i.compatibleWith().stream()
                .anyMatch(c -> c.servesItem().equals("AMMO-152-HE-OF540")));
    }

    @Test
    void partiesHaveRealCountryCodesAndTheExpectedRoles() {
        Scenario s = ScenarioGenerator.generate(1, new Sizes(0, 0), TODAY);
        for (RegisterOrganisation o : s.organisations()) Codes.country("country", o.country());
        for (AddLocation l : s.locations()) Codes.country("country", l.country());
        Map<OrganisationKind, Long> kinds = s.organisations().stream()
                .collect(Collectors.groupingBy(RegisterOrganisation::kind, Collectors.counting()));
        assertThat(kinds.get(OrganisationKind.DONOR_STATE)).isBetween(28L, 34L);
        assertThat(kinds.get(OrganisationKind.SUPPLIER)).isBetween(18L, 24L);
        assertThat(kinds).containsKeys(OrganisationKind.RECIPIENT, OrganisationKind.PROCUREMENT_AGENCY,
                OrganisationKind.COORDINATION_BODY, OrganisationKind.FUND, OrganisationKind.AUDITOR);
        Map<String, Set<String>> groups = s.organisations().stream()
                .collect(Collectors.toMap(RegisterOrganisation::code, RegisterOrganisation::groups));
        assertThat(groups.get("DEU-MOD")).containsExactlyInAnyOrder("NATO", "EU", "UDCG");
        assertThat(groups.get("USA-MOD")).containsExactlyInAnyOrder("NATO", "UDCG");
        assertThat(groups.get("NOR-MOD")).containsExactlyInAnyOrder("NATO", "UDCG");
        assertThat(groups.get("AUS-MOD")).containsExactly("UDCG");
        assertThat(s.organisations()).filteredOn(o -> o.kind() == OrganisationKind.SUPPLIER)
                .allMatch(o -> o.ncage() != null && o.ncage().matches("[A-Z0-9]{5}"));
    }

    @Test
    void needsGoToUkraineWithFewCriticalOnesAndDatesWithinAYear() {
        Scenario s = ScenarioGenerator.generate(7, SIZES, TODAY);
        Set<String> ukrainian = s.locations().stream().filter(l -> l.country().equals("UKR"))
                .map(AddLocation::code).collect(Collectors.toSet());
        Map<String, Long> byPriority = s.needs().stream()
                .collect(Collectors.groupingBy(n -> n.command().priority(), Collectors.counting()));
        assertThat(byPriority.get("P1")).isLessThan(byPriority.get("P3")).isLessThan(byPriority.get("P5"));
        for (PlannedNeed n : s.needs()) {
            FileNeed c = n.command();
            assertThat(ukrainian).contains(c.destination());
            assertThat(c.dueDate()).isAfter(TODAY).isBefore(TODAY.plusYears(1));
            assertThat(c.justification()).isNotBlank();
        }
        assertThat(s.needs()).anyMatch(n -> !n.command().submit());
        assertThat(s.needs()).anyMatch(PlannedNeed::cancel);
        assertThat(s.needs()).noneMatch(n -> !n.command().submit() && n.cancel());
    }

    @Test
    void everyPledgeFitsWithinItsSubmittedNeedAndServesItsItem() {
        for (long seed : List.of(1L, 2L, 3L)) {
            Scenario s = ScenarioGenerator.generate(seed, SIZES, TODAY);
            Map<String, DefineItem> items = s.items().stream().collect(Collectors.toMap(DefineItem::code, i -> i));
            Map<Integer, Long> pledged = new HashMap<>();
            for (PlannedOffer o : s.offers()) {
                MakeOffer c = o.command();
                assertThat(c.need()).isNull();
                assertThat(c.nonLethalOnly() && items.get(c.item()).lethal()).as("seed %d", seed).isFalse();
                if (!o.pledged()) continue;
                PlannedNeed need = s.needs().get(o.needIndex());
                assertThat(need.command().submit() && !need.cancel()).as("seed %d", seed).isTrue();
                boolean serves = c.item().equals(need.command().item()) || items.get(c.item()).compatibleWith()
                        .stream().anyMatch(l -> l.servesItem().equals(need.command().item()));
                assertThat(serves).as("seed %d: %s serves %s", seed, c.item(), need.command().item()).isTrue();
                pledged.merge(o.needIndex(), c.quantity(), Long::sum);
            }
            pledged.forEach((index, total) -> assertThat(total).as("seed %d need %d", seed, index)
                    .isLessThanOrEqualTo(s.needs().get(index).command().quantity()));
            assertThat(pledged).as("seed %d", seed).hasSizeGreaterThan(500);
            assertThat(s.offers()).anyMatch(o -> o.pledged() && !o.command().item()
                    .equals(s.needs().get(o.needIndex()).command().item()));
        }
    }
}
