package org.quartermaster.funds;

/** Journal payloads of the ledger. Amounts in minor units of {@code currency}. */
public final class LedgerEvents {
    private LedgerEvents() {}

    public record AccountOpened(String id, String owner, String fund, String purpose, String currency,
                                boolean noNegative) {}

    public record TransferPending(String id, String debit, String credit, long amountMinor, String currency,
                                  String reference) {}

    public record TransferPosted(String id, String debit, String credit, long amountMinor, String currency,
                                 boolean twoPhase, String reference) {}

    public record TransferVoided(String id, String debit, String credit, long amountMinor, String currency) {}
}
