package org.quartermaster.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;

/**
 * From a need through a donor's offer, a shipment through two hubs with custody hand-overs, a
 * partial receipt with a discrepancy, to the need's and the offer's statuses and the dashboard,
 * over real HTTP on both databases. The receipt is verified offline with only the public key.
 */
public class LogisticsEndToEndTest {
    TestServer s;

    @BeforeEach
    void noServerYet() {
        s = null;
    }

    @AfterEach
    void stop() {
        if (s != null) s.close();
    }

    public static Reply ok(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    static void refused(Reply r, int status, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).contains(detail);
    }

    /** Items, organisations and the route's locations, through the API. */
    public static void referenceData(TestServer s) {
        ok(s.post("/api/v1/items", """
                {"code":"HELMET","name":"Helmet","unit":"H87","category":"PROTECTIVE_EQUIPMENT","lethal":false}"""), 201);
        for (String[] o : new String[][] {{"UKR-MOD", "RECIPIENT", "UKR"}, {"DEU-MOD", "DONOR_STATE", "DEU"},
                {"CARRIER-A", "SUPPLIER", "POL"}, {"CARRIER-B", "SUPPLIER", "UKR"}}) {
            ok(s.post("/api/v1/organisations", """
                    {"code":"%s","name":"%s","kind":"%s","country":"%s"}""".formatted(o[0], o[0], o[1], o[2])), 201);
        }
        for (String[] l : new String[][] {{"DEPOT-DE", "DEU", "DEPOT"}, {"HUB-PL", "POL", "HUB"},
                {"HUB-UA", "UKR", "HUB"}, {"DEST-UA", "UKR", "DEPOT"}}) {
            ok(s.post("/api/v1/locations", """
                    {"code":"%s","name":"%s","country":"%s","kind":"%s"}""".formatted(l[0], l[0], l[1], l[2])), 201);
        }
    }

    /**
     * An accepted donation of {@code quantity} helmets by DEU-MOD from DEPOT-DE, pledged to no
     * need: something real for a shipment line to fulfil. Returns its id.
     */
    public static String acceptedOffer(TestServer s, long quantity) {
        String offer = ok(s.post("/api/v1/offers", """
                {"donor":"DEU-MOD","item":"HELMET","quantity":%d,"condition":"NEW","origin":"DEPOT-DE",
                 "availableFrom":"2026-01-01","terms":"DONATION"}""".formatted(quantity)), 201).json().get("id").asText();
        ok(s.post("/api/v1/offers/" + offer + "/accept", "{\"version\":1}"), 200);
        return offer;
    }

