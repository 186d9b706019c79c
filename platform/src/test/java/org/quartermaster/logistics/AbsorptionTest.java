package org.quartermaster.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.logistics.LogisticsEndToEndTest.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.TestServer;

/** Planned arrivals per destination, item and week against the units the destination can take in. */
class AbsorptionTest {

    @Test
    void plannedArrivalsAreComparedWithCapacityWeekByWeek() {
        try (TestServer s = TestServer.sqlite()) {
            LogisticsEndToEndTest.referenceData(s);
            ok(s.put("/api/v1/absorption", """
                    {"organisation":"UKR-MOD","destination":"DEST-UA","item":"HELMET","unitsPerWeek":30}"""), 200);
            LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            String offer = LogisticsEndToEndTest.acceptedOffer(s, 55);
            // two shipments arriving next week (20 + 25 = 45 > 30), one in three weeks (10 <= 30)
            plan(s, offer, monday.plusWeeks(1).plusDays(2), 20);
            plan(s, offer, monday.plusWeeks(1).plusDays(4), 25);
            plan(s, offer, monday.plusWeeks(3), 10);
            JsonNode row = ok(s.get("/api/v1/absorption"), 200).json().get("items").get(0);
            assertThat(row.get("destination").asText()).isEqualTo("DEST-UA");
            assertThat(row.get("unitsPerWeek").asLong()).isEqualTo(30);
            JsonNode weeks = row.get("weeks");
            assertThat(weeks.get(0).get("plannedUnits").asLong()).isZero();
            assertThat(weeks.get(1).get("plannedUnits").asLong()).isEqualTo(45);
            assertThat(weeks.get(1).get("overCapacity").asBoolean()).isTrue();
            assertThat(weeks.get(3).get("plannedUnits").asLong()).isEqualTo(10);
            assertThat(weeks.get(3).get("overCapacity").asBoolean()).isFalse();
            String dashboard = ok(s.get("/"), 200).body();
            assertThat(dashboard).contains("id=\"absorption\"")
                    .contains("class=\"num over\" data-week=\"" + monday.plusWeeks(1) + "\">45<")
                    .contains("data-week=\"" + monday.plusWeeks(3) + "\">10<");
            // a changed capacity, by the organisation that set it
            ok(s.put("/api/v1/absorption", """
                    {"organisation":"UKR-MOD","destination":"DEST-UA","item":"HELMET","unitsPerWeek":50,"version":1}"""), 200);
            assertThat(ok(s.get("/api/v1/absorption"), 200).json().get("items").get(0).get("weeks").get(1)
                    .get("overCapacity").asBoolean()).isFalse();
            assertThat(s.put("/api/v1/absorption", """
                    {"organisation":"UKR-MOD","destination":"DEST-UA","item":"HELMET","unitsPerWeek":5,"version":1}""")
                    .status()).as("stale version").isEqualTo(409);
            assertThat(s.put("/api/v1/absorption", """
                    {"organisation":"DEU-MOD","destination":"DEST-UA","item":"HELMET","unitsPerWeek":5}""").status())
                    .as("another organisation's capacity").isEqualTo(409);
        }
    }

    static void plan(TestServer s, String offer, LocalDate arrival, long quantity) {
        ok(s.post("/api/v1/shipments", """
                {"owner":"DEU-MOD","receiver":"UKR-MOD","origin":"DEPOT-DE","destination":"DEST-UA","mode":"ROAD",
                 "plannedDeparture":"2020-01-01T00:00:00Z","plannedArrival":"%sT12:00:00Z",
                 "lines":[{"kind":"OFFER","fulfils":"%s","item":"HELMET","quantity":%d}]}"""
                .formatted(arrival, offer, quantity)), 201);
    }
}
