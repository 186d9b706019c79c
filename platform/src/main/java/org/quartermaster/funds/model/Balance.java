package org.quartermaster.funds.model;

/**
 * An account's four running totals, in minor units. Money moves from the debit account to the
 * credit account: the balance is credits minus debits; a pending debit is reserved and so
 * already unavailable, a pending credit is not yet available.
 */
public record Balance(long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) {
    public static final Balance ZERO = new Balance(0, 0, 0, 0);

    public Balance {
        if (debitsPending < 0 || debitsPosted < 0 || creditsPending < 0 || creditsPosted < 0) {
            throw new IllegalStateException("a running total went below zero: " + debitsPending + "/"
                    + debitsPosted + "/" + creditsPending + "/" + creditsPosted);
        }
    }

    /** Posted credits minus posted debits. */
    public long posted() {
        return creditsPosted - debitsPosted;
    }

    /** What may still be spent: posted balance minus reserved (pending) debits. */
    public long available() {
        return creditsPosted - debitsPosted - debitsPending;
    }

    Balance debit(long amount, boolean pending) {
        return pending ? new Balance(Math.addExact(debitsPending, amount), debitsPosted, creditsPending, creditsPosted)
                : new Balance(debitsPending, Math.addExact(debitsPosted, amount), creditsPending, creditsPosted);
    }

    Balance credit(long amount, boolean pending) {
        return pending ? new Balance(debitsPending, debitsPosted, Math.addExact(creditsPending, amount), creditsPosted)
                : new Balance(debitsPending, debitsPosted, creditsPending, Math.addExact(creditsPosted, amount));
    }

    /** A pending debit becomes posted ({@code post}) or is released (void). */
    Balance settleDebit(long amount, boolean post) {
        return new Balance(Math.subtractExact(debitsPending, amount),
                post ? Math.addExact(debitsPosted, amount) : debitsPosted, creditsPending, creditsPosted);
    }

    Balance settleCredit(long amount, boolean post) {
        return new Balance(debitsPending, debitsPosted, Math.subtractExact(creditsPending, amount),
                post ? Math.addExact(creditsPosted, amount) : creditsPosted);
    }
}
