package org.quartermaster.funds.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a member state's page shows for one fund: what it owes (called), what it paid, what is
 * outstanding and what it was reimbursed, with each contribution call line and each claim.
 */
public record MemberReport(Fund fund, FundReport.MemberLine line, List<ContributionLine> contributions,
                           List<FundReport.ClaimLine> claims) {

    /** One call on the member: the transfer from its contributions account into an envelope. */
    public record ContributionLine(String transfer, Envelope envelope, long amountMinor, String status) {}

    /**
     * The member's part of {@code report}; {@code accounts} and {@code transfers} as for
     * {@link FundReport#of}. A state that is not a member but was reimbursed gets a line with no share.
     */
    public static MemberReport of(FundReport report, String member, List<Account> accounts, List<Transfer> transfers) {
        Account contributions = null;
        Account reimbursements = null;
        java.util.Map<Long, Account> byKey = new java.util.HashMap<>();
        for (Account a : accounts) {
            byKey.put(a.key(), a);
            if (!a.owner().equals(member)) continue;
            if (a.purpose().equals(Fund.CONTRIBUTIONS)) contributions = a;
            if (a.purpose().equals(Fund.REIMBURSEMENTS)) reimbursements = a;
        }
        List<ContributionLine> lines = new ArrayList<>();
        if (contributions != null) {
            for (Transfer t : transfers) {
                if (t.debit() != contributions.key()) continue;
                Account into = byKey.get(t.credit());
                Envelope envelope = into != null && into.purpose().startsWith("ENVELOPE:")
                        ? Envelope.valueOf(into.purpose().substring("ENVELOPE:".length())) : null;
                lines.add(new ContributionLine(t.id(), envelope, t.amountMinor(), t.status().name()));
            }
        }
        long reimbursed = reimbursements == null ? 0 : reimbursements.balance().creditsPosted();
        FundReport.MemberLine line = report.member(member).orElse(new FundReport.MemberLine(member, 0, false,
                0, 0, reimbursed));
        List<FundReport.ClaimLine> claims = report.claims().stream().filter(c -> c.donor().equals(member)).toList();
        return new MemberReport(report.fund(), line, List.copyOf(lines), claims);
    }
}
