package org.quartermaster.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.logistics.LogisticsEndToEndTest.custody;
import static org.quartermaster.logistics.LogisticsEndToEndTest.ok;
import static org.quartermaster.logistics.LogisticsEndToEndTest.refused;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.procurement.model.Contract;
import org.quartermaster.testing.ContractFixture;
import org.quartermaster.testing.MovableClock;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestServer;

/**
 * From a framework contract with a schedule and a call-off, through a shipment that serves a
 * need, to a partial receipt after the due dates: the call-off and its contract show the units
 * delivered and how late they are, on the API and the contract's page; the need's page names the
 * contract; the dashboard counts the units. Over real HTTP, on both databases, on a clock the test
 * moves (a contract needs its deadlines to pass).
 */
class ContractDeliveryEndToEndTest {
    /** Monday 2 March 2026, 08:00 UTC: the procedure starts; the schedule's first week. */
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final LocalDate MAR_2 = LocalDate.of(2026, 3, 2);
    TestServer s;

    @AfterEach
    void stop() {
        if (s != null) s.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aLatePartialReceiptShowsOnTheContractItsCallOffTheNeedAndTheDashboard(TestDatabases.Kind kind) {
        MovableClock clock = new MovableClock(START);
        s = new TestServer(TestDatabases.open(kind, clock));
        LogisticsEndToEndTest.referenceData(s);
        ok(s.post("/api/v1/organisations", """
                {"code":"SUP-HELM","name":"Helmet works","kind":"SUPPLIER","country":"DEU"}"""), 201);
        String need = ok(s.post("/api/v1/needs", """
                {"requester":"UKR-MOD","item":"HELMET","quantity":100,"priority":"P1","dueDate":"2030-01-31",
                 "destination":"DEST-UA","justification":"brigade","submit":true}"""), 201).json().get("id").asText();

        // DEU-MOD buys 100 helmets from SUP-HELM under a framework: 30, 30 and 40 in the weeks of
        // 2, 9 and 16 March; it calls off 60 due on Friday 13 March
        Contract k = ContractFixture.sign(s.app(), clock, "DEU-MOD", "SUP-HELM", "HELMET", 100, true);
        String contract = k.publicId();
        ContractFixture.schedule(s.app(), contract, MAR_2, 30, MAR_2.plusWeeks(1), 30, MAR_2.plusWeeks(2), 40);
        String callOff = ok(s.post("/api/v1/contracts/" + contract + "/call-offs", """
                {"buyer":"DEU-MOD","quantity":60,"dueOn":"2026-03-13"}"""), 201).json().get("id").asText();

        // the supplier ships 50 on the call-off straight to the need; a carrier that is no party, or
        // more than the call-off leaves, is refused on the line and writes nothing
        String body = """
                {"owner":"%s","receiver":"UKR-MOD","origin":"DEPOT-DE","destination":"DEST-UA","mode":"ROAD",
                 "plannedDeparture":"2026-03-03T08:00:00Z","plannedArrival":"2026-03-06T18:00:00Z",
                 "lines":[{"kind":"CALL_OFF","fulfils":"%s","quantity":%d,"needs":[{"need":"%s"}]}]}""";
        long journal = s.app().journal().size();
        refused(s.post("/api/v1/shipments", body.formatted("CARRIER-A", callOff, 50, need)), 422, "/lines/0/fulfils");
        refused(s.post("/api/v1/shipments", body.formatted("SUP-HELM", callOff, 61, need)), 422, "/lines/0/quantity");
        assertThat(s.app().journal().size()).as("nothing written").isEqualTo(journal);
        JsonNode planned = ok(s.post("/api/v1/shipments", body.formatted("SUP-HELM", callOff, 50, need)), 201).json();
        String id = planned.get("id").asText();
        assertThat(planned.get("lines").get(0).get("item").asText()).as("the contract's item").isEqualTo("HELMET");
        String path = "/api/v1/shipments/" + id;
        ok(s.post(path + "/custody", custody("DEPARTED", "SUP-HELM", "Hans", "")), 201);
        ok(s.post(path + "/custody", custody("ARRIVED", "SUP-HELM", "Hans", "")), 201);
        ok(s.post(path + "/custody", custody("HANDED_OVER", "SUP-HELM", "Hans", ",\"to\":\"UKR-MOD\"")), 201);

        // signed on Wednesday 18 March: 45 usable, 5 short
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-18T09:00:00Z")));
        ok(s.post(path + "/receipt", """
                {"organisation":"UKR-MOD","person":"Maj. Bondar","lines":[{"line":1,"received":45}],
                 "discrepancies":[{"line":1,"kind":"SHORT","quantity":5}]}"""), 201);
        refused(s.post(path + "/receipt", """
                {"organisation":"UKR-MOD","person":"Maj. Bondar","lines":[{"line":1,"received":45}]}"""), 409,
                "already received");

        // the call-off and its contract: 45 delivered, once
        JsonNode co = ok(s.get("/api/v1/call-offs/" + callOff), 200).json();
        assertThat(co.get("deliveredQuantity").asLong()).isEqualTo(45);
        assertThat(co.get("status").asText()).isEqualTo("DELIVERING");
        JsonNode kn = ok(s.get("/api/v1/contracts/" + contract), 200).json();
        assertThat(kn.get("deliveredQuantity").asLong()).isEqualTo(45);
        assertThat(kn.get("status").asText()).isEqualTo("DELIVERING");
        JsonNode deliveries = ok(s.get("/api/v1/contracts/" + contract + "/deliveries"), 200).json().get("items");
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).get("deliveredOn").asText()).isEqualTo("2026-03-18");
        assertThat(deliveries.get(0).get("callOff").asText()).isEqualTo(callOff);
        assertThat(deliveries.get(0).get("reference").asText()).isEqualTo("shipment " + id + " line 1");