    public static String custody(String kind, String org, String person, String extra) {
        return "{\"kind\":\"" + kind + "\",\"organisation\":\"" + org + "\",\"person\":\"" + person + "\"" + extra + "}";
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void fromNeedToReceiptAndDashboard(TestDatabases.Kind kind) throws Exception {
        s = new TestServer(TestDatabases.open(kind));
        referenceData(s);
        String need = ok(s.post("/api/v1/needs", """
                {"requester":"UKR-MOD","item":"HELMET","quantity":100,"priority":"P1","dueDate":"2030-01-31",
                 "destination":"DEST-UA","justification":"brigade","submit":true}"""), 201).json().get("id").asText();
        String offer = ok(s.post("/api/v1/offers", """
                {"donor":"DEU-MOD","item":"HELMET","quantity":100,"condition":"NEW","origin":"DEPOT-DE",
                 "availableFrom":"2026-12-01","terms":"DONATION","need":"%s"}""".formatted(need)), 201)
                .json().get("id").asText();
        ok(s.post("/api/v1/offers/" + offer + "/accept", "{\"version\":1}"), 200);
        assertThat(ok(s.get("/api/v1/needs/" + need), 200).json().get("status").asText()).isEqualTo("COVERED");

        Reply planned = ok(s.post("/api/v1/shipments", """
                {"owner":"DEU-MOD","receiver":"UKR-MOD","origin":"DEPOT-DE","destination":"DEST-UA","mode":"ROAD",
                 "plannedDeparture":"2026-12-01T08:00:00Z","plannedArrival":"2099-12-05T18:00:00Z",
                 "hubs":[{"location":"HUB-PL","plannedArrival":"2026-12-02T12:00:00Z"},{"location":"HUB-UA"}],
                 "lines":[{"kind":"OFFER","fulfils":"%s","quantity":100}]}""".formatted(offer)), 201);
        String id = planned.json().get("id").asText();
        String path = "/api/v1/shipments/" + id;
        JsonNode line = planned.json().get("lines").get(0);
        assertThat(line.get("item").asText()).as("the offer's item by default").isEqualTo("HELMET");
        assertThat(line.get("needs").get(0).get("need").asText()).as("the offer's need by default").isEqualTo(need);
        assertThat(planned.json().get("stops")).hasSize(4);

        // the origin's holder hands over to the first carrier, which leaves
        ok(s.post(path + "/custody", custody("HANDED_OVER", "DEU-MOD", "Anna Schmidt", ",\"to\":\"CARRIER-A\"")), 201);
        refused(s.post(path + "/custody", custody("DEPARTED", "DEU-MOD", "Anna Schmidt", "")), 409, "does not hold");
        ok(s.post(path + "/custody", custody("DEPARTED", "CARRIER-A", "Piotr Nowak", "")), 201);
        assertThat(ok(s.get("/api/v1/offers/" + offer), 200).json().get("status").asText()).isEqualTo("SHIPPED");
        // out of order: the destination before the hubs; a hub skipped; the right hub by the wrong organisation
        refused(s.post(path + "/custody", custody("ARRIVED", "CARRIER-A", "Piotr Nowak", "")), 409, "cannot follow");
        refused(s.post(path + "/custody", custody("ARRIVED_AT_HUB", "CARRIER-A", "Piotr Nowak",
                ",\"location\":\"HUB-UA\"")), 409, "next hub is HUB-PL");
        refused(s.post(path + "/custody", custody("ARRIVED_AT_HUB", "CARRIER-B", "Olena", "")), 409, "does not hold");
        ok(s.post(path + "/custody", custody("ARRIVED_AT_HUB", "CARRIER-A", "Piotr Nowak", ",\"location\":\"HUB-PL\"")), 201);
        assertThat(ok(s.get("/api/v1/shipment-board"), 200).json().get("counts").get("AT_HUB").asLong()).isEqualTo(1);
        ok(s.post(path + "/custody", custody("HANDED_OVER", "CARRIER-A", "Piotr Nowak", ",\"to\":\"CARRIER-B\"")), 201);
        ok(s.post(path + "/custody", custody("DEPARTED", "CARRIER-B", "Olena Kovalenko", "")), 201);
        ok(s.post(path + "/custody", custody("ARRIVED_AT_HUB", "CARRIER-B", "Olena Kovalenko", "")), 201);
        ok(s.post(path + "/custody", custody("DEPARTED", "CARRIER-B", "Olena Kovalenko", "")), 201);
        // reimbursement needs a delivered donation: refused while the helmets are on the way
        fundWithClaimsMeasure(s);
        String claim = """
                {"id":"CLAIM-1","measure":"M-CLAIMS","offer":"%s","valuationMinor":12345,"rateBasisPoints":5000}"""
                .formatted(offer);
        refused(s.post("/api/v1/claims", claim), 422, "SHIPPED");
        // the receiver cannot sign for goods the carrier still holds
        Reply early = s.post(path + "/receipt", """
                {"organisation":"UKR-MOD","person":"Maj. Bondar","lines":[{"line":1,"received":100}]}""");
        refused(early, 409, "UKR-MOD does not hold the goods; CARRIER-B does");
        ok(s.post(path + "/custody", custody("ARRIVED", "CARRIER-B", "Olena Kovalenko", "")), 201);
        ok(s.post(path + "/custody", custody("HANDED_OVER", "CARRIER-B", "Olena Kovalenko", ",\"to\":\"UKR-MOD\"")), 201);
        JsonNode chain = ok(s.get(path + "/custody"), 200).json().get("items");
        assertThat(chain).hasSize(9); // 2 at the origin, 3 at HUB-PL, 2 at HUB-UA, 2 at the destination
        assertThat(chain.get(8).get("to").asText()).isEqualTo("UKR-MOD");

        // a receipt that claims more than was shipped, or misses a line, writes nothing
        refused(s.post(path + "/receipt", """
                {"organisation":"UKR-MOD","person":"Maj. Bondar","lines":[{"line":1,"received":101}]}"""), 422,
                "/lines/0/received");
        refused(s.post(path + "/receipt", """
                {"organisation":"UKR-MOD","person":"Maj. Bondar","lines":[]}"""), 422, "/lines");
        refused(s.post(path + "/receipt", """
                {"organisation":"DEU-MOD","person":"Anna","lines":[{"line":1,"received":1}]}"""), 409, "not the receiver");
        assertThat(ok(s.get(path), 200).json().get("status").asText()).isEqualTo("ARRIVED");

        byte[] photo = "a crushed crate, photographed".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        Reply receipt = ok(s.post(path + "/receipt", """
                {"organisation":"UKR-MOD","person":"Maj. Bondar","lines":[{"line":1,"received":90}],
                 "discrepancies":[{"line":1,"kind":"DAMAGED","quantity":6,"note":"crushed crate",
                   "attachments":[{"name":"crate.jpg","mediaType":"image/jpeg","contentBase64":"%s"}]},
                  {"line":1,"kind":"SHORT","quantity":4}]}""".formatted(Base64.getEncoder().encodeToString(photo))), 201);
        refused(s.post(path + "/receipt", """
                {"organisation":"UKR-MOD","person":"Maj. Bondar","lines":[{"line":1,"received":10}]}"""), 409,
                "already received");

        // roll-up: 90 of 100 delivered (need still COVERED, not DELIVERED); the offer DELIVERED
        JsonNode n = ok(s.get("/api/v1/needs/" + need), 200).json();
        assertThat(n.get("deliveredQuantity").asLong()).isEqualTo(90);
        assertThat(n.get("status").asText()).isEqualTo("COVERED");
        assertThat(ok(s.get("/api/v1/offers/" + offer), 200).json().get("status").asText()).isEqualTo("DELIVERED");
        ok(s.post("/api/v1/claims", claim), 201); // the roll-up opened the claim
        JsonNode shipment = ok(s.get(path), 200).json();
        assertThat(shipment.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(shipment.get("lines").get(0).get("receivedQuantity").asLong()).isEqualTo(90);
        assertThat(shipment.get("lines").get(0).get("needs").get(0).get("deliveredQuantity").asLong()).isEqualTo(90);
        JsonNode problems = ok(s.get(path + "/discrepancies"), 200).json().get("items");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).get("attachments").get(0).get("sha256").asText()).isEqualTo(sha);
        Reply file = ok(s.get(path + "/attachments/" + sha), 200);
        assertThat(file.body()).isEqualTo("a crushed crate, photographed");

        // offline verification: only the document, the signature and the published public key
        JsonNode r = receipt.json();
        String publicKey = ok(s.get("/api/v1/signing-keys/UKR-MOD"), 200).json().get("publicKey").asText();
        assertThat(verify(publicKey, r.get("document").asText(), r.get("signature").asText())).isTrue();
        assertThat(verify(publicKey, r.get("document").asText().replace("\"received\":90", "\"received\":100"),
                r.get("signature").asText())).as("a changed quantity breaks the signature").isFalse();
        assertThat(r.get("document").asText()).contains("\"received\":90").contains("\"person\":\"Maj. Bondar\"")
                .contains(sha);

        // the field rating after use, by the recipient only
        refused(s.post(path + "/lines/1/rating", """
                {"organisation":"DEU-MOD","person":"Anna","rating":5}"""), 409, "only the receiver");
        refused(s.post(path + "/lines/1/rating", """
                {"organisation":"UKR-MOD","person":"Maj. Bondar","rating":6}"""), 422, "/rating");
        ok(s.post(path + "/lines/1/rating", """
                {"organisation":"UKR-MOD","person":"Maj. Bondar","rating":4,"comment":"good fit"}"""), 200);

        // a question on the shipment, assigned to the donor: open on the dashboard, then answered
        String q = ok(s.post("/api/v1/questions", """
                {"record":"%s","text":"Why were 4 helmets missing?","assignedTo":"DEU-MOD",
                 "organisation":"UKR-MOD","person":"Maj. Bondar"}""".formatted(id)), 201).json().get("id").asText();
        refused(s.post("/api/v1/questions", """
                {"record":"SH-999999","text":"?","assignedTo":"DEU-MOD","organisation":"UKR-MOD","person":"X"}"""),
                422, "/record");
        JsonNode open = ok(s.get("/api/v1/open-questions"), 200).json().get("items");
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("organisation").asText()).isEqualTo("DEU-MOD");
        assertThat(open.get(0).get("count").asLong()).isEqualTo(1);

