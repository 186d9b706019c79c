package org.quartermaster.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartermaster.access.model.Role;
import org.quartermaster.needs.model.Need;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.planning.PlanRecord;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Server;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.AccessWorld;
import org.quartermaster.testing.MovableClock;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;

/**
 * The acceptance matrix: every route x method x caller, where a caller is anonymous or holds one
 * role in an organisation related to the records under test as their owner, a partner sharing
 * a group the records are released to, an unrelated organisation, or the platform. Each cell
 * asks an independent reference of the rules (written here, not the policy's code) whether a
 * 2xx is allowed; a 2xx it does not allow is a failure, and so is any 5xx. Lists, the feed,
 * journal events, histories, pages, the dashboard's counts and the downloads
 * ({@link MatrixExportEntries}) are read back and every row checked against the reference: a row
 * the caller may not see is a failure. The contexts' records are made for the matrix and related
 * to its organisations as their domains relate them ({@link MatrixLogisticsEntries},
 * {@link MatrixFundsEntries}, {@link MatrixProcurementEntries}). The test fails when a route of
 * the server has no entry here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {
    enum Relation { OWNER, PARTNER, UNRELATED, PLATFORM }

    static final Map<Relation, String> ORG = Map.of(Relation.OWNER, AccessWorld.OWN, Relation.PARTNER,
            AccessWorld.PARTNER, Relation.UNRELATED, AccessWorld.UNRELATED, Relation.PLATFORM, AccessWorld.PLATFORM);
    static final Map<String, Set<String>> GROUPS = Map.of(AccessWorld.OWN, Set.of(AccessWorld.GROUP),
            AccessWorld.PARTNER, Set.of(AccessWorld.GROUP, "NATO"), AccessWorld.UNRELATED, Set.of(),
            AccessWorld.PLATFORM, Set.of());
    /** The records under test are the owner's, released to the group the partner shares. */
    static final Set<String> RELEASED = Set.of(AccessWorld.GROUP);
    static final Pattern RECORD_ID = Pattern.compile("\\b[NO]-\\d{6}\\b");

    /** Who calls: anonymous (org null) or a user of {@code org} holding {@code role}. */
    record Caller(String label, String org, Role role, TestServer.SignedIn session) {
        boolean anonymous() {
            return org == null;
        }
    }

    /** What a cell sends. */
    record Call(String method, String path, String body, boolean form) {}

    /** One route's entry: how to call it for a caller, whether a 2xx is allowed, and how to check its rows. */
    record Entry(Function<Caller, Call> call, java.util.function.Predicate<Caller> allowed, RowCheck rows,
                 boolean last) {}

    @FunctionalInterface
    interface RowCheck {
        /** The foreign rows in {@code reply} for {@code caller} (empty when none). */
        List<String> foreign(Caller caller, Reply reply);
    }

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T08:00:00Z"));
    TestServer server;
    final List<Caller> callers = new ArrayList<>();
    final AtomicInteger unique = new AtomicInteger();
    /** Entries whose calls are valid on real records: every caller the reference allows must succeed. */
    final Set<String> exact = new TreeSet<>();
    String plan;

    @BeforeAll
    void start() {
        server = TestServer.secured(database(), TestServer.FAST.withClock(clock));
        AccessWorld.load(server.app());
        plan = server.app().planning().propose(8, Actor.SYSTEM).publicId();
        callers.add(new Caller("anonymous", null, null, null));
        for (Relation r : Relation.values()) {
            for (Role role : Role.values()) {
                var user = server.addUser((r.name() + "-" + role.name()).toLowerCase().replace('_', '-'), ORG.get(r),
                        role);
                clock.advance(Duration.ofSeconds(31));  // a fresh one-time code step for each second factor
                callers.add(new Caller(r + "/" + role, ORG.get(r), role, server.signIn(user)));
            }
        }
    }

    /**
     * The database of this run: SQLite here, PostgreSQL in {@link PostgresAccessMatrixTest}. Its
     * transactions take their time from the matrix's clock, so that entries can take records past
     * their deadlines (a procedure's cut-off) by moving it.
     */
    org.quartermaster.store.Database database() {
        return TestDatabases.open(TestDatabases.Kind.SQLITE, clock);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    // ---- the independent reference ------------------------------------------------------------

    static boolean readable(Caller c, String owner, Set<String> releasableTo) {
        if (releasableTo.contains("PUBLIC")) return true;
        if (c.anonymous()) return false;
        return released(c, owner, releasableTo);
    }

    /** Owned by, named, or grouped: what "released to the writer" means (PUBLIC alone is not enough). */
    static boolean released(Caller c, String owner, Set<String> releasableTo) {
        if (c.anonymous()) return false;
        if (c.org().equals(owner) || releasableTo.contains(c.org())) return true;
        for (String g : GROUPS.get(c.org())) if (releasableTo.contains(g)) return true;
        return false;
    }

    static boolean holds(Caller c, Role... roles) {
        return !c.anonymous() && Set.of(roles).contains(c.role());
    }

    static boolean own(Caller c, String owner, Role... roles) {
        return holds(c, roles) && c.org().equals(owner);
    }

    static boolean platform(Caller c, Role... roles) {
        return holds(c, roles) && c.org().equals(AccessWorld.PLATFORM);
    }

    static boolean signedIn(Caller c) {
        return !c.anonymous();
    }

    // ---- the entries --------------------------------------------------------------------------

    Map<String, Entry> entries() {
        Map<String, Entry> e = new LinkedHashMap<>();
        String own = AccessWorld.OWN;
        // Reference data and the server's own routes: anyone.
        for (String path : List.of("/api/v1/items", "/api/v1/items/" + AccessWorld.ITEM, "/api/v1/organisations",
                "/api/v1/organisations/" + own, "/api/v1/locations", "/api/v1/locations/" + AccessWorld.DEPOT,
                "/health", "/api/openapi.json", "/lang/uk", "/static/qm.css",
                "/webjars/htmx.org/2.0.8/dist/htmx.min.js", "/api/v1/journal/key", "/api/v1/journal/head",
                "/api/v1/journal/heads", "/api/v1/journal/proofs/inclusion?sequence=1&treeSize=2",
                "/api/v1/journal/proofs/consistency?first=1&second=2", "/api/v1/me", "/login", "/login/oidc",
                "/login/oidc/callback?code=x&state=y")) {
            e.put("GET " + template(path), get(path, c -> true, null));
        }
        e.put("GET /metrics", get("/metrics", c -> holds(c, Role.ADMIN, Role.AUDITOR), null));
        // Lists, feed, journal events, history, pages and counts: filtered rows.
        e.put("GET /api/v1/needs", get("/api/v1/needs?limit=500", c -> true, this::foreignJsonRows));
        e.put("GET /api/v1/offers", get("/api/v1/offers?limit=500", c -> true, this::foreignJsonRows));
        e.put("GET /api/v1/plans", get("/api/v1/plans", AccessMatrixTest::signedIn, this::foreignPlans));
        e.put("GET /api/v1/feed", get("/api/v1/feed?limit=500", AccessMatrixTest::signedIn, this::foreignEvents));
        e.put("GET /api/v1/journal/events", get("/api/v1/journal/events?from=1&to=999", AccessMatrixTest::signedIn,
                this::foreignEvents));
        e.put("GET /api/v1/dashboard/coverage", get("/api/v1/dashboard/coverage", AccessMatrixTest::signedIn,
                this::wrongCounts));
        e.put("GET /api/v1/lanes", get("/api/v1/lanes", AccessMatrixTest::signedIn, null));
        for (String page : List.of("/", "/needs", "/offers", "/plans", "/items", "/organisations")) {
            e.put("GET " + page, page(page, AccessMatrixTest::signedIn));
        }
        // One record of the owner, released to the group.
        e.put("GET /api/v1/needs/{id}", getRecord(c -> "/api/v1/needs/" + need(true).publicId()));
        e.put("GET /needs/{id}", pageRecord(c -> "/needs/" + need(true).publicId()));
        e.put("GET /api/v1/offers/{id}", getRecord(c -> "/api/v1/offers/" + offer().publicId()));
        e.put("GET /offers/{id}", pageRecord(c -> "/offers/" + offer().publicId()));
        e.put("GET /api/v1/history/{entity}", new Entry(c -> new Call("GET", "/api/v1/history/" + need(true).publicId(),
                null, false), c -> readable(c, own, RELEASED), this::foreignEvents, false));
        // A plan is its proposing organisation's (the platform's) only.
        java.util.function.Predicate<Caller> planReader = c -> signedIn(c) && c.org().equals(AccessWorld.PLATFORM);
        for (String sub : List.of("", "/allocations", "/shortfalls", "/diff?against=" + plan)) {
            e.put("GET /api/v1/plans/{id}" + sub.replaceAll("\\?.*", ""), get("/api/v1/plans/" + plan + sub, planReader,
                    null));
        }
        e.put("GET /plans/{id}", get("/plans/" + plan, planReader, null));
        e.put("GET /api/v1/approvals/{id}", new Entry(c -> new Call("GET", "/api/v1/approvals/" + approval(), null,
                false), c -> signedIn(c) && c.org().equals(own), null, false));
        e.put("GET /users", new Entry(c -> new Call("GET", "/users?organisation=" + own, null, false),
                c -> own(c, own, Role.ADMIN) || platform(c, Role.ADMIN), null, false));
        e.put("GET /api/v1/exchange-rates/convert", get("/api/v1/exchange-rates/convert?amountMinor=1&from=EUR&to=USD"
                + "&date=2026-01-01", AccessMatrixTest::signedIn, null));
        // Record-level entries with real records and valid bodies: a caller the reference allows must succeed.
        Set<String> before = new java.util.HashSet<>(e.keySet());
        MatrixFundsEntries.addTo(this, e);
        MatrixLogisticsEntries.addTo(this, e);
        new MatrixProcurementEntries(this).add(e);
        e.keySet().stream().filter(k -> !before.contains(k)).forEach(exact::add);
        MatrixExportEntries.put(e, this);
        writes(e);
        return e;
    }

    private void writes(Map<String, Entry> e) {
        String own = AccessWorld.OWN;
        e.put("POST /api/v1/needs", write(c -> new Call("POST", "/api/v1/needs", needBody(own), false),
                c -> own(c, own, Role.REQUESTER, Role.COORDINATOR)));
        e.put("PATCH /api/v1/needs/{id}", write(c -> {
            Need n = need(true);
            return new Call("PATCH", "/api/v1/needs/" + n.publicId(), "{\"quantity\":50,\"version\":" + n.version() + "}",
                    false);
        }, c -> own(c, own, Role.REQUESTER, Role.COORDINATOR)));
        for (String verb : List.of("submit", "cancel", "close")) {
            e.put("POST /api/v1/needs/{id}/" + verb, write(c -> {
                Need n = need(!"submit".equals(verb));
                return new Call("POST", "/api/v1/needs/" + n.publicId() + "/" + verb, "{\"version\":" + n.version() + "}",
                        false);
            }, c -> own(c, own, Role.REQUESTER, Role.COORDINATOR)));
        }
        e.put("PUT /api/v1/needs/{id}/releasability", write(c -> {
            Need n = need(true);
            return new Call("PUT", "/api/v1/needs/" + n.publicId() + "/releasability",
                    "{\"releasableTo\":[\"PUBLIC\"],\"version\":" + n.version() + "}", false);
        }, c -> own(c, own, Role.COORDINATOR, Role.ADMIN)));
        e.put("POST /api/v1/offers", write(c -> new Call("POST", "/api/v1/offers", offerBody(own), false),
                c -> own(c, own, Role.COORDINATOR, Role.LOGISTICIAN)));
        Map<String, java.util.function.Predicate<Caller>> steps = Map.of(
                "accept", c -> holds(c, Role.REQUESTER, Role.COORDINATOR) && released(c, own, RELEASED),
                "decline", c -> holds(c, Role.REQUESTER, Role.COORDINATOR) && released(c, own, RELEASED),
                "commit", c -> own(c, own, Role.COORDINATOR, Role.LOGISTICIAN),
                "withdraw", c -> own(c, own, Role.COORDINATOR, Role.LOGISTICIAN),
                "ship", c -> own(c, own, Role.LOGISTICIAN),
                "deliver", c -> holds(c, Role.LOGISTICIAN) && released(c, own, RELEASED));
        steps.forEach((verb, allowed) -> e.put("POST /api/v1/offers/{id}/" + verb, write(c -> {
            Offer o = offer();
            return new Call("POST", "/api/v1/offers/" + o.publicId() + "/" + verb, "{\"version\":" + o.version() + "}",
                    false);
        }, allowed)));
        e.put("PUT /api/v1/offers/{id}/releasability", write(c -> {
            Offer o = offer();
            return new Call("PUT", "/api/v1/offers/" + o.publicId() + "/releasability",
                    "{\"releasableTo\":[\"PUBLIC\"],\"version\":" + o.version() + "}", false);
        }, c -> own(c, own, Role.COORDINATOR, Role.ADMIN)));
        e.put("POST /api/v1/items", write(c -> new Call("POST", "/api/v1/items", """
                {"code":"IT-%d","name":"Item","unit":"H87","category":"MEDICAL","lethal":false}"""
                .formatted(unique.incrementAndGet()), false), c -> platform(c, Role.COORDINATOR, Role.ADMIN)));
        e.put("PUT /api/v1/items/{code}", write(c -> {
            var item = server.app().catalog().get(AccessWorld.ITEM);
            return new Call("PUT", "/api/v1/items/" + AccessWorld.ITEM, """
                    {"name":"First aid kit","unit":"H87","cpv":"33140000-3","category":"MEDICAL","lethal":false,
                     "version":%d}""".formatted(item.version()), false);
        }, c -> platform(c, Role.COORDINATOR, Role.ADMIN)));
        e.put("POST /api/v1/organisations", write(c -> new Call("POST", "/api/v1/organisations", """
                {"code":"ORG-%d","name":"Org","kind":"DONOR_STATE","country":"POL","groups":[]}"""
                .formatted(unique.incrementAndGet()), false), c -> platform(c, Role.ADMIN)));
        e.put("PUT /api/v1/organisations/{code}", write(c -> {
            var o = server.app().parties().organisation(AccessWorld.UNRELATED);
            return new Call("PUT", "/api/v1/organisations/" + AccessWorld.UNRELATED, """
                    {"name":"Unrelated","kind":"SUPPLIER","country":"DEU","groups":[],"version":%d}"""
                    .formatted(o.version()), false);
        }, c -> platform(c, Role.ADMIN)));
        e.put("POST /api/v1/locations", write(c -> new Call("POST", "/api/v1/locations", """
                {"code":"LOC-%d","name":"Depot","country":"UKR","kind":"DEPOT"}""".formatted(unique.incrementAndGet()),
                false), c -> platform(c, Role.ADMIN, Role.COORDINATOR)));
        e.put("POST /api/v1/lanes", write(c -> {
            String to = "LOC-" + unique.incrementAndGet();
            server.app().parties().addLocation(new org.quartermaster.parties.AddLocation(to, "Hub", "POL",
                    org.quartermaster.parties.model.LocationKind.HUB, null), Actor.SYSTEM);
            return new Call("POST", "/api/v1/lanes", """
                    {"origin":"%s","destination":"%s","transitWeeks":1,"costPerUnit":5}"""
                    .formatted(to, AccessWorld.DEPOT), false);
        }, c -> platform(c, Role.COORDINATOR, Role.LOGISTICIAN)));
        e.put("POST /api/v1/plans", write(c -> new Call("POST", "/api/v1/plans", "{\"horizonWeeks\":4}", false),
                c -> platform(c, Role.COORDINATOR)));
        e.put("POST /plans", write(c -> new Call("POST", "/plans", "", true), c -> platform(c, Role.COORDINATOR)));
        e.put("POST /api/v1/plans/{id}/approve", write(c -> {
            PlanRecord p = server.app().planning().propose(4, Actor.SYSTEM);
            return new Call("POST", "/api/v1/plans/" + p.publicId() + "/approve",
                    "{\"version\":%d,\"approver\":\"someone\"}".formatted(p.version()), false);
        }, c -> platform(c, Role.APPROVER)));
        e.put("POST /plans/{id}/approve", write(c -> {
            PlanRecord p = server.app().planning().propose(4, Actor.SYSTEM);
            return new Call("POST", "/plans/" + p.publicId() + "/approve", "version=" + p.version() + "&approver=x", true);
        }, c -> platform(c, Role.APPROVER)));
        e.put("POST /api/v1/tokens", write(c -> new Call("POST", "/api/v1/tokens",
                "{\"name\":\"robot\",\"organisation\":\"%s\",\"roles\":[\"VIEWER\"]}".formatted(own), false),
                c -> own(c, own, Role.ADMIN) || platform(c, Role.ADMIN)));
        e.put("POST /api/v1/approvals", write(c -> new Call("POST", "/api/v1/approvals",
                "{\"subjectType\":\"need\",\"subjectId\":\"N-000001\",\"summary\":\"a step\"}", false),
                AccessMatrixTest::signedIn));
        for (String verb : List.of("grant", "reject")) {
            e.put("POST /api/v1/approvals/{id}/" + verb, write(c -> new Call("POST", "/api/v1/approvals/" + approval()
                    + "/" + verb, null, false), c -> own(c, own, Role.APPROVER)));
        }
        e.put("POST /users", write(c -> new Call("POST", "/users", "organisation=%s&userName=new-%d&password=%s&roles=VIEWER"
                .formatted(own, unique.incrementAndGet(), "a+long+enough+passphrase"), true),
                c -> own(c, own, Role.ADMIN) || platform(c, Role.ADMIN)));
        for (String verb : List.of("disable", "reset")) {
            e.put("POST /users/{name}/" + verb, write(c -> {
                String victim = "victim-" + unique.incrementAndGet();
                server.addUser(victim, own, Role.VIEWER);
                return new Call("POST", "/users/" + victim + "/" + verb, "password=another+long+passphrase", true);
            }, c -> own(c, own, Role.ADMIN) || platform(c, Role.ADMIN)));
        }
        // Signing in and out (last: failed logins count towards throttling; logout ends the caller's session).
        e.put("POST /logout", new Entry(c -> new Call("POST", "/logout", "", true), AccessMatrixTest::signedIn, null,
                true));
        e.put("POST /api/v1/logout", new Entry(c -> new Call("POST", "/api/v1/logout", null, false), c -> true, null,
                true));
        e.put("POST /login", new Entry(c -> new Call("POST", "/login", "userName=x&password=y", true), c -> true, null,
                true));
        e.put("POST /api/v1/login", new Entry(c -> new Call("POST", "/api/v1/login",
                "{\"userName\":\"nobody\",\"password\":\"wrong password\"}", false), c -> true, null, true));
        // The one-time code after an identity provider's sign-in: nobody holds a waiting sign-in here.
        e.put("POST /login/oidc/second-factor", new Entry(c -> new Call("POST", "/login/oidc/second-factor",
                "oneTimeCode=000000&_csrf=x", true), c -> false, null, false));
    }

    // ---- running the matrix ---------------------------------------------------------------------

    @Test
    void everyRouteMethodRoleAndRelationIsAllowedOnlyWhatTheRulesAllow() {
        Map<String, Entry> entries = entries();
        Set<String> routes = new TreeSet<>();
        for (RouteTable.Route r : server.app().routes().routes()) routes.add(r.method().name() + " " + r.path());
        for (var r : Server.OWN_ROUTES) routes.add(r.toString());
        assertThat(new TreeSet<>(entries.keySet())).as("every route has a matrix entry, and every entry a route")
                .isEqualTo(routes);
        List<String> unexpected = new ArrayList<>();
        List<String> foreignRows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> refusedButAllowed = new ArrayList<>();
        List<String> allowedButNotDone = new ArrayList<>();
        int cells = 0;
        int successes = 0;
        List<Map.Entry<String, Entry>> ordered = new ArrayList<>(entries.entrySet());
        ordered.sort(java.util.Comparator.comparing(x -> x.getValue().last()));
        for (var route : ordered) {
            for (Caller caller : callers) {
                Caller c = route.getValue().last() && !caller.anonymous() ? fresh(caller) : caller;
                Call call = route.getValue().call().apply(c);
                Reply reply = send(c, call);
                cells++;
                String cell = route.getKey() + " as " + c.label() + " -> " + reply.status();
                if (reply.status() >= 500) errors.add(cell + " " + reply.body());
                // A form post that is done redirects (303) back to the page.
                boolean ok = reply.status() >= 200 && reply.status() < 300 || call.form() && reply.status() == 303;
                boolean allowed = route.getValue().allowed().test(c);
                if (ok) successes++;
                if (ok && !allowed) unexpected.add(cell);
                // The reference allows it, so the gate and the policy must let it through to the use case.
                // (The login routes themselves answer wrong credentials with 401 and a missing login-form token with 403.)
                boolean login = route.getKey().endsWith(" /login") || route.getKey().endsWith("/v1/login");
                if (allowed && !login && (reply.status() == 401 || reply.status() == 403)) {
                    refusedButAllowed.add(cell + " " + reply.body());
                }
                if (allowed && !ok && exact.contains(route.getKey())) allowedButNotDone.add(cell + " " + reply.body());
                if (ok && route.getValue().rows() != null) {
                    for (String row : route.getValue().rows().foreign(c, reply)) foreignRows.add(cell + ": " + row);
                }
            }
        }
        System.out.printf("access matrix: %d routes x %d callers (anonymous + %d roles x %d relations) = %d cells;"
                + " %d answered 2xx, %d unexpected 2xx, %d foreign rows%n", entries.size(), callers.size(),
                Role.values().length, Relation.values().length, cells, successes, unexpected.size(), foreignRows.size());
        assertThat(errors).as("5xx answers").isEmpty();
        assertThat(unexpected).as("unexpected 2xx").isEmpty();
        assertThat(foreignRows).as("foreign rows").isEmpty();
        assertThat(refusedButAllowed).as("refused although the rules allow it").isEmpty();
        assertThat(allowedButNotDone).as("a valid call on a real record not done although the rules allow it").isEmpty();
        assertThat(cells).isEqualTo(entries.size() * callers.size());
    }

    /** A second session of the caller's user, for cells that end it (logout). */
    private Caller fresh(Caller c) {
        clock.advance(Duration.ofSeconds(31));
        var user = server.addUser("fresh-" + unique.incrementAndGet(), c.org(), c.role());
        return new Caller(c.label(), c.org(), c.role(), server.signIn(user));
    }

    private Reply send(Caller c, Call call) {
        Map<String, String> headers = new HashMap<>();
        if (c.session() != null) headers.putAll(c.session().headers());
        headers.put("Accept", call.path().startsWith("/api") ? "application/json" : "text/html");
        if (call.form()) headers.put("Content-Type", "application/x-www-form-urlencoded");
        return "GET".equals(call.method()) ? server.get(call.path(), headers)
                : server.send(call.method(), call.path(), call.body(), headers);
    }

    // ---- entries' helpers -----------------------------------------------------------------------

    private Entry get(String path, java.util.function.Predicate<Caller> allowed, RowCheck rows) {
        return new Entry(c -> new Call("GET", path, null, false), allowed, rows, false);
    }

    private Entry page(String path, java.util.function.Predicate<Caller> allowed) {
        return new Entry(c -> new Call("GET", path, null, false), allowed, this::foreignIdsInPage, false);
    }

    private Entry getRecord(Function<Caller, String> path) {
        return new Entry(c -> new Call("GET", path.apply(c), null, false),
                c -> readable(c, AccessWorld.OWN, RELEASED), null, false);
    }

    private Entry pageRecord(Function<Caller, String> path) {
        return new Entry(c -> new Call("GET", path.apply(c), null, false),
                c -> signedIn(c) && readable(c, AccessWorld.OWN, RELEASED), this::foreignIdsInPage, false);
    }

    private Entry write(Function<Caller, Call> call, java.util.function.Predicate<Caller> allowed) {
        return new Entry(call, allowed, null, false);
    }

    private static String template(String path) {
        String p = path.replaceAll("\\?.*", "");
        if (p.startsWith("/static/")) return "/static/*";
        if (p.startsWith("/webjars/")) return "/webjars/*";
        if (p.startsWith("/lang/")) return "/lang/{code}";
        if (p.startsWith("/api/v1/items/")) return "/api/v1/items/{code}";
        if (p.startsWith("/api/v1/organisations/")) return "/api/v1/organisations/{code}";
        if (p.startsWith("/api/v1/locations/")) return "/api/v1/locations/{code}";
        return p;
    }

    /** A fresh need of the owner released to the group: OPEN, or DRAFT when not {@code open}. */
    private Need need(boolean open) {
        return AccessWorld.need(server.app(), AccessWorld.OWN, RELEASED, open);
    }

    private Offer offer() {
        return AccessWorld.offer(server.app(), AccessWorld.OWN, RELEASED, null);
    }

    /** A fresh approval asked by a coordinator of the owner. */
    private String approval() {
        var asker = server.addUser("asker-" + unique.incrementAndGet(), AccessWorld.OWN, Role.COORDINATOR);
        return server.app().access().requestApproval(new RequestApproval("need", "N-000001", "a step"),
                new org.quartermaster.access.model.Principal(asker.account().userName(), AccessWorld.OWN,
                        Set.of(AccessWorld.GROUP), EnumSet.of(Role.COORDINATOR))).id();
    }

    private static String needBody(String org) {
        return """
                {"requester":"%s","item":"%s","quantity":5,"priority":"P2","dueDate":"2027-06-01",
                 "destination":"%s","releasableTo":[]}""".formatted(org, AccessWorld.ITEM, AccessWorld.DEPOT);
    }

    private static String offerBody(String org) {
        return """
                {"donor":"%s","item":"%s","quantity":5,"condition":"NEW","origin":"%s","availableFrom":"2027-01-01",
                 "terms":"DONATION","releasableTo":[]}""".formatted(org, AccessWorld.ITEM, AccessWorld.DEPOT);
    }

    // ---- row checks ---------------------------------------------------------------------------

    private List<String> foreignJsonRows(Caller c, Reply reply) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : reply.json().get("items")) {
            String owner = row.has("requester") ? row.get("requester").asText() : row.get("donor").asText();
            Set<String> rel = new TreeSet<>();
            row.get("releasableTo").forEach(x -> rel.add(x.asText()));
            if (!readable(c, owner, rel)) out.add(row.get("id").asText() + " of " + owner + " released to " + rel);
        }
        return out;
    }

    private List<String> foreignPlans(Caller c, Reply reply) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : reply.json().get("items")) {
            String owner = server.app().planning().get(row.get("id").asText()).proposedOrganisation();
            if (!readable(c, owner, Set.of())) out.add(row.get("id").asText() + " of " + owner);
        }
        return out;
    }

    /** Events (feed, journal ranges, histories): each checked against the marking stored with it. */
    private List<String> foreignEvents(Caller c, Reply reply) {
        List<String> out = new ArrayList<>();
        JsonNode items = reply.json().has("items") ? reply.json().get("items") : reply.json().get("events");
        for (JsonNode row : items) {
            long seq = row.get("sequence").asLong();
            Map<String, Object> m = server.app().db().read(h -> h.createQuery(
                    "SELECT owner_org, releasable_to FROM journal_events WHERE sequence = :s").bind("s", seq)
                    .mapToMap().one());
            String rel = (String) m.get("releasable_to");
            Set<String> set = rel.isEmpty() ? Set.of() : Set.of(rel.split(","));
            if (!readable(c, (String) m.get("owner_org"), set)) out.add("event " + seq + " of " + m.get("owner_org"));
        }
        return out;
    }

    /** Pages: no id of a need or offer the caller may not see appears anywhere in the HTML. */
    private List<String> foreignIdsInPage(Caller c, Reply reply) {
        Map<String, String[]> markings = new HashMap<>();
        server.app().needs().list(new org.quartermaster.needs.NeedFilter(null, null, null, null, null, null), null, 500)
                .items().forEach(n -> markings.put(n.publicId(), marking(n.requester(), n.releasableTo())));
        server.app().offers().list(new org.quartermaster.offers.OfferFilter(null, null, null, null), null, 500)
                .items().forEach(o -> markings.put(o.publicId(), marking(o.donor(), o.releasableTo())));
        List<String> out = new ArrayList<>();
        Matcher m = RECORD_ID.matcher(reply.body());
        while (m.find()) {
            String[] mk = markings.get(m.group());
            if (mk == null) continue;
            Set<String> rel = mk[1].isEmpty() ? Set.of() : Set.of(mk[1].split(","));
            if (!readable(c, mk[0], rel)) out.add(m.group() + " of " + mk[0]);
        }
        return out;
    }

    private static String[] marking(String owner, Set<String> rel) {
        return new String[] {owner, String.join(",", new TreeSet<>(rel))};
    }

    /** The dashboard's asked quantity equals the sum over the live needs the caller may see. */
    private List<String> wrongCounts(Caller c, Reply reply) {
        long expected = 0;
        for (Need n : server.app().needs().list(new org.quartermaster.needs.NeedFilter(null, null, null, null, null,
                null), null, 500).items()) {
            String status = n.status().name();
            if (status.equals("DRAFT") || status.equals("CANCELLED")) continue;
            if (readable(c, n.requester(), n.releasableTo())) expected += n.quantity();
        }
        long asked = 0;
        for (JsonNode s : reply.json().get("series")) {
            if (s.get("measure").asText().equals("asked")) for (JsonNode v : s.get("values")) asked += v.asLong();
        }
        return asked == expected ? List.of() : List.of("asked " + asked + " but the caller may see " + expected);
    }
}
