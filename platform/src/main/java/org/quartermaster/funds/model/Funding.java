package org.quartermaster.funds.model;

/**
 * Funding of one delivered offer: a reimbursement claim paid by the fund, or a bilateral
 * payment by a state. At most one per offer: the same delivery is never funded twice.
 */
public record Funding(String offer, Kind kind, String fund, String measure, String donor, long valuationMinor,
                      int rateBasisPoints, long amountMinor, String transfer, String item) {
    public enum Kind { CLAIM, BILATERAL }

    public Funding(String offer, Kind kind, String fund, String measure, String donor, long valuationMinor,
                   int rateBasisPoints, long amountMinor, String transfer) {
        this(offer, kind, fund, measure, donor, valuationMinor, rateBasisPoints, amountMinor, transfer, null);
    }
}
