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
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
