package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.Quartermaster;
import org.quartermaster.access.model.Role;
import org.quartermaster.journal.JournalKeys;
import org.quartermaster.needs.model.Need;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Server;
import org.quartermaster.testing.AccessWorld;
import org.quartermaster.testing.MovableClock;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;
import org.quartermaster.testing.TestServer.SignedIn;

/**
 * Sessions, logins, tokens and CSRF over HTTP, through the real access gate: every point of
 * the session and login list that the facade tests cannot reach (cookies, redirects,
 * the route policies, the CSRF check of forms, and bad credentials answered 401, never 500).
 */
class AccessHttpTest {
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T08:00:00Z"));
    TestServer server;
    AccessWorld.Loaded world;

    @BeforeEach
    void start() {
        server = TestServer.secured(TestDatabases.sqlite(), TestServer.FAST.withClock(clock));
        world = AccessWorld.load(server.app());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Need ownPrivateNeed() {
        return world.needs().stream().filter(n -> n.requester().equals(AccessWorld.OWN) && n.releasableTo().isEmpty())
                .findFirst().orElseThrow();
    }

    @Test
    void anonymousReadsOnlyPublicRecordsAndMayNotWrite() {
        JsonNode items = server.get("/api/v1/needs?limit=500").json().get("items");
        assertThat(items).hasSize(3);
        for (JsonNode n : items) assertThat(n.get("releasableTo").toString()).contains("PUBLIC");
        Reply write = server.post("/api/v1/needs", "{}");
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.header("Content-Type")).startsWith("application/problem+json");
        assertThat(server.get("/api/v1/needs/" + ownPrivateNeed().publicId()).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/feed").status()).isEqualTo(401);
        assertThat(server.get("/health").status()).isEqualTo(200);
    }

    @Test
    void anonymousPageRequestsAreSentToTheLoginPage() {
        Reply r = server.get("/needs?status=OPEN", Map.of("Accept", "text/html"));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/login?next=" + URLEncoder.encode("/needs?status=OPEN",
                StandardCharsets.UTF_8));
        Reply login = server.get("/login", Map.of("Accept", "text/html"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"_csrf\"", "name=\"userName\"", "name=\"oneTimeCode\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer qm_forgedforgedforgedforgedforgedforgedforged1", "Bearer x", "Basic dXNlcjpwdw==",
            "Bearer", "bearer " + "A", "Bearer qm_\u00e9\u00e9", "Token abc def"})
    void forgedOrMalformedBearerTokensAre401NeverA500(String authorization) {
        for (String path : List.of("/api/v1/needs", "/api/v1/feed", "/health", "/api/v1/items")) {
            Reply r = server.get(path, Map.of("Authorization", authorization));
            assertThat(r.status()).as(path + " with " + authorization).isEqualTo(401);
            assertThat(r.body()).doesNotContain("Exception", "\tat ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"qm-session=AAAAAAAAAAAAAAAAAAAAAA", "qm-session=", "qm-session=not a token",
            "qm-session=AAAAAAAAAAAAAAAAAAAAAA; qm-session=BBBBBBBBBBBBBBBBBBBBBB", "__Host-qm-session=forged",
            "qm-session=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void forgedOrMalformedSessionCookiesAre401NeverA500(String cookie) {
        Reply r = server.get("/api/v1/needs", Map.of("Cookie", cookie));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("Exception");
        assertThat(r.header("Set-Cookie")).contains("Max-Age=0");
    }

    @Test
    void anEndedSessionOnAPageIsA401ShowingTheLoginFormThatReturnsToThePage() {
        SignedIn s = server.signIn("olena", AccessWorld.OWN, Role.REQUESTER);
        server.post("/api/v1/logout", null, s.headers());
        Reply r = server.get("/needs?status=OPEN", Map.of("Cookie", s.cookie(), "Accept", "text/html"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("action=\"/login\"", "name=\"next\" value=\"/needs?status=OPEN\"");
        assertThat(r.headers().get("set-cookie")).anyMatch(c -> c.startsWith("qm-session=;") && c.contains("Max-Age=0"))
                .anyMatch(c -> c.startsWith("qm-login-csrf="));
    }

    @Test
    void aLoginSetsAnHttpOnlySameSiteCookieAndWhoAmISaysWho() {
        SignedIn s = server.signIn("olena", AccessWorld.OWN, Role.REQUESTER);
        JsonNode me = server.get("/api/v1/me", Map.of("Cookie", s.cookie())).json();
        assertThat(me.get("user").asText()).isEqualTo("olena");
        assertThat(me.get("organisation").asText()).isEqualTo(AccessWorld.OWN);
        assertThat(me.get("groups").toString()).contains(AccessWorld.GROUP);
        assertThat(me.get("roles").toString()).contains("REQUESTER");
        Reply again = server.post("/api/v1/login", "{\"userName\":\"olena\",\"password\":\"" + TestServer.PASSWORD + "\"}");
        String setCookie = again.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Domain");
        // Plain HTTP: no Secure (the browser would drop it) and so no __Host- prefix.
        assertThat(setCookie).startsWith(Credentials.PLAIN_SESSION_COOKIE + "=");
        Reply page = server.get("/", Map.of("Cookie", s.cookie(), "Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("olena", AccessWorld.OWN, "REQUESTER", "/logout");
    }

    @Test
    void theSessionTokenRotatesAtLoginAndTheOldOneIsDead() {
        SignedIn first = server.signIn("olena", AccessWorld.OWN, Role.REQUESTER);
        Reply second = server.post("/api/v1/login",
                "{\"userName\":\"olena\",\"password\":\"" + TestServer.PASSWORD + "\"}", Map.of("Cookie", first.cookie()));
        assertThat(second.status()).isEqualTo(200);
        String newCookie = second.header("Set-Cookie").split(";", 2)[0];
        assertThat(newCookie).isNotEqualTo(first.cookie());
        assertThat(server.get("/api/v1/needs", Map.of("Cookie", first.cookie())).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/needs", Map.of("Cookie", newCookie)).status()).isEqualTo(200);
    }

    @Test
    void idleAndAbsoluteTimeoutsEndTheSessionOnTheNextRequest() {
        SignedIn s = server.signIn("olena", AccessWorld.OWN, Role.REQUESTER);
        clock.advance(AccessSettings.SESSION_IDLE_DEFAULT.minusMinutes(1));
        assertThat(server.get("/api/v1/needs", Map.of("Cookie", s.cookie())).status()).isEqualTo(200);
        clock.advance(AccessSettings.SESSION_IDLE_DEFAULT.plusSeconds(1));
        assertThat(server.get("/api/v1/needs", Map.of("Cookie", s.cookie())).status()).isEqualTo(401);

        SignedIn busy = server.signIn("taras", AccessWorld.OWN, Role.VIEWER);
        Duration step = AccessSettings.SESSION_IDLE_DEFAULT.minusMinutes(5);
        Duration elapsed = Duration.ZERO;
        while (elapsed.plus(step).compareTo(AccessSettings.SESSION_ABSOLUTE_DEFAULT) < 0) {
            clock.advance(step);
            elapsed = elapsed.plus(step);
            assertThat(server.get("/api/v1/needs", Map.of("Cookie", busy.cookie())).status()).isEqualTo(200);
        }
        clock.advance(AccessSettings.SESSION_ABSOLUTE_DEFAULT.minus(elapsed));
        assertThat(server.get("/api/v1/needs", Map.of("Cookie", busy.cookie())).status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSessionOnTheNextRequest() {
        SignedIn s = server.signIn("olena", AccessWorld.OWN, Role.REQUESTER);
        Reply out = server.post("/api/v1/logout", null, s.headers());
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(server.get("/api/v1/needs", Map.of("Cookie", s.cookie())).status()).isEqualTo(401);
    }

    @Test
    void theLogoutFormNeedsTheCsrfTokenAndThenEndsTheSession() {
        SignedIn s = server.signIn("olena", AccessWorld.OWN, Role.REQUESTER);
        Reply forged = form("/logout", s.cookie(), Map.of());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(server.get("/api/v1/needs", Map.of("Cookie", s.cookie())).status()).isEqualTo(200);
        Reply out = form("/logout", s.cookie(), Map.of("_csrf", s.csrf()));
        assertThat(out.status()).isEqualTo(303);
        assertThat(server.get("/api/v1/needs", Map.of("Cookie", s.cookie())).status()).isEqualTo(401);
    }

    @Test
    void disablingAUserEndsItsSessionOnTheNextRequest() {
        SignedIn s = server.signIn("olena", AccessWorld.OWN, Role.REQUESTER);
        SignedIn admin = server.signIn("admin-own", AccessWorld.OWN, Role.ADMIN);
        Reply disable = form("/users/olena/disable", admin.cookie(), Map.of("_csrf", admin.csrf()));
        assertThat(disable.status()).isEqualTo(303);
        assertThat(server.get("/api/v1/needs", Map.of("Cookie", s.cookie())).status()).isEqualTo(401);
        Reply login = server.post("/api/v1/login", "{\"userName\":\"olena\",\"password\":\"" + TestServer.PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.json().get("detail").asText()).isEqualTo(LoginResult.FAILED_MESSAGE);
    }

    @Test
    void anAdminManagesOnlyItsOwnOrganisationsUsers() {
        server.addUser("olena", AccessWorld.OWN, Role.REQUESTER);
        SignedIn foreign = server.signIn("admin-partner", AccessWorld.PARTNER, Role.ADMIN);
        assertThat(form("/users/olena/disable", foreign.cookie(), Map.of("_csrf", foreign.csrf())).status())
                .isEqualTo(403);
        Reply list = server.get("/users?organisation=" + AccessWorld.OWN, Map.of("Cookie", foreign.cookie(),
                "Accept", "text/html"));
        assertThat(list.status()).isEqualTo(403);
        Reply own = server.get("/users", Map.of("Cookie", foreign.cookie(), "Accept", "text/html"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("admin-partner").doesNotContain("olena");
        Reply added = form("/users", foreign.cookie(), Map.of("_csrf", foreign.csrf(), "userName", "piotr",
                "password", "a long enough passphrase", "roles", "VIEWER"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(server.app().access().user("piotr").organisation()).isEqualTo(AccessWorld.PARTNER);
        assertThat(server.app().access().user("olena").disabled()).isFalse();
    }

    @Test
    void oneMessageForEveryLoginFailureAndThrottlingAfterRepeatedFailures() {
        server.addUser("olena", AccessWorld.OWN, Role.REQUESTER);
        Reply unknown = server.post("/api/v1/login", "{\"userName\":\"nobody\",\"password\":\"whatever it is\"}");
        Reply wrong = server.post("/api/v1/login", "{\"userName\":\"olena\",\"password\":\"not the password\"}");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.json().get("detail")).isEqualTo(wrong.json().get("detail"));
        int status = 0;
        for (int i = 0; i < 30 && status != 429; i++) {
            status = server.post("/api/v1/login", "{\"userName\":\"olena\",\"password\":\"guess " + i + "\"}").status();
        }
        assertThat(status).isEqualTo(429);
        // Throttled even with the right password: the account is blocked for a while.
        Reply right = server.post("/api/v1/login", "{\"userName\":\"olena\",\"password\":\"" + TestServer.PASSWORD + "\"}");
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.header("Retry-After")).isNotNull();
    }

    @Test
    void aSecondFactorIsRequiredForApproversOverHttp() {
        var approver = server.addUser("anna", AccessWorld.OWN, Role.APPROVER);
        Reply noCode = server.post("/api/v1/login", "{\"userName\":\"anna\",\"password\":\"" + TestServer.PASSWORD + "\"}");
        assertThat(noCode.status()).isEqualTo(401);
        assertThat(server.signIn(approver).cookie()).isNotBlank();
    }

    @Test
    void everyNonGetFormAndScriptWithASessionNeedsTheCsrfToken() {
        SignedIn s = server.signIn("coord", AccessWorld.PLATFORM, Role.COORDINATOR);
        Reply noToken = form("/plans", s.cookie(), Map.of());
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.header("Content-Type")).startsWith("application/problem+json");
        Reply wrongToken = form("/plans", s.cookie(), Map.of("_csrf", "A".repeat(43)));
        assertThat(wrongToken.status()).isEqualTo(403);
        Reply json = server.post("/api/v1/plans", "{}", Map.of("Cookie", s.cookie()));
        assertThat(json.status()).isEqualTo(403);
        assertThat(server.app().planning().list(null, 10).items()).isEmpty();
        Reply ok = form("/plans", s.cookie(), Map.of("_csrf", s.csrf()));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(server.app().planning().list(null, 10).items()).hasSize(1);
        // An API token is not a cookie: a machine client needs no CSRF token.
        String token = server.apiToken(AccessWorld.OWN, Role.REQUESTER);
        Reply filed = server.post("/api/v1/needs", needBody(AccessWorld.OWN), Map.of("Authorization", "Bearer " + token));
        assertThat(filed.status()).isEqualTo(201);
    }

    @Test
    void anIdempotencyKeyIsNeverReplayedToAnotherAccount() {
        SignedIn a = server.signIn("olena", AccessWorld.OWN, Role.REQUESTER);
        SignedIn b = server.signIn("oksana", AccessWorld.OWN, Role.REQUESTER);
        Map<String, String> ha = new HashMap<>(a.headers());
        ha.put("Idempotency-Key", "same-key-1");
        Map<String, String> hb = new HashMap<>(b.headers());
        hb.put("Idempotency-Key", "same-key-1");
        Reply first = server.post("/api/v1/needs", needBody(AccessWorld.OWN), ha);
        assertThat(first.status()).isEqualTo(201);
        Reply other = server.post("/api/v1/needs", needBody(AccessWorld.OWN), hb);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Idempotency-Replayed")).isNull();
        assertThat(other.body()).doesNotContain(first.json().get("id").asText());
        Reply replay = server.post("/api/v1/needs", needBody(AccessWorld.OWN), ha);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
    }

    @Test
    void theLoginFormRefusesAPostWithoutItsOwnCsrfCookie() {
        server.addUser("olena", AccessWorld.OWN, Role.REQUESTER);
        Reply r = form("/login", null, Map.of("userName", "olena", "password", TestServer.PASSWORD, "_csrf", "x"));
        assertThat(r.status()).isEqualTo(403);
        Reply page = server.get("/login", Map.of("Accept", "text/html"));
        String cookie = page.header("Set-Cookie").split(";", 2)[0];
        String csrf = cookie.substring(cookie.indexOf('=') + 1);
        Reply in = form("/login", cookie, Map.of("userName", "olena", "password", TestServer.PASSWORD, "_csrf", csrf,
                "next", "/needs"));
        assertThat(in.status()).isEqualTo(303);
        assertThat(in.header("Location")).isEqualTo("/needs");
        Reply offsite = form("/login", cookie, Map.of("userName", "olena", "password", TestServer.PASSWORD,
                "_csrf", csrf, "next", "//evil.example/"));
        assertThat(offsite.header("Location")).isEqualTo("/");
    }

    @Test
    void aSignedInCallerWithoutTheRoleGets403AndTheDenialIsInTheSecurityLog() {
        SignedIn viewer = server.signIn("vera", AccessWorld.OWN, Role.VIEWER);
        Reply r = server.post("/api/v1/needs", needBody(AccessWorld.OWN), viewer.headers());
        assertThat(r.status()).isEqualTo(403);
        long denials = server.app().db().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM security_events WHERE kind = 'ACCESS_DENIED' AND actor = 'vera'")
                .mapTo(Long.class).one());
        assertThat(denials).isEqualTo(1);
    }

    @Test
    void aRevokedOrExpiredApiTokenIs401() {
        String token = server.apiToken(AccessWorld.OWN, Role.VIEWER);
        assertThat(server.get("/api/v1/feed", Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(200);
        long id = server.app().db().read(h -> h.createQuery("SELECT MAX(token_key) FROM api_tokens")
                .mapTo(Long.class).one());
        server.app().access().revokeApiToken(id, new org.quartermaster.access.model.Principal("op",
                AccessWorld.PLATFORM, Set.of(), Set.of(Role.ADMIN)));
        assertThat(server.get("/api/v1/feed", Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(401);
    }

    @Test
    void lowingAReleasabilityNeedsASecondPersonsApproval() {
        Need need = world.needs().stream().filter(n -> n.requester().equals(AccessWorld.OWN)
                && n.releasableTo().equals(Set.of(AccessWorld.GROUP))).findFirst().orElseThrow();
        SignedIn coordinator = server.signIn(server.addUser("cora", AccessWorld.OWN, Role.COORDINATOR, Role.APPROVER));
        SignedIn approver = server.signIn(server.addUser("abel", AccessWorld.OWN, Role.APPROVER));
        String lower = "{\"releasableTo\":[],\"version\":%d%s}";
        Reply refused = server.send("PUT", "/api/v1/needs/" + need.publicId() + "/releasability",
                lower.formatted(need.version(), ""), coordinator.headers());
        assertThat(refused.status()).isEqualTo(409);
        String summary = FourEyesCheck.lowerReleasability(Set.of());
        Reply asked = server.post("/api/v1/approvals", "{\"subjectType\":\"need\",\"subjectId\":\"%s\",\"summary\":\"%s\"}"
                .formatted(need.publicId(), summary), coordinator.headers());
        assertThat(asked.status()).isEqualTo(201);
        String approval = asked.json().get("id").asText();
        Reply self = server.post("/api/v1/approvals/" + approval + "/grant", null, coordinator.headers());
        assertThat(self.status()).isEqualTo(409);
        Reply granted = server.post("/api/v1/approvals/" + approval + "/grant", null, approver.headers());
        assertThat(granted.status()).isEqualTo(200);
        Reply lowered = server.send("PUT", "/api/v1/needs/" + need.publicId() + "/releasability",
                lower.formatted(need.version(), ",\"approval\":\"" + approval + "\""), coordinator.headers());
        assertThat(lowered.status()).as(lowered.body()).isEqualTo(200);
        SignedIn partner = server.signIn("pavel", AccessWorld.PARTNER, Role.VIEWER);
        assertThat(server.get("/api/v1/needs/" + need.publicId(), Map.of("Cookie", partner.cookie())).status())
                .isEqualTo(404);
        assertThat(server.get("/api/v1/history/" + need.publicId(), Map.of("Cookie", partner.cookie())).status())
                .isEqualTo(404);
        // Widening needs no approval.
        Reply widened = server.send("PUT", "/api/v1/needs/" + need.publicId() + "/releasability",
                "{\"releasableTo\":[\"PUBLIC\"],\"version\":%d}".formatted(need.version() + 1), coordinator.headers());
        assertThat(widened.status()).isEqualTo(200);
        // The approval was spent lowering it once: lowering again with it is a 409 problem.
        Reply again = server.send("PUT", "/api/v1/needs/" + need.publicId() + "/releasability",
                lower.formatted(need.version() + 2, ",\"approval\":\"" + approval + "\""), coordinator.headers());
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().get("type").asText()).endsWith("approval-used");
        Reply shown = server.get("/api/v1/approvals/" + approval, Map.of("Cookie", coordinator.cookie()));
        assertThat(shown.json().get("status").asText()).isEqualTo("USED");
        assertThat(shown.json().get("usedBy").asText()).isEqualTo("cora");
    }

    @Test
    void theServerRefusesToStartWhenARouteHasNoPolicy() {
        try (Quartermaster app = new Quartermaster(TestDatabases.sqlite(), JournalKeys.generate(), TestServer.FAST)) {
            RouteTable table = app.routes();
            table.get("/api/v1/undeclared", "test", "a route nobody declared", String.class, ctx -> ctx.result("x"));
            RoutePolicies policies = app.routePolicies();
            assertThatThrownBy(() -> Server.start(app.db(), table, "127.0.0.1", 0, Server.HealthProbe.of(app.db(),
                    () -> 0), new org.quartermaster.access.web.AccessGate(app.access(), policies)))
                    .isInstanceOf(RoutePolicies.Undeclared.class).hasMessageContaining("/api/v1/undeclared");
        }
    }

    String needBody(String org) {
        return """
                {"requester":"%s","item":"%s","quantity":5,"priority":"P2","dueDate":"2027-06-01",
                 "destination":"%s","releasableTo":[]}""".formatted(org, AccessWorld.ITEM, AccessWorld.DEPOT);
    }

    Reply form(String path, String cookie, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) headers.put("Cookie", cookie);
        return server.send("POST", path, body.toString(), headers);
    }
}
