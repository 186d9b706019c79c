package org.quartermaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.quartermaster.access.Login;
import org.quartermaster.access.LoginResult;
import org.quartermaster.access.model.Base32;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.model.Totp;
import org.quartermaster.demo.DemoLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.Quartermaster;
import org.quartermaster.journal.JournalKeys;
import org.quartermaster.store.Database;

class DemoCommandTest {
    @TempDir
    Path dir;

    /**
     * What a newcomer runs, at its default size, in the world generated for the day the suite
     * runs: on 2026-11-29 it stopped at the first plan, whose objective the journal refused.
     */
    @Test
    void theDefaultDemoLoadsOnTheDayItRuns() {
        var cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute("demo", "--data", dir.toString(), "--no-serve");

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Loaded 58 organisations", "Proposed plan P-000001", "Joint purchase PR-");
    }

    @Test
    void loadsAWorldProposesAFirstPlanAndLeavesAJournalThatVerifies() throws Exception {
        var cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));

        int code = cli.execute("demo", "--data", dir.toString(), "--no-serve", "--needs", "200", "--offers", "100");

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Proposed plan P-000001", "Demo logins", DemoLogins.PASSWORD,
                DemoLogins.TOTP_SECRET, "qm-coordinator")
                .containsPattern("Shipped [1-9][0-9]* consignments")
                .containsPattern("Shipped [1-9][0-9]* consignments against the call-offs \\([1-9][0-9]* signed for\\)");
        try (Quartermaster app = new Quartermaster(Database.embedded(dir), JournalKeys.load(dir))) {
            var plan = app.planning().latest().orElseThrow();
            assertThat(app.logistics().board(org.quartermaster.shared.Actor.SYSTEM).values().stream()
                    .mapToLong(Long::longValue).sum()).as("the demo's shipments are on the board").isPositive();
            assertThat(plan.size().needLines()).isPositive();
            // consignments on the framework's call-offs were signed for and counted on their contracts
            var system = org.quartermaster.shared.Actor.SYSTEM;
            var contracts = app.procurement().contracts(null, null, 500, system).items();
            long fromReceipts = contracts.stream()
                    .flatMap(k -> app.procurement().deliveries(k.publicId(), system).stream())
                    .filter(d -> d.callOff() != null && d.reference().startsWith("shipment SH-")).count();
            assertThat(fromReceipts).as("deliveries on call-offs recorded by signed receipts").isPositive();
            assertThat(contracts.stream().anyMatch(k -> app.procurement().progress(k.publicId(), system).daysLateMax() > 0))
                    .as("a contract runs late against its schedule").isTrue();
            assertThat(app.verify(app.journal().keys().publicKey()))
                    .isInstanceOf(org.quartermaster.audit.Verifier.Report.Verified.class);
            // Every organisation has one account per role; a second factor uses the shared demo secret.
            int organisations = app.parties().allOrganisations().size();
            long accounts = app.db().read(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
            assertThat(accounts).isEqualTo((long) organisations * Role.values().length);
            assertThat(app.access().login(new Login("qm-coordinator", DemoLogins.PASSWORD, null, "127.0.0.1", null)))
                    .isInstanceOf(LoginResult.LoggedIn.class);
            String oneTime = Totp.code(Base32.decode(DemoLogins.TOTP_SECRET), java.time.Instant.now());
            assertThat(app.access().login(new Login("qm-approver", DemoLogins.PASSWORD, oneTime, "127.0.0.1", null)))
                    .isInstanceOf(LoginResult.LoggedIn.class);
            assertThat(app.access().login(new Login("qm-approver", DemoLogins.PASSWORD, null, "127.0.0.1", null)))
                    .isInstanceOf(LoginResult.Failed.class);
        }
    }
}
