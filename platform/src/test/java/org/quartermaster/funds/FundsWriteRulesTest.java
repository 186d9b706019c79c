package org.quartermaster.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.access.model.Role;
import org.quartermaster.funds.model.Account;
import org.quartermaster.shared.AccessDenied;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.TestDatabases;

/**
 * Fund writes are decided in the facade by the one policy: only a fund officer of the
 * organisation that runs the fund calls contributions, creates measures, commits and pays; a
 * refused write leaves nothing behind.
 */
class FundsWriteRulesTest {
    final FundWorld w = new FundWorld(TestDatabases.sqlite());
    final Actor officer = FundWorld.actor("fiona", FundWorld.FUND_ORG, Role.FUND_OFFICER);
    final Actor viewer = FundWorld.actor("victor", FundWorld.FUND_ORG, Role.VIEWER);
    final Actor otherOfficer = FundWorld.actor("dieter", "DEU-MOD", Role.FUND_OFFICER);

    @AfterEach
    void close() {
        w.close();
    }

    @Test
    void onlyTheFundsOwnOfficersMoveItsMoney() {
        long events = w.app.journal().size();
        assertThatThrownBy(() -> w.funds.call(new FundCommands.CallContributions("CALL-X", "EPF", "LETHAL", 1000),
                otherOfficer)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> w.funds.createMeasure(new FundCommands.CreateMeasure("M-X", "EPF", "LETHAL", 1000),
                viewer)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> w.funds.commit(new FundCommands.Commit("COM-X", "M-NL", 1000), otherOfficer))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> w.funds.setKey(new FundCommands.SetKey("EPF", java.util.List.of(
                new FundCommands.KeyShare("DEU-MOD", 10_000, false))), otherOfficer)).isInstanceOf(AccessDenied.class);
        assertThat(w.app.journal().size()).as("refused writes journal nothing").isEqualTo(events);

        assertThat(w.funds.createMeasure(new FundCommands.CreateMeasure("M-X", "EPF", "LETHAL", 1000), officer)
                .code()).isEqualTo("M-X");
        assertThat(w.funds.commit(new FundCommands.Commit("COM-X", "M-NL", 1000), officer))
                .isInstanceOf(TransferOutcome.Created.class);
    }

    @Test
    void moneyLeavesAnAccountOnlyOnTheWordOfItsOwnersOrItsFundsOfficers() {
        Actor member = FundWorld.actor("dora", "DEU-MOD", Role.FUND_OFFICER);
        Actor outsider = FundWorld.actor("pawel", "POL-MOD", Role.FUND_OFFICER);
        Account deu = w.app.ledger().open(new OpenAccount("DEU-MOD", "EPF", "LEDGER", "EUR", false), Actor.SYSTEM);
        Account aut = w.app.ledger().open(new OpenAccount("AUT-MOD", "EPF", "LEDGER", "EUR", false), Actor.SYSTEM);
        long events = w.app.journal().size();
        assertThatThrownBy(() -> w.app.ledger().open(new OpenAccount("DEU-MOD", "EPF", "OTHER", "EUR", false),
                outsider)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> w.app.ledger().transfer(transfer("T-OUT", deu, aut, false), outsider))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> w.app.ledger().transferAll(java.util.List.of(transfer("T-B1", aut, deu, false),
                transfer("T-B2", deu, aut, false)), member)).as("one entry not the member's refuses the batch")
                .isInstanceOf(AccessDenied.class);
        assertThat(w.app.journal().size()).as("refused writes journal nothing").isEqualTo(events);

        assertThat(w.app.ledger().transfer(transfer("T-OWN", deu, aut, true), member))
                .isInstanceOf(TransferOutcome.Created.class);
        assertThatThrownBy(() -> w.app.ledger().post("T-OWN", outsider)).isInstanceOf(AccessDenied.class);
        assertThat(w.app.ledger().post("T-OWN", officer)).as("the fund's organisation settles its members' transfers")
                .isInstanceOf(TransferOutcome.Created.class);
        assertThat(w.app.ledger().open(new OpenAccount("AUT-MOD", "EPF", "OTHER", "EUR", false), officer).owner())
                .isEqualTo("AUT-MOD");
    }

    private static MakeTransfer transfer(String id, Account from, Account to, boolean pending) {
        return new MakeTransfer(id, from.publicId(), to.publicId(), 100, "EUR", pending, null);
    }

    @Test
    void aRetryOfCreatingAFundAnswersOnlyWhoeverMayCreateIt() {
        var create = new FundCommands.CreateFund("DEF", "Defence fund", "EUR", "DEU-MOD");
        assertThat(w.funds.create(create, otherOfficer).code()).isEqualTo("DEF");
        assertThat(w.funds.create(create, otherOfficer).code()).as("the same command again").isEqualTo("DEF");
        assertThatThrownBy(() -> w.funds.create(create, officer)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void onlyThePlatformsFundOfficersImportTheSharedRates() {
        String csv = "base,quote,date,rate\nEUR,USD,2026-11-27,1.0842\n";
        assertThatThrownBy(() -> w.app.rates().importCsv(csv, officer)).isInstanceOf(AccessDenied.class);
        Actor platform = FundWorld.actor("quinn", org.quartermaster.access.model.WriteRule.PLATFORM_ORGANISATION,
                Role.FUND_OFFICER);
        assertThat(w.app.rates().importCsv(csv, platform)).isEqualTo(1);
    }

    @Test
    void aFundIsCreatedOnlyByAnOfficerOfTheOrganisationThatWillRunIt() {
        assertThatThrownBy(() -> w.funds.create(new FundCommands.CreateFund("DEF", "Defence fund", "EUR",
                FundWorld.FUND_ORG), otherOfficer)).isInstanceOf(AccessDenied.class);
        assertThat(w.funds.create(new FundCommands.CreateFund("DEF", "Defence fund", "EUR", "DEU-MOD"), otherOfficer)
                .code()).isEqualTo("DEF");
        // the fund it runs is visible to it, the other is not
        assertThat(w.funds.funds(otherOfficer)).extracting(f -> f.code()).contains("DEF", "EPF");
        assertThat(w.funds.funds(officer)).extracting(f -> f.code()).containsExactly("EPF");
    }
}
