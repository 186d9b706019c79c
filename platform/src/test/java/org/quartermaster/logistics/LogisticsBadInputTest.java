package org.quartermaster.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.logistics.LogisticsEndToEndTest.custody;
import static org.quartermaster.logistics.LogisticsEndToEndTest.ok;

import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;

/** Bad input of every kind on the logistics and question routes: a 4xx problem naming the field, nothing written. */
class LogisticsBadInputTest {
    static TestServer s;
    static String offer;
    static String need;
    static String shipment;

    @BeforeAll
    static void start() {
        s = TestServer.sqlite();
        LogisticsEndToEndTest.referenceData(s);
        ok(s.post("/api/v1/items", """
                {"code":"RIFLE","name":"Rifle","unit":"H87","category":"OTHER","lethal":true}"""), 201);
        need = ok(s.post("/api/v1/needs", """
                {"requester":"UKR-MOD","item":"HELMET","quantity":100,"priority":"P1","dueDate":"2030-01-31",
                 "destination":"DEST-UA","submit":true}"""), 201).json().get("id").asText();
        offer = ok(s.post("/api/v1/offers", """
                {"donor":"DEU-MOD","item":"HELMET","quantity":50,"condition":"NEW","origin":"DEPOT-DE",
                 "availableFrom":"2026-12-01","terms":"DONATION","need":"%s"}""".formatted(need)), 201).json().get("id").asText();
        ok(s.post("/api/v1/offers/" + offer + "/accept", "{\"version\":1}"), 200);
        shipment = ok(s.post("/api/v1/shipments", body("\"quantity\":10")), 201).json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String body(String lineFields) {
        return """
                {"owner":"DEU-MOD","receiver":"UKR-MOD","origin":"DEPOT-DE","destination":"DEST-UA","mode":"ROAD",
                 "plannedDeparture":"2026-12-01T08:00:00Z","plannedArrival":"2026-12-05T18:00:00Z",
                 "hubs":[{"location":"HUB-PL"}],
                 "lines":[{"kind":"OFFER","fulfils":"%s",%s}]}""".formatted(offer, lineFields);
    }

    /** The problem names {@code pointer}, and the journal did not grow. */
    static void problem(Reply r, int status, String pointer) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        if (pointer != null) assertThat(r.json().get("errors").get(0).get("pointer").asText()).as(r.body()).isEqualTo(pointer);
    }

    static long journal() {
        return s.app().journal().size();
    }

