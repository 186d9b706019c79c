package org.quartermaster.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.capacity.CapacityFixture.MONDAY;
import static org.quartermaster.capacity.CapacityFixture.SHELLS;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;

/** Every capacity route over real HTTP: the happy paths, and bad input that writes nothing. */
class CapacityApiTest {
    TestServer s;

    @BeforeEach
    void start() {
        s = TestServer.sqlite();
        CapacityFixture.load(s.app());
    }

    @AfterEach
    void stop() {
        s.close();
    }

    static Reply ok(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    static void problem(Reply r, int status, String pointerOrParameter) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        if (pointerOrParameter != null) {
            JsonNode error = r.json().get("errors").get(0);
            String named = error.hasNonNull("pointer") ? error.get("pointer").asText() : error.get("parameter").asText();
            assertThat(named).as(r.body()).isEqualTo(pointerOrParameter);
        }
    }

    static String line(String supplier, String item, String capacity, String extra) {
        return """
                {"supplier":"%s","item":"%s","site":"SITE-A","name":"Shell line 1","firstWeek":"%s",
                 "horizonWeeks":52,"capacityPerWeek":%s,"unitPriceMinor":400000,"currency":"EUR",
                 "leadTimeWeeks":6%s}""".formatted(supplier, item, MONDAY, capacity, extra);
    }

    static final String RAMP = """
            ,"rampUp":[{"fromWeek":"%s","capacityPerWeek":200},{"fromWeek":"%s","capacityPerWeek":400}]"""
            .formatted(MONDAY.plusWeeks(4), MONDAY.plusWeeks(10));

