package org.quartermaster.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.access.model.Role;
import org.quartermaster.funds.model.Account;
import org.quartermaster.funds.model.Fund;
import org.quartermaster.funds.model.MilestonePayment;
import org.quartermaster.shared.AccessDenied;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Refused;
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestDatabases.Kind;

/**
 * Four eyes on payments: above the fund's threshold a payment waits, its money reserved, until a
 * different person approves it; its requester, another account of the same person, or an
 * approver of another organisation cannot complete it. On SQLite and PostgreSQL.
 */
class PaymentFourEyesTest {
    /** 10,000.00 EUR: payments above it wait for approval. */
    static final long THRESHOLD = 1_000_000L;

    private static FundWorld world(Kind kind) {
        FundWorld w = new FundWorld(TestDatabases.open(kind));
        w.funds.setApprovalThreshold(new FundCommands.SetApprovalThreshold("EPF", THRESHOLD), Actor.SYSTEM);
        return w;
    }

    private static long payeeCredits(FundWorld w) {
        return w.funds.accounts(Actor.SYSTEM, "EPF", null, 500).items().stream()
                .filter(a -> a.owner().equals("SUP-1") && a.purpose().equals(Fund.PAYMENTS))
                .mapToLong(a -> a.balance().creditsPosted()).sum();
    }

