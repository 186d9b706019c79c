package org.quartermaster.funds.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.funds.Conversion;
import org.quartermaster.funds.ExchangeRates;
import org.quartermaster.funds.Funds;
import org.quartermaster.funds.model.ExchangeRate;
import org.quartermaster.funds.model.Fund;
import org.quartermaster.funds.model.FundReport;
import org.quartermaster.funds.model.MemberReport;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Json;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Templates;
import org.quartermaster.server.Ui;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Money;

/**
 * The funds pages: the list of funds the reader may see, a fund's page (contributions called
 * and paid by member as a chart and a table, commitments against measure ceilings, claims,
 * balances by envelope, payments) and a member state's page (owed, paid, reimbursed). Amounts
 * are shown in the fund's currency and, on request ({@code ?currency=USD&date=2026-11-27}), also
 * converted with the newest reference rate on or before the date, which the page names.
 */
public final class FundPages {
    /** Currencies offered by the report selector; any ISO 4217 code works in the query. */
    public static final List<String> REPORT_CURRENCIES = List.of("EUR", "USD", "GBP", "PLN", "UAH");

    private FundPages() {}

    public static void policies(RoutePolicies p) {
        p.declare("GET", "/funds", RoutePolicy.anyRole());
        p.declare("GET", "/funds/{code}", RoutePolicy.anyRole());
        p.declare("GET", "/funds/{code}/members/{member}", RoutePolicy.anyRole());
    }

    /** A row of the funds list. */
    public record FundRow(Fund fund, int members, long calledMinor, long paidMinor, long reimbursedMinor,
                          long ceilingsMinor) {}

    public record FundsView(List<FundRow> funds, Amounts amounts) {}

    /**
     * A fund's page. {@code chartJson} and {@code chartLabelsJson} feed the chart script through
     * data attributes (escaped by the template like any other text).
     */
    public record FundView(FundReport report, Amounts amounts, String chartJson, String chartLabelsJson) {}

    public record MemberView(MemberReport report, Amounts amounts) {}

    /** The chart's data: members in key order, what was called from each and what each paid, in minor units. */
    public record ContributionChart(String currency, int minorDigits, List<String> members, List<Long> called,
                                    List<Long> paid) {
        /** Bars with a value: what the drawn chart reports as {@code data-points}. */
        public long dataPoints() {
            return called.stream().filter(v -> v > 0).count() + paid.stream().filter(v -> v > 0).count();
        }
    }

    public static void routes(RouteTable t, Funds funds, ExchangeRates rates) {
        t.page(HandlerType.GET, "/funds", "The funds the reader owns or is a member of", ctx -> {
            List<FundRow> rows = new ArrayList<>();
            for (Fund f : funds.funds(Actors.of(ctx))) {
                FundReport r = funds.report(f.code(), Actors.of(ctx));
                rows.add(new FundRow(f, r.members().size(), r.calledMinor(), r.paidMinor(), r.claimsPaidMinor(),
                        r.measures().stream().mapToLong(FundReport.MeasureLine::ceilingMinor).sum()));
            }
            Templates.page(ctx, "funds/list.jte", new FundsView(rows, Amounts.of(ctx, null, rates, Ui.of(ctx))));
        });
        t.page(HandlerType.GET, "/funds/{code}", "A fund: contributions by member, commitments, claims, envelopes",
                ctx -> {
                    FundReport r = funds.report(ctx.pathParam("code"), Actors.of(ctx));
                    Ui ui = Ui.of(ctx);
                    Templates.page(ctx, "funds/fund.jte", new FundView(r, Amounts.of(ctx, r.fund(), rates, ui),
                            Json.write(chart(r)), Json.write(labels(ui))));
                });
        t.page(HandlerType.GET, "/funds/{code}/members/{member}", "A member state: owed, paid and reimbursed",
                ctx -> {
                    MemberReport r = funds.memberReport(ctx.pathParam("code"), ctx.pathParam("member"),
                            Actors.of(ctx));
                    Templates.page(ctx, "funds/member.jte", new MemberView(r, Amounts.of(ctx, r.fund(), rates,
                            Ui.of(ctx))));
                });
    }

