package org.quartermaster.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.TestServer;

/**
 * The server can stop after a request's effect committed (with its idempotency claim) but
 * before its response was stored. A retry with the same key then learns where the result is,
 * instead of being told forever that the request is in progress.
 */
class IdempotencyCrashWindowTest {
    static final String ITEM = """
            {"code":"DRONE-FPV","name":"FPV drone","unit":"H87","category":"DRONES","lethal":true}""";

    @Test
    void aRetryAfterALostResponsePointsAtTheResult() {
        try (TestServer s = TestServer.sqlite()) {
            var first = s.post("/api/v1/items", ITEM, Map.of("Idempotency-Key", "k-1"));
            assertThat(first.status()).isEqualTo(201);
            // What a crash between the commit and the storing of the response leaves behind.
            s.app().db().write(Actor.SYSTEM, tx -> tx.handle().execute(
                    "UPDATE idempotency_keys SET status = NULL, response_body = NULL, content_type = NULL"));

            var retry = s.post("/api/v1/items", ITEM, Map.of("Idempotency-Key", "k-1"));

            assertThat(retry.status()).isEqualTo(303);
            assertThat(retry.header("Location")).isEqualTo("/api/v1/items/DRONE-FPV");
            assertThat(retry.json().get("type").asText()).isEqualTo("/problems/idempotency-see-other");
            assertThat(s.get(retry.header("Location")).status()).isEqualTo(200);
            assertThat(s.get("/api/v1/items").json().get("items")).hasSize(1);
        }
    }

    @Test
    void aStepOnARecordPointsAtTheRecord() {
        try (TestServer s = TestServer.sqlite()) {
            s.post("/api/v1/items", ITEM);
            s.post("/api/v1/organisations", """
                    {"code":"UKR-MOD","name":"Ministry","kind":"RECIPIENT","country":"UKR","groups":[]}""");
            s.post("/api/v1/locations", """
                    {"code":"UKR-D1","name":"Depot","country":"UKR","kind":"DEPOT"}""");
            var need = s.post("/api/v1/needs", """
                    {"requester":"UKR-MOD","item":"DRONE-FPV","quantity":10,"priority":"P1",
                     "dueDate":"2027-01-15","destination":"UKR-D1"}""");
            String id = need.json().get("id").asText();
            var submitted = s.post("/api/v1/needs/" + id + "/submit", "{\"version\":1}", Map.of("Idempotency-Key", "k-2"));
            assertThat(submitted.status()).isEqualTo(200);
            s.app().db().write(Actor.SYSTEM, tx -> tx.handle().execute(
                    "UPDATE idempotency_keys SET status = NULL, response_body = NULL, content_type = NULL"));

            var retry = s.post("/api/v1/needs/" + id + "/submit", "{\"version\":1}", Map.of("Idempotency-Key", "k-2"));

            assertThat(retry.status()).isEqualTo(303);
            assertThat(retry.header("Location")).isEqualTo("/api/v1/needs/" + id);
            assertThat(s.get(retry.header("Location")).json().get("status").asText()).isEqualTo("OPEN");
        }
    }
}
