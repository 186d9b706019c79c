package org.quartermaster.shared;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An amount of money: integer minor units (cents) of one ISO 4217 currency. Never floating
 * point; the number of minor-unit digits comes from {@link java.util.Currency}.
 */
public record Money(long amountMinor, String currency) {
    /** Ten trillion units of a two-digit currency: far above any fund, far below overflow. */
    public static final long AMOUNT_MINOR_MAX = 1_000_000_000_000_000L;

    private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    public Money {
        currency = currency("currency", currency);
        if (Math.abs(amountMinor) > AMOUNT_MINOR_MAX) {
            throw new InvalidField("amountMinor", "must be at most " + AMOUNT_MINOR_MAX + " in size");
        }
    }

    /** Checks an ISO 4217 code (upper case, known to the JDK); returns it. */
    public static String currency(String field, String code) {
        Checks.required(field, code);
        if (!CODES.contains(code)) throw new InvalidField(field, "must be an ISO 4217 currency code such as EUR");
        return code;
    }

    /** Minor-unit digits of a currency: 2 for EUR, 0 for JPY, 3 for KWD. */
    public static int minorDigits(String currency) {
        int digits = Currency.getInstance(currency("currency", currency)).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    /** A positive amount within {@link #AMOUNT_MINOR_MAX}, checked for {@code field}. */
    public static long positiveAmount(String field, long amountMinor) {
        Checks.positive(field, amountMinor);
        return Checks.atMost(field, amountMinor, AMOUNT_MINOR_MAX);
    }
}
