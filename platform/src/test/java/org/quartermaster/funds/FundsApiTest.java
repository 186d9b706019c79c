package org.quartermaster.funds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;

/** The funds routes over real HTTP: the happy path from key to reimbursement, and bad input of every kind. */
class FundsApiTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.sqlite();
        ok(s.post("/api/v1/funds", """
                {"code":"EPF","name":"European Peace Facility","currency":"EUR"}"""), 201);
        ok(s.put("/api/v1/funds/EPF/key", """
                {"shares":[{"member":"DEU","basisPoints":6000},
                           {"member":"AUT","basisPoints":4000,"abstainsLethal":true}]}"""), 200);
        ok(s.post("/api/v1/funds/EPF/measures", """
                {"code":"M-NL","envelope":"NON_LETHAL","ceilingMinor":50000}"""), 201);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static Reply ok(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    static void problem(Reply r, int status, String pointer) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        if (pointer != null) assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo(pointer);
    }

    @Test
    void callsByTheKeyAndARetryReturnsTheOriginal() {
        Reply first = ok(s.post("/api/v1/funds/EPF/calls", """
                {"id":"CALL-1","envelope":"LETHAL","totalMinor":100001}"""), 201);
        // 60% of 1000.01 = 600.006 -> 600.01 by largest remainder; AUT abstains: its share goes to NON_LETHAL
        assertThat(first.json().get("lines").toString()).contains("\"member\":\"DEU\",\"envelope\":\"LETHAL\","
                + "\"amountMinor\":60001").contains("\"member\":\"AUT\",\"envelope\":\"NON_LETHAL\",\"amountMinor\":40000");
        Reply again = ok(s.post("/api/v1/funds/EPF/calls", """
                {"id":"CALL-1","envelope":"LETHAL","totalMinor":100001}"""), 200);
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        problem(s.post("/api/v1/funds/EPF/calls", """
                {"id":"CALL-1","envelope":"LETHAL","totalMinor":100002}"""), 409, "/id");
    }

    @Test
    void commitsWithinTheCeilingAndRefusesAboveIt() {
        ok(s.post("/api/v1/funds/EPF/calls", """
                {"id":"CALL-2","envelope":"NON_LETHAL","totalMinor":100000}"""), 201);
        ok(s.post("/api/v1/transfers/CALL-2.DEU/post", "{}"), 201);
        ok(s.post("/api/v1/transfers/CALL-2.DEU/post", "{}"), 200);
        problem(s.post("/api/v1/commitments", """
                {"id":"COM-1","measure":"M-NL","amountMinor":50001}"""), 422, "/amountMinor");
        Reply c = ok(s.post("/api/v1/commitments", """
                {"id":"COM-2","measure":"M-NL","amountMinor":50000}"""), 201);
        assertThat(c.json().get("status").asText()).isEqualTo("PENDING");
        ok(s.post("/api/v1/transfers/COM-2/post", "{}"), 201);
        Reply fund = ok(s.get("/api/v1/funds/EPF"), 200);
        assertThat(fund.json().get("measures").get(0).get("committedMinor").asLong()).isEqualTo(50_000);
        assertThat(ok(s.get("/api/v1/ledger/verify"), 200).json().get("sound").asBoolean()).isTrue();
    }

    @Test
    void reimbursesADeliveredDonationOnceAndRefusesItBilaterallyAfterwards() {
        ok(s.post("/api/v1/funds/EPF/calls", """
                {"id":"CALL-3","envelope":"NON_LETHAL","totalMinor":200000}"""), 201);
        ok(s.post("/api/v1/transfers/CALL-3.AUT/post", "{}"), 201);
        ok(s.post("/api/v1/funds/EPF/measures", """
                {"code":"M-CLAIMS","envelope":"NON_LETHAL","ceilingMinor":80000}"""), 201);
        ok(s.post("/api/v1/commitments", """
                {"id":"COM-C","measure":"M-CLAIMS","amountMinor":80000}"""), 201);
        ok(s.post("/api/v1/transfers/COM-C/post", "{}"), 201);
        String offer = deliveredDonation();
        Reply claim = ok(s.post("/api/v1/claims", """
                {"id":"CLAIM-1","measure":"M-CLAIMS","offer":"%s","valuationMinor":12345,"rateBasisPoints":5000}"""
                .formatted(offer)), 201);
        // 50% of 123.45 = 61.725 -> 61.72 (half-even)
        assertThat(claim.json().get("amountMinor").asLong()).isEqualTo(6_172);
        problem(s.post("/api/v1/claims", """
                {"id":"CLAIM-2","measure":"M-CLAIMS","offer":"%s","valuationMinor":100,"rateBasisPoints":5000}"""
                .formatted(offer)), 422, "/offer");
        problem(s.post("/api/v1/bilateral-fundings", """
                {"offer":"%s","funder":"POL","amountMinor":100}""".formatted(offer)), 409, "/offer");
        problem(s.post("/api/v1/claims", """
                {"id":"CLAIM-3","measure":"M-CLAIMS","offer":"O-999999","valuationMinor":100,"rateBasisPoints":5000}"""),
                422, "/offer");
    }

    /** A real offer through the offers API, walked to DELIVERED. */
    private static String deliveredDonation() {
        ok(s.post("/api/v1/items", """
                {"code":"HELMET","name":"Helmet","unit":"H87","category":"PROTECTIVE_EQUIPMENT","lethal":false}"""), 201);
        ok(s.post("/api/v1/organisations", """
                {"code":"DEU-MOD","name":"German MoD","kind":"DONOR_STATE","country":"DEU"}"""), 201);
        ok(s.post("/api/v1/locations", """
                {"code":"DEPOT-1","name":"Depot","country":"DEU","kind":"DEPOT"}"""), 201);
        Reply offer = ok(s.post("/api/v1/offers", """
                {"donor":"DEU-MOD","item":"HELMET","quantity":100,"condition":"NEW","origin":"DEPOT-1",
                 "availableFrom":"2026-12-01","terms":"DONATION"}"""), 201);
        String id = offer.json().get("id").asText();
        Reply early = s.post("/api/v1/claims", """
                {"id":"CLAIM-EARLY","measure":"M-CLAIMS","offer":"%s","valuationMinor":100,"rateBasisPoints":5000}"""
                .formatted(id));
        problem(early, 422, "/offer");
        assertThat(early.body()).contains("OFFERED");
        long version = 1;
        for (String step : new String[] {"accept", "commit", "ship", "deliver"}) {
            ok(s.post("/api/v1/offers/" + id + "/" + step, "{\"version\":" + version++ + "}"), 200);
        }
        return id;
    }

    @Test
    void badInputGetsAProblemPointingAtTheField() {
        problem(s.post("/api/v1/funds", """
                {"code":"X1","name":"X","currency":"EURO"}"""), 422, "/currency");
        problem(s.post("/api/v1/funds", """
                {"code":"X1","name":"X","currency":"EUR","extra":1}"""), 422, null);
        problem(s.post("/api/v1/funds", "{\"code\":"), 400, null);
        problem(s.put("/api/v1/funds/EPF/key", """
                {"shares":[{"member":"DEU","basisPoints":6000}]}"""), 422, "/shares");
        problem(s.post("/api/v1/funds/EPF/calls", """
                {"id":"CALL-X","envelope":"LETHAL","totalMinor":-5}"""), 422, "/totalMinor");
        problem(s.post("/api/v1/funds/EPF/calls", """
                {"id":"CALL-X","envelope":"LETAL","totalMinor":5}"""), 422, "/envelope");
        problem(s.post("/api/v1/funds/EPF/calls", """
                {"id":"CALL X","envelope":"LETHAL","totalMinor":5}"""), 422, "/id");
        Reply fraction = s.post("/api/v1/funds/EPF/calls", """
                {"id":"CALL-X","envelope":"LETHAL","totalMinor":1.5}""");
        assertThat(fraction.status()).as(fraction.body()).isIn(400, 422);
        problem(s.post("/api/v1/funds/NOPE/calls", """
                {"id":"CALL-Y","envelope":"LETHAL","totalMinor":5}"""), 422, "/fund");
        problem(s.post("/api/v1/transfers", """
                {"id":"T-1","debit":"A-000001","credit":"A-000002","amountMinor":5}"""), 422, "/currency");
        problem(s.post("/api/v1/transfers", """
                {"id":"T-1","debit":"A-000001","credit":"A-999999","amountMinor":5,"currency":"EUR"}"""), 422, "/credit");
        problem(s.get("/api/v1/transfers/NOPE"), 404, null);
        problem(s.post("/api/v1/transfers/NOPE/post", "{}"), 404, null);
        problem(s.get("/api/v1/accounts/A-x"), 404, null);
        problem(s.get("/api/v1/exchange-rates/convert?amountMinor=abc&currency=EUR&reportCurrency=USD&date=2026-01-01"),
                400, null);
        problem(s.post("/api/v1/payments", """
                {"id":"PAY-1","measure":"M-NL","contract":"C-1","milestone":"M1","payee":"SUP",
                 "amountMinor":100,"contractValueMinor":0}"""), 422, "/contractValueMinor");
    }

    @Test
    void refusesAnEnvelopeOverdraftAtTheEdge() {
        Reply accounts = ok(s.get("/api/v1/accounts?fund=EPF"), 200);
        String envelope = null;
        String member = null;
        for (var a : accounts.json().get("items")) {
            if (a.get("purpose").asText().equals("ENVELOPE:LETHAL")) envelope = a.get("id").asText();
            if (a.get("purpose").asText().equals("CONTRIBUTIONS")) member = a.get("id").asText();
        }
        problem(s.post("/api/v1/transfers", """
                {"id":"OVERDRAFT","debit":"%s","credit":"%s","amountMinor":999999999,"currency":"EUR"}"""
                .formatted(envelope, member)), 422, "/amountMinor");
        problem(s.get("/api/v1/transfers/OVERDRAFT"), 404, null);
    }

    @Test
    void importsRatesAllOrNothingAndConvertsShowingTheRateUsed() {
        Reply bad = s.post("/api/v1/exchange-rates", """
                {"csv":"base,quote,date,rate\\nEUR,USD,2026-11-27,1.0842\\nEUR,QQQ,2026-11-27,1\\nEUR,USD,2026-13-01,1"}""");
        problem(bad, 422, "/csv");
        assertThat(bad.body()).contains("line 3").contains("line 4");
        problem(s.get("/api/v1/exchange-rates/convert?amountMinor=100&currency=EUR&reportCurrency=USD&date=2026-11-28"),
                400, null);
        ok(s.post("/api/v1/exchange-rates", """
                {"csv":"base,quote,date,rate\\nEUR,USD,2026-11-27,1.0842\\nEUR,USD,2026-11-20,1.05"}"""), 201);
        Reply c = ok(s.get("/api/v1/exchange-rates/convert?amountMinor=10005&currency=EUR&reportCurrency=USD"
                + "&date=2026-11-28"), 200);
        // 100.05 EUR x 1.0842 = 108.47421 -> 108.47 USD, with the rate of 27 November (newest on or before the 28th)
        assertThat(c.json().get("convertedMinor").asLong()).isEqualTo(10_847);
        assertThat(c.json().get("rate").asText()).isEqualTo("1.0842");
        assertThat(c.json().get("rateDate").asText()).isEqualTo("2026-11-27");
    }
}
