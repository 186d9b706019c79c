package org.quartermaster.funds;

import java.util.List;

/** The commands of the funds context. Amounts in minor units of the fund's currency. */
public final class FundCommands {
    private FundCommands() {}

    /** {@code owner}: the organisation that runs the fund; null means the fund's own code. */
    public record CreateFund(String code, String name, String currency, String owner) {
        public CreateFund(String code, String name, String currency) {
            this(code, name, currency, null);
        }
    }

    /** The fund's own four-eyes threshold; null returns the fund to the platform's setting. */
    public record SetApprovalThreshold(String fund, Long thresholdMinor) {}

    public record SetKey(String fund, List<KeyShare> shares) {}

    public record KeyShare(String member, int basisPoints, boolean abstainsLethal) {}

    /** Calls {@code totalMinor} from the members by the key into {@code envelope}; {@code id} makes retries safe. */
    public record CallContributions(String id, String fund, String envelope, long totalMinor) {}

    public record CreateMeasure(String code, String fund, String envelope, long ceilingMinor) {}

    /**
     * Reserves money of the measure's envelope for the measure (pending until posted or voided);
     * {@code item} (optional) is what it pays for, checked for lethality, and {@code contributor}
     * (optional) the member whose contribution it draws on.
     */
    public record Commit(String id, String measure, long amountMinor, String item, String contributor) {
        public Commit(String id, String measure, long amountMinor) {
            this(id, measure, amountMinor, null, null);
        }
    }

    public record PayMilestone(String id, String measure, String contract, String milestone, String payee,
                               long amountMinor, boolean prepayment, long contractValueMinor, long guaranteeMinor) {}

    /** Claims reimbursement of a delivered donated offer at {@code rateBasisPoints} of {@code valuationMinor}. */
    public record ClaimReimbursement(String id, String measure, String offer, long valuationMinor,
                                     int rateBasisPoints, String contributor) {
        public ClaimReimbursement(String id, String measure, String offer, long valuationMinor, int rateBasisPoints) {
            this(id, measure, offer, valuationMinor, rateBasisPoints, null);
        }
    }

    public record RecordBilateral(String offer, String funder, long amountMinor) {}
}
