package org.quartermaster.access.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quartermaster.access.Access;
import org.quartermaster.access.LoginResult;
import org.quartermaster.access.SecurityEvent;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;
import org.quartermaster.shared.AccessDenied;
import org.quartermaster.shared.NotFound;

/**
 * OpenID Connect login, for deployments with an identity provider: the authorization-code flow
 * with PKCE (S256). The browser is sent to the provider with a random state (also kept in a
 * cookie of this browser, so that nobody can complete a login started elsewhere), a nonce and a
 * code challenge; the callback exchanges the code with the verifier and accepts the ID token
 * only when its signature verifies against the provider's JWKS and its issuer, audience,
 * expiry and nonce are right. The configured claim names an existing local account, which
 * keeps its organisation and roles; the provider never creates accounts. An account whose roles
 * need a second factor gets a session only when the ID token proves one ({@code amr} or
 * {@code acr}, as {@link OidcSettings} accepts) or after its local one-time code
 * ({@code POST /login/oidc/second-factor}).
 */
public final class OidcLogin {
    static final String STATE_COOKIE = "qm-oidc-state";
    /** Holds the ticket of a sign-in waiting for the local one-time code; this browser only (SameSite=Strict). */
    static final String SECOND_FACTOR_COOKIE = "qm-oidc-second-factor";
    static final String SECOND_FACTOR_PATH = "/login/oidc/second-factor";
    static final Duration PENDING_TTL = Duration.ofMinutes(10);
    static final int PENDING_MAX = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(String nonce, String verifier, String next, Instant expiresAt) {}

    /** The one-time code form of a sign-in waiting for its second factor. */
    public record SecondFactorView(String next, String csrf, String error) {}

    private final Access access;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile OidcSettings settings;
    private volatile JWKSource<SecurityContext> keys;

    public OidcLogin(Access access) {
        this.access = access;
    }

    /** Turns OpenID Connect on with {@code s} (null turns it off). */
    public void configure(OidcSettings s) {
        try {
            this.keys = s == null ? null : JWKSourceBuilder.create(s.jwksUri().toURL()).retrying(true).build();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("jwksUri: " + e.getMessage(), e);
        }
        this.settings = s;
    }

    public boolean enabled() {
        return settings != null;
    }

    public void routes(RouteTable t) {
        t.page(HandlerType.GET, "/login/oidc", "Sign in with the identity provider (OpenID Connect)", this::start);
        t.page(HandlerType.GET, "/login/oidc/callback", "Where the identity provider returns after sign-in",
                this::callback);
        t.page(HandlerType.POST, SECOND_FACTOR_PATH, "The local one-time code that completes a sign-in by the"
                + " identity provider when the provider proved no second factor (form post)", this::secondFactor);
    }

    private OidcSettings settings() {
        OidcSettings s = settings;
        if (s == null) throw new NotFound("page", "/login/oidc (no identity provider is configured)");
        return s;
    }

    private void start(Context ctx) {
        OidcSettings s = settings();
        prune();
        if (pending.size() >= PENDING_MAX) throw new io.javalin.http.HttpResponseException(503, "too many sign-ins");
        String state = random(32);
        String nonce = random(32);
        String verifier = random(32);
        pending.put(state, new Pending(nonce, verifier, AccessPages.safeNext(ctx.queryParam("next")),
                Instant.now().plus(PENDING_TTL)));
        ctx.header("Set-Cookie", STATE_COOKIE + "=" + state + "; Path=/login/oidc; Max-Age=" + PENDING_TTL.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (AccessPages.https(ctx) ? "; Secure" : ""));
        String query = "response_type=code&scope=" + enc("openid profile email") + "&client_id=" + enc(s.clientId())
                + "&redirect_uri=" + enc(s.redirectUri().toString()) + "&state=" + state + "&nonce=" + nonce
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
        String endpoint = s.authorizationEndpoint().toString();
        ctx.redirect(endpoint + (endpoint.contains("?") ? "&" : "?") + query, HttpStatus.SEE_OTHER);
    }

