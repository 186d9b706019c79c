package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.access.model.Base32;
import org.quartermaster.access.model.Totp;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.web.OidcSettings;
import org.quartermaster.testing.AccessWorld;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;

/**
 * OpenID Connect login against a fake identity provider on 127.0.0.1 (discovery, JWKS,
 * authorize, token): the authorization-code flow with PKCE signs a local account in, and an ID
 * token with a foreign signature, another issuer or audience, an expired or reused one, a wrong
 * nonce, no signature, a state from another browser, or a name no local account has is a 401.
 * An account whose roles need a second factor gets a session only when the ID token proves one
 * ({@code amr}/{@code acr} as configured) or after its local one-time code.
 */
class OidcLoginTest {
    static final String CLIENT = "qm-client";
    TestServer server;
    HttpServer idp;
    String issuer;
    RSAKey key;
    RSAKey otherKey;
    /** How the next ID token is minted: the test changes the claims or the signing key. */
    UnaryOperator<JWTClaimsSet.Builder> claims = b -> b;
    RSAKey signWith;
    boolean unsigned;
    final Map<String, String> authorizeParams = new HashMap<>();
    volatile boolean verifierMatched;

    @BeforeEach
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        signWith = key;
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + idp.getAddress().getPort();
        idp.createContext("/.well-known/openid-configuration", x -> send(x, 200, """
                {"issuer":"%s","authorization_endpoint":"%s/authorize","token_endpoint":"%s/token","jwks_uri":"%s/jwks"}"""
                .formatted(issuer, issuer, issuer, issuer)));
        idp.createContext("/jwks", x -> send(x, 200, new JWKSet(key.toPublicJWK()).toString()));
        idp.createContext("/authorize", this::authorize);
        idp.createContext("/token", this::token);
        idp.start();
        server = TestServer.secured(TestDatabases.sqlite());
        AccessWorld.load(server.app());
        server.addUser("olena", AccessWorld.OWN, Role.REQUESTER);
        server.app().useOidc(OidcSettings.discover(issuer, CLIENT, null,
                URI.create(server.base() + "/login/oidc/callback"), "preferred_username"));
    }

    @AfterEach
    void stop() {
        server.close();
        idp.stop(0);
    }

    private void authorize(HttpExchange x) throws IOException {
        authorizeParams.clear();
        authorizeParams.putAll(query(x.getRequestURI().getRawQuery()));
        x.getResponseHeaders().add("Location", authorizeParams.get("redirect_uri") + "?code=the-code&state="
                + authorizeParams.get("state"));
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String challenge = challenge(form.getOrDefault("code_verifier", ""));
        verifierMatched = challenge.equals(authorizeParams.get("code_challenge"));
        if (!"the-code".equals(form.get("code")) || !verifierMatched || !CLIENT.equals(form.get("client_id"))) {
            send(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        long now = System.currentTimeMillis();
        JWTClaimsSet set = claims.apply(new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT).subject("sub-1")
                .issueTime(new Date(now)).expirationTime(new Date(now + 300_000))
                .claim("nonce", authorizeParams.get("nonce")).claim("preferred_username", "olena")).build();
        String jwt;
        try {
            if (unsigned) {
                jwt = new PlainJWT(set).serialize();
            } else {
                SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), set);
                signed.sign(new RSASSASigner(signWith));
                jwt = signed.serialize();
            }
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IOException(e);
        }
        send(x, 200, "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"id_token\":\"" + jwt + "\"}");
    }

    /** The whole flow as a browser runs it; returns the callback's reply. */
    private Reply signIn(boolean keepState) throws Exception {
        Reply start = server.get("/login/oidc?next=/needs", Map.of("Accept", "text/html"));
        assertThat(start.status()).isEqualTo(303);
        String stateCookie = start.header("Set-Cookie").split(";", 2)[0];
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> atIdp = browser.send(HttpRequest.newBuilder(URI.create(start.header("Location"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(authorizeParams).containsEntry("code_challenge_method", "S256").containsEntry("client_id", CLIENT)
                .containsKeys("state", "nonce", "code_challenge");
        URI callback = URI.create(atIdp.headers().firstValue("Location").orElseThrow());
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "text/html"));
        if (keepState) headers.put("Cookie", stateCookie);
        return server.get(callback.getRawPath() + "?" + callback.getRawQuery(), headers);
    }

    private void assertRefused(Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.header("Set-Cookie") == null || !r.header("Set-Cookie").startsWith("qm-session=")).isTrue();
    }

    @Test
    void aValidIdTokenSignsTheLocalAccountInWithItsOrganisationAndRoles() throws Exception {
        Reply r = signIn(true);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(verifierMatched).as("the token request carried the PKCE verifier of the challenge").isTrue();
        assertThat(r.body()).contains("url=/needs");
        String cookie = r.header("Set-Cookie").split(";", 2)[0];
        var me = server.get("/api/v1/me", Map.of("Cookie", cookie)).json();
        assertThat(me.get("user").asText()).isEqualTo("olena");
        assertThat(me.get("organisation").asText()).isEqualTo(AccessWorld.OWN);
        assertThat(me.get("roles").toString()).contains("REQUESTER");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        signWith = otherKey;
        assertRefused(signIn(true));
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        unsigned = true;
        assertRefused(signIn(true));
    }

    @Test
    void anotherIssuerIsRefused() throws Exception {
        claims = b -> b.issuer("http://evil.example");
        assertRefused(signIn(true));
    }

    @Test
    void anotherAudienceIsRefused() throws Exception {
        claims = b -> b.audience("someone-else");
        assertRefused(signIn(true));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        claims = b -> b.expirationTime(new Date(System.currentTimeMillis() - 600_000));
        assertRefused(signIn(true));
    }

    @Test
    void aWrongNonceIsRefused() throws Exception {
        claims = b -> b.claim("nonce", "not-the-nonce");
        assertRefused(signIn(true));
    }

    @Test
    void aNameWithoutALocalAccountIsRefused() throws Exception {
        claims = b -> b.claim("preferred_username", "stranger");
        assertRefused(signIn(true));
    }

    @Test
    void aCallbackWithoutThisBrowsersStateIsRefused() throws Exception {
        assertRefused(signIn(false));
    }

    @Test
    void aCallbackCannotBeReplayed() throws Exception {
        Reply first = signIn(true);
        assertThat(first.status()).isEqualTo(200);
        Reply start = server.get("/login/oidc", Map.of("Accept", "text/html"));
        String cookie = start.header("Set-Cookie").split(";", 2)[0];
        String usedState = authorizeParams.get("state");
        Reply replay = server.get("/login/oidc/callback?code=the-code&state=" + usedState,
                Map.of("Cookie", "qm-oidc-state=" + usedState, "Accept", "text/html"));
        assertRefused(replay);
        assertThat(cookie).startsWith("qm-oidc-state=");
    }

    // ---- the second factor of APPROVER, FUND_OFFICER and ADMIN ----------------------------------

    /** The callback's one-time code form: its ticket cookie and its CSRF field. */
    private record Waiting(String ticketCookie, String csrf) {}

    private Waiting waitingForCode(Reply callback) {
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        assertThat(callback.body()).contains("action=\"/login/oidc/second-factor\"", "name=\"oneTimeCode\"");
        List<String> cookies = callback.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie")).flatMap(e -> e.getValue().stream()).toList();
        assertThat(cookies).as("no session before the second factor").noneMatch(c -> c.startsWith("qm-session="));
        String ticket = cookies.stream().filter(c -> c.startsWith("qm-oidc-second-factor=")).findFirst().orElseThrow();
        assertThat(ticket).contains("HttpOnly", "SameSite=Strict", "Path=/login/oidc/second-factor");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(callback.body());
        assertThat(csrf.find()).isTrue();
        return new Waiting(ticket.split(";", 2)[0], csrf.group(1));
    }

    private Reply postCode(Waiting w, String code) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Accept", "text/html"));
        if (w.ticketCookie() != null) headers.put("Cookie", w.ticketCookie());
        return server.send("POST", "/login/oidc/second-factor", "_csrf=" + w.csrf() + "&next=%2Fneeds&oneTimeCode="
                + code, headers);
    }

    private String sessionCookieOf(Reply r) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith("qm-session=")).findFirst()
                .map(c -> c.split(";", 2)[0]).orElse(null);
    }

    private static String code(AddedUser u) {
        return Totp.code(Base32.decode(u.totpSecret()), Instant.now());
    }

    private AddedUser signingIn(String name, Role role) {
        AddedUser u = server.addUser(name, AccessWorld.OWN, role);
        claims = b -> b.claim("preferred_username", name);
        return u;
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"APPROVER", "FUND_OFFICER", "ADMIN"})
    void aSecondFactorRoleWithoutProofOfOneSignsInOnlyAfterTheLocalOneTimeCode(Role role) throws Exception {
        AddedUser u = signingIn("holder-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), role);
        Waiting w = waitingForCode(signIn(true));
        // the ticket is not a session
        assertThat(server.get("/api/v1/me", Map.of("Cookie", w.ticketCookie())).json().get("signedIn").asBoolean())
                .isFalse();
        Reply done = postCode(w, code(u));
        assertThat(done.status()).as(done.body()).isEqualTo(303);
        assertThat(done.header("Location")).isEqualTo("/needs");
        String session = sessionCookieOf(done);
        assertThat(session).isNotNull();
        var me = server.get("/api/v1/me", Map.of("Cookie", session)).json();
        assertThat(me.get("user").asText()).isEqualTo(u.account().userName());
        assertThat(me.get("roles").toString()).contains(role.name());
        // the ticket was spent: posting it again (even with a fresh code) signs nobody in
        Reply again = postCode(w, code(u));
        assertThat(again.status()).isEqualTo(401);
        assertThat(sessionCookieOf(again)).isNull();
    }

    @Test
    void aWrongCodeGetsNoSessionAndThreeWrongCodesEndTheWaitingSignIn() throws Exception {
        AddedUser u = signingIn("abel", Role.APPROVER);
        Waiting w = waitingForCode(signIn(true));
        String wrong = code(u).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 3; i++) {
            Reply r = postCode(w, wrong);
            assertThat(r.status()).isEqualTo(401);
            assertThat(sessionCookieOf(r)).isNull();
            assertThat(r.body()).contains("action=\"/login/oidc/second-factor\"");
        }
        Reply late = postCode(w, code(u));
        assertThat(late.status()).isEqualTo(401);
        assertThat(sessionCookieOf(late)).isNull();
    }

    @Test
    void theCodeFormWithoutThisBrowsersTicketIsRefused() throws Exception {
        AddedUser u = signingIn("abel", Role.APPROVER);
        Waiting w = waitingForCode(signIn(true));
        // another site can make a browser post the form, but the browser does not send the Strict cookie
        Reply noCookie = postCode(new Waiting(null, w.csrf()), code(u));
        assertThat(noCookie.status()).isEqualTo(401);
        assertThat(sessionCookieOf(noCookie)).isNull();
        // the ticket cookie with another form token
        Reply wrongToken = postCode(new Waiting(w.ticketCookie(), "not-the-token"), code(u));
        assertThat(wrongToken.status()).isEqualTo(401);
        // a ticket nobody issued
        Reply forged = postCode(new Waiting("qm-oidc-second-factor=AAAAAAAAAAAAAAAAAAAAAA",
                server.app().access().csrfToken("AAAAAAAAAAAAAAAAAAAAAA")), code(u));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(sessionCookieOf(forged)).isNull();
        // the real one still works
        assertThat(postCode(w, code(u)).status()).isEqualTo(303);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mfa", "otp", "hwk"})
    void anIdTokenWhoseAmrProvesASecondFactorSignsTheApproverInDirectly(String method) throws Exception {
        server.addUser("abel", AccessWorld.OWN, Role.APPROVER);
        claims = b -> b.claim("preferred_username", "abel").claim("amr", List.of("pwd", method));
        Reply r = signIn(true);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String session = sessionCookieOf(r);
        assertThat(session).isNotNull();
        assertThat(server.get("/api/v1/me", Map.of("Cookie", session)).json().get("roles").toString())
                .contains("APPROVER");
    }

    @Test
    void aPasswordAloneOrAnAmrOfTheWrongShapeIsNotASecondFactor() throws Exception {
        AddedUser u = signingIn("abel", Role.APPROVER);
        claims = b -> b.claim("preferred_username", "abel").claim("amr", List.of("pwd"));
        waitingForCode(signIn(true));
        claims = b -> b.claim("preferred_username", "abel").claim("amr", "mfa");  // a string, not an array
        waitingForCode(signIn(true));
        assertThat(u.totpSecret()).isNotNull();
    }

    @Test
    void theAcceptedAmrAndAcrValuesAreConfigured() throws Exception {
        server.addUser("abel", AccessWorld.OWN, Role.APPROVER);
        OidcSettings base = OidcSettings.discover(issuer, CLIENT, null, URI.create(server.base()
                + "/login/oidc/callback"), "preferred_username");
        assertThat(base.mfaAmr()).isEqualTo(OidcSettings.MFA_AMR_DEFAULT);
        assertThat(base.mfaAcr()).isEmpty();
        // the provider's own level names, and no amr value at all
        server.app().useOidc(base.withSecondFactorClaims(Set.of(), Set.of("urn:example:loa:mfa")));
        claims = b -> b.claim("preferred_username", "abel").claim("acr", "urn:example:loa:mfa");
        assertThat(sessionCookieOf(signIn(true))).isNotNull();
        claims = b -> b.claim("preferred_username", "abel").claim("acr", "urn:example:loa:pwd")
                .claim("amr", List.of("mfa"));
        waitingForCode(signIn(true));
    }

    @Test
    void withoutAProviderTheRoutesAre404() {
        server.app().useOidc(null);
        assertThat(server.get("/login/oidc").status()).isEqualTo(404);
        assertThat(server.get("/login/oidc/callback?code=x&state=y").status()).isEqualTo(404);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
