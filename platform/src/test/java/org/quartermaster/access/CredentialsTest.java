package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quartermaster.access.Credentials.Presented;

class CredentialsTest {
    @Test
    void readsTheSessionCookieAmongOthers() {
        assertThat(Credentials.read(null, "theme=dark; __Host-qm-session=abc123; lang=uk"))
                .isEqualTo(new Presented.SessionToken("abc123"));
        assertThat(Credentials.read(null, null)).isEqualTo(new Presented.None());
        assertThat(Credentials.read(null, "theme=dark")).isEqualTo(new Presented.None());
    }

    @Test
    void readsABearerTokenWhichWinsOverACookie() {
        assertThat(Credentials.read("Bearer qm_x", "__Host-qm-session=abc")).isEqualTo(new Presented.ApiToken("qm_x"));
        assertThat(Credentials.read("bearer   qm_x ", null)).isEqualTo(new Presented.ApiToken("qm_x"));
    }

    @Test
    void malformedCredentialsAreReportedNotThrown() {
        for (String[] bad : new String[][] {
                {"Basic dXNlcjpwYXNz", null}, {"Bearer", null}, {"Bearer ", null}, {"", null},
                {"Bearer " + "x".repeat(201), null}, {"x".repeat(10_000), null},
                {null, "__Host-qm-session=a; __Host-qm-session=b"}, {null, "__Host-qm-session="},
                {null, "__Host-qm-session=" + "x".repeat(201)}, {null, "a=" + "x".repeat(9_000)}}) {
            assertThat(Credentials.read(bad[0], bad[1])).as("%s / %s", bad[0], bad[1])
                    .isInstanceOf(Presented.Malformed.class);
        }
    }

    @Test
    void theSessionCookieIsHttpOnlySecureAndSameSiteStrict() {
        assertThat(Credentials.sessionCookie("tok", Duration.ofHours(12)))
                .isEqualTo("__Host-qm-session=tok; Path=/; Max-Age=43200; HttpOnly; Secure; SameSite=Strict");
        assertThat(Credentials.clearedSessionCookie()).contains("Max-Age=0", "HttpOnly", "Secure", "SameSite=Strict");
        assertThatThrownBy(() -> Credentials.sessionCookie("a;b", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