        // schedule against actual on 18 March: the first week's 30 arrived 10 days after Sunday 8
        // March; the second's (60 to date) are 3 days overdue; the third is not yet due
        JsonNode progress = ok(s.get("/api/v1/contracts/" + contract + "/progress"), 200).json();
        JsonNode weeks = progress.get("weeks");
        assertThat(weeks).hasSize(3);
        assertThat(weeks.get(0).get("state").asText()).isEqualTo("LATE");
        assertThat(weeks.get(0).get("completedOn").asText()).isEqualTo("2026-03-18");
        assertThat(weeks.get(0).get("daysLate").asLong()).isEqualTo(10);
        assertThat(weeks.get(1).get("state").asText()).isEqualTo("OVERDUE");
        assertThat(weeks.get(1).get("daysLate").asLong()).isEqualTo(3);
        assertThat(weeks.get(2).get("state").asText()).isEqualTo("OPEN");
        assertThat(weeks.get(2).get("delivered").asLong()).as("delivered in the week of 16 March").isEqualTo(45);
        JsonNode callOffLine = progress.get("callOffs").get(0);
        assertThat(callOffLine.get("state").asText()).isEqualTo("OVERDUE");
        assertThat(callOffLine.get("daysLate").asLong()).as("due Friday 13 March").isEqualTo(5);

        // the contract's page: delivered, 15 units behind (60 due by 15 March), 10 days at worst
        String page = ok(s.get("/contracts/" + contract), 200).body();
        assertThat(page).contains("id=\"delivered\">45 / 100<").contains("id=\"units-behind\">15<")
                .contains("id=\"days-late\">10 days late<")
                .contains("data-week=\"2026-03-02\" data-state=\"LATE\" data-days-late=\"10\"")
                .contains("data-week=\"2026-03-09\" data-state=\"OVERDUE\" data-days-late=\"3\"")
                .contains("shipment " + id + " line 1");

        // the need: 45 delivered by the shipment on the call-off, whose page is one click away
        assertThat(ok(s.get("/api/v1/needs/" + need), 200).json().get("deliveredQuantity").asLong()).isEqualTo(45);
        String needPage = ok(s.get("/needs/" + need), 200).body();
        assertThat(needPage).contains("id=\"contracts\"").contains("data-contract=\"" + callOff + "\"")
                .contains("href=\"/contracts/" + contract + "\"").contains("SUP-HELM").contains("Maj. Bondar");

        // the dashboard counts the contract's units with every other receipt
        String dashboard = ok(s.get("/"), 200).body();
        assertThat(dashboard).contains("id=\"kpi-received\">1<").contains("id=\"kpi-received-units\">45<");

        // what is left on the call-off: 60 - 45, nothing on its way
        refused(s.post("/api/v1/shipments", body.formatted("SUP-HELM", callOff, 16, need)), 422, "/lines/0/quantity");
        ok(s.post("/api/v1/shipments", body.formatted("SUP-HELM", callOff, 15, need)), 201);
    }
}