        // the dashboard: 1 received shipment, 90 units, the open question; the chart's delivered 90
        String dashboard = ok(s.get("/"), 200).body();
        assertThat(dashboard).contains("id=\"kpi-received\">1<").contains("id=\"kpi-received-units\">90<")
                .contains("id=\"kpi-in-transit\" href=\"/shipments?status=IN_TRANSIT\">0<")
                .contains("data-org=\"DEU-MOD\"");
        assertThat(ok(s.get("/api/v1/dashboard/coverage"), 200).body()).contains("90");
        refused(s.post("/api/v1/questions/" + q + "/answer", """
                {"text":"Stolen at the border","organisation":"UKR-MOD","person":"Maj. Bondar","version":1}"""), 409,
                "assigned to DEU-MOD");
        ok(s.post("/api/v1/questions/" + q + "/answer", """
                {"text":"Stolen at the border","organisation":"DEU-MOD","person":"Anna","version":1}"""), 200);
        assertThat(ok(s.get("/api/v1/open-questions"), 200).json().get("items")).isEmpty();

        // the need's page tells the whole thread
        String page = ok(s.get("/needs/" + need), 200).body();
        assertThat(page).contains(id).contains("Olena Kovalenko").contains("Maj. Bondar").contains("DAMAGED 6")
                .contains("4/5").contains("good fit");
    }

    static void fundWithClaimsMeasure(TestServer s) {
        ok(s.post("/api/v1/funds", """
                {"code":"EPF","name":"European Peace Facility","currency":"EUR"}"""), 201);
        ok(s.put("/api/v1/funds/EPF/key", """
                {"shares":[{"member":"DEU","basisPoints":10000}]}"""), 200);
        ok(s.post("/api/v1/funds/EPF/calls", """
                {"id":"CALL-1","envelope":"NON_LETHAL","totalMinor":200000}"""), 201);
        ok(s.post("/api/v1/transfers/CALL-1.DEU/post", "{}"), 201);
        ok(s.post("/api/v1/funds/EPF/measures", """
                {"code":"M-CLAIMS","envelope":"NON_LETHAL","ceilingMinor":80000}"""), 201);
        ok(s.post("/api/v1/commitments", """
                {"id":"COM-C","measure":"M-CLAIMS","amountMinor":80000}"""), 201);
        ok(s.post("/api/v1/transfers/COM-C/post", "{}"), 201);
    }

    /** Ed25519 with the JDK alone: what anyone holding the public key can do offline. */
    static boolean verify(String publicKeyBase64, String document, String signatureBase64) throws Exception {
        var key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        Signature sig = Signature.getInstance("Ed25519");
        sig.initVerify(key);
        sig.update(document.getBytes(StandardCharsets.UTF_8));
        return sig.verify(Base64.getDecoder().decode(signatureBase64));
    }
}
