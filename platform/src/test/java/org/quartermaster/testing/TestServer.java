package org.quartermaster.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.quartermaster.Quartermaster;
import org.quartermaster.access.AccessSettings;
import org.quartermaster.access.AddUser;
import org.quartermaster.access.AddedUser;
import org.quartermaster.access.IssueApiToken;
import org.quartermaster.access.model.Base32;
import org.quartermaster.access.model.Principal;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.model.Totp;
import org.quartermaster.access.model.WriteRule;
import org.quartermaster.journal.JournalKeys;
import org.quartermaster.server.Server;
import org.quartermaster.store.Database;

/** The real platform on a free port, and a small HTTP client that speaks to it. */
public final class TestServer implements AutoCloseable {
    private final Quartermaster app;
    private final Server server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The platform where every request acts as the system (suites about the domain, not about
     * access; see {@link SystemGate}). Access suites use {@link #secured(Database)}.
     */
    public TestServer(Database db) {
        this.app = new Quartermaster(db, JournalKeys.generate(), FAST);
        this.server = app.serve("127.0.0.1", 0, new SystemGate(app.routePolicies()));
    }

    private TestServer(Quartermaster app) {
        this.app = app;
        this.server = app.serve("127.0.0.1", 0);
    }

    /** Cheap Argon2 parameters: the same algorithm, so that tests can sign in many users quickly. */
    public static final AccessSettings FAST = AccessSettings.production()
            .withHashing(AccessSettings.PasswordHashing.FAST_FOR_TESTS);

    /** The platform behind the real access gate: requests need a session cookie or an API token. */
    public static TestServer secured(Database db) {
        return new TestServer(new Quartermaster(db, JournalKeys.generate(), FAST));
    }

    /** {@link #secured(Database)} with {@code settings} (e.g. a clock the test moves). */
    public static TestServer secured(Database db, AccessSettings settings) {
        return new TestServer(new Quartermaster(db, JournalKeys.generate(), settings));
    }

    public static TestServer sqlite() {
        return new TestServer(TestDatabases.sqlite());
    }

    // ---- signing in (secured servers) -----------------------------------------------------

    /** The password every test user gets. */
    public static final String PASSWORD = "correct horse battery staple";
    private static final Principal OPERATOR =
            new Principal("test-operator", WriteRule.PLATFORM_ORGANISATION, Set.of(), Set.of(Role.ADMIN));

    /** A signed-in session: its cookie header and CSRF token. */
    public record SignedIn(String user, String cookie, String csrf) {
        /** The headers of a request of this session (a state-changing one carries the CSRF token). */
        public Map<String, String> headers() {
            return Map.of("Cookie", cookie, "X-CSRF-Token", csrf);
        }
    }

    /** Adds a user of {@code organisation} (which must exist) with {@code roles}. */
    public AddedUser addUser(String name, String organisation, Role... roles) {
        return app.access().addUser(new AddUser(name, organisation, EnumSet.copyOf(Arrays.asList(roles)), null,
                PASSWORD), OPERATOR);
    }

    /** Signs {@code user} in over HTTP (with the current one-time code when it has a second factor). */
    public SignedIn signIn(AddedUser user) {
        String code = user.totpSecret() == null ? null
                : Totp.code(Base32.decode(user.totpSecret()), app.access().settings().clock().instant());
        String body = code == null
                ? "{\"userName\":\"%s\",\"password\":\"%s\"}".formatted(user.account().userName(), PASSWORD)
                : "{\"userName\":\"%s\",\"password\":\"%s\",\"oneTimeCode\":\"%s\"}"
                        .formatted(user.account().userName(), PASSWORD, code);
        Reply r = post("/api/v1/login", body);
        if (r.status() != 200) throw new AssertionError("login of " + user.account().userName() + ": " + r);
        String cookie = r.header("Set-Cookie").split(";", 2)[0];
        return new SignedIn(user.account().userName(), cookie, r.json().get("csrfToken").asText());
    }

    /** Adds a user and signs it in. */
    public SignedIn signIn(String name, String organisation, Role... roles) {
        return signIn(addUser(name, organisation, roles));
    }

    /** Issues an API token for a machine client of {@code organisation} with {@code roles}. */
    public String apiToken(String organisation, Role... roles) {
        return app.access().issueApiToken(new IssueApiToken("test-" + organisation, organisation,
                EnumSet.copyOf(Arrays.asList(roles)), null), OPERATOR).token();
    }

    /** A GET with {@code headers} (e.g. a session's or {@code Authorization}). */
    public Reply get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    public Quartermaster app() {
        return app;
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A response: status, body, headers. */
    public record Reply(int status, String body, Map<String, java.util.List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public com.fasterxml.jackson.databind.JsonNode json() {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    public Reply post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Reply post(String path, String json, Map<String, String> headers) {
        return send(body("POST", path, json, headers));
    }

    public Reply put(String path, String json) {
        return send(body("PUT", path, json, Map.of()));
    }

    public Reply patch(String path, String json) {
        return send(body("PATCH", path, json, Map.of()));
    }

    public Reply send(String method, String path, String json, Map<String, String> headers) {
        return send(body(method, path, json, headers));
    }

    private HttpRequest.Builder body(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        headers.forEach(b::setHeader);
        return b;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        app.close();
    }
}
