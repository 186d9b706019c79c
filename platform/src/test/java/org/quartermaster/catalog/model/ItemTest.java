package org.quartermaster.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.shared.Guards.refuses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartermaster.shared.Limits;

/** The guards of catalogue items, NSNs and compatibility links, each passing and failing. */
class ItemTest {
    static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    static Item item(String code, String cpv, List<Compatibility> links) {
        return new Item(1, code, "Name", "H87", null, cpv, Category.AMMUNITION, true, links, 1, NOW, NOW);
    }

    @Test
    void buildsAValidItem() {
        Item i = item("AMMO-155", "35331000-3", List.of(new Compatibility("GUN-155", 0)));
        assertThat(i.compatibleWith()).hasSize(1);
    }

    @Test
    void codeAndCpvHaveTheirShapes() {
        refuses("code", () -> item("a", null, List.of()));
        refuses("code", () -> item("ammo-155", null, List.of()));
        refuses("cpv", () -> item("AMMO-1", "35331000", List.of()));
        refuses("name", () -> new Item(1, "AMMO-1", " ", "H87", null, null, Category.FUEL, false, List.of(), 1, NOW, NOW));
        refuses("unit", () -> new Item(1, "AMMO-1", "n", null, null, null, Category.FUEL, false, List.of(), 1, NOW, NOW));
        refuses("category", () -> new Item(1, "AMMO-1", "n", "H87", null, null, null, false, List.of(), 1, NOW, NOW));
    }

    @Test
    void nsnHasThirteenDigitsInItsGroups() {
        assertThat(new Nsn("1005-01-123-4567").value()).isEqualTo("1005-01-123-4567");
        assertThat(Nsn.ofNullable(" ")).isNull();
        refuses("nsn", () -> new Nsn("1005011234567"));
        refuses("nsn", () -> new Nsn("1005-01-123-456"));
        refuses("nsn", () -> new Nsn("10A5-01-123-4567"));
    }

    @Test
    void linksAreBoundedDistinctAndNotToItself() {
        assertThat(new Compatibility("X1", Compatibility.PENALTY_MAX).penalty()).isEqualTo(Compatibility.PENALTY_MAX);
        refuses("compatibleWith.penalty", () -> new Compatibility("X1", -1));
        refuses("compatibleWith.penalty", () -> new Compatibility("X1", Compatibility.PENALTY_MAX + 1));
        refuses("compatibleWith.item", () -> new Compatibility("x", 1));
        refuses("compatibleWith", () -> item("AMMO-1", null, List.of(new Compatibility("AMMO-1", 1))));
        refuses("compatibleWith", () -> item("AMMO-1", null,
                List.of(new Compatibility("X1", 1), new Compatibility("X1", 2))));
        List<Compatibility> many = new ArrayList<>();
        for (int i = 0; i <= Limits.COMPATIBLE_ITEMS_MAX; i++) many.add(new Compatibility("X" + i, 1));
        refuses("compatibleWith", () -> item("AMMO-1", null, many));
    }
}