    public static ContributionChart chart(FundReport r) {
        return new ContributionChart(r.fund().currency(), Money.minorDigits(r.fund().currency()),
                r.members().stream().map(FundReport.MemberLine::member).toList(),
                r.members().stream().map(FundReport.MemberLine::calledMinor).toList(),
                r.members().stream().map(FundReport.MemberLine::paidMinor).toList());
    }

    static Map<String, Object> labels(Ui ui) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("called", ui.get("fund.called"));
        out.put("paid", ui.get("fund.paid"));
        out.put("locale", ui.lang());
        return out;
    }

    /**
     * Formats minor units in the reader's language, and converts them when a report currency was
     * asked for. A report currency without a rate leaves amounts unconverted and says why.
     */
    public static final class Amounts {
        private final Locale locale;
        private final String currency;
        private final ExchangeRate rate;
        private final Conversion conversion;
        private final String reportCurrency;
        private final LocalDate date;
        private final String problem;

        private Amounts(Locale locale, String currency, String reportCurrency, LocalDate date, Conversion conversion,
                        String problem) {
            this.locale = locale;
            this.currency = currency;
            this.reportCurrency = reportCurrency;
            this.date = date;
            this.conversion = conversion;
            this.problem = problem;
            this.rate = conversion == null || conversion.currency().equals(conversion.reportCurrency()) ? null
                    : new ExchangeRate(conversion.currency(), conversion.reportCurrency(), conversion.rateDate(),
                            new BigDecimal(conversion.rate()));
        }

        static Amounts of(Context ctx, Fund fund, ExchangeRates rates, Ui ui) {
            Locale locale = Locale.forLanguageTag(ui.lang());
            String report = Http.param(ctx, "currency");
            LocalDate date = Http.dateParam(ctx, "date");
            LocalDate on = date != null ? date : LocalDate.now(ZoneOffset.UTC);
            if (fund == null || report == null || report.isBlank()) {
                return new Amounts(locale, fund == null ? null : fund.currency(), null, on, null, null);
            }
            try {
                Conversion c = rates.convert(1, fund.currency(), report.strip(), on);
                return new Amounts(locale, fund.currency(), c.reportCurrency(), on, c, null);
            } catch (InvalidField e) {
                return new Amounts(locale, fund.currency(), report.strip(), on, null, e.getMessage());
            }
        }

        /** {@code minor} units of the fund's currency, e.g. {@code 1,234.56}. */
        public String money(long minor) {
            return format(minor, currency);
        }

        public String money(long minor, String code) {
            return format(minor, code);
        }

        public String currency() {
            return currency;
        }

        /** A key share in basis points as a percentage, e.g. 2,345 bp as {@code 23.45 %}. */
        public String share(int basisPoints) {
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMinimumFractionDigits(2);
            f.setMaximumFractionDigits(2);
            return f.format(BigDecimal.valueOf(basisPoints, 2)) + " %";
        }

        /** {@code part} of {@code whole} in whole percent (for meters), 0 when there is no whole. */
        public long percent(long part, long whole) {
            if (whole <= 0) return 0;
            return Math.min(100, BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(whole), 0, java.math.RoundingMode.HALF_UP).longValue());
        }

        /** Whether amounts are also shown converted. */
        public boolean converting() {
            return conversion != null;
        }

        /** {@code minor} converted to the report currency and formatted, or "" when not converting. */
        public String converted(long minor) {
            if (conversion == null) return "";
            long to = rate == null ? minor : rate.convert(minor);
            return format(to, conversion.reportCurrency());
        }

        public String reportCurrency() {
            return reportCurrency;
        }

        /** The rate used, e.g. {@code 1.0842}, or null when not converting. */
        public String rate() {
            return conversion == null ? null : conversion.rate();
        }

        /** The date of the rate used (the newest on or before the asked date). */
        public LocalDate rateDate() {
            return conversion == null ? null : conversion.rateDate();
        }

        public LocalDate askedDate() {
            return date;
        }

        /** Why a requested conversion could not be made, or null. */
        public String problem() {
            return problem;
        }

        private String format(long minor, String code) {
            if (code == null) return Long.toString(minor);
            int digits = Money.minorDigits(code);
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMinimumFractionDigits(digits);
            f.setMaximumFractionDigits(digits);
            return f.format(BigDecimal.valueOf(minor, digits));
        }
    }
}
