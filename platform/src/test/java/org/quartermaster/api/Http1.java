package org.quartermaster.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A raw HTTP/1.1 client for the API suite: full control over method, body bytes, content type
 * (or none) and chunked transfer, which the shared test client deliberately hides.
 */
final class Http1 {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Http1(String base) {
        this.base = base;
    }

    /** A response: status, body, headers. */
    record Reply(int status, String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    /** A request to build. {@code contentType} null sends no Content-Type header. */
    record Call(String method, String path, byte[] body, String contentType, boolean chunked,
                Map<String, String> headers) {
        static Call of(String method, String path, String json) {
            return new Call(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                    json == null ? null : "application/json", false, Map.of());
        }

        Call withContentType(String type) {
            return new Call(method, path, body, type, chunked, headers);
        }

        Call asChunked() {
            return new Call(method, path, body, contentType, true, headers);
        }

        Call withHeader(String name, String value) {
            var all = new java.util.LinkedHashMap<>(headers);
            all.put(name, value);
            return new Call(method, path, body, contentType, chunked, Map.copyOf(all));
        }
    }

    Reply get(String path) {
        return send(Call.of("GET", path, null));
    }

    Reply post(String path, String json) {
        return send(Call.of("POST", path, json));
    }

    Reply put(String path, String json) {
        return send(Call.of("PUT", path, json));
    }

    Reply patch(String path, String json) {
        return send(Call.of("PATCH", path, json));
    }

    Reply send(Call call) {
        HttpRequest.BodyPublisher publisher;
        if (call.body() == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (call.chunked()) {
            byte[] bytes = call.body();
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            publisher = HttpRequest.BodyPublishers.ofByteArray(call.body());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + call.path()))
                .timeout(Duration.ofSeconds(30)).method(call.method(), publisher);
        if (call.contentType() != null) b.header("Content-Type", call.contentType());
        call.headers().forEach(b::header);
        // Each call on a connection of its own: a connection the server closed after an earlier
        // call's refusal (413, a malformed request) must never be picked from a pool for the next
        // ("header parser received no bytes").
        HttpClient via = newClient();
        try {
            HttpResponse<String> r = via.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(call.method() + " " + call.path() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            via.close();
        }
    }
}
