package org.quartermaster.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.server.RouteTable.Route;
import org.quartermaster.shared.Limits;

/**
 * What every route shares: strict bodies, size and media type limits, unknown routes and
 * methods, idempotency keys, the OpenAPI document, health and metrics. Routes are taken from
 * the route table itself, so a route added later is covered without editing this class.
 */
abstract class EdgeContract extends ApiSupport {

    private List<Route> routes;

    /** Every JSON route of the platform, as wired by {@code Quartermaster.routes()}. */
    List<Route> apiRoutes() {
        if (routes == null) routes = server.app().routes().routes().stream().filter(r -> !r.html()).toList();
        return routes;
    }

    /** A concrete path for a route: every path parameter is an id nothing has. */
    static String unknownPath(Route r) {
        return r.path().replaceAll("\\{[^}]+}", "NO-SUCH-9");
    }

    /** A route that declares a request body (a POST without one, such as logout, takes none). */
    static boolean takesBody(Route r) {
        return r.request() != null
                && (r.method() == HandlerType.POST || r.method() == HandlerType.PUT || r.method() == HandlerType.PATCH);
    }

    @Nested
    class Bodies {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"{", "{\"code\":", "not json", "{\"code\":\"A\"} trailing", "{'code':'A'}",
                "{\"code\":\"A\",\"code\":\"B\"}", "null", "[]", "[{\"code\":\"A\"}]", "\"text\"", "42"})
        void refusesABodyThatIsNotOneJsonObjectWith400(String body) {
            problem(refused(() -> http.post("/api/v1/items", body)), 400);
        }

        @Test
        void pointsIntoTheBodyEvenWhenAHeaderSharesTheFieldsName() {
            World w = world();
            String body = replaceField(offerBody(w, w.item(), 5, null), "origin", "\"NO-SUCH-LOC\"");
            fieldProblem(refused(() -> http.send(Http1.Call.of("POST", "/api/v1/offers", body)
                    .withHeader("Origin", "http://localhost"))), "/origin");
        }

        @Test
        void refusesAnEmptyBodyWith400() {
            problem(refused(() -> http.post("/api/v1/needs", "")), 400);
            problem(refused(() -> http.send(Http1.Call.of("POST", "/api/v1/needs", null))), 400);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml",
                "multipart/form-data; boundary=x"})
        void refusesAnotherMediaTypeWith415(String type) {
            String body = "{\"code\":\"" + unique("CT") + "\",\"name\":\"x\",\"unit\":\"H87\",\"category\":\"OTHER\","
                    + "\"lethal\":false}";
            problem(refused(() -> http.send(Http1.Call.of("POST", "/api/v1/items", body).withContentType(type))), 415);
        }

        @Test
        void acceptsJsonWithACharsetParameter() {
            String body = "{\"code\":\"" + unique("CS") + "\",\"name\":\"x\",\"unit\":\"H87\",\"category\":\"OTHER\","
                    + "\"lethal\":false}";
            created(http.send(Http1.Call.of("POST", "/api/v1/items", body)
                    .withContentType("application/json; charset=utf-8")));
        }

        @Test
        void refusesABodyOverOneMebibyteWith413() {
            byte[] big = oversized();
            problem(refused(() -> http.send(new Http1.Call("POST", "/api/v1/items", big, "application/json", false,
                    java.util.Map.of()))), 413);
        }

        @Test
        void refusesAChunkedBodyOverOneMebibyteWith413() {
            byte[] big = oversized();
            problem(refused(() -> http.send(new Http1.Call("POST", "/api/v1/needs", big, "application/json", true,
                    java.util.Map.of()))), 413);
        }

        @Test
        void refusesAnOversizedBodyWithAnIdempotencyKeyWith413() {
            byte[] big = oversized();
            problem(refused(() -> http.send(new Http1.Call("POST", "/api/v1/items", big, "application/json", false,
                    java.util.Map.of("Idempotency-Key", unique("big"))))), 413);
        }

        /** A well-formed item whose name makes the body one byte over the limit. */
        private byte[] oversized() {
            String head = "{\"code\":\"BIG-1\",\"unit\":\"H87\",\"category\":\"OTHER\",\"lethal\":false,\"name\":\"";
            int fill = Limits.BODY_BYTES_MAX + 1 - head.length() - 2;
            byte[] big = (head + "n".repeat(fill) + "\"}").getBytes(StandardCharsets.UTF_8);
            assertThat(big.length).isEqualTo(Limits.BODY_BYTES_MAX + 1);
            return big;
        }

        @Test
        void refusesNulCharactersInTextWithoutA500() {
            // PostgreSQL cannot store U+0000 in text: it must be refused before it reaches SQL.
            String body = "{\"code\":\"" + unique("NUL") + "\",\"name\":\"a\\u0000b\",\"unit\":\"H87\","
                    + "\"category\":\"OTHER\",\"lethal\":false}";
            fieldProblem(refused(() -> http.post("/api/v1/items", body)), "/name");
            for (String path : List.of("/api/v1/items/A%00B", "/api/v1/items?q=%00", "/api/v1/organisations?group=%00",
                    "/api/v1/needs?item=%00", "/api/v1/offers?donor=%00", "/api/v1/history/X%00")) {
                Http1.Reply r = http.get(path);
                assertThat(r.status()).as("GET %s: %s", path, r.body()).isBetween(400, 404);
                problem(r, r.status());
            }
        }
    }

    @Nested
    class Routing {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/api/v1/nothing", "/api/v2/items", "/nothing", "/api/v1/needs/N-000001/fly"})
        void answersAnUnknownRouteWithA404Problem(String path) {
            problem(http.get(path), 404);
            problem(refused(() -> http.post(path, "{}")), 404);
        }

        @Test
        void answersAWrongMethodOnEveryRouteWithA405Problem() {
            Set<String> all = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
            for (String path : apiRoutes().stream().map(EdgeContract::unknownPath).distinct().toList()) {
                Set<String> allowed = new HashSet<>();
                apiRoutes().stream().filter(r -> unknownPath(r).equals(path)).forEach(r -> allowed.add(r.method().name()));
                for (String method : all) {
                    if (allowed.contains(method)) continue;
                    Http1.Reply r = http.send(Http1.Call.of(method, path, method.equals("GET") ? null : "{}"));
                    assertThat(r.status()).as("%s %s: %s", method, path, r.body()).isEqualTo(405);
                    problem(r, 405);
                }
            }
        }

        @Test
        void refusesAMalformedBodyOnEveryRouteThatTakesOne() {
            java.util.Map<Route, String> known = knownPaths();
            String before = snapshot();
            for (Route r : apiRoutes()) {
                if (!takesBody(r)) continue;
                Http1.Reply unknown = http.send(Http1.Call.of(r.method().name(), unknownPath(r), "{\"broken\":"));
                assertThat(unknown.status()).as("%s %s: %s", r.method(), r.path(), unknown.body()).isIn(400, 404);
                problem(unknown, unknown.status());
                problem(http.send(Http1.Call.of(r.method().name(), known.get(r), "{\"broken\":")), 400);
            }
            assertThat(snapshot()).isEqualTo(before);
        }

        @Test
        void answersAnUnknownIdOnEveryRouteWithAPathParameter() {
            String before = snapshot();
            for (Route r : apiRoutes()) {
                if (!r.path().contains("{")) continue;
                String body = takesBody(r) ? "{\"version\":1}" : null;
                Http1.Reply reply = http.send(Http1.Call.of(r.method().name(), unknownPath(r), body));
                assertThat(reply.status()).as("%s %s: %s", r.method(), unknownPath(r), reply.body()).isIn(404, 422);
                problem(reply, reply.status());
            }
            assertThat(snapshot()).isEqualTo(before);
        }

        @Test
        void answersABadLimitOnEveryListRouteWith400() {
            for (Route r : apiRoutes()) {
                if (r.method() != HandlerType.GET || r.params().stream().noneMatch(p -> p.name().equals("limit"))) continue;
                parameterProblem(http.get(r.path() + "?limit=0"), "limit");
                parameterProblem(http.get(r.path() + "?after=%3F%3F"), "after");
            }
        }

        @Test
        void answersAnEmptyBodyOnEveryRouteThatTakesOneWith400() {
            java.util.Map<Route, String> known = knownPaths();
            String before = snapshot();
            for (Route r : apiRoutes()) {
                if (!takesBody(r)) continue;
                Http1.Reply reply = http.send(Http1.Call.of(r.method().name(), known.get(r), ""));
                assertThat(reply.status()).as("%s %s: %s", r.method(), r.path(), reply.body()).isEqualTo(400);
                problem(reply, 400);
            }
            assertThat(snapshot()).isEqualTo(before);
        }

        /** Each route's path with ids of records that exist, made before any snapshot is taken. */
        private java.util.Map<Route, String> knownPaths() {
            java.util.Map<Route, String> out = new java.util.HashMap<>();
            for (Route r : apiRoutes()) out.put(r, knownPath(r));
            return out;
        }

        /** The route's path with ids of records that exist (made on demand). */
        private String knownPath(Route r) {
            if (!r.path().contains("{")) return r.path();
            String id;
            if (r.path().startsWith("/api/v1/needs/")) id = need(world(), 5, false).get("id").asText();
            else if (r.path().startsWith("/api/v1/offers/")) id = offer(world(), 5, null).get("id").asText();
            else if (r.path().startsWith("/api/v1/items/")) id = item(false);
            else if (r.path().startsWith("/api/v1/organisations/")) id = organisation("FUND");
            else if (r.path().startsWith("/api/v1/locations/")) id = location(null);
            else return unknownPath(r);
            return r.path().replaceAll("\\{[^}]+}", id);
        }
    }

    @Nested
    class IdempotencyKeys {
        @Test
        void replaysTheSameKeyAndBodyWithoutASecondEffect() {
            World w = world();
            String key = unique("key");
            Http1.Call call = Http1.Call.of("POST", "/api/v1/needs", needBody(w, 7, true)).withHeader("Idempotency-Key", key);
            long events = journalSize();
            int needs = listAll("/api/v1/needs").size();
            Http1.Reply first = http.send(call);
            Http1.Reply again = http.send(call);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("Location")).isEqualTo(first.header("Location"));
            assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
            assertThat(listAll("/api/v1/needs")).hasSize(needs + 1);
            assertThat(journalSize()).isEqualTo(events + 1);
        }

        @Test
        void replaysALifecycleStep() {
            JsonNode draft = need(world(), 3, false);
            Http1.Call call = Http1.Call.of("POST", "/api/v1/needs/" + draft.get("id").asText() + "/submit",
                    "{\"version\":1}").withHeader("Idempotency-Key", unique("step"));
            Http1.Reply first = http.send(call);
            long events = journalSize();
            Http1.Reply again = http.send(call);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(again.status()).as("a replay, not a stale-version 409").isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(journalSize()).isEqualTo(events);
        }

        @Test
        void refusesTheSameKeyWithAnotherBodyWith422() {
            World w = world();
            String key = unique("key");
            created(http.send(Http1.Call.of("POST", "/api/v1/needs", needBody(w, 7, true)).withHeader("Idempotency-Key", key)));
            JsonNode p = problem(refused(() -> http.send(Http1.Call.of("POST", "/api/v1/needs", needBody(w, 8, true))
                    .withHeader("Idempotency-Key", key))), 422);
            assertThat(p.get("type").asText()).endsWith("idempotency-key-reused");
        }

        @Test
        void refusesAnOverlongKeyPointingAtTheHeader() {
            World w = world();
            JsonNode p = problem(refused(() -> http.send(Http1.Call.of("POST", "/api/v1/needs", needBody(w, 7, true))
                    .withHeader("Idempotency-Key", "k".repeat(Limits.IDEMPOTENCY_KEY_LENGTH_MAX + 1)))), 400);
            assertThat(pointers(p, "parameter")).contains("Idempotency-Key");
        }

        @Test
        void letsExactlyOneOfTwentyConcurrentRequestsWithOneKeyTakeEffect() throws Exception {
            World w = world();
            Http1.Call call = Http1.Call.of("POST", "/api/v1/needs", needBody(w, 9, true))
                    .withHeader("Idempotency-Key", unique("race"));
            long events = journalSize();
            int needs = listAll("/api/v1/needs").size();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http1.Reply>> replies = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
                for (int i = 0; i < 20; i++) {
                    replies.add(pool.submit(() -> {
                        go.await();
                        return http.send(call);
                    }));
                }
                go.countDown();
                List<Http1.Reply> done = new ArrayList<>();
                for (Future<Http1.Reply> f : replies) done.add(f.get());
                String firstCreated = null;
                List<String> seeOther = new ArrayList<>();
                for (Http1.Reply r : done) {
                    // 201: the effect (or its replay); 409: still running, nothing committed yet;
                    // 303: committed but its response not stored yet, so the result's address.
                    assertThat(r.status()).as(r.body()).isIn(201, 303, 409);
                    if (r.status() == 201) {
                        if (firstCreated == null) firstCreated = r.body();
                        assertThat(r.body()).as("every 201 is the same response").isEqualTo(firstCreated);
                    } else if (r.status() == 303) {
                        assertThat(problem(r, 303).get("type").asText()).endsWith("idempotency-see-other");
                        seeOther.add(r.body());
                    } else {
                        assertThat(problem(r, 409).get("type").asText()).endsWith("idempotency-key-in-progress");
                    }
                }
                assertThat(firstCreated).as("one request succeeded").isNotNull();
                String createdId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(firstCreated)
                        .get("id").asText();
                for (String body : seeOther) assertThat(body).as("a 303 points at the one need filed").contains(createdId);
            }
            assertThat(listAll("/api/v1/needs")).as("exactly one need filed").hasSize(needs + 1);
            assertThat(journalSize()).as("exactly one event").isEqualTo(events + 1);
            Http1.Reply after = http.send(call);
            assertThat(after.status()).isEqualTo(201);
            assertThat(after.header("Idempotency-Replayed")).isEqualTo("true");
        }

        @Test
        void doesNotBurnAKeyOnARefusedRequest() {
            World w = world();
            String key = unique("retry");
            String bad = replaceField(needBody(w, 1, true), "item", "\"NO-SUCH-ITEM\"");
            fieldProblem(http.send(Http1.Call.of("POST", "/api/v1/needs", bad).withHeader("Idempotency-Key", key)), "/item");
            created(http.send(Http1.Call.of("POST", "/api/v1/needs", needBody(w, 1, true)).withHeader("Idempotency-Key", key)));
        }
    }

    @Nested
    class Races {
        @Test
        void letsOneOfManyConcurrentCreatesOfOneCodeWinAndRefusesTheRestWithoutA500() throws Exception {
            for (String kind : List.of("items", "organisations", "locations")) {
                String code = unique("RACE");
                String body = switch (kind) {
                    case "items" -> "{\"code\":\"" + code + "\",\"name\":\"x\",\"unit\":\"H87\",\"category\":\"OTHER\","
                            + "\"lethal\":false}";
                    case "organisations" -> "{\"code\":\"" + code + "\",\"name\":\"x\",\"kind\":\"FUND\","
                            + "\"country\":\"POL\"}";
                    default -> "{\"code\":\"" + code + "\",\"name\":\"x\",\"kind\":\"HUB\",\"country\":\"POL\"}";
                };
                long events = journalSize();
                List<Http1.Reply> replies = concurrently(8, () -> http.post("/api/v1/" + kind, body));
                long created = replies.stream().filter(r -> r.status() == 201).count();
                assertThat(created).as("%s: %s", kind, replies).isEqualTo(1);
                for (Http1.Reply r : replies) {
                    if (r.status() != 201) {
                        assertThat(r.status()).as(r.body()).isIn(409, 422);
                        problem(r, r.status());
                    }
                }
                assertThat(journalSize()).isEqualTo(events + 1);
            }
        }

        private List<Http1.Reply> concurrently(int n, java.util.concurrent.Callable<Http1.Reply> call) throws Exception {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http1.Reply>> futures = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
                for (int i = 0; i < n; i++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return call.call();
                    }));
                }
                go.countDown();
                List<Http1.Reply> out = new ArrayList<>();
                for (Future<Http1.Reply> f : futures) out.add(f.get());
                return out;
            }
        }
    }

    @Nested
    class Documents {
        @Test
        void servesHealth() {
            JsonNode health = read("/health");
            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(health.get("database").asText()).isEqualTo(server.app().db().dialect().name().toLowerCase());
            assertThat(health.get("journalEvents").asLong()).isEqualTo(server.app().journal().size());
        }

        @Test
        void servesPrometheusMetricsOfRequests() {
            read("/api/v1/items");
            Http1.Reply r = http.get("/metrics");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/plain");
            assertThat(r.body()).contains("http_server_requests").contains("route=\"/api/v1/items\"")
                    .contains("jvm_memory_used_bytes");
        }

        @Test
        void documentsEveryApiRouteOfTheRouteTableAndNothingElse() {
            JsonNode doc = read("/api/openapi.json");
            assertThat(doc.get("openapi").asText()).startsWith("3.1");
            Set<String> expected = new HashSet<>();
            for (Route r : apiRoutes()) expected.add(r.method().name().toLowerCase() + " " + r.path());
            assertThat(expected).as("the route table has the v1 API").anyMatch(e -> e.contains("/api/v1/"));
            Set<String> documented = new HashSet<>();
            doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                    .forEachRemaining(m -> documented.add(m + " " + p.getKey())));
            assertThat(documented).containsExactlyInAnyOrderElementsOf(expected);
            for (Route r : apiRoutes()) {
                JsonNode op = doc.get("paths").get(r.path()).get(r.method().name().toLowerCase());
                assertThat(op.get("responses").has("4XX")).as("%s %s documents problems", r.method(), r.path()).isTrue();
                if (takesBody(r)) {
                    String ref = op.at("/requestBody/content/application~1json/schema/$ref").asText();
                    String name = ref.substring(ref.lastIndexOf('/') + 1);
                    assertThat(doc.at("/components/schemas/" + name).isObject()).as(ref).isTrue();
                }
            }
        }

        @Test
        void documentsEveryRequestFieldSoUnknownFieldsAreTheOnlyRefusedOnes() {
            JsonNode schemas = read("/api/openapi.json").get("components").get("schemas");
            assertThat(schemas.get("NeedRequest").get("properties").has("quantity")).isTrue();
            assertThat(schemas.get("NeedRequest").get("additionalProperties").asBoolean()).isFalse();
        }
    }
}
