package org.quartermaster.funds;

import java.util.List;

/** Journal payloads of the funds context. */
public final class FundEvents {
    private FundEvents() {}

    public record FundCreated(String code, String name, String currency) {}

    public record ContributionKeySet(String fund, List<FundCommands.KeyShare> shares) {}

    public record ContributionsCalled(String id, String fund, String envelope, long totalMinor,
                                      List<CallLine> lines) {}

    public record CallLine(String member, String envelope, long amountMinor, String transfer) {}

    public record MeasureCreated(String code, String fund, String envelope, long ceilingMinor) {}

    public record CommitmentMade(String id, String measure, long amountMinor) {}

    public record CommitmentForItem(String id, String measure, String item, String contributor) {}

    public record ApprovalThresholdSet(String fund, Long thresholdMinor) {}

    public record PaymentRequested(String id, String measure, String contract, String milestone, String payee,
                                   long amountMinor, boolean prepayment, long thresholdMinor, String requestedBy) {}

    public record PaymentApprovalRequested(String id, String approval) {}

    public record PaymentApproved(String id, String approval, String approvedBy) {}

    public record PaymentRejected(String id, String approval, String rejectedBy) {}

    public record PaymentCancelled(String id, String reason) {}

    public record MilestonePaid(String id, String measure, String contract, String milestone, String payee,
                                long amountMinor, boolean prepayment) {}

    public record ReimbursementPaid(String id, String measure, String offer, String donor, long valuationMinor,
                                    int rateBasisPoints, long amountMinor) {}

    public record BilateralFundingRecorded(String offer, String funder, long amountMinor) {}

    public record ExchangeRatesImported(int rows, String first, String last) {}
}
