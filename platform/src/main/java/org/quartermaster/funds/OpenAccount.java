package org.quartermaster.funds;

/** Opens a ledger account (or returns the one with the same owner, fund, purpose and currency). */
public record OpenAccount(String owner, String fund, String purpose, String currency, boolean noNegative) {}