    String publish() {
        Reply r = ok(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "100", RAMP)), 201);
        return r.json().get("id").asText();
    }

    String reservation(String line, int week, long quantity) {
        return """
                {"line":"%s","week":"%s","quantity":%d,"reserver":"BUYER","referenceKind":"CONTRACT",
                 "referenceId":"C-000042"}""".formatted(line, MONDAY.plusWeeks(week), quantity);
    }

    long journalSize() {
        return s.app().journal().size();
    }

    @Test
    void publishesALineReleasedPublicWithItsRampUpWeekByWeek() {
        String id = publish();
        Reply r = ok(s.get("/api/v1/capacity/lines/" + id), 200);
        JsonNode line = r.json().get("line");
        assertThat(line.get("releasableTo").toString()).isEqualTo("[\"PUBLIC\"]");
        assertThat(line.get("version").asLong()).isEqualTo(1);
        JsonNode weeks = r.json().get("weeks");
        assertThat(weeks).hasSize(52);
        // 100 until week 4, 200 from week 4, 400 from week 10 (the RAMP above)
        assertThat(weeks.get(3).get("capacity").asLong()).isEqualTo(100);
        assertThat(weeks.get(4).get("capacity").asLong()).isEqualTo(200);
        assertThat(weeks.get(9).get("capacity").asLong()).isEqualTo(200);
        assertThat(weeks.get(10).get("capacity").asLong()).isEqualTo(400);
        assertThat(weeks.get(51).get("free").asLong()).isEqualTo(400);
        JsonNode list = ok(s.get("/api/v1/capacity/lines?item=" + SHELLS), 200).json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(ok(s.get("/api/v1/capacity/lines?supplier=SUP-B"), 200).json().get("items")).isEmpty();
    }

    @Test
    void refusesBadLinesOnTheirFieldAndWritesNothing() {
        long before = journalSize();
        problem(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "-5", "")), 422, "/capacityPerWeek");
        problem(s.post("/api/v1/capacity/lines", line("SUP-A", "NO-SUCH-ITEM", "100", "")), 422, "/item");
        problem(s.post("/api/v1/capacity/lines", line("SUP-X", SHELLS, "100", "")), 422, "/supplier");
        problem(s.post("/api/v1/capacity/lines", line("BUYER", SHELLS, "100", "")), 422, "/supplier");
        problem(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "100", ",\"currency\":\"XXY\"")
                .replace("\"currency\":\"EUR\",", "")), 422, "/currency");
        problem(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "100", "")
                .replace(MONDAY.toString(), MONDAY.plusDays(2).toString())), 422, "/firstWeek");
        problem(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "100", "")
                .replace("\"horizonWeeks\":52", "\"horizonWeeks\":157")), 422, "/horizonWeeks");
        problem(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "100", ",\"rampUp\":[{\"fromWeek\":\""
                + MONDAY.plusWeeks(52) + "\",\"capacityPerWeek\":5}]")), 422, "/rampUp/0/fromWeek");
        problem(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "100", ",\"rampUp\":[{\"fromWeek\":\""
                + MONDAY.plusWeeks(3) + "\",\"capacityPerWeek\":-1}]")), 422, "/rampUp/0/capacityPerWeek");
        problem(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "100", "")
                .replace("\"leadTimeWeeks\":6", "\"leadTimeWeeks\":-1")), 422, "/leadTimeWeeks");
        problem(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "100", "")
                .replace("\"unitPriceMinor\":400000", "\"unitPriceMinor\":-1")), 422, "/unitPriceMinor");
        problem(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "100", ",\"colour\":\"red\"")), 422, "/colour");
        problem(s.post("/api/v1/capacity/lines", "{\"supplier\":"), 400, null);
        problem(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "100", "").replace("\"site\":\"SITE-A\",", "")),
                422, "/site");
        assertThat(journalSize()).isEqualTo(before);
        assertThat(ok(s.get("/api/v1/capacity/lines"), 200).json().get("items")).isEmpty();
    }

    @Test
    void reservesWithinFreeCapacityRefusesAboveItWithoutWritingAndReleases() {
        String line = publish();
        Reply first = ok(s.post("/api/v1/capacity/reservations", reservation(line, 2, 60)), 201);
        assertThat(first.header("Location")).endsWith(first.json().get("id").asText());
        assertThat(first.json().get("releasableTo").toString()).contains("SUP-A");
        ok(s.post("/api/v1/capacity/reservations", reservation(line, 2, 40)), 201);
        long before = journalSize();
        // week 2 makes 100 units and all 100 are reserved: one more is refused on the quantity
        problem(s.post("/api/v1/capacity/reservations", reservation(line, 2, 1)), 409, "/quantity");
        assertThat(journalSize()).isEqualTo(before);
        assertThat(ok(s.get("/api/v1/capacity/reservations?line=" + line), 200).json().get("items")).hasSize(2);
        JsonNode week2 = ok(s.get("/api/v1/capacity/lines/" + line), 200).json().get("weeks").get(2);
        assertThat(week2.get("reserved").asLong()).isEqualTo(100);
        assertThat(week2.get("free").asLong()).isZero();

        String id = first.json().get("id").asText();
        problem(s.post("/api/v1/capacity/reservations/" + id + "/release", "{\"version\":7}"), 409, null);
        Reply released = ok(s.post("/api/v1/capacity/reservations/" + id + "/release", "{\"version\":1}"), 200);
        assertThat(released.json().get("status").asText()).isEqualTo("RELEASED");
        assertThat(released.json().get("version").asLong()).isEqualTo(2);
        problem(s.post("/api/v1/capacity/reservations/" + id + "/release", "{\"version\":2}"), 409, null);
        assertThat(ok(s.get("/api/v1/capacity/lines/" + line), 200).json().get("weeks").get(2).get("free").asLong())
                .isEqualTo(60);
        ok(s.post("/api/v1/capacity/reservations", reservation(line, 2, 60)), 201);
        assertThat(ok(s.get("/api/v1/capacity/reservations?status=RELEASED"), 200).json().get("items")).hasSize(1);
        assertThat(ok(s.get("/api/v1/capacity/reservations/" + id), 200).json().get("status").asText())
                .isEqualTo("RELEASED");
    }

    @Test
    void refusesBadReservationsOnTheirField() {
        String line = publish();
        long before = journalSize();
        problem(s.post("/api/v1/capacity/reservations", reservation(line, 52, 1)), 422, "/week");
        problem(s.post("/api/v1/capacity/reservations", reservation(line, -1, 1)), 422, "/week");
        problem(s.post("/api/v1/capacity/reservations", reservation(line, 1, 1)
                .replace(MONDAY.plusWeeks(1).toString(), MONDAY.plusDays(8).toString())), 422, "/week");
        problem(s.post("/api/v1/capacity/reservations", reservation(line, 1, 0)), 422, "/quantity");
        problem(s.post("/api/v1/capacity/reservations", reservation(line, 1, -3)), 422, "/quantity");
        problem(s.post("/api/v1/capacity/reservations", reservation(line, 1, 1).replace("\"BUYER\"", "\"NOBODY\"")),
                422, "/reserver");
        problem(s.post("/api/v1/capacity/reservations", reservation(line, 1, 1).replace("CONTRACT", "LOAN")),
                422, "/referenceKind");
        problem(s.post("/api/v1/capacity/reservations", reservation(line, 1, 1).replace("C-000042", "c 42; drop")),
                422, "/referenceId");
        problem(s.post("/api/v1/capacity/reservations", reservation("PL-999999", 1, 1)), 404, null);
        problem(s.post("/api/v1/capacity/reservations", reservation("NOT-A-LINE", 1, 1)), 404, null);
        problem(s.post("/api/v1/capacity/reservations", reservation(line, 1, 1000)), 409, "/quantity");
        assertThat(journalSize()).isEqualTo(before);
        problem(s.get("/api/v1/capacity/reservations/CR-000099"), 404, null);
        problem(s.get("/api/v1/capacity/reservations?status=GONE"), 400, "status");
        problem(s.get("/api/v1/capacity/lines/PL-000099"), 404, null);
    }

    @Test
    void changesALineButNeverBelowWhatIsReserved() {
        String line = publish();
        ok(s.post("/api/v1/capacity/reservations", reservation(line, 1, 80)), 201);
        long before = journalSize();
        problem(s.patch("/api/v1/capacity/lines/" + line, "{\"capacityPerWeek\":79,\"version\":1}"), 409,
                "/capacityPerWeek");
        problem(s.patch("/api/v1/capacity/lines/" + line, "{\"capacityPerWeek\":-1,\"version\":1}"), 422,
                "/capacityPerWeek");
        problem(s.patch("/api/v1/capacity/lines/" + line, "{\"capacityPerWeek\":90}"), 422, "/version");
        assertThat(journalSize()).isEqualTo(before);
        Reply changed = ok(s.patch("/api/v1/capacity/lines/" + line,
                "{\"capacityPerWeek\":80,\"framework\":true,\"version\":1}"), 200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(2);
        assertThat(changed.json().get("framework").asBoolean()).isTrue();
        problem(s.patch("/api/v1/capacity/lines/" + line, "{\"capacityPerWeek\":85,\"version\":1}"), 409, null);
        assertThat(journalSize()).isEqualTo(before + 1);
    }

    @Test
    void theOrderBookSumsSuppliersPerItemAndWeek() {
        String a = publish();
        String b = ok(s.post("/api/v1/capacity/lines", line("SUP-B", SHELLS, "50", "").replace("SITE-A", "SITE-B")),
                201).json().get("id").asText();
        ok(s.post("/api/v1/capacity/reservations", reservation(a, 0, 30)), 201);
        ok(s.post("/api/v1/capacity/reservations", reservation(b, 0, 20)), 201);
        ok(s.post("/api/v1/capacity/reservations", reservation(b, 5, 50)), 201);
        JsonNode book = ok(s.get("/api/v1/capacity/order-book?item=" + SHELLS + "&from=" + MONDAY.plusDays(3)
                + "&weeks=8"), 200).json();
        assertThat(book.get("from").asText()).isEqualTo(MONDAY.toString());
        JsonNode weeks = book.get("items").get(0).get("weeks");
        assertThat(weeks).hasSize(8);
        // week 0: 100 + 50 capacity, 30 + 20 reserved
        assertThat(weeks.get(0).toString()).contains("\"capacity\":150", "\"reserved\":50", "\"free\":100");
        // week 5: 200 (ramped up at week 4) + 50 capacity, 50 reserved on SUP-B
        assertThat(weeks.get(5).toString()).contains("\"capacity\":250", "\"reserved\":50", "\"free\":200");
        assertThat(book.get("items").get(0).get("lines").asInt()).isEqualTo(2);
        assertThat(ok(s.get("/api/v1/capacity/order-book?from=" + MONDAY), 200).json().get("items")).hasSize(1);
        problem(s.get("/api/v1/capacity/order-book?item=NO-SUCH"), 400, "item");
        problem(s.get("/api/v1/capacity/order-book?weeks=0"), 400, "weeks");
        problem(s.get("/api/v1/capacity/order-book?weeks=157"), 400, "weeks");
        problem(s.get("/api/v1/capacity/order-book?weeks=many"), 400, "weeks");
        problem(s.get("/api/v1/capacity/order-book?from=yesterday"), 400, "from");
    }

    @Test
    void alertsOnIdleFrameworkCapacityOnly() {
        String framework = ok(s.post("/api/v1/capacity/lines", line("SUP-A", SHELLS, "100", ",\"framework\":true")),
                201).json().get("id").asText();
        publish(); // not under a framework: idle, yet never alerted
        for (int w = 0; w < 10; w++) {
            if (w >= 3 && w < 7) continue; // weeks 3..6 stay idle: exactly the default run of 4
            ok(s.post("/api/v1/capacity/reservations", reservation(framework, w, 60)), 201);
        }
        JsonNode report = ok(s.get("/api/v1/capacity/alerts?from=" + MONDAY + "&weeks=10"), 200).json();
        assertThat(report.get("rule").toString()).contains("\"runWeeks\":4", "\"freePercent\":50");
        assertThat(report.get("alerts")).hasSize(1);
        JsonNode alert = report.get("alerts").get(0);
        assertThat(alert.get("line").asText()).isEqualTo(framework);
        assertThat(alert.get("fromWeek").asText()).isEqualTo(MONDAY.plusWeeks(3).toString());
        assertThat(alert.get("weeks").asInt()).isEqualTo(4);
        assertThat(ok(s.get("/api/v1/capacity/alerts?from=" + MONDAY + "&weeks=10&runWeeks=5"), 200)
                .json().get("alerts")).isEmpty();
        problem(s.get("/api/v1/capacity/alerts?runWeeks=0"), 400, "runWeeks");
        problem(s.get("/api/v1/capacity/alerts?freePercent=101"), 400, "freePercent");
    }

    @Test
    void pagesShowTheHeatMapTableAlertsAndALine() {
        String line = publish();
        ok(s.post("/api/v1/capacity/reservations", reservation(line, 0, 60)), 201);
        Reply page = ok(s.send("GET", "/capacity?from=" + MONDAY, null, java.util.Map.of("Accept", "text/html")), 200);
        assertThat(page.body()).contains("data-heatmap=", "id=\"order-book-table\"", "id=\"alerts\"", line);
        Reply linePage = ok(s.send("GET", "/capacity/lines/" + line, null, java.util.Map.of("Accept", "text/html")),
                200);
        assertThat(linePage.body()).contains("C-000042", "BUYER");
        assertThat(s.send("GET", "/capacity/lines/PL-000404", null, java.util.Map.of("Accept", "text/html")).status())
                .isEqualTo(404);
        assertThat(s.send("GET", "/capacity?weeks=0", null, java.util.Map.of("Accept", "text/html")).status())
                .isEqualTo(400);
    }
}
