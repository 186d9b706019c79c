package org.quartermaster.funds.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Money;

/**
 * A dated reference rate: one unit of {@code base} is worth {@code rate} units of
 * {@code quote}. The rate is an exact decimal, never a double.
 */
public record ExchangeRate(String base, String quote, LocalDate date, BigDecimal rate) {
    public static final int RATE_DIGITS_MAX = 30;

    public ExchangeRate {
        Money.currency("base", base);
        Money.currency("quote", quote);
        if (base.equals(quote)) throw new InvalidField("quote", "must differ from base");
        Checks.required("date", date);
        Checks.required("rate", rate);
        if (rate.signum() <= 0) throw new InvalidField("rate", "must be greater than zero");
        if (rate.precision() > RATE_DIGITS_MAX) throw new InvalidField("rate", "must have at most 30 digits");
        rate = rate.stripTrailingZeros();
    }

    /** Parses a decimal such as {@code 1.0842}; no exponent, no sign. */
    public static BigDecimal parseRate(String field, String text) {
        Checks.required(field, text);
        if (!text.strip().matches("[0-9]{1,15}(\\.[0-9]{1,15})?")) {
            throw new InvalidField(field, "must be a positive decimal such as 1.0842");
        }
        return new BigDecimal(text.strip());
    }

    /** {@code amountMinor} of base in minor units of quote, rounded half-even. */
    public long convert(long amountMinor) {
        BigDecimal major = BigDecimal.valueOf(amountMinor).movePointLeft(Money.minorDigits(base));
        return major.multiply(rate).movePointRight(Money.minorDigits(quote))
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
