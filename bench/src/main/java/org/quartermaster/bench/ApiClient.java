package org.quartermaster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** A small JSON client of the platform's API, as an outside client would use it. */
final class ApiClient {
    /** Longest a bench waits for one response; a stuck request must not stall a run. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** One response: status, body and whether the server replayed it for an Idempotency-Key. */
    record Reply(int status, String body, boolean replayed) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    private final URI base;
    private final HttpClient http;
    /** Headers every request carries: the credentials (a bearer token, or a session cookie and its CSRF token). */
    private final java.util.Map<String, String> credentials;

    ApiClient(URI base) {
        this(base, java.util.Map.of());
    }

    private ApiClient(URI base, java.util.Map<String, String> credentials) {
        this.base = base;
        this.credentials = java.util.Map.copyOf(credentials);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /** A client of the same server that sends {@code Authorization: Bearer token} (a machine client's API token). */
    ApiClient withToken(String token) {
        return new ApiClient(base, java.util.Map.of("Authorization", "Bearer " + token));
    }

    /** A client of the same server signed in with a session: its cookie, and its CSRF token on writes. */
    ApiClient withSession(String cookie, String csrf) {
        return new ApiClient(base, java.util.Map.of("Cookie", cookie, "X-CSRF-Token", csrf));
    }

    /** A client of {@code base} with this one's credentials (the same server after a restart). */
    ApiClient at(URI other) {
        return new ApiClient(other, credentials);
    }

    URI base() {
        return base;
    }

    Reply get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).GET();
        credentials.forEach(b::header);
        return send(b.build());
    }

    /** The raw response of a POST, headers included (sign-in reads its Set-Cookie). */
    HttpResponse<String> postRaw(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        credentials.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs {@code json}; {@code idempotencyKey} may be null. */
    Reply post(String path, String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
        credentials.forEach(b::header);
        return send(b.build());
    }

    /** POSTs and insists on {@code expected}: for set-up steps that must work. */
    Reply postExpecting(int expected, String path, String json) throws IOException, InterruptedException {
        Reply r = post(path, json, null);
        if (r.status() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + r.status() + ": " + r.body());
        }
        return r;
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Idempotency-Replayed").isPresent());
    }
}
