package org.quartermaster.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.procurement.JointWorld.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.quartermaster.procurement.model.BidContent;
import org.quartermaster.procurement.model.BidSeal;
import org.quartermaster.testing.TestServer.Reply;

/**
 * A joint framework procedure end to end over HTTP, as the people who run it: aggregation, the
 * notice, questions, sealed bids, the opening by two people, weighted evaluation, award,
 * standstill and complaints, contracts per buyer, call-offs and a delivery; with every abuse the
 * issue names refused with a problem body and nothing written.
 */
class JointProcedureHttpTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(org.quartermaster.testing.TestDatabases.Kind.class)
    void runsAJointProcedureFromAggregationToCallOffs(org.quartermaster.testing.TestDatabases.Kind kind) {
        try (ActingServer s = new ActingServer(START, kind)) {
            setUp(s);
            problem(s.post("/api/v1/procurements", "{\"leadBuyer\":\"EDA-JP\"}", POL), 403, null);
            String id = open(s);
            String p = "/api/v1/procurements/" + id;
            joinAndCommit(s, id);

            // a buyer committing beyond its funding: 300 x 4,000.00 EUR = 1,200,000.00 > 1,000,000.00
            Reply beyond = problem(s.post(p + "/commitments", """
                    {"buyer":"EST-CDI","lot":1,"quantity":300}""", EST), 409, "beyond-funding");
            assertThat(beyond.json().get("detail").asText()).contains("beyond its declared budget of 100000000");
            JsonNode lots = ok(s.get(p, ANNA), 200).json().get("lots");
            assertThat(lots.get(0).get("quantity").asLong()).as("3000 + 2000 + 200, the refused 300 not written")
                    .isEqualTo(5200);
            assertThat(refusals(s, "beyond-funding")).isEqualTo(1);
            problem(s.post(p + "/commitments", """
                    {"buyer":"DEU-BAAINBW","lot":1,"quantity":1}""", POL), 403, null);
            problem(s.post(p + "/publish", "{\"notice\":\"early\",\"version\":%d}".formatted(version(s, id)), ANNA),
                    409, "before-cutoff");
            // participants see the procedure, a supplier does not until the notice
            ok(s.get(p, POL), 200);
            problem(s.get(p, RHM), 404, "not-found");
            problem(s.get(p + "/notice", RHM), 404, "not-found");

            publish(s, id);
            problem(s.post(p + "/commitments", """
                    {"buyer":"POL-MOD","lot":1,"quantity":3100}""", POL), 409, "illegal-transition");
            JsonNode notice = ok(s.get(p + "/notice", VIEWER), 200).json();
            assertThat(notice.get("lots").get(0).get("quantity").asLong()).isEqualTo(5200);
            assertThat(notice.get("lots").get(1).get("quantity").asLong()).isEqualTo(500);

            // questions answered to all, the asker not named
            String q = ok(s.post(p + "/questions", """
                    {"supplier":"SUP-NAMMO","question":"Are M107-compatible fuzes required?"}""", NAMMO), 201)
                    .json().get("id").asText();
            assertThat(ok(s.get(p + "/notice", KNDS), 200).json().get("questions")).isEmpty();
            ok(s.post(p + "/questions/" + q + "/answer", """
                    {"answer":"Yes, NATO STANAG 4369 fuze wells."}""", ANNA), 200);
            Reply answered = ok(s.get(p + "/notice", KNDS), 200);
            assertThat(answered.json().get("questions").get(0).get("answer").asText()).contains("STANAG 4369");
            assertThat(answered.body()).doesNotContain("SUP-NAMMO");

            // sealed bids; an unverified supplier and a second bid are refused
            problem(s.post(p + "/bids", """
                    {"supplier":"SUP-ROGUE","lot":1,"unitPriceMinor":1,"deliveryWeeks":1}""", ROGUE), 409,
                    "supplier-not-eligible");
            problem(s.post(p + "/bids", """
                    {"supplier":"SUP-KNDS","lot":1,"unitPriceMinor":1,"deliveryWeeks":1}""", RHM), 403, null);
            String rhm1 = bid(s, id, RHM, 1, 380_000, "lot 1 from Unterluess");
            bid(s, id, NAMMO, 1, 370_000, "lot 1 from Raufoss");
            bid(s, id, KNDS, 1, 395_000, "lot 1 from Bourges");
            bid(s, id, RHM, 2, 250_000, "lot 2");
            problem(s.post(p + "/bids", """
                    {"supplier":"SUP-RHM","lot":1,"unitPriceMinor":300000,"deliveryWeeks":8}""", RHM), 409,
                    "bid-already-submitted");
            problem(s.post(p + "/bids", """
                    {"supplier":"SUP-RHM","lot":1,"unitPriceMinor":-5,"deliveryWeeks":8}""", RHM), 422, null);
            assertThat(ok(s.get(p + "/bids", ANNA), 200).json().get("items")).as("the buyer sees no bid before the opening")
                    .isEmpty();
            JsonNode own = ok(s.get(p + "/bids", RHM), 200).json().get("items");
            assertThat(own).hasSize(2);
            assertThat(own.get(0).get("commitment").asText()).isEqualTo(rhm1);
            assertThat(own.get(0).path("unitPriceMinor").isMissingNode() || own.get(0).get("unitPriceMinor").isNull()).isTrue();
            problem(s.post(p + "/request-opening", "{\"version\":%d}".formatted(version(s, id)), ANNA), 409,
                    "before-deadline");

            // the deadline passes: late bids refused, opening by two people
            s.clock.advance(Duration.ofDays(9));
            problem(s.post(p + "/bids", """
                    {"supplier":"SUP-NAMMO","lot":2,"unitPriceMinor":200000,"deliveryWeeks":8}""", NAMMO), 409,
                    "bid-after-deadline");
            assertThat(refusals(s, "bid-after-deadline")).isEqualTo(1);
            ok(s.post(p + "/request-opening", "{\"version\":%d}".formatted(version(s, id)), ANNA), 200);
            problem(s.post(p + "/confirm-opening", "{\"version\":%d}".formatted(version(s, id)), ANNA), 409, "four-eyes");
            JsonNode opened = ok(s.post(p + "/confirm-opening", "{\"version\":%d}".formatted(version(s, id)), BRUNO), 200)
                    .json();
            assertThat(opened.get("status").asText()).isEqualTo("OPENED");
            assertThat(opened.get("openedBy").asText()).isEqualTo("bruno");
            JsonNode bids = ok(s.get(p + "/bids", POL), 200).json().get("items");
            assertThat(bids).hasSize(4);
            assertThat(bids.get(0).get("unitPriceMinor").asLong()).isEqualTo(380_000);
            assertCommitmentsOpenFromTheJournal(s, bids);

            // weighted evaluation: quality scored by two evaluators each
            problem(s.post(p + "/evaluate", "{\"version\":%d}".formatted(version(s, id)), ANNA), 409,
                    "evaluation-incomplete");
            int[][] quality = {{90, 80}, {60, 70}, {95, 95}, {70, 70}}; // RHM lot 1, NAMMO, KNDS, RHM lot 2
            for (int i = 0; i < 4; i++) {
                String bid = bids.get(i).get("id").asText();
                ok(s.post(p + "/scores", "{\"bid\":\"%s\",\"criterion\":\"quality\",\"score\":%d}"
                        .formatted(bid, quality[i][0]), ANNA), 200);
                ok(s.post(p + "/scores", "{\"bid\":\"%s\",\"criterion\":\"quality\",\"score\":%d}"
                        .formatted(bid, quality[i][1]), BRUNO), 200);
            }
            problem(s.post(p + "/scores", "{\"bid\":\"%s\",\"criterion\":\"price\",\"score\":50}"
                    .formatted(bids.get(0).get("id").asText()), ANNA), 422, null);
            ok(s.post(p + "/evaluate", "{\"version\":%d}".formatted(version(s, id)), ANNA), 200);
            JsonNode ranked = ok(s.get(p + "/bids", ANNA), 200).json().get("items");
            // price points floor(370000*100/price): RHM 97, NAMMO 100, KNDS 93; quality means 85, 65, 95
            // KNDS 93*7000 + 95*3000 = 936000 > RHM 97*7000 + 85*3000 = 934000 > NAMMO 700000 + 195000
            assertThat(ranked.get(2).get("supplier").asText()).isEqualTo("SUP-KNDS");
            assertThat(ranked.get(2).get("rank").asInt()).isEqualTo(1);
            assertThat(ranked.get(2).get("score").asLong()).isEqualTo(936_000);
            assertThat(ranked.get(0).get("rank").asInt()).isEqualTo(2);

            // a complaint pending blocks the award; decided, the award starts the standstill
            String c1 = ok(s.post(p + "/complaints", """
                    {"complainant":"SUP-NAMMO","grounds":"Quality scores are not explained."}""", NAMMO), 201)
                    .json().get("id").asText();
            Reply blocked = problem(s.post(p + "/award", "{\"version\":%d}".formatted(version(s, id)), ANNA), 409,
                    "complaint-pending");
            assertThat(blocked.json().get("detail").asText()).contains(c1);
            assertThat(ok(s.get(p, ANNA), 200).json().get("status").asText()).isEqualTo("EVALUATED");
            ok(s.post(p + "/complaints/" + c1 + "/decision", """
                    {"upheld":false,"decision":"Scores are recorded per evaluator and criterion."}""", ANNA), 200);
            JsonNode awarded = ok(s.post(p + "/award", "{\"version\":%d}".formatted(version(s, id)), ANNA), 200).json();
            assertThat(awarded.get("status").asText()).isEqualTo("STANDSTILL");
            String c2 = ok(s.post(p + "/complaints", """
                    {"complainant":"SUP-RHM","grounds":"Margin of 2000 points is within rounding."}""", RHM), 201)
                    .json().get("id").asText();
            s.clock.advance(Duration.ofDays(11));
            problem(s.post(p + "/contracts", "{\"version\":%d}".formatted(version(s, id)), ANNA), 409, "complaint-pending");
            ok(s.post(p + "/complaints/" + c2 + "/decision", """
                    {"upheld":false,"decision":"Integer scoring is stated in the notice."}""", BRUNO), 200);
            problem(s.post(p + "/complaints", """
                    {"complainant":"SUP-RHM","grounds":"again"}""", RHM), 409, "standstill-over");

            // contracts per participating buyer: lot 1 to KNDS for POL, DEU, EST; lot 2 to RHM for DEU
            JsonNode contracts = ok(s.post(p + "/contracts", "{\"version\":%d}".formatted(version(s, id)), ANNA), 201)
                    .json().get("items");
            assertThat(contracts).hasSize(4);
            List<String> summary = new ArrayList<>();
            for (JsonNode k : contracts) {
                summary.add(k.get("lot").asInt() + ":" + k.get("buyer").asText() + ":" + k.get("supplier").asText() + ":"
                        + k.get("quantity").asLong());
            }
            assertThat(summary).containsExactlyInAnyOrder("1:POL-MOD:SUP-KNDS:3000", "1:DEU-BAAINBW:SUP-KNDS:2000",
                    "1:EST-CDI:SUP-KNDS:200", "2:DEU-BAAINBW:SUP-RHM:500");
            String pol = null;
            for (JsonNode c : contracts) if (c.get("buyer").asText().equals("POL-MOD")) pol = c.get("id").asText();
            String k = "/api/v1/contracts/" + pol;
            assertThat(ok(s.get(k, POL), 200).json().get("ceilingMinor").asLong()).isEqualTo(3000L * 395_000);
            problem(s.get(k, DEU), 404, "not-found");

            // changes need a rationale; a prepayment above the cap needs a guarantee
            problem(s.send("PATCH", k, """
                    {"schedule":[{"weekStart":"2026-04-06","quantity":500}],"version":1}""", POL), 422, null);
            String overCap = """
                    {"milestones":[{"kind":"PREPAYMENT","amountMinor":355500000,"dueOn":"2026-03-30"}],
                     "schedule":[{"weekStart":"2026-03-23","quantity":500},{"weekStart":"2026-03-30","quantity":500}],
                     "rationale":"Line capacity reserved up front","version":1}""";
            problem(s.send("PATCH", k, overCap, ANNA), 403, null);
            problem(s.send("PATCH", k, overCap, POL), 409, "prepayment-over-cap");
            JsonNode changed = ok(s.send("PATCH", k, overCap.replace("\"version\":1", "\"guaranteeMinor\":355500000,\"version\":1"),
                    POL), 200).json();
            assertThat(changed.get("changes").get(0).get("rationale").asText()).isEqualTo("Line capacity reserved up front");
            assertThat(changed.get("schedule")).hasSize(2);
            problem(s.send("PATCH", k, overCap, POL), 409, "stale-record");

            // call-offs within the ceiling only; a delivery against a call-off
            JsonNode callOff = ok(s.post(k + "/call-offs", """
                    {"buyer":"POL-MOD","quantity":1000,"dueOn":"2026-05-01"}""", POL), 201).json();
            assertThat(callOff.get("valueMinor").asLong()).isEqualTo(1000L * 395_000);
            Reply above = problem(s.post(k + "/call-offs", """
                    {"buyer":"POL-MOD","quantity":2001,"dueOn":"2026-06-01"}""", POL), 409, "ceiling-exceeded");
            assertThat(above.json().get("detail").asText()).contains("already called off 1000");
            assertThat(ok(s.get(k, POL), 200).json().get("calledOffQuantity").asLong()).isEqualTo(1000);
            problem(s.post(k + "/call-offs", """
                    {"buyer":"DEU-BAAINBW","quantity":1,"dueOn":"2026-06-01"}""", DEU), 404, "not-found");
            String co = "/api/v1/call-offs/" + callOff.get("id").asText();
            JsonNode delivered = ok(s.post(co + "/deliveries", """
                    {"quantity":400,"deliveredOn":"2026-03-25","reference":"CMR 2026-0042"}""", POL_LOGISTICIAN), 201)
                    .json();
            assertThat(delivered.get("deliveredQuantity").asLong()).isEqualTo(400);
            assertThat(delivered.get("status").asText()).isEqualTo("DELIVERING");
            problem(s.post(co + "/deliveries", """
                    {"quantity":601,"deliveredOn":"2026-03-26","reference":"CMR 2026-0043"}""", POL_LOGISTICIAN), 409,
                    "over-delivery");

            // red flags as data: a single bid on lot 2, a prepayment over the cap
            JsonNode flags = ok(s.get("/api/v1/red-flags?procedure=" + id, ANNA), 200).json().get("items");
            List<String> raised = new ArrayList<>();
            for (JsonNode f : flags) raised.add(f.get("indicator").asText() + "@" + f.get("subject").asText());
            assertThat(raised).contains("SINGLE_BID@" + id + "/lot-2", "PREPAYMENT_OVER_CAP@" + pol);
            assertThat(ok(s.get(p, ANNA), 200).json().get("status").asText()).isEqualTo("CONTRACTED");

            // the contract's page: the schedule against deliveries, week by week
            String contractPage = ok(s.get("/contracts/" + pol, POL), 200).body();
            assertThat(contractPage).contains("2026-03-23").contains("Line capacity reserved up front")
                    .contains("class=\"behind\"");
            assertThat(ok(s.get("/contracts/" + pol, KNDS), 200).body()).contains(pol);
            assertThat(s.get("/contracts/" + pol, DEU).status()).isEqualTo(404);
        }
    }

    /** Each opened bid's journalled salt and content hash to the commitment journalled at submission. */
    private static void assertCommitmentsOpenFromTheJournal(ActingServer s, JsonNode bids) {
        for (JsonNode b : bids) {
            String payload = s.app.db().read(h -> h.createQuery(
                    "SELECT payload FROM journal_events WHERE event_type = 'BidOpened' AND entity_id = :id")
                    .bind("id", b.get("id").asText()).mapTo(String.class).one());
            JsonNode opened = parse(payload);
            byte[] salt = HexFormat.of().parseHex(opened.get("salt").asText());
            BidContent content = new BidContent(b.get("unitPriceMinor").asLong(), b.get("deliveryWeeks").asInt(),
                    b.get("note").asText());
            assertThat(BidSeal.commitment(salt, content)).isEqualTo(b.get("commitment").asText());
        }
    }

    static long refusals(ActingServer s, String type) {
        return s.app.db().read(h -> h.createQuery("""
                SELECT COUNT(*) FROM journal_events WHERE event_type = 'ProcurementRefused' AND payload LIKE :t""")
                .bind("t", "%\"" + type + "\"%").mapTo(Long.class).one());
    }

    static JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }
}
