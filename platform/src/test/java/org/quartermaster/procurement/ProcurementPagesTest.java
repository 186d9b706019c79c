package org.quartermaster.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.procurement.JointWorld.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quartermaster.procurement.model.EvaluationMethod;
import org.quartermaster.procurement.model.ProcedureKind;
import org.quartermaster.procurement.model.ProcedureStatus;
import org.quartermaster.procurement.model.RedFlag;
import org.quartermaster.server.Messages;
import org.quartermaster.testing.TestServer.Reply;

/** The procurement pages over HTTP: stages, the bid form and its receipt, the evaluation sheet, a contract's schedule. */
class ProcurementPagesTest {

    @Test
    void walksAProcedureThroughItsPages() {
        try (ActingServer s = new ActingServer(START)) {
            setUp(s);
            String id = open(s);
            joinAndCommit(s, id);
            Reply page = ok(s.get("/procurements/" + id, ANNA), 200);
            assertThat(page.body()).contains("Joint 155 mm framework").contains("5,200").contains("aria-current=\"step\"");
            publish(s, id);
            Reply form = ok(s.get("/procurements/" + id + "/bid", RHM), 200);
            assertThat(form.body()).contains("name=\"unitPriceMinor\"").contains("155 mm HE");
            Reply posted = s.form("/procurements/" + id + "/bid",
                    "supplier=SUP-RHM&lot=1&unitPriceMinor=380000&deliveryWeeks=12&note=page+bid", RHM);
            assertThat(posted.status()).as(posted.body()).isEqualTo(303);
            Reply receipt = ok(s.get(posted.header("Location"), RHM), 200);
            assertThat(receipt.body()).contains("BID-000001");
            Reply bad = s.form("/procurements/" + id + "/bid", "supplier=SUP-RHM&lot=1&unitPriceMinor=abc&deliveryWeeks=1", RHM);
            assertThat(bad.status()).isEqualTo(422);
            bid(s, id, NAMMO, 1, 370_000, "n");
            bid(s, id, KNDS, 2, 150_000, "k");
            assertThat(ok(s.get("/procurements/" + id, ANNA), 200).body()).doesNotContain("380,000").contains("sealed");

            s.clock.advance(Duration.ofDays(9));
            assertThat(s.form("/procurements/" + id + "/step", "step=request-opening&version=" + version(s, id), ANNA)
                    .status()).isEqualTo(303);
            assertThat(s.form("/procurements/" + id + "/step", "step=confirm-opening&version=" + version(s, id), BRUNO)
                    .status()).isEqualTo(303);
            assertThat(ok(s.get("/procurements/" + id, ANNA), 200).body()).contains("380,000");
            assertThat(s.form("/procurements/" + id + "/evaluation", "bid=BID-000001&criterion=quality&score=80", ANNA)
                    .status()).isEqualTo(303);
            Reply sheet = ok(s.get("/procurements/" + id + "/evaluation", ANNA), 200);
            assertThat(sheet.body()).contains("quality · anna").contains(">80<");
        }
    }

    @Test
    void everyProcurementValueHasATextInEveryLanguage() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (ProcedureStatus s : ProcedureStatus.values()) keys.add("procedureStatus." + s.name());
        for (ProcedureKind k : ProcedureKind.values()) keys.add("procedureKind." + k.name());
        for (EvaluationMethod m : EvaluationMethod.values()) keys.add("evaluationMethod." + m.name());
        for (RedFlag.Indicator i : RedFlag.Indicator.values()) keys.add("redFlag." + i.name());
        for (String language : Messages.LANGUAGES) {
            assertThat(Messages.of(language).keys()).as(language).containsAll(keys);
        }
        assertThat(Messages.of("uk").get("procurement.title")).isNotEqualTo(Messages.of("en").get("procurement.title"));
        assertThat(Messages.of("fr").get("procurement.title")).isNotEqualTo(Messages.of("en").get("procurement.title"));
    }
}
