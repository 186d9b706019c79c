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
 * The four-eyes routes over HTTP: the fund's threshold, payments below and above it, and the
 * approve and reject steps' answers for unknown, paid and refused payments. Requests carry no
 * person's session yet (the platform acts), so a payment above the threshold is refused before
 * anything is written; the person-to-person flow is {@link PaymentFourEyesTest}.
 */
class FundsApprovalApiTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.sqlite();
        FundFixture.load(s.app(), UiFixture.load(s.app()));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static Reply status(Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    static void problem(Reply r, int status, String pointer) {
        status(r, status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        if (pointer != null) assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo(pointer);
    }

    @Test
    void theFundsThresholdIsSetClearedAndChecked() {
        Reply set = status(s.put("/api/v1/funds/EPF/approval-threshold", "{\"thresholdMinor\":2500000}"), 200);
        assertThat(set.json().get("effectiveThresholdMinor").asLong()).isEqualTo(2_500_000L);
        problem(s.put("/api/v1/funds/EPF/approval-threshold", "{\"thresholdMinor\":-1}"), 422, "/thresholdMinor");
        problem(s.put("/api/v1/funds/EPF/approval-threshold", "{\"thresholdMinor\":1,\"extra\":1}"), 422, null);
        problem(s.put("/api/v1/funds/NOPE/approval-threshold", "{\"thresholdMinor\":1}"), 422, "/fund");

        // at the threshold: paid at once
        Reply paid = status(s.post("/api/v1/payments", """
                {"id":"PAY-AT","measure":"M-NL-1","contract":"C-9","milestone":"M1","payee":"SUP-X",
                 "amountMinor":2500000,"contractValueMinor":9000000}"""), 201);
        assertThat(paid.json().get("status").asText()).isEqualTo("POSTED");
        assertThat(status(s.get("/api/v1/payments/PAY-AT"), 200).json().get("status").asText()).isEqualTo("PAID");
        // above it the platform itself, no person, may not ask for approval: refused, nothing written
        long events = s.app().journal().size();
        Reply refused = s.post("/api/v1/payments", """
                {"id":"PAY-ABOVE","measure":"M-NL-1","contract":"C-9","milestone":"M2","payee":"SUP-X",
                 "amountMinor":2500001,"contractValueMinor":9000000}""");
        assertThat(refused.status()).as(refused.body()).isIn(401, 403);
        assertThat(s.app().journal().size()).isEqualTo(events);
        status(s.get("/api/v1/payments/PAY-ABOVE"), 404);
        status(s.get("/api/v1/transfers/PAY-ABOVE"), 404);
        status(s.put("/api/v1/funds/EPF/approval-threshold", "{\"thresholdMinor\":null}"), 200);
    }

    @Test
    void approveAndRejectAnswerForUnknownAndAlreadyPaidPayments() {
        problem(s.post("/api/v1/payments/NO-SUCH/approve", "{}"), 404, null);
        problem(s.post("/api/v1/payments/NO-SUCH/reject", "{}"), 404, null);
        problem(s.post("/api/v1/payments/bad%20id/approve", "{}"), 422, "/id");
        // PAY-1 was paid at once: approving it again changes nothing, rejecting it is an illegal step
        Reply again = status(s.post("/api/v1/payments/PAY-1/approve", "{}"), 200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("REPLAYED");
        problem(s.post("/api/v1/payments/PAY-1/reject", "{}"), 409, null);
        problem(s.post("/api/v1/payments/PAY-1/approve", "{\"note\":1,\"x\":2}"), 422, null);
    }
}
