package org.quartermaster.funds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.FundFixture;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;
import org.quartermaster.testing.UiFixture;

/**
 * The lethal check of claims and commitments over HTTP, on the {@link FundFixture} (M-NL-1 is a
 * non-lethal measure, M-L-1 a lethal one, GBR-MOD abstains constructively, AMMO-155-HE is
 * flagged lethal in the catalogue): refusals are 422 problems naming the field and write nothing.
 */
class LethalCheckTest {
    static TestServer s;
    static FundFixture.Loaded loaded;

    @BeforeAll
    static void start() {
        s = TestServer.sqlite();
        loaded = FundFixture.load(s.app(), UiFixture.load(s.app()));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static Reply status(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    static void problem(Reply r, String pointer, String type) {
        status(r, 422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo(pointer);
        assertThat(r.body()).contains(type);
    }

    private static void notWritten(String transfer) {
        assertThat(s.get("/api/v1/transfers/" + transfer).status()).isEqualTo(404);
    }

    @Test
    void aClaimForALethalDonationIsRefusedFromANonLethalMeasureAndPaidFromALethalOne() {
        String offer = loaded.lethalDelivered().publicId();
        problem(s.post("/api/v1/claims", """
                {"id":"CL-L-NL","measure":"M-NL-1","offer":"%s","valuationMinor":100000,"rateBasisPoints":10000}"""
                .formatted(offer)), "/measure", "AMMO-155-HE is lethal");
        notWritten("CL-L-NL");
        // the lethal measure has money once its commitment is posted
        status(s.post("/api/v1/transfers/COM-2/post", "{}"), 201);
        problem(s.post("/api/v1/claims", """
                {"id":"CL-L-ABST","measure":"M-L-1","offer":"%s","valuationMinor":100000,"rateBasisPoints":10000,
                 "contributor":"GBR-MOD"}""".formatted(offer)), "/contributor", "abstains constructively");
        notWritten("CL-L-ABST");
        Reply ok = status(s.post("/api/v1/claims", """
                {"id":"CL-L-L","measure":"M-L-1","offer":"%s","valuationMinor":100000,"rateBasisPoints":10000}"""
                .formatted(offer)), 201);
        assertThat(ok.json().get("amountMinor").asLong()).isEqualTo(100_000L);
        assertThat(s.get("/api/v1/funds/EPF").json().get("fundings").toString()).contains("\"item\":\"AMMO-155-HE\"");
    }

    @Test
    void aCommitmentForALethalItemIsRefusedFromANonLethalMeasureOrAnAbstainingMember() {
        problem(s.post("/api/v1/commitments", """
                {"id":"CM-L-NL","measure":"M-NL-1","amountMinor":1000,"item":"AMMO-762-NATO"}"""),
                "/measure", "is lethal");
        notWritten("CM-L-NL");
        problem(s.post("/api/v1/commitments", """
                {"id":"CM-ABST","measure":"M-L-1","amountMinor":1000,"item":"AMMO-155-HE","contributor":"GBR-MOD"}"""),
                "/contributor", "abstains constructively");
        notWritten("CM-ABST");
        // even without an item, a LETHAL measure cannot draw on an abstaining member's contribution
        problem(s.post("/api/v1/commitments", """
                {"id":"CM-ABST-2","measure":"M-L-1","amountMinor":1000,"contributor":"GBR-MOD"}"""),
                "/contributor", "abstains constructively");
        status(s.post("/api/v1/commitments", """
                {"id":"CM-L-L","measure":"M-L-1","amountMinor":1000,"item":"AMMO-155-HE","contributor":"DEU-MOD"}"""),
                201);
        status(s.post("/api/v1/commitments", """
                {"id":"CM-NL-ABST","measure":"M-NL-1","amountMinor":1000,"item":"MED-IFAK","contributor":"GBR-MOD"}"""),
                201);
    }

    @Test
    void unknownItemsAndNonMembersAreTheCallersMistake() {
        problem(s.post("/api/v1/commitments", """
                {"id":"CM-U","measure":"M-NL-1","amountMinor":1000,"item":"NO-SUCH-ITEM"}"""), "/item", "no item");
        problem(s.post("/api/v1/commitments", """
                {"id":"CM-N","measure":"M-NL-1","amountMinor":1000,"contributor":"USA-DOD"}"""),
                "/contributor", "not a member");
        notWritten("CM-U");
        notWritten("CM-N");
    }
}
