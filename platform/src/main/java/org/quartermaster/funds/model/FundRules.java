package org.quartermaster.funds.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The fund's rules as named checks. Each returns an empty result when the rule holds, or the
 * refusal; a facade runs them with the relevant rows locked and writes only when all hold.
 */
public final class FundRules {
    /** Prepayments on one contract, without a guarantee, up to this share of its value. */
    public static final int PREPAYMENT_CAP_BASIS_POINTS = 3_000;

    private FundRules() {}

    /** An expected refusal of a fund operation: a stable type, the field it is about, why. */
    public record Refusal(String type, String field, String reason) {}

    /** Commitments to a measure (pending or posted) cannot exceed its ceiling. */
    public static Optional<Refusal> withinCeiling(long ceilingMinor, long committedMinor, long amountMinor) {
        if (committedMinor + amountMinor <= ceilingMinor) return Optional.empty();
        return Optional.of(new Refusal("ceiling-exceeded", "amountMinor", "the measure's ceiling is "
                + ceilingMinor + "; " + committedMinor + " is committed, " + amountMinor + " more would exceed it"));
    }

    /** A lethal measure is paid only from the lethal envelope, a non-lethal one from the non-lethal envelope. */
    public static Optional<Refusal> envelopeMatches(Envelope measure, Envelope source) {
        if (measure == source) return Optional.empty();
        return Optional.of(new Refusal("earmark", "envelope", "a " + measure + " measure cannot be paid from the "
                + source + " envelope"));
    }

    /**
     * The lethal check of a commitment or claim: money for a lethal item never comes from the
     * non-lethal envelope (field {@code measure}), nor from the contribution of a member that
     * abstains constructively (field {@code contributor}), whatever the measure's envelope.
     *
     * @param item the item paid for, or null when the commitment names none
     * @param contributorAbstains whether the member whose contribution is drawn abstains; null when none is named
     */
    public static Optional<Refusal> lethalPaidFrom(String item, boolean itemLethal, Envelope measure,
                                                   String contributor, Boolean contributorAbstains) {
        boolean lethal = item != null && itemLethal;
        if (lethal && measure == Envelope.NON_LETHAL) {
            return Optional.of(new Refusal("lethal-item", "measure", "item " + item
                    + " is lethal; a measure of the NON_LETHAL envelope cannot pay for it"));
        }
        if (Boolean.TRUE.equals(contributorAbstains) && (lethal || measure == Envelope.LETHAL)) {
            return Optional.of(new Refusal("constructive-abstention", "contributor", contributor
                    + " abstains constructively: its contribution cannot pay for "
                    + (lethal ? "lethal item " + item : "a LETHAL measure")));
        }
        return Optional.empty();
    }

    /**
     * Four eyes on payments: a payment above the threshold waits for a second person's approval.
     * A threshold of zero sends every payment for approval.
     */
    public static boolean needsApproval(long amountMinor, long thresholdMinor) {
        if (thresholdMinor < 0) throw new IllegalArgumentException("thresholdMinor must not be negative");
        return amountMinor > thresholdMinor;
    }

    /** A donation is reimbursed only once delivered. */
    public static Optional<Refusal> delivered(String offerStatus) {
        if ("DELIVERED".equals(offerStatus)) return Optional.empty();
        return Optional.of(new Refusal("not-delivered", "offer", "the donation is " + offerStatus
                + "; only a DELIVERED donation can be reimbursed"));
    }

    /** Only donations are reimbursed. */
    public static Optional<Refusal> donation(String terms) {
        if ("DONATION".equals(terms)) return Optional.empty();
        return Optional.of(new Refusal("not-a-donation", "offer", "the offer's terms are " + terms
                + "; only donations are reimbursed"));
    }

    /** The same delivery is funded once: by one claim, or bilaterally, never both. */
    public static Optional<Refusal> notFundedYet(String offerId, Optional<String> existingFunding) {
        return existingFunding.map(kind -> new Refusal("double-funding", "offer", "offer " + offerId
                + " is already funded (" + kind + "); the same delivery cannot be funded twice"));
    }

    /** The reimbursement: {@code rateBasisPoints} of the valuation, rounded half-even to the minor unit. */
    public static long reimbursement(long valuationMinor, int rateBasisPoints) {
        if (valuationMinor < 0) throw new IllegalArgumentException("valuationMinor must not be negative");
        if (rateBasisPoints < 0 || rateBasisPoints > ContributionKey.BASIS_POINTS_TOTAL) {
            throw new IllegalArgumentException("rateBasisPoints must be between 0 and 10000");
        }
        return BigDecimal.valueOf(valuationMinor).multiply(BigDecimal.valueOf(rateBasisPoints))
                .divide(BigDecimal.valueOf(ContributionKey.BASIS_POINTS_TOTAL), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    /** A payment on a contract milestone, with what was paid on the contract before. */
    public record Payment(long amountMinor, boolean prepayment, long contractValueMinor, long guaranteeMinor,
                          long paidBeforeMinor, long prepaidBeforeMinor) {}

    /** Payments on a contract never exceed its value. */
    public static Optional<Refusal> withinContractValue(Payment p) {
        if (p.paidBeforeMinor() + p.amountMinor() <= p.contractValueMinor()) return Optional.empty();
        return Optional.of(new Refusal("contract-value-exceeded", "amountMinor", "the contract is worth "
                + p.contractValueMinor() + "; " + p.paidBeforeMinor() + " is paid already"));
    }

    /**
     * Prepayments above {@link #PREPAYMENT_CAP_BASIS_POINTS} of the contract value need a
     * guarantee covering all prepayments.
     */
    public static Optional<Refusal> prepaymentCovered(Payment p) {
        if (!p.prepayment()) return Optional.empty();
        long prepaid = p.prepaidBeforeMinor() + p.amountMinor();
        long cap = capOf(p.contractValueMinor());
        if (prepaid <= cap || p.guaranteeMinor() >= prepaid) return Optional.empty();
        return Optional.of(new Refusal("prepayment-cap", "guaranteeMinor", "prepayments of " + prepaid
                + " exceed the cap of " + cap + " and need a guarantee of at least that much"));
    }

    public static long capOf(long contractValueMinor) {
        return BigDecimal.valueOf(contractValueMinor).multiply(BigDecimal.valueOf(PREPAYMENT_CAP_BASIS_POINTS))
                .divide(BigDecimal.valueOf(ContributionKey.BASIS_POINTS_TOTAL), 0, RoundingMode.DOWN)
                .longValueExact();
    }

    /** Every payment rule, in order; a new rule is one entry. */
    public static List<java.util.function.Function<Payment, Optional<Refusal>>> paymentRules() {
        return List.of(FundRules::withinContractValue, FundRules::prepaymentCovered);
    }
}