    private void callback(Context ctx) {
        OidcSettings s = settings();
        String state = ctx.queryParam("state");
        String cookie = ctx.cookie(STATE_COOKIE);
        if (state == null || cookie == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                cookie.getBytes(StandardCharsets.UTF_8))) {
            throw refuse(ctx, "-", "state missing or not this browser's");
        }
        Pending p = pending.remove(state);
        if (p == null || Instant.now().isAfter(p.expiresAt())) throw refuse(ctx, "-", "unknown or expired state");
        if (ctx.queryParam("error") != null) throw refuse(ctx, "-", "provider answered " + ctx.queryParam("error"));
        String code = ctx.queryParam("code");
        if (code == null || code.isBlank() || code.length() > 2_000) throw refuse(ctx, "-", "no authorization code");
        JWTClaimsSet claims = verify(ctx, s, exchange(ctx, s, code, p.verifier()), p.nonce());
        Object named = claims.getClaim(s.userClaim());
        if (!(named instanceof String userName) || userName.isBlank()) {
            throw refuse(ctx, claims.getSubject(), "the ID token has no " + s.userClaim());
        }
        LoginResult result = access.federatedLogin(userName, provesSecondFactor(s, claims), ctx.ip(),
                AccessPages.sessionToken(ctx, AccessPages.https(ctx)));
        switch (result) {
            case LoginResult.LoggedIn in -> {
                ctx.header("Set-Cookie", AccessPages.sessionCookie(in.token(), access, AccessPages.https(ctx)));
                // A page rather than a redirect: the browser arrived from the provider's site, and a
                // SameSite=Strict cookie is sent only on a navigation that starts here.
                String next = AccessPages.safeNext(p.next());
                ctx.html("<!doctype html><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url="
                        + next.replace("&", "&amp;").replace("\"", "&quot;") + "\"><title>Signed in</title>"
                        + "<a href=\"" + next.replace("&", "&amp;").replace("\"", "&quot;") + "\">Continue</a>");
            }
            case LoginResult.SecondFactorNeeded waiting -> {
                // No session yet: the ticket goes to this browser only; the form posts it back with the code.
                long maxAge = Math.max(1, Duration.between(Instant.now(), waiting.expiresAt()).toSeconds());
                ctx.header("Set-Cookie", SECOND_FACTOR_COOKIE + "=" + waiting.ticket() + "; Path=" + SECOND_FACTOR_PATH
                        + "; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict" + (AccessPages.https(ctx) ? "; Secure" : ""));
                Templates.page(ctx, "access/second-factor.jte", new SecondFactorView(AccessPages.safeNext(p.next()),
                        access.csrfToken(waiting.ticket()), null));
            }
            case LoginResult.Failed f -> throw new AccessDenied(f.message(), true);
            case LoginResult.Throttled th -> throw new io.javalin.http.HttpResponseException(429,
                    "too many failed logins; try again after " + th.retryAt());
        }
    }

    /**
     * Whether the ID token proves a second factor: an {@code amr} value or the {@code acr} the
     * settings accept. A claim of the wrong shape proves nothing.
     */
    static boolean provesSecondFactor(OidcSettings s, JWTClaimsSet claims) {
        java.util.List<String> amr;
        String acr;
        try {
            amr = claims.getStringListClaim("amr");
        } catch (java.text.ParseException e) {
            amr = null;
        }
        try {
            acr = claims.getStringClaim("acr");
        } catch (java.text.ParseException e) {
            acr = null;
        }
        return s.provesSecondFactor(amr, acr);
    }

    /**
     * The one-time code of a waiting sign-in. The ticket comes from this browser's SameSite=Strict
     * cookie, never from the form, so another site cannot make a browser complete a sign-in of its
     * own choosing (login CSRF); the form's {@code _csrf} field must match the ticket as well.
     */
    private void secondFactor(Context ctx) {
        settings();
        boolean https = AccessPages.https(ctx);
        String ticket = ctx.cookie(SECOND_FACTOR_COOKIE);
        String next = AccessPages.safeNext(ctx.formParam("next"));
        if (ticket == null || !access.checkCsrf(ticket, ctx.formParam(AccessGate.CSRF_FIELD))) {
            throw refuse(ctx, "-", "second factor posted without this browser's waiting sign-in");
        }
        String code = ctx.formParam("oneTimeCode");
        LoginResult result = access.completeSecondFactor(ticket, code == null ? null : code.strip(), ctx.ip(),
                AccessPages.sessionToken(ctx, https));
        switch (result) {
            case LoginResult.LoggedIn in -> {
                ctx.res().addHeader("Set-Cookie", AccessPages.sessionCookie(in.token(), access, https));
                ctx.res().addHeader("Set-Cookie", SECOND_FACTOR_COOKIE + "=; Path=" + SECOND_FACTOR_PATH
                        + "; Max-Age=0; HttpOnly; SameSite=Strict" + (https ? "; Secure" : ""));
                ctx.redirect(next, HttpStatus.SEE_OTHER);
            }
            case LoginResult.Failed f -> {
                Templates.page(ctx, "access/second-factor.jte", new SecondFactorView(next, access.csrfToken(ticket),
                        "login.secondFactor.failed"));
                ctx.status(401);
            }
            case LoginResult.Throttled th -> throw new io.javalin.http.HttpResponseException(429,
                    "too many failed logins; try again after " + th.retryAt());
            case LoginResult.SecondFactorNeeded again -> throw new IllegalStateException(
                    "completing a second factor never asks for another");
        }
    }

    /** Exchanges the code (and the PKCE verifier) for tokens; returns the ID token. */
    private String exchange(Context ctx, OidcSettings s, String code, String verifier) {
        String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri="
                + enc(s.redirectUri().toString()) + "&client_id=" + enc(s.clientId()) + "&code_verifier=" + verifier;
        HttpRequest.Builder b = HttpRequest.newBuilder(s.tokenEndpoint()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (s.clientSecret() != null && !s.clientSecret().isBlank()) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((enc(s.clientId()) + ":"
                    + enc(s.clientSecret())).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw refuse(ctx, "-", "token endpoint answered " + r.statusCode());
            Object idToken = com.nimbusds.jose.util.JSONObjectUtils.parse(r.body()).get("id_token");
            if (!(idToken instanceof String t)) throw refuse(ctx, "-", "the token response has no id_token");
            return t;
        } catch (java.io.IOException e) {
            throw new io.javalin.http.HttpResponseException(502, "the identity provider cannot be reached");
        } catch (java.text.ParseException e) {
            throw refuse(ctx, "-", "the token response is not JSON");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.javalin.http.HttpResponseException(503, "interrupted");
        }
    }

    /** The ID token's claims, if its signature, issuer, audience, expiry and nonce hold. */
    private JWTClaimsSet verify(Context ctx, OidcSettings s, String idToken, String nonce) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
                JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(s.clientId(),
                new JWTClaimsSet.Builder().issuer(s.issuer()).claim("nonce", nonce).build(),
                Set.of("sub", "iat", "exp", "nonce")));
        try {
            return processor.process(idToken, null);
        } catch (java.text.ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException
                 | RuntimeException e) {
            throw refuse(ctx, "-", "ID token refused: " + e.getMessage());
        }
    }

    private AccessDenied refuse(Context ctx, String who, String why) {
        access.securityLog().record(new SecurityEvent(Instant.now(), SecurityEvent.Kind.LOGIN_FAILED,
                who == null ? "-" : who, "-", ctx.ip(), "OpenID Connect: " + why));
        return new AccessDenied("the sign-in with the identity provider was not accepted", true);
    }

    private void prune() {
        Instant now = Instant.now();
        pending.entrySet().removeIf(e -> now.isAfter(e.getValue().expiresAt()));
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static URI uri(String s) {
        return URI.create(s);
    }
}
