package org.quartermaster.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.procurement.ActingServer.actor;

import java.time.Duration;
import java.time.Instant;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.TestServer.Reply;

/** The parties, items and steps of a joint 155 mm procedure, shared by the HTTP tests. */
final class JointWorld {
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final Actor ANNA = actor("anna", "EDA-JP", "PROCUREMENT_OFFICER");
    static final Actor BRUNO = actor("bruno", "EDA-JP", "PROCUREMENT_OFFICER");
    static final Actor POL = actor("piotr", "POL-MOD", "PROCUREMENT_OFFICER");
    static final Actor DEU = actor("dora", "DEU-BAAINBW", "PROCUREMENT_OFFICER");
    static final Actor EST = actor("eero", "EST-CDI", "PROCUREMENT_OFFICER");
    static final Actor POL_LOGISTICIAN = actor("lena", "POL-MOD", "LOGISTICIAN");
    static final Actor RHM = actor("ralf", "SUP-RHM", "PROCUREMENT_OFFICER");
    static final Actor NAMMO = actor("nora", "SUP-NAMMO", "PROCUREMENT_OFFICER");
    static final Actor KNDS = actor("karl", "SUP-KNDS", "PROCUREMENT_OFFICER");
    static final Actor ROGUE = actor("rick", "SUP-ROGUE", "PROCUREMENT_OFFICER");
    static final Actor ROOT = actor("root", "QM", "ADMIN");
    static final Actor AUDITOR = actor("audrey", "EU-ECA", "AUDITOR");
    static final Actor VIEWER = actor("vic", "UKR-MOD", "VIEWER");

    private JointWorld() {}

    static Reply ok(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    static Reply problem(Reply r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        if (type != null) assertThat(r.json().get("type").asText()).isEqualTo("/problems/" + type);
        return r;
    }

    /** Organisations, two items and vetted suppliers (SUP-ROGUE is registered but not verified). */
    static void setUp(ActingServer s) {
        String[][] orgs = {
            {"EDA-JP", "Joint procurement cell", "PROCUREMENT_AGENCY", "BEL"},
            {"POL-MOD", "Polish MoD", "DONOR_STATE", "POL"}, {"DEU-BAAINBW", "BAAINBw", "DONOR_STATE", "DEU"},
            {"EST-CDI", "Estonian Centre for Defence Investment", "DONOR_STATE", "EST"},
            {"UKR-MOD", "Ukrainian MoD", "RECIPIENT", "UKR"}, {"EU-ECA", "Court of Auditors", "AUDITOR", "LUX"},
            {"SUP-RHM", "Rheinmetall", "SUPPLIER", "DEU"}, {"SUP-NAMMO", "Nammo", "SUPPLIER", "NOR"},
            {"SUP-KNDS", "KNDS", "SUPPLIER", "FRA"}, {"SUP-ROGUE", "Rogue Arms", "SUPPLIER", "CYP"}};
        for (String[] o : orgs) {
            ok(s.post("/api/v1/organisations", """
                    {"code":"%s","name":"%s","kind":"%s","country":"%s","groups":["EU"]}"""
                    .formatted(o[0], o[1], o[2], o[3]), null), 201);
        }
        ok(s.post("/api/v1/items", """
                {"code":"AMMO-155","name":"155 mm HE shell","unit":"H87","cpv":"35331200-5",
                 "category":"AMMUNITION","lethal":true}""", null), 201);
        ok(s.post("/api/v1/items", """
                {"code":"AMMO-120","name":"120 mm mortar bomb","unit":"H87","cpv":"35331200-5",
                 "category":"AMMUNITION","lethal":true}""", null), 201);
        for (String supplier : new String[] {"SUP-RHM", "SUP-NAMMO", "SUP-KNDS"}) {
            ok(s.send("PUT", "/api/v1/procurement-suppliers/" + supplier, """
                    {"verified":true,"excluded":false}""", ROOT), 200);
        }
    }

    /** Opens the framework procedure (weighted: price 70%, quality 30%) and returns its id. */
    static String open(ActingServer s) {
        Instant now = s.clock.instant();
        Reply r = ok(s.post("/api/v1/procurements", """
                {"leadBuyer":"EDA-JP","title":"Joint 155 mm framework","kind":"FRAMEWORK","evaluation":"WEIGHTED",
                 "criteria":[{"name":"price","weightBasisPoints":7000},{"name":"quality","weightBasisPoints":3000}],
                 "currency":"EUR","groupContract":false,"prepaymentCapBasisPoints":2000,"standstillDays":10,
                 "commitUntil":"%s","bidsUntil":"%s",
                 "lots":[{"item":"AMMO-155","title":"155 mm HE","estimateMinor":400000},
                         {"item":"AMMO-120","title":"120 mm mortar","estimateMinor":150000}]}"""
                .formatted(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(10))), ANNA), 201);
        return r.json().get("id").asText();
    }

    static void joinAndCommit(ActingServer s, String id) {
        ok(s.post("/api/v1/procurements/" + id + "/participants", """
                {"buyer":"POL-MOD","budgetMinor":2000000000,"fundingSource":"national budget 2026"}""", ANNA), 200);
        ok(s.post("/api/v1/procurements/" + id + "/participants", """
                {"buyer":"DEU-BAAINBW","budgetMinor":1500000000,"fundingSource":"EPF reimbursement"}""", ANNA), 200);
        ok(s.post("/api/v1/procurements/" + id + "/participants", """
                {"buyer":"EST-CDI","budgetMinor":100000000,"fundingSource":"national budget"}""", ANNA), 200);
        ok(s.post("/api/v1/procurements/" + id + "/commitments", """
                {"buyer":"POL-MOD","lot":1,"quantity":3000}""", POL), 200);
        ok(s.post("/api/v1/procurements/" + id + "/commitments", """
                {"buyer":"DEU-BAAINBW","lot":1,"quantity":2000}""", DEU), 200);
        ok(s.post("/api/v1/procurements/" + id + "/commitments", """
                {"buyer":"DEU-BAAINBW","lot":2,"quantity":500}""", DEU), 200);
        ok(s.post("/api/v1/procurements/" + id + "/commitments", """
                {"buyer":"EST-CDI","lot":1,"quantity":200}""", EST), 200);
    }

    static long version(ActingServer s, String id) {
        return ok(s.get("/api/v1/procurements/" + id, ANNA), 200).json().get("version").asLong();
    }

    static void publish(ActingServer s, String id) {
        s.clock.advance(Duration.ofDays(1).plusHours(1));
        ok(s.post("/api/v1/procurements/" + id + "/publish", """
                {"notice":"Framework for 155 mm HE and 120 mm mortar bombs, deliveries 2026-2027","version":%d}"""
                .formatted(version(s, id)), ANNA), 200);
    }

    static String bid(ActingServer s, String id, Actor supplier, int lot, long price, String note) {
        return ok(s.post("/api/v1/procurements/" + id + "/bids", """
                {"supplier":"%s","lot":%d,"unitPriceMinor":%d,"deliveryWeeks":12,"note":"%s"}"""
                .formatted(supplier.organisation(), lot, price, note), supplier), 201).json().get("commitment").asText();
    }
}
