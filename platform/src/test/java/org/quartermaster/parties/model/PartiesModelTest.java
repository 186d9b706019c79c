package org.quartermaster.parties.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.shared.Guards.refuses;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartermaster.shared.Limits;

/** The guards of organisations and locations, each with a passing and a failing case. */
class PartiesModelTest {
    static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    static Organisation org(String code, String country, Set<String> groups, String ncage) {
        return new Organisation(1, code, "Name", OrganisationKind.SUPPLIER, country, groups, ncage, 1, NOW, NOW);
    }

    @Test
    void buildsAValidOrganisationWithSortedGroups() {
        Organisation o = org("ACME", "DEU", Set.of("NATO", "EU"), "D1234");
        assertThat(o.groups()).containsExactly("EU", "NATO");
        assertThat(org("ACME", "DEU", Set.of(), " ").ncage()).isNull();
    }

    @Test
    void codesCountriesGroupsAndNcageHaveTheirShapes() {
        refuses("code", () -> org("a", "DEU", Set.of(), null));
        refuses("country", () -> org("ACME", "DE", Set.of(), null));
        refuses("country", () -> org("ACME", "XXX", Set.of(), null));
        refuses("groups", () -> org("ACME", "DEU", Set.of("nato"), null));
        refuses("ncage", () -> org("ACME", "DEU", Set.of(), "D12"));
        Set<String> many = new HashSet<>();
        for (int i = 0; i <= Limits.GROUPS_MAX; i++) many.add("G" + i);
        refuses("groups", () -> org("ACME", "DEU", many, null));
        refuses("kind", () -> new Organisation(1, "ACME", "n", null, "DEU", Set.of(), null, 1, NOW, NOW));
    }

    @Test
    void locationsNeedACodeCountryKindAndAValidHolder() {
        Location l = new Location(1, "HUB-1", "Hub", "POL", LocationKind.HUB, "ACME", 1, NOW, NOW);
        assertThat(l.organisation()).isEqualTo("ACME");
        refuses("code", () -> new Location(1, "h", "Hub", "POL", LocationKind.HUB, null, 1, NOW, NOW));
        refuses("country", () -> new Location(1, "HUB-1", "Hub", "pol", LocationKind.HUB, null, 1, NOW, NOW));
        refuses("kind", () -> new Location(1, "HUB-1", "Hub", "POL", null, null, 1, NOW, NOW));
        refuses("organisation", () -> new Location(1, "HUB-1", "Hub", "POL", LocationKind.HUB, "x", 1, NOW, NOW));
        refuses("name", () -> new Location(1, "HUB-1", "", "POL", LocationKind.HUB, null, 1, NOW, NOW));
    }
}
