package org.quartermaster.access.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.quartermaster.access.Access;
import org.quartermaster.access.AddUser;
import org.quartermaster.access.AddedUser;
import org.quartermaster.access.Credentials;
import org.quartermaster.access.IssueApiToken;
import org.quartermaster.access.IssuedApiToken;
import org.quartermaster.access.Login;
import org.quartermaster.access.LoginResult;
import org.quartermaster.access.Permissions;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.UserAccount;
import org.quartermaster.access.model.Action;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;
import org.quartermaster.shared.AccessDenied;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.InvalidField;

/**
 * Signing in and out (a form and a JSON API), who am I, and the user pages where an
 * organisation's ADMIN lists, adds, disables and resets its own users. The login form is
 * protected against login CSRF by a double-submit cookie; every other form carries the
 * session's CSRF token, which {@link AccessGate} checks.
 */
public final class AccessPages {
    /** Routes used before a session exists: the gate does not ask them for a session's CSRF token. */
    static final Set<String> PRE_SESSION = Set.of("POST /login", "POST /api/v1/login",
            "POST " + OidcLogin.SECOND_FACTOR_PATH);
    static final String LOGIN_CSRF_COOKIE = "qm-login-csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessPages() {}

    public record LoginView(String next, String csrf, String error, boolean ended, boolean oidc) {}

    public record UsersView(String organisation, List<UserAccount> users, List<String> roles, AddedUser added,
                            String message) {}

    public record LoginRequest(String userName, String password, String oneTimeCode) {}

    public record Me(boolean signedIn, String user, String organisation, List<String> groups, List<String> roles,
                     String csrfToken) {}

    public record ApprovalRequest(String subjectType, String subjectId, String summary) {}

    public record TokenRequest(String name, String organisation, List<String> roles, Instant expiresAt) {}

    public record TokenResponse(long id, String token) {}

