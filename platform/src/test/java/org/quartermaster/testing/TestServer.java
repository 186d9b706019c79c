package org.quartermaster.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.quartermaster.Quartermaster;
import org.quartermaster.server.Server;
import org.quartermaster.store.Database;

/** The real platform on a free port, and a small HTTP client that speaks to it. */
public final class TestServer implements AutoCloseable {
    private final Quartermaster app;
    private final Server server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer(Database db) {
        this.app = new Quartermaster(db);
        this.server = app.serve("127.0.0.1", 0);
    }

    public static TestServer sqlite() {
        return new TestServer(TestDatabases.sqlite());
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
        headers.forEach(b::header);
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
