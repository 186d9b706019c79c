package org.quartermaster.funds;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.audit.Journal;
import org.quartermaster.funds.jdbc.FundTables;
import org.quartermaster.funds.model.ExchangeRate;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.Money;
import org.quartermaster.store.Database;

/**
 * Dated reference rates, imported from CSV ({@code base,quote,date,rate}, e.g.
 * {@code EUR,USD,2026-11-27,1.0842}), and conversions of amounts for reports that show the rate
 * and date used. Exact decimals throughout; rounding half-even to the minor unit.
 */
public final class ExchangeRates {
    public static final String CSV_HEADER = "base,quote,date,rate";
    /** How many bad rows one error message lists. */
    static final int ERRORS_SHOWN_MAX = 20;

    private final Database db;
    private final Journal journal;
    private final FundTables table = new FundTables();

    public ExchangeRates(Database db, Journal journal) {
        this.db = db;
        this.journal = journal;
    }

    /**
     * Parses every row; on any bad row nothing is imported and every bad line is reported. The rates
     * are the platform's shared reference data: only its own fund officers import them.
     *
     * @throws org.quartermaster.shared.AccessDenied for anyone else
     */
    public int importCsv(String csv, Actor actor) {
        org.quartermaster.access.Permissions.requireWrite(actor,
                org.quartermaster.access.model.WriteRule.PLATFORM_ORGANISATION, java.util.Set.of(),
                org.quartermaster.access.model.Action.IMPORT_EXCHANGE_RATES);
        List<ExchangeRate> rates = parse(csv);
        return db.write(actor, tx -> {
            rates.forEach(r -> table.upsertRate(tx.handle(), r));
            journal.record(tx, "ExchangeRatesImported", "exchange-rates", new FundEvents.ExchangeRatesImported(
                    rates.size(), describe(rates.getFirst()), describe(rates.getLast())));
            return rates.size();
        });
    }

    private static String describe(ExchangeRate r) {
        return r.base() + "/" + r.quote() + " " + r.date() + " " + r.rate().toPlainString();
    }

    static List<ExchangeRate> parse(String csv) {
        Checks.required("csv", csv);
        String[] lines = csv.strip().split("\r?\n");
        if (!lines[0].strip().equals(CSV_HEADER)) throw new InvalidField("csv", "must start with the header " + CSV_HEADER);
        if (lines.length - 1 > Limits.IMPORT_ROWS_MAX) {
            throw new InvalidField("csv", "must have at most " + Limits.IMPORT_ROWS_MAX + " rows");
        }
        if (lines.length < 2) throw new InvalidField("csv", "has no rows");
        List<ExchangeRate> rates = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            try {
                rates.add(row(lines[i]));
            } catch (InvalidField e) {
                errors.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidField("csv", "has " + errors.size() + " bad rows, nothing imported: "
                    + String.join("; ", errors.subList(0, Math.min(errors.size(), ERRORS_SHOWN_MAX))));
        }
        return rates;
    }

    private static ExchangeRate row(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 4) throw new InvalidField("row", "must have 4 cells, not " + cells.length);
        LocalDate date;
        try {
            date = LocalDate.parse(cells[2].strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField("date", "must be a date like 2026-11-27");
        }
        return new ExchangeRate(cells[0].strip(), cells[1].strip(), date, ExchangeRate.parseRate("rate", cells[3]));
    }

    /** Converts with the newest rate on or before {@code date}; a missing rate is the caller's problem (422). */
    public Conversion convert(long amountMinor, String currency, String reportCurrency, LocalDate date) {
        Money.currency("currency", currency);
        Money.currency("reportCurrency", reportCurrency);
        Checks.required("date", date);
        if (currency.equals(reportCurrency)) {
            return new Conversion(amountMinor, currency, amountMinor, reportCurrency, "1", date);
        }
        ExchangeRate rate = db.read(h -> table.rateOn(h, currency, reportCurrency, date)).orElseThrow(() ->
                new InvalidField("reportCurrency", "has no " + currency + "/" + reportCurrency + " rate on or before " + date));
        return new Conversion(amountMinor, currency, rate.convert(amountMinor), reportCurrency,
                rate.rate().toPlainString(), rate.date());
    }
}
