package org.quartermaster.demo;

import java.util.List;
import java.util.Set;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.funds.ExchangeRates;
import org.quartermaster.funds.FundCommands;
import org.quartermaster.funds.Funds;
import org.quartermaster.funds.TransferOutcome;
import org.quartermaster.funds.model.FundReport;
import org.quartermaster.offers.Offers;
import org.quartermaster.shared.Actor;

/**
 * Loads a {@link FundPlan} through the funds facade, as a fund officer of the fund's
 * organisation (the shared reference rates as one of the platform's): rates, the fund and its key, the calls and the shares paid, measures and
 * commitments (each sized to what its envelope has available, never above the ceiling), claims
 * for delivered donations from the measure of the matching envelope (lethal items from the lethal
 * one), and milestone payments. Any refusal is a bug in the plan.
 */
final class FundLoader {
    private final Funds funds;
    private final ExchangeRates rates;
    private final Catalog catalog;
    private final Offers offers;
    private final Actor officer = new Actor("demo-loader", DemoWorld.FUND, Set.of("EU"), Set.of("FUND_OFFICER"));
    private final Actor platformOfficer = new Actor("demo-loader",
            org.quartermaster.access.model.WriteRule.PLATFORM_ORGANISATION, Set.of(), Set.of("FUND_OFFICER"));

    FundLoader(Funds funds, ExchangeRates rates, Catalog catalog, Offers offers) {
        this.funds = funds;
        this.rates = rates;
        this.catalog = catalog;
        this.offers = offers;
    }

    /** Loads the plan; {@code offerIds} are the scenario's offers' public ids in order. Returns the claims made. */
    int load(FundPlan plan, List<String> offerIds) {
        rates.importCsv(plan.ratesCsv(), platformOfficer);
        funds.create(plan.fund(), officer);
        funds.setApprovalThreshold(new FundCommands.SetApprovalThreshold(plan.fund().code(),
                plan.approvalThresholdMinor()), officer);
        funds.setKey(new FundCommands.SetKey(plan.fund().code(), plan.key()), officer);
        for (FundCommands.CallContributions call : plan.calls()) funds.call(call, officer);
        for (String share : plan.paidShares()) done(funds.ledger().post(share, officer), share);
        for (FundCommands.CreateMeasure m : plan.measures()) funds.createMeasure(m, officer);
        for (FundPlan.PlannedCommitment c : plan.commitments()) commit(plan, c);
        int claims = 0;
        for (FundPlan.PlannedClaim c : plan.claims()) {
            var offer = offers.get(offerIds.get(c.offerIndex()));
            boolean lethal = catalog.get(offer.item()).lethal();
            String measure = plan.measures().stream().filter(m -> m.envelope().equals(lethal ? "LETHAL" : "NON_LETHAL"))
                    .findFirst().orElseThrow().code();
            done(funds.claim(new FundCommands.ClaimReimbursement(c.id(), measure, offer.publicId(), c.valuationMinor(),
                    c.rateBasisPoints()), officer), c.id());
            claims++;
        }
        for (FundCommands.PayMilestone p : plan.payments()) done(funds.pay(p, officer), p.id());
        return claims;
    }

    private void commit(FundPlan plan, FundPlan.PlannedCommitment c) {
        FundReport report = funds.report(plan.fund().code(), Actor.SYSTEM);
        FundReport.MeasureLine m = report.measures().stream().filter(x -> x.code().equals(c.measure()))
                .findFirst().orElseThrow();
        long available = report.envelopes().stream().filter(e -> e.envelope() == m.envelope()).findFirst()
                .orElseThrow().availableMinor();
        long amount = Math.min(available / 10_000 * c.shareBasisPoints(), m.headroomMinor());
        if (amount <= 0) return;
        done(funds.commit(new FundCommands.Commit(c.id(), c.measure(), amount), officer), c.id());
        if (c.post()) done(funds.ledger().post(c.id(), officer), c.id());
    }

    private static void done(TransferOutcome o, String what) {
        if (!(o instanceof TransferOutcome.Created)) throw new IllegalStateException("demo fund step " + what + ": " + o);
    }
}
