package org.quartermaster.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.audit.Verifier;
import org.quartermaster.funds.model.Account;
import org.quartermaster.funds.model.Fund;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestDatabases.Kind;

/**
 * {@code qm verify} replays the ledger's journal events into accounts and transfers and compares
 * them with the stored rows: a balance or a transfer edited in SQL without an event is found,
 * even an edit that keeps the ledger's own books balanced. On SQLite and PostgreSQL.
 */
class FundsJournalReplayTest {

    private static Verifier.Report verify(FundWorld w) {
        return w.app.verify(w.app.journal().keys().publicKey());
    }

    private static FundWorld world(Kind kind) {
        FundWorld w = new FundWorld(TestDatabases.open(kind));
        // one commitment posted (in the world), one voided, one left pending
        w.funds.commit(new FundCommands.Commit("COM-V", "M-NL", 100_000L), Actor.SYSTEM);
        w.app.ledger().voidPending("COM-V", Actor.SYSTEM);
        w.funds.commit(new FundCommands.Commit("COM-P", "M-NL", 200_000L), Actor.SYSTEM);
        w.app.journal().signIfDue(true);
        return w;
    }

    private static long key(FundWorld w, String owner, String purpose) {
        return w.funds.accounts(Actor.SYSTEM, "EPF", null, 500).items().stream()
                .filter(a -> a.owner().equals(owner) && a.purpose().equals(purpose)).mapToLong(Account::key)
                .findFirst().orElseThrow();
    }

    private static void sql(FundWorld w, Consumer<Handle> change) {
        w.app.db().write(Actor.SYSTEM, tx -> {
            change.accept(tx.handle());
            return null;
        });
    }

    private static Verifier.Report.Diverged diverged(FundWorld w) {
        Verifier.Report r = verify(w);
        assertThat(r).isInstanceOf(Verifier.Report.Diverged.class);
        return (Verifier.Report.Diverged) r;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theReplayedLedgerEqualsTheStoredOne(Kind kind) {
        try (FundWorld w = world(kind)) {
            Verifier.Report r = verify(w);
            assertThat(r).as(r.toString()).isInstanceOf(Verifier.Report.Verified.class);
            Verifier.Report.Verified v = (Verifier.Report.Verified) r;
            assertThat(v.tables()).contains("fund_accounts");
            assertThat(v.eventTypesNotReplayed()).doesNotContain("AccountOpened", "TransferPending", "TransferPosted",
                    "TransferVoided");
            assertThat(v.stateDigests()).containsKey("fund_accounts");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBalanceEditedInSqlWithoutAnEventIsFound(Kind kind) {
        try (FundWorld w = world(kind)) {
            long measure = key(w, "EPF", Fund.measurePurpose("M-NL"));
            sql(w, h -> h.createUpdate("UPDATE fund_accounts SET credits_posted = credits_posted + 1 WHERE account_key = :k")
                    .bind("k", measure).execute());
            Verifier.Report.Diverged d = diverged(w);
            assertThat(d.table()).isEqualTo("fund_accounts");
            assertThat(d.row()).isEqualTo(org.quartermaster.shared.PublicIds.format(Account.ID_PREFIX, measure));
            assertThat(d.what()).contains("creditsPosted is 8000001 but the events say 8000000");
            sql(w, h -> h.createUpdate("UPDATE fund_accounts SET credits_posted = credits_posted - 1 WHERE account_key = :k")
                    .bind("k", measure).execute());
            assertThat(verify(w)).isInstanceOf(Verifier.Report.Verified.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBalancedEditOfATransferAndBothItsAccountsPassesTheLedgerCheckButNotTheReplay(Kind kind) {
        try (FundWorld w = world(kind)) {
            long debit = key(w, "DEU-MOD", Fund.CONTRIBUTIONS);
            long credit = key(w, "EPF", Fund.envelopePurpose(org.quartermaster.funds.model.Envelope.NON_LETHAL));
            sql(w, h -> {
                h.createUpdate("UPDATE fund_transfers SET amount_minor = amount_minor + 100 WHERE transfer_id = 'CALL-1.DEU-MOD'")
                        .execute();
                h.createUpdate("UPDATE fund_accounts SET debits_posted = debits_posted + 100 WHERE account_key = :k")
                        .bind("k", debit).execute();
                h.createUpdate("UPDATE fund_accounts SET credits_posted = credits_posted + 100 WHERE account_key = :k")
                        .bind("k", credit).execute();
            });
            // the books still balance and equal a replay of the stored transfers...
            assertThat(w.app.ledger().verify().sound()).isTrue();
            // ...but not the journal's events
            Verifier.Report.Diverged d = diverged(w);
            assertThat(d.table()).isEqualTo("fund_accounts");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTransferWhoseStatusOrRowChangedWithoutAnEventIsFound(Kind kind) {
        try (FundWorld w = world(kind)) {
            sql(w, h -> h.createUpdate("UPDATE fund_transfers SET status = 'POSTED' WHERE transfer_id = 'COM-V'").execute());
            Verifier.Report.Diverged d = diverged(w);
            assertThat(d.row()).isEqualTo("T:COM-V");
            assertThat(d.what()).contains("status is POSTED but the events say VOIDED");
            sql(w, h -> h.createUpdate("UPDATE fund_transfers SET status = 'VOIDED' WHERE transfer_id = 'COM-V'").execute());
            assertThat(verify(w)).isInstanceOf(Verifier.Report.Verified.class);
            sql(w, h -> h.createUpdate("UPDATE fund_transfers SET reference = 'edited' WHERE transfer_id = 'COM-P'").execute());
            assertThat(diverged(w).row()).isEqualTo("T:COM-P");
        }
    }
}
