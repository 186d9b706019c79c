package org.quartermaster.access;

import org.quartermaster.shared.AccessDenied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.access.model.Role;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.testing.TestDatabases;

class SessionsAndLoginTest {
    final AccessFixture f = new AccessFixture(TestDatabases.sqlite());
    final Access access = f.access;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void sessionTokensAreUniqueAndCarry128RandomBits() {
        int n = 10_000;
        Set<String> tokens = new HashSet<>();
        long[] ones = new long[128];
        for (int i = 0; i < n; i++) {
            String t = Secrets.sessionToken();
            assertThat(t).matches(Secrets.SESSION_TOKEN);
            tokens.add(t);
            byte[] bits = Base64.getUrlDecoder().decode(t);
            assertThat(bits).hasSize(16);
            for (int b = 0; b < 128; b++) if ((bits[b / 8] >> (b % 8) & 1) == 1) ones[b]++;
        }
        assertThat(tokens).hasSize(n);
        // Each bit is set in about half the tokens: 5,000 +- 5 sigma (sigma = 50 for n = 10,000).
        for (int b = 0; b < 128; b++) assertThat(ones[b]).as("bit %d", b).isBetween(4_750L, 5_250L);
        // Shannon estimate over all bytes: close to 8 bits per byte for uniform bytes.
        long[] counts = new long[256];
        for (String t : tokens) for (byte x : Base64.getUrlDecoder().decode(t)) counts[x & 0xff]++;
        double total = n * 16.0;
        double entropy = 0;
        for (long c : counts) if (c > 0) entropy -= c / total * Math.log(c / total) / Math.log(2);
        assertThat(entropy).isGreaterThan(7.99);
    }

    @Test
    void loginStartsASessionThatLookupFinds() {
        AddedUser u = f.add("olena", "UKR-MOD", Role.REQUESTER);
        LoginResult.LoggedIn in = f.login(u);
        Session s = access.session(in.token()).orElseThrow();
        assertThat(s.principal().user()).isEqualTo("olena");
        assertThat(s.principal().organisation()).isEqualTo("UKR-MOD");
        assertThat(s.principal().groups()).containsExactly("UDCG");
        assertThat(s.principal().roles()).containsExactly(Role.REQUESTER);
        assertThat(s.absoluteExpiresAt()).isEqualTo(s.createdAt().plus(AccessSettings.SESSION_ABSOLUTE_DEFAULT));
    }

    @Test
    void onlyTheTokensHashIsStored() {
        LoginResult.LoggedIn in = f.login(f.add("olena", "UKR-MOD", Role.REQUESTER));
        String stored = f.db.read(h -> h.createQuery("SELECT token_hash FROM sessions").mapTo(String.class).one());
        assertThat(stored).isEqualTo(Secrets.sha256Hex(in.token())).isNotEqualTo(in.token());
    }

    @Test
    void loginRotatesTheTokenAndRetiresThePreviousOne() {
        AddedUser u = f.add("olena", "UKR-MOD", Role.REQUESTER);
        LoginResult.LoggedIn first = f.login(u);
        LoginResult second = access.login(new Login("olena", AccessFixture.PASSWORD, null, "10.0.0.1", first.token()));
        String next = ((LoginResult.LoggedIn) second).token();
        assertThat(next).isNotEqualTo(first.token());
        assertThat(access.session(first.token())).isEmpty();
        assertThat(access.session(next)).isPresent();
    }

    @Test
    void anIdleSessionEndsAndAnActiveOneLivesOn() {
        LoginResult.LoggedIn in = f.login(f.add("olena", "UKR-MOD", Role.REQUESTER));
        Duration idle = AccessSettings.SESSION_IDLE_DEFAULT;
        f.clock.advance(idle.minusMinutes(1));
        assertThat(access.session(in.token())).isPresent(); // the lookup restarts the idle clock
        f.clock.advance(idle.minusMinutes(1));
        assertThat(access.session(in.token())).isPresent();
        f.clock.advance(idle);
        assertThat(access.session(in.token())).isEmpty();
    }

    @Test
    void aBusySessionEndsAtTheAbsoluteTimeout() {
        LoginResult.LoggedIn in = f.login(f.add("olena", "UKR-MOD", Role.REQUESTER));
        Duration step = AccessSettings.SESSION_IDLE_DEFAULT.minusMinutes(5);
        long steps = AccessSettings.SESSION_ABSOLUTE_DEFAULT.dividedBy(step);
        for (long i = 0; i < steps; i++) {
            f.clock.advance(step);
            assertThat(access.session(in.token())).as("after %d steps", i + 1).isPresent();
        }
        f.clock.advance(step);
        assertThat(access.session(in.token())).isEmpty();
    }

