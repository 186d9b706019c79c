package org.quartermaster.funds;

import java.time.LocalDate;

/** An amount shown in another currency, with the rate and its date that were used. */
public record Conversion(long amountMinor, String currency, long convertedMinor, String reportCurrency,
                         String rate, LocalDate rateDate) {}
