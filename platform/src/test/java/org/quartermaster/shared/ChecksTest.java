package org.quartermaster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.shared.Guards.refuses;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each shared guard with a passing and a failing case. */
class ChecksTest {
    @Test
    void requiredPassesAValueAndRefusesNull() {
        assertThat(Checks.required("f", "x")).isEqualTo("x");
        refuses("f", () -> Checks.required("f", null));
    }

    @Test
    void textStripsAndRefusesBlankOverlongAndNul() {
        assertThat(Checks.text("name", "  Depot  ", 10)).isEqualTo("Depot");
        refuses("name", () -> Checks.text("name", " ", 10));
        refuses("name", () -> Checks.text("name", "x".repeat(11), 10));
        refuses("name", () -> Checks.text("name", "a\0b", 10));
        assertThat(Checks.optionalText("note", " ", 10)).isNull();
        refuses("note", () -> Checks.optionalText("note", "x".repeat(11), 10));
    }

    @Test
    void numbersMustBeInRange() {
        assertThat(Checks.positive("q", 1)).isEqualTo(1);
        refuses("q", () -> Checks.positive("q", 0));
        assertThat(Checks.notNegative("q", 0)).isZero();
        refuses("q", () -> Checks.notNegative("q", -1));
        assertThat(Checks.atMost("q", 5, 5)).isEqualTo(5);
        refuses("q", () -> Checks.atMost("q", 6, 5));
    }

    @Test
    void shapesAndSizes() {
        assertThat(Checks.matches("c", "AB", Pattern.compile("[A-Z]+"), "capitals")).isEqualTo("AB");
        refuses("c", () -> Checks.matches("c", "ab", Pattern.compile("[A-Z]+"), "capitals"));
        assertThat(Checks.sizeAtMost("l", List.of(1, 2), 2)).hasSize(2);
        refuses("l", () -> Checks.sizeAtMost("l", List.of(1, 2, 3), 2));
    }

    @Test
    void releasabilityEntriesAreCodes() {
        assertThat(Checks.releasability("r", Set.of("NATO", "UKR", "PUBLIC", "UDCG_CORE"), 32)).hasSize(4);
        refuses("r", () -> Checks.releasability("r", Set.of("NATO,EU"), 32));
        refuses("r", () -> Checks.releasability("r", Set.of("nato"), 32));
        refuses("r", () -> Checks.releasability("r", new java.util.HashSet<>(java.util.Arrays.asList((String) null)), 32));
        refuses("r", () -> Checks.releasability("r", Set.of("A1", "B1", "C1"), 2));
    }

    @Test
    void publicIdsRoundTripAndUnknownShapesAreNotFound() {
        assertThat(PublicIds.parse("N", PublicIds.format("N", 42), "need")).isEqualTo(42);
        for (String bad : new String[] {"N-", "N-0", "N-abc", "O-1", "N--1", "N-99999999999999999999"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PublicIds.parse("N", bad, "need")).as(bad)
                    .isInstanceOf(NotFound.class);
        }
    }

    @Test
    void cursorsRoundTripAndForeignOnesAreRefused() {
        assertThat(Cursor.decode(Cursor.encode(120))).isEqualTo(120);
        assertThat(Cursor.decode(null)).isZero();
        for (String bad : new String[] {"!!", "dDEy", "cy0x", "cw"}) {
            refuses("after", () -> Cursor.decode(bad));
        }
        assertThat(Cursor.limit(null)).isEqualTo(Limits.PAGE_SIZE_DEFAULT);
        assertThat(Cursor.limit(Limits.PAGE_SIZE_MAX)).isEqualTo(Limits.PAGE_SIZE_MAX);
        refuses("limit", () -> Cursor.limit(0));
        refuses("limit", () -> Cursor.limit(Limits.PAGE_SIZE_MAX + 1));
    }
}
