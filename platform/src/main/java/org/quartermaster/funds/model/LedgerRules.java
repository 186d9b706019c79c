package org.quartermaster.funds.model;

/**
 * The ledger's rules as pure functions over the two accounts' current balances. The adapter
 * calls them with the account rows locked and writes exactly the balances they return.
 */
public final class LedgerRules {
    private LedgerRules() {}

    /** The result of applying a movement: both accounts' next balances, or a refusal. */
    public sealed interface Decision {
        record Apply(Balance debit, Balance credit) implements Decision {}

        record Refuse(String type, String field, String reason) implements Decision {}
    }

    /** A new transfer of {@code amountMinor}, pending (reserving) or posted at once. */
    public static Decision open(Account debit, Account credit, long amountMinor, String currency, boolean pending) {
        if (debit.key() == credit.key()) return new Decision.Refuse("same-account", "credit", "credit must differ from debit");
        if (!debit.currency().equals(currency)) {
            return new Decision.Refuse("currency-mismatch", "currency",
                    "debit account " + debit.publicId() + " is in " + debit.currency() + ", not " + currency);
        }
        if (!credit.currency().equals(currency)) {
            return new Decision.Refuse("currency-mismatch", "currency",
                    "credit account " + credit.publicId() + " is in " + credit.currency() + ", not " + currency);
        }
        try {
            Balance nextDebit = debit.balance().debit(amountMinor, pending);
            if (debit.noNegative() && nextDebit.available() < 0) {
                return new Decision.Refuse("insufficient-funds", "amountMinor", "account " + debit.publicId()
                        + " has " + debit.balance().available() + " available, less than " + amountMinor);
            }
            return new Decision.Apply(nextDebit, credit.balance().credit(amountMinor, pending));
        } catch (ArithmeticException e) {
            // a running total would pass Long.MAX_VALUE minor units: refuse rather than wrap
            return new Decision.Refuse("total-overflow", "amountMinor", "an account total would overflow");
        }
    }

    /**
     * Settles a pending transfer: posting moves the reserved amount to posted on both sides,
     * voiding releases it. Neither can lower an available balance, so neither is refused here.
     */
    public static Decision settle(Account debit, Account credit, Transfer pending, boolean post) {
        if (!(pending.status() instanceof TransferStatus.Pending)) {
            throw new IllegalStateException("only a pending transfer is settled: " + pending.id());
        }
        return new Decision.Apply(debit.balance().settleDebit(pending.amountMinor(), post),
                credit.balance().settleCredit(pending.amountMinor(), post));
    }
}
