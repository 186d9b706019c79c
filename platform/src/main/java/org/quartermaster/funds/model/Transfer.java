package org.quartermaster.funds.model;

import java.time.Instant;
import java.util.regex.Pattern;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Money;

/**
 * Money moved from {@code debit} to {@code credit} (account keys), in minor units of one
 * currency. {@code id} is chosen by the client and makes retries safe.
 */
public record Transfer(long key, String id, long debit, long credit, long amountMinor, String currency,
                       boolean twoPhase, TransferStatus status, String reference, Instant createdAt, Instant updatedAt) {
    public static final Pattern ID_SHAPE = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");
    public static final int REFERENCE_LENGTH_MAX = 200;

    public Transfer {
        id(id);
        if (debit == credit) throw new InvalidField("credit", "must differ from the debit account");
        Money.positiveAmount("amountMinor", amountMinor);
        Money.currency("currency", currency);
        Checks.required("status", status);
        if (!twoPhase && !(status instanceof TransferStatus.Posted)) {
            throw new IllegalStateException("a single-phase transfer is posted at once: " + id);
        }
        reference = Checks.optionalText("reference", reference, REFERENCE_LENGTH_MAX);
    }

    /** Checks a client-chosen transfer id. */
    public static String id(String id) {
        return Checks.matches("id", id, ID_SHAPE, "1 to 64 of A-Z a-z 0-9 . _ : / -");
    }

    /** Whether a retry asks for exactly this transfer (same accounts, amount, currency, phase, reference). */
    public boolean sameAs(long debit, long credit, long amountMinor, String currency, boolean pending, String reference) {
        return this.debit == debit && this.credit == credit && this.amountMinor == amountMinor
                && this.currency.equals(currency) && java.util.Objects.equals(this.reference, reference)
                && twoPhase == pending;
    }

    public Transfer with(TransferStatus next, Instant now) {
        return new Transfer(key, id, debit, credit, amountMinor, currency, twoPhase, next, reference, createdAt, now);
    }
}
