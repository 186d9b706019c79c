package org.quartermaster.funds;

/**
 * Moves {@code amountMinor} from the {@code debit} account to the {@code credit} account (public
 * ids such as {@code A-000042}); {@code pending} reserves it until posted or voided.
 */
public record MakeTransfer(String id, String debit, String credit, long amountMinor, String currency,
                           boolean pending, String reference) {}
