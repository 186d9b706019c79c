package org.quartermaster.funds;

import java.util.List;

/** The commands of the funds context. Amounts in minor units of the fund's currency. */
public final class FundCommands {
    private FundCommands() {}

    public record CreateFund(String code, String name, String currency) {}

    public record SetKey(String fund, List<KeyShare> shares) {}

    public record KeyShare(String member, int basisPoints, boolean abstainsLethal) {}

    /** Calls {@code totalMinor} from the members by the key into {@code envelope}; {@code id} makes retries safe. */
    public record CallContributions(String id, String fund, String envelope, long totalMinor) {}

    public record CreateMeasure(String code, String fund, String envelope, long ceilingMinor) {}

    /** Reserves money of the measure's envelope for the measure (pending until posted or voided). */
    public record Commit(String id, String measure, long amountMinor) {}

    public record PayMilestone(String id, String measure, String contract, String milestone, String payee,
                               long amountMinor, boolean prepayment, long contractValueMinor, long guaranteeMinor) {}

    /** Claims reimbursement of a delivered donated offer at {@code rateBasisPoints} of {@code valuationMinor}. */
    public record ClaimReimbursement(String id, String measure, String offer, long valuationMinor,
                                     int rateBasisPoints) {}

    public record RecordBilateral(String offer, String funder, long amountMinor) {}
}