    @Test
    void logoutEndsTheSessionAtTheNextLookup() {
        LoginResult.LoggedIn in = f.login(f.add("olena", "UKR-MOD", Role.REQUESTER));
        access.logout(in.token(), "10.0.0.1");
        assertThat(access.session(in.token())).isEmpty();
        access.logout(in.token(), "10.0.0.1"); // twice: harmless
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndRefusesLogin() {
        AddedUser u = f.add("olena", "UKR-MOD", Role.REQUESTER);
        LoginResult.LoggedIn in = f.login(u);
        access.disableUser("olena", AccessFixture.OPERATOR);
        assertThat(access.session(in.token())).isEmpty();
        assertThat(access.login(new Login("olena", AccessFixture.PASSWORD, null, "10.0.0.1", null)))
                .isEqualTo(new LoginResult.Failed(LoginResult.FAILED_MESSAGE));
        assertThat(access.user("olena").disabled()).isTrue();
    }

    @Test
    void disablingTakesEffectEvenIfTheSessionRowSurvives() {
        LoginResult.LoggedIn in = f.login(f.add("olena", "UKR-MOD", Role.REQUESTER));
        f.db.write(org.quartermaster.shared.Actor.SYSTEM, tx -> tx.handle()
                .createUpdate("UPDATE users SET disabled = :d").bind("d", true).execute());
        assertThat(access.session(in.token())).isEmpty();
    }

    @Test
    void resettingThePasswordEndsSessionsAndTheOldPasswordStopsWorking() {
        LoginResult.LoggedIn in = f.login(f.add("olena", "UKR-MOD", Role.REQUESTER));
        access.resetPassword("olena", "a brand new secret", AccessFixture.OPERATOR);
        assertThat(access.session(in.token())).isEmpty();
        assertThat(access.login(new Login("olena", AccessFixture.PASSWORD, null, "10.0.0.2", null)))
                .isInstanceOf(LoginResult.Failed.class);
        assertThat(access.login(new Login("olena", "a brand new secret", null, "10.0.0.2", null)))
                .isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void wrongUserAndWrongPasswordGetTheSameMessage() {
        f.add("olena", "UKR-MOD", Role.REQUESTER);
        LoginResult wrongPassword = access.login(new Login("olena", "not her password", null, "10.0.0.1", null));
        LoginResult noSuchUser = access.login(new Login("nobody", "not her password", null, "10.0.0.1", null));
        LoginResult malformed = access.login(new Login("\u0000 ;DROP", null, null, null, null));
        assertThat(wrongPassword).isEqualTo(noSuchUser).isEqualTo(malformed)
                .isEqualTo(new LoginResult.Failed(LoginResult.FAILED_MESSAGE));
    }

    @Test
    void secondFactorIsRequiredForApproversFundOfficersAndAdmins() {
        for (Role role : Set.of(Role.APPROVER, Role.FUND_OFFICER, Role.ADMIN)) {
            String name = "u-" + role.name().toLowerCase().replace('_', '-');
            AddedUser u = f.add(name, "UKR-MOD", role);
            assertThat(u.totpSecret()).as(role.name()).isNotNull();
            assertThat(access.login(new Login(name, AccessFixture.PASSWORD, null, "10.0.1.1", null)))
                    .as(role.name()).isInstanceOf(LoginResult.Failed.class);
            assertThat(access.login(new Login(name, AccessFixture.PASSWORD, "000000".equals(f.codeNow(u))
                    ? "111111" : "000000", "10.0.1.1", null))).as(role.name()).isInstanceOf(LoginResult.Failed.class);
            assertThat(access.login(new Login(name, AccessFixture.PASSWORD, f.codeNow(u), "10.0.1.1", null)))
                    .as(role.name()).isInstanceOf(LoginResult.LoggedIn.class);
        }
        assertThat(f.add("viewer", "UKR-MOD", Role.VIEWER).totpSecret()).isNull();
    }

    @Test
    void aOneTimeCodeCannotBeReplayed() {
        AddedUser u = f.add("taras", "UKR-MOD", Role.APPROVER);
        String code = f.codeNow(u);
        assertThat(access.login(new Login("taras", AccessFixture.PASSWORD, code, "10.0.0.1", null)))
                .isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(access.login(new Login("taras", AccessFixture.PASSWORD, code, "10.0.0.1", null)))
                .isInstanceOf(LoginResult.Failed.class);
    }

    @Test
    void failedLoginsPerAccountAreThrottledWithinTheWindowThenAllowedAgain() {
        f.add("olena", "UKR-MOD", Role.REQUESTER);
        int max = org.quartermaster.access.model.ThrottleLimit.PER_ACCOUNT.failuresMax();
        for (int i = 0; i < max; i++) {
            // A different address each time: only the per-account limit can trigger.
            assertThat(access.login(new Login("olena", "wrong password", null, "10.1.0." + i, null)))
                    .isInstanceOf(LoginResult.Failed.class);
        }
        assertThat(access.login(new Login("olena", AccessFixture.PASSWORD, null, "10.2.0.1", null)))
                .as("even the right password is refused while throttled").isInstanceOf(LoginResult.Throttled.class);
        f.clock.advance(org.quartermaster.access.model.ThrottleLimit.PER_ACCOUNT.window().plusSeconds(1));
        assertThat(access.login(new Login("olena", AccessFixture.PASSWORD, null, "10.2.0.1", null)))
                .isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void failedLoginsPerAddressAreThrottledAcrossAccounts() {
        f.add("olena", "UKR-MOD", Role.REQUESTER);
        int max = org.quartermaster.access.model.ThrottleLimit.PER_ADDRESS.failuresMax();
        for (int i = 0; i < max; i++) {
            access.login(new Login("guess" + i, "wrong password", null, "203.0.113.9", null));
        }
        assertThat(access.login(new Login("olena", AccessFixture.PASSWORD, null, "203.0.113.9", null)))
                .isInstanceOf(LoginResult.Throttled.class);
        assertThat(access.login(new Login("olena", AccessFixture.PASSWORD, null, "198.51.100.1", null)))
                .isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void csrfTokenIsBoundToItsSession() {
        LoginResult.LoggedIn a = f.login(f.add("olena", "UKR-MOD", Role.REQUESTER));
        LoginResult.LoggedIn b = f.login(f.add("jan", "POL-MOD", Role.VIEWER));
        assertThat(access.checkCsrf(a.token(), a.csrfToken())).isTrue();
        assertThat(access.csrfToken(a.token())).isEqualTo(a.csrfToken());
        assertThat(access.checkCsrf(a.token(), b.csrfToken())).isFalse();
        assertThat(access.checkCsrf(a.token(), null)).isFalse();
        assertThat(access.checkCsrf(a.token(), "")).isFalse();
        assertThat(access.checkCsrf(null, a.csrfToken())).isFalse();
        assertThat(access.checkCsrf(a.token(), "x".repeat(10_000))).isFalse();
    }

    @Test
    void forgedExpiredAndMalformedSessionTokensAreRefusedWithoutAnException() {
        LoginResult.LoggedIn in = f.login(f.add("olena", "UKR-MOD", Role.REQUESTER));
        String forged = Secrets.sessionToken();
        String flipped = (in.token().charAt(0) == 'A' ? "B" : "A") + in.token().substring(1);
        for (String bad : new String[] {null, "", "   ", forged, flipped, in.token() + "x", "a".repeat(5000),
                "../../etc/passwd", "' OR 1=1 --", "\u0000\r\n", in.csrfToken(), "é".repeat(22)}) {
            assertThat(access.session(bad)).as("%s", bad).isEmpty();
        }
        f.clock.advance(AccessSettings.SESSION_ABSOLUTE_DEFAULT);
        assertThat(access.session(in.token())).as("expired").isEmpty();
    }

    @Test
    void newPasswordsAreCheckedAndNamedOnTheirField() {
        assertThatThrownBy(() -> access.addUser(new AddUser("olena", "UKR-MOD", Set.of(Role.VIEWER), null, "short"),
                AccessFixture.OPERATOR)).isInstanceOf(InvalidField.class).hasMessageStartingWith("password");
        assertThatThrownBy(() -> access.addUser(new AddUser("olena", "UKR-MOD", Set.of(Role.VIEWER), null,
                "password1"), AccessFixture.OPERATOR)).isInstanceOf(InvalidField.class).hasMessageContaining("common");
        assertThatThrownBy(() -> access.addUser(new AddUser("olena", "NOPE-ORG", Set.of(Role.VIEWER), null,
                AccessFixture.PASSWORD), AccessFixture.OPERATOR)).isInstanceOf(InvalidField.class)
                .hasMessageStartingWith("organisation");
        assertThatThrownBy(() -> access.addUser(new AddUser("Bad Name!", "UKR-MOD", Set.of(Role.VIEWER), null,
                AccessFixture.PASSWORD), AccessFixture.OPERATOR)).isInstanceOf(InvalidField.class)
                .hasMessageStartingWith("userName");
        f.add("olena", "UKR-MOD", Role.VIEWER);
        assertThatThrownBy(() -> f.add("OLENA", "UKR-MOD", Role.VIEWER)).isInstanceOf(InvalidField.class)
                .hasMessageContaining("taken");
        assertThat(CommonPasswords.all()).hasSize(10_000).contains("123456", "password", "qwerty");
    }

    @Test
    void anOrganisationsAdminManagesItsOwnUsersOnly() {
        AddedUser admin = f.add("ukr-admin", "UKR-MOD", Role.ADMIN);
        var principal = access.session(f.login(admin).token()).orElseThrow().principal();
        access.addUser(new AddUser("olena", "UKR-MOD", Set.of(Role.REQUESTER), null, AccessFixture.PASSWORD), principal);
        f.add("jan", "POL-MOD", Role.VIEWER);
        assertThatThrownBy(() -> access.addUser(new AddUser("intruder", "POL-MOD", Set.of(Role.ADMIN), null,
                AccessFixture.PASSWORD), principal)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> access.disableUser("jan", principal)).isInstanceOf(AccessDenied.class);
        assertThat(access.user("jan").disabled()).isFalse();
        assertThat(f.journal.forEntity("olena", 10)).extracting(e -> e.type()).containsExactly("UserAdded");
    }

    @Test
    void apiTokensAuthenticateUntilRevokedOrExpiredAndAreStoredHashed() {
        var t = access.issueApiToken(new IssueApiToken("erp-sync", "UKR-MOD", Set.of(Role.REQUESTER), null),
                AccessFixture.OPERATOR);
        var p = access.authenticateToken(t.token()).orElseThrow();
        assertThat(p.organisation()).isEqualTo("UKR-MOD");
        assertThat(p.roles()).containsExactly(Role.REQUESTER);
        assertThat(p.groups()).containsExactly("UDCG");
        String stored = f.db.read(h -> h.createQuery("SELECT token_hash FROM api_tokens").mapTo(String.class).one());
        assertThat(stored).isEqualTo(Secrets.sha256Hex(t.token()));
        access.revokeApiToken(t.id(), AccessFixture.OPERATOR);
        assertThat(access.authenticateToken(t.token())).isEmpty();

        var expiring = access.issueApiToken(new IssueApiToken("nightly", "UKR-MOD", Set.of(Role.VIEWER),
                f.clock.instant().plus(Duration.ofHours(1))), AccessFixture.OPERATOR);
        assertThat(access.authenticateToken(expiring.token())).isPresent();
        f.clock.advance(Duration.ofHours(1));
        assertThat(access.authenticateToken(expiring.token())).isEmpty();
        for (String bad : new String[] {null, "", "qm_", "qm_" + "A".repeat(43), t.token().toUpperCase(),
                Secrets.sessionToken(), "qm_" + "é".repeat(43)}) {
            assertThat(access.authenticateToken(bad)).as("%s", bad).isEmpty();
        }
    }

    @Test
    void apiTokensCannotCarryRolesThatNeedASecondFactorOrForeignOrganisations() {
        assertThatThrownBy(() -> access.issueApiToken(new IssueApiToken("x", "UKR-MOD", Set.of(Role.APPROVER), null),
                AccessFixture.OPERATOR)).isInstanceOf(InvalidField.class).hasMessageStartingWith("roles");
        AddedUser polAdmin = f.add("pol-admin", "POL-MOD", Role.ADMIN);
        var pol = access.session(f.login(polAdmin).token()).orElseThrow().principal();
        assertThatThrownBy(() -> access.issueApiToken(new IssueApiToken("x", "UKR-MOD", Set.of(Role.VIEWER), null), pol))
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void requestsAreAuthenticatedByCookieOrBearerAndBadOnesRejectedWithoutAnException() {
        LoginResult.LoggedIn in = f.login(f.add("olena", "UKR-MOD", Role.REQUESTER));
        var token = access.issueApiToken(new IssueApiToken("bot", "UKR-MOD", Set.of(Role.VIEWER), null),
                AccessFixture.OPERATOR);
        String cookie = "__Host-qm-session=" + in.token();
        assertThat(access.authenticate(null, cookie)).isInstanceOfSatisfying(Authentication.Authenticated.class,
                a -> assertThat(a.principal().user()).isEqualTo("olena"));
        assertThat(access.authenticate("Bearer " + token.token(), null)).isInstanceOfSatisfying(
                Authentication.Authenticated.class, a -> assertThat(a.session()).isNull());
        assertThat(access.authenticate(null, null)).isInstanceOf(Authentication.Anonymous.class);
        for (String[] bad : new String[][] {
                {null, "__Host-qm-session=" + Secrets.sessionToken()}, {null, "__Host-qm-session=%00%0d%0a"},
                {null, cookie + "; " + cookie}, {"Bearer " + Secrets.apiToken(), null}, {"Bearer " + in.token(), null},
                {"Basic b2xlbmE6eA==", null}, {"Bearer qm_' OR '1'='1", null}, {null, "__Host-qm-session=" + token.token()}}) {
            assertThat(access.authenticate(bad[0], bad[1])).as("%s / %s", bad[0], bad[1])
                    .isInstanceOf(Authentication.Rejected.class);
        }
        access.logout(in.token(), "10.0.0.1");
        assertThat(access.authenticate(null, cookie)).isInstanceOf(Authentication.Rejected.class);
    }
}
