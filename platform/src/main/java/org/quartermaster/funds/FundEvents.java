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

    public record MilestonePaid(String id, String measure, String contract, String milestone, String payee,
                                long amountMinor, boolean prepayment) {}

    public record ReimbursementPaid(String id, String measure, String offer, String donor, long valuationMinor,
                                    int rateBasisPoints, long amountMinor) {}

    public record BilateralFundingRecorded(String offer, String funder, long amountMinor) {}

    public record ExchangeRatesImported(int rows, String first, String last) {}
}
