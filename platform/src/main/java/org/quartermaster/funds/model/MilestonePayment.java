package org.quartermaster.funds.model;

/**
 * A payment against a contract milestone, paid from a measure to the payee. A payment above the
 * fund's approval threshold is {@link Status#AWAITING_APPROVAL} (its transfer pending, the money
 * reserved) until a second person approves ({@code PAID}) or rejects it.
 */
public record MilestonePayment(String transfer, String measure, String contract, String milestone, String payee,
                               boolean prepayment, long amountMinor, long contractValueMinor, long guaranteeMinor,
                               Status status, String approval, String requestedBy, String decidedBy) {
    public enum Status {
        AWAITING_APPROVAL, PAID, REJECTED, CANCELLED;

        /** Whether the payment counts against the contract (paid, or reserved while it waits). */
        public boolean counts() {
            return this == AWAITING_APPROVAL || this == PAID;
        }
    }

    /** A payment made at once (below the threshold). */
    public MilestonePayment(String transfer, String measure, String contract, String milestone, String payee,
                            boolean prepayment, long amountMinor, long contractValueMinor, long guaranteeMinor) {
        this(transfer, measure, contract, milestone, payee, prepayment, amountMinor, contractValueMinor,
                guaranteeMinor, Status.PAID, null, null, null);
    }

    public MilestonePayment {
        if (status == null) throw new IllegalArgumentException("status is required");
    }
}
