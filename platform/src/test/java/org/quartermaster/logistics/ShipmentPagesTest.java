package org.quartermaster.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.logistics.LogisticsEndToEndTest.custody;
import static org.quartermaster.logistics.LogisticsEndToEndTest.ok;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartermaster.testing.TestServer;

/** The shipment board, a shipment's page with its custody timeline, and the receiving and discrepancy forms. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShipmentPagesTest {
    static TestServer s;
    static String id;

    @BeforeAll
    static void start() {
        s = TestServer.sqlite();
        LogisticsEndToEndTest.referenceData(s);
        String offer = LogisticsEndToEndTest.acceptedOffer(s, 20);
        id = ok(s.post("/api/v1/shipments", """
                {"owner":"DEU-MOD","receiver":"UKR-MOD","origin":"DEPOT-DE","destination":"DEST-UA","mode":"RAIL",
                 "plannedDeparture":"2026-01-01T08:00:00Z","plannedArrival":"2026-01-05T18:00:00Z",
                 "hubs":[{"location":"HUB-PL"}],
                 "lines":[{"kind":"OFFER","fulfils":"%s","item":"HELMET","quantity":20}]}""".formatted(offer)), 201)
                .json().get("id").asText();
        String path = "/api/v1/shipments/" + id + "/custody";
        ok(s.post(path, custody("DEPARTED", "DEU-MOD", "Anna", "")), 201);
        ok(s.post(path, custody("ARRIVED_AT_HUB", "DEU-MOD", "Anna", "")), 201);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    @Order(1)
    void theBoardCountsAndListsInEveryLanguage() {
        String board = ok(s.get("/shipments"), 200).body();
        assertThat(board).contains("id=\"board-AT_HUB\" href=\"/shipments?status=AT_HUB\">1<").contains(id)
                .contains("DEPOT-DE → HUB-PL → DEST-UA");
        // planned to arrive in January 2026: overdue while still at a hub
        assertThat(ok(s.get("/shipments?overdue=true"), 200).body()).contains(id);
        assertThat(ok(s.get("/shipments?status=RECEIVED"), 200).body()).doesNotContain("/shipments/" + id);
        for (var lang : Map.of("uk", "У хабі", "fr", "Au hub").entrySet()) {
            var r = s.send("GET", "/shipments", null, Map.of("Cookie", "lang=" + lang.getKey()));
            assertThat(r.body()).contains("<html lang=\"" + lang.getKey() + "\">").contains(lang.getValue());
        }
    }

    @Test
    @Order(2)
    void receivingAndDiscrepancyFormsSignAndStoreTheFile() throws Exception {
        String path = "/api/v1/shipments/" + id + "/custody";
        ok(s.post(path, custody("DEPARTED", "DEU-MOD", "Anna", "")), 201);
        ok(s.post(path, custody("ARRIVED", "DEU-MOD", "Anna", "")), 201);
        assertThat(ok(s.get("/shipments/" + id), 200).body()).doesNotContain("id=\"receipt-form\"");
        ok(s.post(path, custody("HANDED_OVER", "DEU-MOD", "Anna", ",\"to\":\"UKR-MOD\"")), 201);
        String page = ok(s.get("/shipments/" + id), 200).body();
        assertThat(page).contains("id=\"receipt-form\"").contains("Anna (DEU-MOD) → UKR-MOD");

        var r = multipart("/shipments/" + id + "/receipt", Map.of("organisation", "UKR-MOD", "person", "Sgt. Melnyk",
                "received_1", "17", "kind", "DAMAGED", "quantity", "2", "note", "wet"), "wet.jpg", "JPEGDATA");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        page = ok(s.get("/shipments/" + id), 200).body();
        assertThat(page).contains("id=\"receipt\"").contains("Sgt. Melnyk").contains("✓")
                .contains("wet.jpg").contains("id=\"discrepancy-form\"");

        var late = multipart("/shipments/" + id + "/discrepancies", Map.of("organisation", "UKR-MOD",
                "person", "Sgt. Melnyk", "line", "1", "kind", "SHORT", "quantity", "1"), null, null);
        assertThat(late.statusCode()).as(late.body()).isEqualTo(303);
        var tooMany = multipart("/shipments/" + id + "/discrepancies", Map.of("organisation", "UKR-MOD",
                "person", "Sgt. Melnyk", "line", "1", "kind", "SHORT", "quantity", "5"), null, null);
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(ok(s.get("/api/v1/shipments/" + id + "/discrepancies"), 200).json().get("items")).hasSize(2);
    }

    static HttpResponse<String> multipart(String path, Map<String, String> fields, String fileName, String content)
            throws Exception {
        String boundary = "qmboundary42";
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        if (fileName != null) {
            b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(fileName).append("\"\r\nContent-Type: image/jpeg\r\n\r\n").append(content).append("\r\n");
        }
        b.append("--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create(s.base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(b.toString(), StandardCharsets.UTF_8)).build();
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