    private static Account measure(FundWorld w) {
        return w.funds.accounts(Actor.SYSTEM, "EPF", null, 500).items().stream()
                .filter(a -> a.purpose().equals(Fund.measurePurpose("M-NL"))).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyAttemptByOnePersonToCompleteBothStepsFails(Kind kind) {
        try (FundWorld w = world(kind)) {
            // One person, Olena, holds two accounts of the fund's organisation, both fund officers and approvers.
            List<Actor> olenas = List.of(
                    w.person("olena", "person-olena", FundWorld.FUND_ORG, Role.FUND_OFFICER, Role.APPROVER),
                    w.person("olena-2", "person-olena", FundWorld.FUND_ORG, Role.FUND_OFFICER, Role.APPROVER));
            Actor taras = w.person("taras", "person-taras", FundWorld.FUND_ORG, Role.APPROVER);
            int attempts = 0;
            List<String> waiting = new ArrayList<>();
            for (Actor requester : olenas) {
                String id = "PAY-" + requester.user();
                TransferOutcome o = w.funds.pay(w.payment(id, 2_000_000L), requester);
                assertThat(o).isInstanceOf(TransferOutcome.Created.class);
                assertThat(o.transfer().status().name()).isEqualTo("PENDING");
                waiting.add(id);
                for (Actor decider : olenas) {
                    for (boolean grant : new boolean[] {true, false}) {
                        attempts++;
                        assertThatThrownBy(() -> {
                            if (grant) w.funds.approvePayment(id, decider);
                            else w.funds.rejectPayment(id, decider);
                        }).as("%s completing %s's payment", decider.user(), requester.user())
                                .isInstanceOfAny(Refused.class, AccessDenied.class);
                    }
                }
                MilestonePayment p = w.funds.payment(id);
                assertThat(p.status()).isEqualTo(MilestonePayment.Status.AWAITING_APPROVAL);
                assertThat(p.requestedBy()).isEqualTo(requester.user());
                assertThat(p.approval()).startsWith("AP-");
            }
            assertThat(attempts).isEqualTo(8); // 2 requesting accounts x 2 deciding accounts x approve/reject
            assertThat(payeeCredits(w)).isZero();
            // both payments are reserved on the measure: 80,000.00 posted, 2 x 20,000.00 reserved
            assertThat(measure(w).balance().available()).isEqualTo(8_000_000L - 4_000_000L);

            TransferOutcome paid = w.funds.approvePayment(waiting.get(0), taras);
            assertThat(paid.transfer().status().name()).isEqualTo("POSTED");
            assertThat(w.funds.payment(waiting.get(0)).status()).isEqualTo(MilestonePayment.Status.PAID);
            assertThat(w.funds.payment(waiting.get(0)).decidedBy()).isEqualTo("taras");
            assertThat(payeeCredits(w)).isEqualTo(2_000_000L);
            // the approval was spent by the payment it authorised, in the same transaction
            String approval = w.funds.payment(waiting.get(0)).approval();
            var spent = w.app.access().approval(approval);
            assertThat(spent.status()).isEqualTo(org.quartermaster.access.Approval.Status.USED);
            assertThat(spent.usedBy()).isEqualTo("taras");
            assertThat(w.app.journal().forEntity(approval, 10)).extracting(e -> e.type())
                    .containsExactly("ApprovalRequested", "ApprovalDecided", "ApprovalUsed");
            // approving again is a replay, not a second payment, and spends nothing more
            assertThat(w.funds.approvePayment(waiting.get(0), taras)).isInstanceOf(TransferOutcome.Replayed.class);
            assertThat(w.app.journal().forEntity(approval, 10)).hasSize(3);
            assertThat(payeeCredits(w)).isEqualTo(2_000_000L);
            assertThat(w.app.journal().forEntity(waiting.get(0), 20)).extracting(e -> e.type())
                    .contains("PaymentRequested", "PaymentApprovalRequested", "PaymentApproved", "MilestonePaid");
            assertThat(w.app.ledger().verify().sound()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWaitingPaymentIsNotSettledThroughTheLedgerRoutes(Kind kind) {
        try (FundWorld w = world(kind)) {
            Actor ivan = w.person("ivan", "person-ivan", FundWorld.FUND_ORG, Role.FUND_OFFICER);
            w.funds.pay(w.payment("PAY-WAIT", THRESHOLD + 1), ivan);
            // the fund's own officer may move the measure's money, but not past the second person
            assertThatThrownBy(() -> w.app.ledger().post("PAY-WAIT", ivan)).isInstanceOf(Refused.class)
                    .hasMessageContaining("waits for approval");
            assertThatThrownBy(() -> w.app.ledger().voidPending("PAY-WAIT", ivan)).isInstanceOf(Refused.class);
            assertThat(w.app.ledger().transfer("PAY-WAIT").status().name()).isEqualTo("PENDING");
            assertThat(payeeCredits(w)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void paymentsUpToTheThresholdArePaidAtOnceAndAboveItWait(Kind kind) {
        try (FundWorld w = world(kind)) {
            Actor ivan = w.person("ivan", "person-ivan", FundWorld.FUND_ORG, Role.FUND_OFFICER);
            TransferOutcome at = w.funds.pay(w.payment("PAY-AT", THRESHOLD), ivan);
            assertThat(at.transfer().status().name()).isEqualTo("POSTED");
            assertThat(w.funds.payment("PAY-AT").status()).isEqualTo(MilestonePayment.Status.PAID);
            TransferOutcome above = w.funds.pay(w.payment("PAY-ABOVE", THRESHOLD + 1), ivan);
            assertThat(above.transfer().status().name()).isEqualTo("PENDING");
            // a retry returns the waiting payment and asks for no second approval
            String approval = w.funds.payment("PAY-ABOVE").approval();
            assertThat(w.funds.pay(w.payment("PAY-ABOVE", THRESHOLD + 1), ivan))
                    .isInstanceOf(TransferOutcome.Replayed.class);
            assertThat(w.funds.payment("PAY-ABOVE").approval()).isEqualTo(approval);
            // without a fund threshold the platform's applies (1,000,000.00 by default)
            w.funds.setApprovalThreshold(new FundCommands.SetApprovalThreshold("EPF", null), Actor.SYSTEM);
            assertThat(w.funds.approvalThreshold("EPF")).isEqualTo(Funds.APPROVAL_THRESHOLD_DEFAULT_MINOR);
            assertThat(w.funds.pay(w.payment("PAY-BIG", 3_000_000L), ivan).transfer().status().name())
                    .isEqualTo("POSTED");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRejectedPaymentReleasesItsMoneyAndCannotBeApprovedAfterwards(Kind kind) {
        try (FundWorld w = world(kind)) {
            Actor ivan = w.person("ivan", "person-ivan", FundWorld.FUND_ORG, Role.FUND_OFFICER);
            Actor taras = w.person("taras", "person-taras", FundWorld.FUND_ORG, Role.APPROVER);
            Actor maria = w.person("maria", "person-maria", FundWorld.FUND_ORG, Role.APPROVER);
            w.funds.pay(w.payment("PAY-R", 5_000_000L), ivan);
            assertThat(measure(w).balance().available()).isEqualTo(3_000_000L);
            TransferOutcome voided = w.funds.rejectPayment("PAY-R", taras);
            assertThat(voided.transfer().status().name()).isEqualTo("VOIDED");
            assertThat(measure(w).balance().available()).isEqualTo(8_000_000L);
            assertThatThrownBy(() -> w.funds.approvePayment("PAY-R", maria)).isInstanceOf(Refused.class)
                    .hasMessageContaining("REJECTED");
            assertThat(payeeCredits(w)).isZero();
            // the rejected payment no longer counts against its contract
            assertThat(w.funds.pay(w.payment("PAY-R2", 900_000L), ivan).transfer().status().name())
                    .isEqualTo("POSTED");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anApproverOfAnotherOrganisationOrNoPersonCannotTakePart(Kind kind) {
        try (FundWorld w = world(kind)) {
            Actor ivan = w.person("ivan", "person-ivan", FundWorld.FUND_ORG, Role.FUND_OFFICER);
            Actor dieter = w.person("dieter", "person-dieter", "DEU-MOD", Role.APPROVER, Role.FUND_OFFICER);
            w.funds.pay(w.payment("PAY-X", 5_000_000L), ivan);
            assertThatThrownBy(() -> w.funds.approvePayment("PAY-X", dieter)).isInstanceOf(AccessDenied.class);
            assertThat(w.funds.payment("PAY-X").status()).isEqualTo(MilestonePayment.Status.AWAITING_APPROVAL);
            // the platform itself has no person's account: above the threshold it can request nothing,
            // and nothing is written
            long events = w.app.journal().size();
            assertThatThrownBy(() -> w.funds.pay(w.payment("PAY-SYS", 5_000_000L), Actor.SYSTEM))
                    .isInstanceOf(AccessDenied.class);
            assertThat(w.app.journal().size()).isEqualTo(events);
            assertThatThrownBy(() -> w.funds.payment("PAY-SYS")).isInstanceOf(org.quartermaster.shared.NotFound.class);
            // a fund officer of another organisation may not pay from this fund at all
            assertThatThrownBy(() -> w.funds.pay(w.payment("PAY-DEU", 500_000L), dieter))
                    .isInstanceOf(AccessDenied.class);
        }
    }
}
