package org.quartermaster.access.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.quartermaster.access.Access;
import org.quartermaster.access.Authentication;
import org.quartermaster.access.Credentials;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Gate;
import org.quartermaster.shared.AccessDenied;
import org.quartermaster.shared.Actor;

/**
 * The server's gate: resolves the session cookie or {@code Authorization: Bearer} API token of
 * every request to an {@link Actor}, checks the CSRF token of every state-changing request made
 * with a session cookie, and checks the route's {@link RoutePolicy} before any handler runs.
 * Credentials that were presented but are malformed, forged, revoked or expired are a 401, never
 * a fall-back to anonymous; a signed-in caller refused by a route's policy is a 403, written to
 * the security log. Anonymous people asking for a page are sent to the login page instead.
 */
public final class AccessGate implements Gate {
    /** The hidden form field that carries a session's CSRF token. */
    public static final String CSRF_FIELD = "_csrf";
    /** The header that carries it for scripts (htmx, fetch) using the session cookie. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Access access;
    private final RoutePolicies policies;

    public AccessGate(Access access, RoutePolicies policies) {
        this.access = access;
        this.policies = policies;
    }

    @Override
    public void requireAll(List<Endpoint> endpoints) {
        policies.requireAll(endpoints.stream().map(e -> new RoutePolicies.RouteKey(e.method(), e.path())).toList());
    }

    @Override
    public void before(Context ctx, Endpoint endpoint) {
        Actors.set(ctx, Actors.ANONYMOUS);
        if (endpoint != null && isAsset(endpoint)) return;
        boolean https = "https".equalsIgnoreCase(ctx.scheme());
        Authentication who = access.authenticate(ctx.header("Authorization"), ctx.header("Cookie"), !https);
        switch (who) {
            case Authentication.Anonymous a -> { }
            case Authentication.Rejected r -> {
                rejected(ctx, r, https);
                return;
            }
            case Authentication.Authenticated a -> {
                Actors.set(ctx, actorOf(a.principal()));
                if (a.session() != null) session(ctx, endpoint, a.principal(), https);
            }
        }
        if (endpoint == null) return;
        RoutePolicy policy = policies.policyOf(endpoint.method(), endpoint.path())
                .orElseThrow(() -> new IllegalStateException("no access policy for " + endpoint));
        Principal principal = who.principal();
        if (policy.admits(principal, access.policy())) return;
        if (principal.roles().isEmpty()) {
            if (isPage(ctx, endpoint)) {
                ctx.redirect(AccessPages.loginHref(ctx), io.javalin.http.HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new AccessDenied("sign in to " + endpoint, true);
        }
        throw access.deny(principal, endpoint.toString(), "route policy " + policy);
    }

    /**
     * Presented credentials that do not hold: a 401, and the cookie is cleared so that the
     * browser stops sending it. A browser asking for a page gets the 401 as the login form
     * ("your session has ended"), which returns to the page after signing in.
     */
    private void rejected(Context ctx, Authentication.Rejected r, boolean https) {
        if (ctx.header("Authorization") == null) ctx.header("Set-Cookie", AccessPages.clearedCookie(https));
        if (isPage(ctx, null)) {
            AccessPages.sessionEnded(ctx);
            ctx.skipRemainingHandlers();
            return;
        }
        throw new AccessDenied("credentials not accepted: " + r.reason(), true);
    }

    /** A session: its CSRF token for the templates, and checked on every state-changing request. */
    private void session(Context ctx, Endpoint endpoint, Principal principal, boolean https) {
        String token = AccessPages.sessionToken(ctx, https);
        if (token == null) return;
        String csrf = access.csrfToken(token);
        Actors.setCsrf(ctx, csrf);
        if (SAFE_METHODS.contains(ctx.method().name())) return;
        if (endpoint != null && AccessPages.PRE_SESSION.contains(endpoint.toString())) return;
        String presented = ctx.header(CSRF_HEADER);
        if (presented == null && isForm(ctx)) presented = ctx.formParam(CSRF_FIELD);
        if (!access.checkCsrf(token, presented)) {
            throw access.deny(principal, ctx.method() + " " + ctx.path(), "missing or wrong CSRF token");
        }
    }

    /** The actor of a principal: its user, organisation, the organisation's groups and its roles. */
    public static Actor actorOf(Principal p) {
        if (p.roles().isEmpty() && Principal.NO_ORGANISATION.equals(p.organisation())) return Actors.ANONYMOUS;
        return new Actor(p.user(), p.organisation(), p.groups(),
                p.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toSet()));
    }

    private static boolean isAsset(Endpoint e) {
        return e.path().startsWith("/static/") || e.path().startsWith("/webjars/");
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.header("Content-Type");
        return type != null && (type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"));
    }

    /** A page request from a browser: outside {@code /api}, a GET that accepts HTML. */
    static boolean isPage(Context ctx, Endpoint endpoint) {
        String accept = ctx.header("Accept");
        return "GET".equals(ctx.method().name()) && !ctx.path().startsWith("/api")
                && accept != null && accept.contains("text/html");
    }
}