    public static void routes(RouteTable t, Access access, OidcLogin oidc) {
        oidc.routes(t);
        t.page(HandlerType.GET, "/login", "The login form (user name, password, one-time code)", ctx ->
                loginPage(ctx, null, ctx.queryParam("ended") != null, 200, oidc.enabled()));
        t.page(HandlerType.POST, "/login", "Sign in (form post; redirects to where the user was going)",
                ctx -> loginForm(ctx, access, oidc.enabled()));
        t.page(HandlerType.POST, "/logout", "Sign out (form post): the session ends now", ctx -> {
            access.logout(sessionToken(ctx, https(ctx)), ctx.ip());
            ctx.header("Set-Cookie", clearedCookie(https(ctx)));
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
        });
        t.post("/api/v1/login", "access", "Sign in; the session cookie is set and the CSRF token returned",
                LoginRequest.class, Me.class, 200, ctx -> {
                    LoginRequest r = Http.body(ctx, LoginRequest.class);
                    LoginResult result = access.login(new Login(r.userName(), r.password(), r.oneTimeCode(), ctx.ip(),
                            sessionToken(ctx, https(ctx))));
                    switch (result) {
                        case LoginResult.LoggedIn in -> {
                            ctx.header("Set-Cookie", sessionCookie(in.token(), access, https(ctx)));
                            Http.json(ctx, 200, me(AccessGate.actorOf(in.session().principal()), in.csrfToken()));
                        }
                        case LoginResult.Failed f -> throw new AccessDenied(f.message(), true);
                        case LoginResult.Throttled th -> throttled(ctx, th);
                        case LoginResult.SecondFactorNeeded n -> throw passwordLoginNeverWaits();
                    }
                });
        t.post("/api/v1/logout", "access", "Sign out: the session of the cookie ends now", null, null, 204,
                ctx -> {
                    access.logout(sessionToken(ctx, https(ctx)), ctx.ip());
                    ctx.header("Set-Cookie", clearedCookie(https(ctx)));
                    ctx.status(204);
                });
        t.get("/api/v1/me", "access", "Who am I: user, organisation, groups and roles of the caller", Me.class,
                ctx -> Http.json(ctx, 200, me(Actors.of(ctx), Actors.csrf(ctx))));
        t.post("/api/v1/tokens", "access", "Issue an API token for a machine client (shown once)", TokenRequest.class,
                TokenResponse.class, 201, ctx -> {
                    TokenRequest r = Http.body(ctx, TokenRequest.class);
                    Set<Role> roles = Role.parseList("roles", r.roles() == null ? "" : String.join(",", r.roles()));
                    IssuedApiToken issued = access.issueApiToken(new IssueApiToken(r.name(), r.organisation(), roles,
                            r.expiresAt()), principal(ctx));
                    Http.created(ctx, "/api/v1/tokens/" + issued.id(), new TokenResponse(issued.id(), issued.token()));
                });
        t.post("/api/v1/approvals", "access", "Ask a second person of the organisation to approve a step",
                ApprovalRequest.class, org.quartermaster.access.Approval.class, 201, ctx -> {
                    ApprovalRequest r = Http.body(ctx, ApprovalRequest.class);
                    var a = access.requestApproval(new org.quartermaster.access.RequestApproval(r.subjectType(),
                            r.subjectId(), r.summary()), principal(ctx));
                    Http.created(ctx, "/api/v1/approvals/" + a.id(), a);
                });
        t.get("/api/v1/approvals/{id}", "access", "One approval of the caller's organisation",
                org.quartermaster.access.Approval.class, ctx -> {
                    var a = access.approval(ctx.pathParam("id"));
                    if (!a.organisation().equals(Actors.of(ctx).organisation()) && !Actors.of(ctx).isSystem()) {
                        throw new org.quartermaster.shared.NotFound("approval", ctx.pathParam("id"));
                    }
                    Http.json(ctx, 200, a);
                });
        t.post("/api/v1/approvals/{id}/grant", "access", "Grant an approval (an APPROVER who did not ask for it)",
                null, org.quartermaster.access.Approval.class, 200,
                ctx -> Http.json(ctx, 200, access.grant(ctx.pathParam("id"), principal(ctx))));
        t.post("/api/v1/approvals/{id}/reject", "access", "Reject an approval (an APPROVER who did not ask for it)",
                null, org.quartermaster.access.Approval.class, 200,
                ctx -> Http.json(ctx, 200, access.reject(ctx.pathParam("id"), principal(ctx))));
        t.page(HandlerType.GET, "/users", "An organisation's users (its ADMIN only)", ctx -> usersPage(ctx, access,
                null, null));
        t.page(HandlerType.POST, "/users", "Add a user (form post: user name, roles, password)", ctx -> {
            Principal admin = principal(ctx);
            String org = organisationOf(ctx, admin);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : ctx.formParams("roles")) roles.addAll(Role.parseList("roles", r));
            if (roles.isEmpty()) throw new InvalidField("roles", "choose at least one role");
            AddedUser added = access.addUser(new AddUser(ctx.formParam("userName"), org, roles,
                    ctx.formParam("personId"), ctx.formParam("password")), admin);
            usersPage(ctx, access, added, null);
        });
        t.page(HandlerType.POST, "/users/{name}/disable", "Disable a user: sessions end at their next request", ctx -> {
            UserAccount u = access.disableUser(ctx.pathParam("name"), principal(ctx));
            ctx.redirect("/users?organisation=" + enc(u.organisation()), HttpStatus.SEE_OTHER);
        });
        t.page(HandlerType.POST, "/users/{name}/reset", "Reset a user's password (form post: password)", ctx -> {
            UserAccount u = access.resetPassword(ctx.pathParam("name"), ctx.formParam("password"), principal(ctx));
            ctx.redirect("/users?organisation=" + enc(u.organisation()), HttpStatus.SEE_OTHER);
        });
    }

    /** The access policy of every route above. */
    public static void policies(RoutePolicies p) {
        p.declare("GET", "/login", RoutePolicy.publicRoute());
        p.declare("POST", "/login", RoutePolicy.publicRoute());
        p.declare("POST", "/logout", RoutePolicy.anyRole());
        p.declare("GET", "/login/oidc", RoutePolicy.publicRoute());
        p.declare("GET", "/login/oidc/callback", RoutePolicy.publicRoute());
        p.declare("POST", OidcLogin.SECOND_FACTOR_PATH, RoutePolicy.publicRoute());
        p.declare("POST", "/api/v1/login", RoutePolicy.publicRoute());
        p.declare("POST", "/api/v1/logout", RoutePolicy.publicRoute());
        p.declare("GET", "/api/v1/me", RoutePolicy.publicRoute());
        p.declare("POST", "/api/v1/tokens", RoutePolicy.forAction(Action.ISSUE_API_TOKEN));
        p.declare("POST", "/api/v1/approvals", RoutePolicy.anyRole());
        p.declare("GET", "/api/v1/approvals/{id}", RoutePolicy.anyRole());
        p.declare("POST", "/api/v1/approvals/{id}/grant", RoutePolicy.forAction(Action.APPROVE));
        p.declare("POST", "/api/v1/approvals/{id}/reject", RoutePolicy.forAction(Action.APPROVE));
        p.declare("GET", "/users", RoutePolicy.forAction(Action.MANAGE_USERS));
        p.declare("POST", "/users", RoutePolicy.forAction(Action.MANAGE_USERS));
        p.declare("POST", "/users/{name}/disable", RoutePolicy.forAction(Action.MANAGE_USERS));
        p.declare("POST", "/users/{name}/reset", RoutePolicy.forAction(Action.MANAGE_USERS));
    }

    /** The 401 of a page whose session cookie no longer holds: the login form, back to this page after. */
    static void sessionEnded(Context ctx) {
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        ctx.res().addHeader("Set-Cookie", LOGIN_CSRF_COOKIE + "=" + csrf + "; Path=/login; Max-Age=3600; HttpOnly;"
                + " SameSite=Strict" + (https(ctx) ? "; Secure" : ""));
        Templates.page(ctx, "access/login.jte", new LoginView(safeNext(here), csrf, null, true, false));
        ctx.status(401);
    }

    private static void loginPage(Context ctx, String error, boolean ended, int status, boolean oidc) {
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        ctx.header("Set-Cookie", LOGIN_CSRF_COOKIE + "=" + csrf + "; Path=/login; Max-Age=3600; HttpOnly; SameSite=Strict"
                + (https(ctx) ? "; Secure" : ""));
        Templates.page(ctx, "access/login.jte", new LoginView(safeNext(ctx.queryParam("next") != null
                ? ctx.queryParam("next") : ctx.formParam("next")), csrf, error, ended, oidc));
        ctx.status(status);
    }

    private static void loginForm(Context ctx, Access access, boolean oidc) {
        String expected = ctx.cookie(LOGIN_CSRF_COOKIE);
        String presented = ctx.formParam(AccessGate.CSRF_FIELD);
        if (expected == null || presented == null || !java.security.MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new AccessDenied("the login form is stale or was not sent from this site: reload it", false);
        }
        LoginResult result = access.login(new Login(ctx.formParam("userName"), ctx.formParam("password"),
                blankToNull(ctx.formParam("oneTimeCode")), ctx.ip(), sessionToken(ctx, https(ctx))));
        switch (result) {
            case LoginResult.LoggedIn in -> {
                ctx.header("Set-Cookie", sessionCookie(in.token(), access, https(ctx)));
                ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
            }
            case LoginResult.Failed f -> loginPage(ctx, "login.failed", false, 401, oidc);
            case LoginResult.Throttled th -> {
                ctx.header("Retry-After", String.valueOf(retryAfter(th)));
                loginPage(ctx, "login.throttled", false, 429, oidc);
            }
            case LoginResult.SecondFactorNeeded n -> throw passwordLoginNeverWaits();
        }
    }

    /** A password login checks the one-time code itself: only an identity provider's sign-in waits for one. */
    private static IllegalStateException passwordLoginNeverWaits() {
        return new IllegalStateException("a password login never waits for a second factor");
    }

    private static void throttled(Context ctx, LoginResult.Throttled th) {
        ctx.header("Retry-After", String.valueOf(retryAfter(th)));
        throw new io.javalin.http.HttpResponseException(429, "too many failed logins; try again after " + th.retryAt());
    }

    private static long retryAfter(LoginResult.Throttled th) {
        return Math.max(1, Duration.between(Instant.now(), th.retryAt()).toSeconds() + 1);
    }

    private static void usersPage(Context ctx, Access access, AddedUser added, String message) {
        Principal admin = principal(ctx);
        String org = organisationOf(ctx, admin);
        Templates.page(ctx, "access/users.jte", new UsersView(org, access.users(org, admin),
                java.util.Arrays.stream(Role.values()).map(Role::name).toList(), added, message));
    }

    /** The organisation whose users are managed: the admin's own unless a platform admin names another. */
    private static String organisationOf(Context ctx, Principal admin) {
        String asked = ctx.queryParam("organisation");
        if (asked == null) asked = ctx.formParam("organisation");
        return asked == null || asked.isBlank() ? admin.organisation() : asked.strip();
    }

    static Me me(Actor a, String csrf) {
        boolean signedIn = !a.roles().isEmpty();
        return new Me(signedIn, signedIn ? a.user() : null, signedIn ? a.organisation() : null, List.copyOf(a.groups()),
                List.copyOf(a.roles()), signedIn ? csrf : null);
    }

    private static Principal principal(Context ctx) {
        return Permissions.principal(Actors.of(ctx));
    }

    /** Where to go after login: a path of this site only, never another origin. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login") || next.length() > 2_000) {
            return "/";
        }
        for (char c : next.toCharArray()) if (c < 0x20 || c == 0x7f) return "/";
        return next;
    }

    static String loginHref(Context ctx) {
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return "/login?next=" + enc(here);
    }

    /** The session token of the request's cookie, or null. */
    static String sessionToken(Context ctx, boolean https) {
        return Credentials.read(null, ctx.header("Cookie"), !https) instanceof Credentials.Presented.SessionToken s
                ? s.token() : null;
    }

    static String sessionCookie(String token, Access access, boolean https) {
        Duration maxAge = access.settings().sessionAbsolute();
        return https ? Credentials.sessionCookie(token, maxAge) : Credentials.plainSessionCookie(token, maxAge);
    }

    static String clearedCookie(boolean https) {
        return https ? Credentials.clearedSessionCookie() : Credentials.clearedPlainSessionCookie();
    }

    static boolean https(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
