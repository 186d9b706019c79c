package org.quartermaster.access.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmallRulesTest {
    final PasswordRules rules = new PasswordRules(Set.of("password1", "qwertyuiop"));

    @Test
    void passwordsOfEightToOneHundredTwentyEightCharactersPass() {
        assertThat(rules.firstBroken("correct horse", "olena")).isEmpty();
        assertThat(rules.firstBroken("x".repeat(128), "olena")).isEmpty();
    }

    @Test
    void shortLongCommonAndSelfNamedPasswordsFail() {
        assertThat(rules.firstBroken("short7c", "olena")).map(PasswordRules.PasswordRule::name)
                .contains("at least the minimum length");
        assertThat(rules.firstBroken("x".repeat(129), "olena")).map(PasswordRules.PasswordRule::name)
                .contains("at most the maximum length");
        assertThat(rules.firstBroken("QwertyUIOP", "olena")).map(PasswordRules.PasswordRule::name)
                .contains("not a common password");
        assertThat(rules.firstBroken("olena.k@ua", "olena.k@ua")).map(PasswordRules.PasswordRule::name)
                .contains("not the user name");
        assertThat(rules.firstBroken(null, "olena")).isPresent();
    }

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(8); // 8 code points, 16 chars
        assertThat(rules.firstBroken(emoji, "olena")).isEmpty();
        assertThat(rules.firstBroken("\uD83D\uDE00".repeat(7), "olena")).isPresent();
    }

    @Test
    void throttleBlocksAtTheLimitAndSlides() {
        ThrottleLimit limit = new ThrottleLimit("t", ThrottleLimit.Subject.ACCOUNT, 3, Duration.ofMinutes(10));
        Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
        List<Instant> failures = new ArrayList<>(List.of(t0, t0.plusSeconds(60)));
        assertThat(limit.blockedUntil(failures, t0.plusSeconds(120))).isEmpty();
        failures.add(t0.plusSeconds(120));
        assertThat(limit.blockedUntil(failures, t0.plusSeconds(121))).contains(t0.plus(Duration.ofMinutes(10)));
        // Once the oldest failure leaves the window, one more try is allowed.
        assertThat(limit.blockedUntil(failures, t0.plus(Duration.ofMinutes(10)).plusSeconds(1))).isEmpty();
    }

    @Test
    void fourEyesRefusesTheSameAccountAndTheSamePersonAndAllowsAnother() {
        assertThat(FourEyes.decide("olena", "P1", "olena", "P1")).isInstanceOf(FourEyes.Outcome.Refused.class);
        assertThat(FourEyes.decide("olena", "P1", "olena-2", "P1")).isInstanceOf(FourEyes.Outcome.Refused.class);
        assertThat(FourEyes.decide("olena", "P1", "taras", null)).isInstanceOf(FourEyes.Outcome.Refused.class);
        assertThat(FourEyes.decide("olena", "P1", "taras", "P2")).isInstanceOf(FourEyes.Outcome.Allowed.class);
    }

    @Test
    void logEncodingNeutralisesLineBreaksControlsAndBidiOverrides() {
        String evil = "bob\r\nkind=LOGIN_SUCCEEDED actor=\"admin\"\u0000\u001b[31m\u202e\u2028\t\\";
        String encoded = LogEncoding.encode(evil);
        assertThat(encoded).doesNotContain("\r", "\n", "\u0000", "\u001b", "\u202e", "\u2028", "\t")
                .contains("\\r\\n", "\\\"admin\\\"", "\\u0000", "\\u001b", "\\u202e", "\\u2028", "\\t", "\\\\");
        assertThat(encoded.chars().noneMatch(Character::isISOControl)).isTrue();
        assertThat(LogEncoding.encode(null)).isEqualTo("-");
        assertThat(LogEncoding.encode("é ok ✓")).isEqualTo("é ok ✓");
    }

    @Test
    void logEncodingBoundsAField() {
        assertThat(LogEncoding.encode("a".repeat(10_000))).hasSize(LogEncoding.FIELD_LENGTH_MAX + 3).endsWith("...");
        assertThat(LogEncoding.encode("a".repeat(LogEncoding.FIELD_LENGTH_MAX))).doesNotEndWith("...");
    }
}
