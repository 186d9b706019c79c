package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quartermaster.access.model.Role;
import org.quartermaster.shared.Refused;
import org.quartermaster.testing.TestDatabases;

/** The same use cases on PostgreSQL: the adapters' SQL and types work on both databases. */
class PostgresAccessTest {

    @Test
    void sessionsTokensThrottlingAndApprovalsWorkOnPostgresql() {
        try (AccessFixture f = new AccessFixture(TestDatabases.postgres())) {
            Access access = f.access;
            AddedUser olena = f.addPerson("olena", "UKR-MOD", "p-olena", Role.COORDINATOR, Role.APPROVER);
            AddedUser taras = f.addPerson("taras", "UKR-MOD", "p-taras", Role.APPROVER);
            LoginResult.LoggedIn first = f.login(olena);
            f.clock.advance(Duration.ofSeconds(31));
            LoginResult rotated = access.login(new Login("olena", AccessFixture.PASSWORD, f.codeNow(olena), "10.0.0.1",
                    first.token()));
            String token = ((LoginResult.LoggedIn) rotated).token();
            assertThat(access.session(first.token())).isEmpty();
            var olenaP = access.session(token).orElseThrow().principal();
            f.clock.advance(AccessSettings.SESSION_IDLE_DEFAULT.plusSeconds(1));
            assertThat(access.session(token)).isEmpty();

            var tarasP = access.session(f.login(taras).token()).orElseThrow().principal();
            Approval a = access.requestApproval(new RequestApproval("Need", "N-000001", "narrow"), olenaP);
            assertThatThrownBy(() -> access.grant(a.id(), olenaP)).isInstanceOf(Refused.class);
            assertThat(access.grant(a.id(), tarasP).status()).isEqualTo(Approval.Status.GRANTED);

            for (int i = 0; i < 5; i++) access.login(new Login("taras", "wrong password", null, "10.9.0." + i, null));
            assertThat(access.login(new Login("taras", AccessFixture.PASSWORD, f.codeNow(taras), "10.9.9.9", null)))
                    .isInstanceOf(LoginResult.Throttled.class);

            var t = access.issueApiToken(new IssueApiToken("sync", "UKR-MOD", java.util.Set.of(Role.VIEWER),
                    f.clock.instant().plus(Duration.ofDays(1))), AccessFixture.OPERATOR);
            assertThat(access.authenticateToken(t.token())).isPresent();
            access.revokeApiToken(t.id(), AccessFixture.OPERATOR);
            assertThat(access.authenticateToken(t.token())).isEmpty();
            assertThat(f.journal.firstBrokenLink()).isZero();
        }
    }
}