    @Test
    void refusesBadShipmentPlans() {
        long before = journal();
        problem(s.post("/api/v1/shipments", "{"), 400, null);
        problem(s.post("/api/v1/shipments", body("\"quantity\":10,\"colour\":\"red\"")), 422, "/lines/0/colour");
        problem(s.post("/api/v1/shipments", body("\"quantity\":0")), 422, "/lines/0/quantity");
        problem(s.post("/api/v1/shipments", body("\"quantity\":-3")), 422, "/lines/0/quantity");
        problem(s.post("/api/v1/shipments", body("\"quantity\":\"ten\"")), 422, "/lines/0/quantity");
        problem(s.post("/api/v1/shipments", body("\"quantity\":41")), 422, "/lines/0/quantity"); // 10 of 50 shipped
        problem(s.post("/api/v1/shipments", body("\"quantity\":5,\"item\":\"RIFLE\"")), 422, "/lines/0/item");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5,\"needs\":[{\"need\":\"N-999999\"}]")), 422,
                "/lines/0/needs/0/need");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5,\"needs\":[{\"need\":\"%s\",\"quantity\":6}]"
                .formatted(need))), 422, "/lines/0/needs/0/quantity");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5").replace("\"OFFER\"", "\"GIFT\"")), 422, "/lines/0/kind");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5").replace(offer, "O-999999")), 422, "/lines/0/fulfils");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5").replace("\"ROAD\"", "\"TELEPORT\"")), 422, "/mode");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5").replace("HUB-PL", "NOWHERE")), 422, "/hubs/0/location");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5").replace("HUB-PL", "DEPOT-DE")), 422, "/hubs/0/location");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5").replace("\"UKR-MOD\"", "\"NOBODY\"")), 422, "/receiver");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5").replace("2026-12-05T18", "2026-11-05T18")), 422,
                "/plannedArrival");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5").replace("\"lines\":[{", "\"lines\":[null,{")), 422,
                "/lines/0");
        StringBuilder hubs = new StringBuilder();
        for (int i = 0; i < Logistics.HUBS_MAX + 1; i++) hubs.append(i == 0 ? "" : ",").append("{\"location\":\"HUB-PL\"}");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5").replace("[{\"location\":\"HUB-PL\"}]",
                "[" + hubs + "]")), 422, "/hubs");
        // a contract or call-off is checked with procurement: one that does not exist is refused on the line
        problem(s.post("/api/v1/shipments", body("\"quantity\":5,\"item\":\"HELMET\"").replace(
                "\"OFFER\",\"fulfils\":\"" + offer + "\"", "\"CONTRACT\",\"fulfils\":\"C-1\"")), 422, "/lines/0/fulfils");
        problem(s.post("/api/v1/shipments", body("\"quantity\":5").replace("\"OFFER\",\"fulfils\":\"" + offer + "\"",
                "\"CALL_OFF\",\"fulfils\":\"CO-000001\"")), 422, "/lines/0/fulfils");
        assertThat(journal()).as("nothing journalled").isEqualTo(before);
    }

    @Test
    void refusesBadCustodySteps() {
        String path = "/api/v1/shipments/" + shipment + "/custody";
        long before = journal();
        problem(s.post(path, custody("TELEPORTED", "DEU-MOD", "A", "")), 422, "/kind");
        problem(s.post(path, custody("RECEIVED", "DEU-MOD", "A", "")), 422, "/kind");
        problem(s.post(path, custody("DEPARTED", "DEU-MOD", "", "")), 422, "/person");
        problem(s.post(path, custody("DEPARTED", "NOBODY", "A", "")), 422, "/organisation");
        problem(s.post(path, custody("HANDED_OVER", "DEU-MOD", "A", "")), 422, "/to");
        problem(s.post(path, custody("HANDED_OVER", "DEU-MOD", "A", ",\"to\":\"NOBODY\"")), 422, "/to");
        problem(s.post(path, custody("DEPARTED", "DEU-MOD", "A", ",\"to\":\"CARRIER-A\"")), 422, "/to");
        problem(s.post(path, custody("DEPARTED", "DEU-MOD", "A", ",\"occurredAt\":\"2999-01-01T00:00:00Z\"")), 422,
                "/occurredAt");
        problem(s.post(path, custody("DEPARTED", "DEU-MOD", "A", ",\"lines\":[{\"line\":1,\"quantity\":11}]")), 422,
                "/lines/0/quantity");
        problem(s.post(path, custody("DEPARTED", "DEU-MOD", "A", ",\"lines\":[{\"line\":9,\"quantity\":1}]")), 422,
                "/lines/0/line");
        problem(s.post(path, custody("HANDED_OVER", "DEU-MOD", "A", ",\"to\":\"DEU-MOD\"")), 409, null);
        problem(s.post(path, custody("ARRIVED_AT_HUB", "DEU-MOD", "A", "")), 409, null);
        problem(s.post("/api/v1/shipments/SH-999999/custody", custody("DEPARTED", "DEU-MOD", "A", "")), 404, null);
        problem(s.post("/api/v1/shipments/banana/custody", custody("DEPARTED", "DEU-MOD", "A", "")), 404, null);
        assertThat(journal()).isEqualTo(before);
        assertThat(ok(s.get("/api/v1/shipments/" + shipment), 200).json().get("custodyCount").asInt()).isZero();
    }

    @Test
    void refusesBadReceiptsAndRatingsBeforeArrival() {
        String path = "/api/v1/shipments/" + shipment;
        long before = journal();
        problem(s.post(path + "/receipt", """
                {"organisation":"UKR-MOD","person":"B","lines":[{"line":1,"received":1}]}"""), 409, null);
        problem(s.post(path + "/receipt", """
                {"organisation":"UKR-MOD","person":"B","lines":[{"line":1,"received":-1}]}"""), 409, null);
        problem(s.post(path + "/lines/1/rating", """
                {"organisation":"UKR-MOD","person":"B","rating":3}"""), 409, null);
        problem(s.post(path + "/lines/x/rating", """
                {"organisation":"UKR-MOD","person":"B","rating":3}"""), 404, null);
        problem(s.post(path + "/discrepancies", """
                {"line":1,"kind":"SHORT","quantity":1,"organisation":"UKR-MOD","person":"B"}"""), 409, null);
        problem(s.get(path + "/receipt"), 404, null);
        problem(s.get(path + "/attachments/00"), 404, null);
        problem(s.get("/api/v1/signing-keys/NOBODY"), 404, null);
        problem(s.get("/api/v1/shipments?status=LOST"), 400, null);
        problem(s.get("/api/v1/shipments?overdue=maybe"), 400, null);
        assertThat(journal()).isEqualTo(before);
    }

    @Test
    void refusesBadAttachmentsInAReceipt() {
        String id = ok(s.post("/api/v1/shipments", body("\"quantity\":2")), 201).json().get("id").asText();
        String path = "/api/v1/shipments/" + id;
        ok(s.post(path + "/custody", custody("DEPARTED", "DEU-MOD", "A", "")), 201);
        ok(s.post(path + "/custody", custody("ARRIVED_AT_HUB", "DEU-MOD", "A", "")), 201);
        ok(s.post(path + "/custody", custody("DEPARTED", "DEU-MOD", "A", "")), 201);
        ok(s.post(path + "/custody", custody("ARRIVED", "DEU-MOD", "A", "")), 201);
        ok(s.post(path + "/custody", custody("HANDED_OVER", "DEU-MOD", "A", ",\"to\":\"UKR-MOD\"")), 201);
        long before = journal();
        String tooBig = Base64.getEncoder().encodeToString(new byte[Logistics.ATTACHMENT_BYTES_MAX + 1]);
        String receipt = """
                {"organisation":"UKR-MOD","person":"B","lines":[{"line":1,"received":1}],
                 "discrepancies":[{"line":1,"kind":"%s","quantity":%d,"attachments":[{"name":"a.jpg",
                 "mediaType":"%s","contentBase64":"%s"}]}]}""";
        problem(s.post(path + "/receipt", receipt.formatted("DAMAGED", 1, "image/jpeg", "***")), 422,
                "/discrepancies/0/attachments/0/contentBase64");
        problem(s.post(path + "/receipt", receipt.formatted("DAMAGED", 1, "image/jpeg", tooBig)), 422,
                "/discrepancies/0/attachments/0/contentBase64");
        problem(s.post(path + "/receipt", receipt.formatted("DAMAGED", 1, "not a type", "AAAA")), 422,
                "/discrepancies/0/attachments/0/mediaType");
        problem(s.post(path + "/receipt", receipt.formatted("LOST", 1, "image/jpeg", "AAAA")), 422,
                "/discrepancies/0/kind");
        problem(s.post(path + "/receipt", receipt.formatted("DAMAGED", 2, "image/jpeg", "AAAA")), 422,
                "/lines/0/received"); // 1 received + 2 damaged > 2 shipped
        assertThat(journal()).isEqualTo(before);
        assertThat(ok(s.get(path), 200).json().get("status").asText()).isEqualTo("ARRIVED");
        ok(s.post(path + "/receipt", receipt.formatted("DAMAGED", 1, "image/jpeg", "AAAA")), 201);
        problem(s.post(path + "/discrepancies", """
                {"line":1,"kind":"SHORT","quantity":1,"organisation":"UKR-MOD","person":"B"}"""), 422, "/quantity");
    }

    @Test
    void refusesBadQuestions() {
        long before = journal();
        problem(s.post("/api/v1/questions", """
                {"record":"%s","text":"","assignedTo":"DEU-MOD","organisation":"UKR-MOD","person":"B"}"""
                .formatted(need)), 422, "/text");
        problem(s.post("/api/v1/questions", """
                {"record":"%s","text":"why?","assignedTo":"NOBODY","organisation":"UKR-MOD","person":"B"}"""
                .formatted(need)), 422, "/assignedTo");
        problem(s.post("/api/v1/questions", """
                {"record":"X-1","text":"why?","assignedTo":"DEU-MOD","organisation":"UKR-MOD","person":"B"}"""), 422,
                "/record");
        problem(s.post("/api/v1/questions/Q-999999/answer", """
                {"text":"x","organisation":"DEU-MOD","person":"A","version":1}"""), 404, null);
        problem(s.get("/api/v1/questions?status=MAYBE"), 400, null);
        assertThat(journal()).isEqualTo(before);
        String q = ok(s.post("/api/v1/questions", """
                {"record":"%s","text":"why?","assignedTo":"DEU-MOD","organisation":"UKR-MOD","person":"B"}"""
                .formatted(offer)), 201).json().get("id").asText();
        problem(s.post("/api/v1/questions/" + q + "/answer", """
                {"text":"x","organisation":"DEU-MOD","person":"A","version":7}"""), 409, null);
        ok(s.post("/api/v1/questions/" + q + "/answer", """
                {"text":"x","organisation":"DEU-MOD","person":"A","version":1}"""), 200);
        problem(s.post("/api/v1/questions/" + q + "/answer", """
                {"text":"x","organisation":"DEU-MOD","person":"A","version":2}"""), 409, null);
    }

    @Test
    void refusesBadAbsorption() {
        problem(s.put("/api/v1/absorption", """
                {"organisation":"UKR-MOD","destination":"DEST-UA","item":"HELMET","unitsPerWeek":-1}"""), 422,
                "/unitsPerWeek");
        problem(s.put("/api/v1/absorption", """
                {"organisation":"UKR-MOD","destination":"NOWHERE","item":"HELMET","unitsPerWeek":10}"""), 422,
                "/destination");
        var rows = ok(s.put("/api/v1/absorption", """
                {"organisation":"UKR-MOD","destination":"DEST-UA","item":"HELMET","unitsPerWeek":10}"""), 200).json();
        assertThat(rows.get("items").toString()).contains("\"unitsPerWeek\":10");
    }
}
