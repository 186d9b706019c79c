package org.quartermaster.funds.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a fund's page shows, computed from one snapshot of its accounts and transfers: per member
 * what was called and paid (the contributions account's pending and posted debits) and what it
 * was reimbursed; per measure its commitments against the ceiling; per envelope its balances;
 * the claims and commitments with their status. Pure arithmetic on minor units.
 */
public record FundReport(Fund fund, List<MemberLine> members, List<MeasureLine> measures,
                         List<EnvelopeLine> envelopes, List<ClaimLine> claims, List<CommitmentLine> commitments,
                         List<MilestonePayment> payments) {

    /** A member: its key share, what was called from it, what it paid, what is outstanding, what it was reimbursed. */
    public record MemberLine(String member, int basisPoints, boolean abstainsLethal, long calledMinor, long paidMinor,
                             long reimbursedMinor) {
        public long outstandingMinor() {
            return calledMinor - paidMinor;
        }
    }

    /** A measure: ceiling, committed (pending and posted), posted, paid out, and what the ceiling still allows. */
    public record MeasureLine(String code, Envelope envelope, long ceilingMinor, long committedMinor, long postedMinor,
                              long paidOutMinor) {
        public long headroomMinor() {
            return ceilingMinor - committedMinor;
        }
    }

    /** An envelope: called into it, paid in, committed out of it, its posted balance and what is available. */
    public record EnvelopeLine(Envelope envelope, long calledMinor, long paidInMinor, long committedMinor,
                               long balanceMinor, long availableMinor) {}

    /** A funding of a delivered donation (a claim, or bilateral) and the status of its transfer. */
    public record ClaimLine(String offer, Funding.Kind kind, String measure, String donor, String item,
                            long valuationMinor, int rateBasisPoints, long amountMinor, String transfer,
                            String status) {}

    public record CommitmentLine(String id, String measure, long amountMinor, String status, String reference) {}

    /** Totals over the members, for the chart's caption and the table's foot. */
    public long calledMinor() {
        return members.stream().mapToLong(MemberLine::calledMinor).sum();
    }

    public long paidMinor() {
        return members.stream().mapToLong(MemberLine::paidMinor).sum();
    }

    /** Reimbursed to members (a donor outside the key is counted in {@link #claimsPaidMinor}). */
    public long reimbursedMinor() {
        return members.stream().mapToLong(MemberLine::reimbursedMinor).sum();
    }

    /** Every claim the fund has paid, to members and other donors alike. */
    public long claimsPaidMinor() {
        return claims.stream().filter(c -> c.kind() == Funding.Kind.CLAIM && "POSTED".equals(c.status()))
                .mapToLong(ClaimLine::amountMinor).sum();
    }

    public Optional<MemberLine> member(String code) {
        return members.stream().filter(m -> m.member().equals(code)).findFirst();
    }

    /**
     * The report of {@code fund}. {@code accounts} and {@code transfers} must be one snapshot of
     * the fund's accounts and the transfers touching them.
     */
    public static FundReport of(Fund fund, Optional<ContributionKey> key, List<Measure> measures,
                                List<Account> accounts, List<Transfer> transfers, List<Funding> fundings,
                                List<MilestonePayment> payments) {
        Map<String, Account> byPurposeAndOwner = new HashMap<>();
        Map<Long, Account> byKey = new HashMap<>();
        for (Account a : accounts) {
            byPurposeAndOwner.put(a.purpose() + "|" + a.owner(), a);
            byKey.put(a.key(), a);
        }
        List<MemberLine> members = new ArrayList<>();
        for (ContributionKey.Share s : key.map(ContributionKey::shares).orElse(List.of())) {
            Balance c = balance(byPurposeAndOwner.get(Fund.CONTRIBUTIONS + "|" + s.member()));
            Balance r = balance(byPurposeAndOwner.get(Fund.REIMBURSEMENTS + "|" + s.member()));
            members.add(new MemberLine(s.member(), s.basisPoints(), s.abstainsLethal(),
                    c.debitsPending() + c.debitsPosted(), c.debitsPosted(), r.creditsPosted()));
        }
        members.sort(Comparator.comparingInt(MemberLine::basisPoints).reversed().thenComparing(MemberLine::member));
        List<MeasureLine> measureLines = new ArrayList<>();
        for (Measure m : measures) {
            Balance b = balance(byPurposeAndOwner.get(Fund.measurePurpose(m.code()) + "|" + fund.code()));
            measureLines.add(new MeasureLine(m.code(), m.envelope(), m.ceilingMinor(),
                    b.creditsPending() + b.creditsPosted(), b.creditsPosted(), b.debitsPosted()));
        }
        List<EnvelopeLine> envelopes = new ArrayList<>();
        for (Envelope e : Envelope.values()) {
            Balance b = balance(byPurposeAndOwner.get(Fund.envelopePurpose(e) + "|" + fund.code()));
            envelopes.add(new EnvelopeLine(e, b.creditsPending() + b.creditsPosted(), b.creditsPosted(),
                    b.debitsPending() + b.debitsPosted(), b.posted(), b.available()));
        }
        Map<String, Transfer> byId = new HashMap<>();
        List<CommitmentLine> commitments = new ArrayList<>();
        for (Transfer t : transfers) {
            byId.put(t.id(), t);
            Account credit = byKey.get(t.credit());
            Account debit = byKey.get(t.debit());
            if (credit != null && debit != null && credit.purpose().startsWith(Fund.measurePurpose(""))
                    && debit.purpose().startsWith("ENVELOPE:")) {
                commitments.add(new CommitmentLine(t.id(), credit.purpose().substring(Fund.measurePurpose("").length()),
                        t.amountMinor(), t.status().name(), t.reference()));
            }
        }
        List<ClaimLine> claims = fundings.stream().map(f -> new ClaimLine(f.offer(), f.kind(), f.measure(), f.donor(),
                f.item(), f.valuationMinor(), f.rateBasisPoints(), f.amountMinor(), f.transfer(),
                f.transfer() == null ? "RECORDED" : Optional.ofNullable(byId.get(f.transfer()))
                        .map(t -> t.status().name()).orElse("UNKNOWN"))).toList();
        return new FundReport(fund, List.copyOf(members), List.copyOf(measureLines), List.copyOf(envelopes), claims,
                List.copyOf(commitments), List.copyOf(payments));
    }

    private static Balance balance(Account a) {
        return a == null ? Balance.ZERO : a.balance();
    }
}
