package org.quartermaster.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.quartermaster.store.Database;
import org.quartermaster.testing.TestServer;

/**
 * One real server per test class (port 0, its own fresh database), a raw HTTP client, fixtures
 * with unique codes, and the assertions every refusal must pass: a problem+json body with
 * status, title and detail, no stack trace, and no change to any record or to the journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiSupport {
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    TestServer server;
    Http1 http;

    /** A fresh database of the kind this subclass tests. */
    abstract Database database();

    @BeforeAll
    void startServer() {
        server = new TestServer(database());
        http = new Http1(server.base());
    }

    @AfterAll
    void stopServer() {
        if (server != null) server.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + UNIQUE.incrementAndGet();
    }

    // ---- fixtures ------------------------------------------------------------------------

    /** The references a need or an offer names. */
    record World(String item, String recipient, String donor, String location) {}

    World world() {
        return new World(item(false), organisation("RECIPIENT"), organisation("DONOR_STATE"), location(null));
    }

    String item(boolean lethal) {
        String code = unique("IT");
        created(http.post("/api/v1/items", """
                {"code":"%s","name":"Item %s","unit":"H87","category":"MEDICAL","lethal":%s}"""
                .formatted(code, code, lethal)));
        return code;
    }

    String organisation(String kind) {
        String code = unique("ORG");
        created(http.post("/api/v1/organisations", """
                {"code":"%s","name":"Org %s","kind":"%s","country":"POL","groups":["NATO","EU"]}"""
                .formatted(code, code, kind)));
        return code;
    }

    String location(String organisation) {
        String code = unique("LOC");
        String org = organisation == null ? "" : ",\"organisation\":\"" + organisation + "\"";
        created(http.post("/api/v1/locations", """
                {"code":"%s","name":"Depot %s","country":"UKR","kind":"DEPOT"%s}""".formatted(code, code, org)));
        return code;
    }

    String needBody(World w, long quantity, boolean submit) {
        return """
                {"requester":"%s","item":"%s","quantity":%d,"priority":"P2","dueDate":"2027-03-31",
                 "destination":"%s","justification":"winter stock","submit":%s}"""
                .formatted(w.recipient(), w.item(), quantity, w.location(), submit);
    }

    JsonNode need(World w, long quantity, boolean submit) {
        return created(http.post("/api/v1/needs", needBody(w, quantity, submit)));
    }

    String offerBody(World w, String item, long quantity, String need) {
        String pledge = need == null ? "" : ",\"need\":\"" + need + "\"";
        return """
                {"donor":"%s","item":"%s","quantity":%d,"condition":"NEW","origin":"%s",
                 "availableFrom":"2027-01-15","terms":"DONATION"%s}"""
                .formatted(w.donor(), item, quantity, w.location(), pledge);
    }

    JsonNode offer(World w, long quantity, String need) {
        return created(http.post("/api/v1/offers", offerBody(w, w.item(), quantity, need)));
    }

    JsonNode step(String kind, JsonNode record, String action) {
        Http1.Reply r = http.post("/api/v1/" + kind + "/" + record.get("id").asText() + "/" + action,
                "{\"version\":" + record.get("version").asLong() + "}");
        assertThat(r.status()).as("%s %s: %s", action, record.get("id"), r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode read(String path) {
        Http1.Reply r = http.get(path);
        assertThat(r.status()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode created(Http1.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).as("Location of a 201").isNotBlank();
        return r.json();
    }

    // ---- problems ------------------------------------------------------------------------

    /** Asserts an RFC 9457 problem with {@code status}, and returns its body. */
    static JsonNode problem(Http1.Reply r, int status) {
        assertThat(r.status()).as("status of %s", r.body()).isEqualTo(status);
        assertThat(r.contentType()).as("content type").startsWith("application/problem+json");
        assertThat(r.body()).as("no stack trace in a body")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.quartermaster.");
        JsonNode p = r.json();
        assertThat(p.path("status").asInt()).as("status member").isEqualTo(status);
        assertThat(p.path("title").asText()).as("title").isNotBlank();
        assertThat(p.path("detail").asText()).as("detail").isNotBlank();
        return p;
    }

    /** Asserts a 422 problem whose errors point at {@code pointer} in the body. */
    static JsonNode fieldProblem(Http1.Reply r, String pointer) {
        JsonNode p = problem(r, 422);
        assertThat(pointers(p, "pointer")).as("pointers of %s", r.body()).contains(pointer);
        return p;
    }

    /** Asserts a 400 problem whose errors name query parameter {@code name}. */
    static JsonNode parameterProblem(Http1.Reply r, String name) {
        JsonNode p = problem(r, 400);
        assertThat(pointers(p, "parameter")).as("parameters of %s", r.body()).contains(name);
        return p;
    }

    static List<String> pointers(JsonNode problem, String member) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> {
            if (e.hasNonNull(member)) out.add(e.get(member).asText());
        });
        return out;
    }

    // ---- no partial writes ---------------------------------------------------------------

    /**
     * The full content of every table (whatever migrations made it, so new tables count too),
     * row by row: any insert, update or delete, including ones no list shows, changes it.
     */
    String snapshot() {
        return server.app().db().read(h -> {
            try {
                java.sql.Connection c = h.getConnection();
                List<String> tables = new ArrayList<>();
                try (var rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                    while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
                }
                // Signed tree heads are written by the server's background signer on a timer, not by requests.
                tables.removeIf(t -> t.startsWith("flyway") || t.startsWith("sqlite_") || t.equals("journal_heads"));
                tables.sort(null);
                assertThat(tables).as("tables found").contains("needs", "journal_events");
                StringBuilder all = new StringBuilder();
                for (String table : tables) {
                    all.append(table).append(':');
                    List<String> rows = new ArrayList<>();
                    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM " + table)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= columns; i++) row.append(rs.getString(i)).append('|');
                            rows.add(row.toString());
                        }
                    }
                    rows.sort(null);
                    rows.forEach(r -> all.append(r).append('\n'));
                }
                return all.toString();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    List<JsonNode> listAll(String path) {
        List<JsonNode> out = new ArrayList<>();
        String after = null;
        do {
            String sep = path.contains("?") ? "&" : "?";
            JsonNode page = read(path + sep + "limit=500" + (after == null ? "" : "&after=" + after));
            page.get("items").forEach(out::add);
            after = page.hasNonNull("next") ? page.get("next").asText() : null;
        } while (after != null);
        return out;
    }

    long journalSize() {
        return read("/health").get("journalEvents").asLong();
    }

    /** Sends a write that must be refused, and checks that nothing changed at all. */
    Http1.Reply refused(Supplier<Http1.Reply> write) {
        String before = snapshot();
        Http1.Reply r = write.get();
        assertThat(r.status()).as("a refused write: %s", r.body()).isBetween(400, 499);
        assertThat(snapshot()).as("nothing changed after a refused write").isEqualTo(before);
        return r;
    }

    /** Replaces (or adds, or with "null" sets to null) one top-level field of a JSON object. */
    static String replaceField(String json, String field, String rawValue) {
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) Http1.JSON.readTree(json);
            node.remove(field);
            String text = node.toString();
            return text.substring(0, text.length() - 1) + ",\"" + field + "\":" + rawValue + "}";
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
