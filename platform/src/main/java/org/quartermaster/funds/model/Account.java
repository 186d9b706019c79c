package org.quartermaster.funds.model;

import java.time.Instant;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.Money;
import org.quartermaster.shared.PublicIds;

/**
 * A ledger account: owned by an organisation, in one fund, for one purpose (an envelope, a
 * measure, a member's contributions), in one ISO 4217 currency. {@code noNegative} accounts
 * never have a negative available balance.
 */
public record Account(long key, String owner, String fund, String purpose, String currency, boolean noNegative,
                      Balance balance, Instant createdAt) {
    public static final String ID_PREFIX = "A";
    public static final int CODE_LENGTH_MAX = 64;

    public Account {
        Checks.text("owner", owner, CODE_LENGTH_MAX);
        Checks.text("fund", fund, CODE_LENGTH_MAX);
        Checks.text("purpose", purpose, CODE_LENGTH_MAX);
        Money.currency("currency", currency);
        Checks.required("balance", balance);
        if (noNegative && balance.available() < 0) {
            throw new IllegalStateException("account " + key + " may not go negative but has " + balance.available());
        }
        assert Limits.NAME_LENGTH_MAX >= CODE_LENGTH_MAX;
    }

    public String publicId() {
        return PublicIds.format(ID_PREFIX, key);
    }

    public Account with(Balance next) {
        return new Account(key, owner, fund, purpose, currency, noNegative, next, createdAt);
    }
}
