package org.quartermaster.procurement.model;

/** One warning sign on a procedure lot or a contract, with the evidence that raised it. */
public record RedFlag(Indicator indicator, String subject, String evidence) {
    public enum Indicator {
        SINGLE_BID,
        LOWEST_BID_DISQUALIFIED,
        ALL_BUT_WINNER_DISQUALIFIED,
        NARROW_WINNING_MARGIN,
        PRICE_ABOVE_HISTORY,
        PREPAYMENT_OVER_CAP,
        OVERDUE_AFTER_PREPAYMENT,
        SPLIT_UNDER_THRESHOLD
    }
}
