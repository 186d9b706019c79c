package org.quartermaster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.funds.model.FundReport;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.FundFixture;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.TestServer.Reply;
import org.quartermaster.testing.UiFixture;

/**
 * The funds pages over HTTP: the list, a fund's page and a member state's page show the figures
 * of the {@link FundFixture} (expected amounts worked out by hand from its key and calls), convert
 * with the rate and date they name, and answer unknown funds with an HTML 404.
 */
class FundPagesHttpTest {
    private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    private static TestServer server;
    private static FundFixture.Loaded fund;

    @BeforeAll
    static void start() {
        server = TestServer.sqlite();
        fund = FundFixture.load(server.app(), UiFixture.load(server.app()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply page(String path) {
        Reply r = server.send("GET", path, null, BROWSER);
        return r;
    }

    /** The HTML of the table row marked {@code attribute="value"}. */
    private static String row(String html, String attribute, String value) {
        Matcher m = Pattern.compile("<tr " + attribute + "=\"" + Pattern.quote(value) + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("row %s=%s", attribute, value).isTrue();
        return m.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/funds", "/funds/EPF", "/funds/EPF/members/DEU-MOD", "/funds/EPF?currency=USD",
            "/funds/EPF/members/GBR-MOD?currency=USD&date=2026-11-21"})
    void servesEveryFundsPageAsHtmlWithTheNavigationLink(String path) {
        Reply r = page(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).contains("<a href=\"/funds\" aria-current=\"page\">Funds</a>");
    }

    @Test
    void theFundPageShowsCalledAndPaidByMemberAsTheKeyApportionsThem() {
        String html = page("/funds/EPF").body();
        // DEU-MOD: 35% of 1,000,000.00 + 35% of 500,000.00, both paid
        assertThat(row(html, "data-member", "DEU-MOD")).contains("35.00 %").contains("525,000.00")
                .containsPattern("class=\"num paid\">525,000.00<").containsPattern("class=\"num outstanding\">0.00<");
        // NLD-MOD: 15% of each call, nothing paid yet
        assertThat(row(html, "data-member", "NLD-MOD")).containsPattern("class=\"num called\">225,000.00<")
                .containsPattern("class=\"num paid\">0.00<").containsPattern("class=\"num outstanding\">225,000.00<");
        // GBR-MOD abstains: 10% of each call; it paid the lethal call's 50,000.00 (into NON_LETHAL) and was
        // reimbursed 80% of the fuel donation's 50,000.00 valuation
        assertThat(row(html, "data-member", "GBR-MOD")).contains("abstains (lethal)")
                .containsPattern("class=\"num called\">150,000.00<").containsPattern("class=\"num paid\">50,000.00<")
                .containsPattern("class=\"num reimbursed\">40,000.00<");
        // 1,000,000.00 + 500,000.00 called; 525,000 + 250,000 + 150,000 + 50,000 paid
        assertThat(html).contains("id=\"total-called\">1,500,000.00<").contains("id=\"total-paid\">975,000.00<");
        assertThat(html).contains("id=\"contributions-chart\"").contains("data-chart=");
    }

    @Test
    void theFundPageShowsMeasuresAgainstCeilingsEnvelopesClaimsAndPayments() {
        String html = page("/funds/EPF").body();
        assertThat(row(html, "data-measure", "M-NL-1")).containsPattern("ceiling\">600,000.00<")
                .containsPattern("committed\">400,000.00<").containsPattern("headroom\">200,000.00<");
        assertThat(row(html, "data-measure", "M-L-1")).containsPattern("committed\">100,000.00<")
                .containsPattern("headroom\">200,000.00<");
        // NON_LETHAL: 750,000 of the first call + GBR's 50,000 paid in, 400,000 committed and posted
        assertThat(row(html, "data-envelope", "NON_LETHAL")).contains("800,000.00")
                .containsPattern("balance\">400,000.00<").containsPattern("available\">400,000.00<");
        // LETHAL: DEU's 175,000 paid in; 100,000 reserved by the pending commitment
        assertThat(row(html, "data-envelope", "LETHAL")).containsPattern("balance\">175,000.00<")
                .containsPattern("available\">75,000.00<");
        assertThat(row(html, "data-commitment", "COM-2")).contains("Pending").contains("AMMO-155-HE");
        assertThat(row(html, "data-claim", fund.reimbursed().publicId())).contains("GBR-MOD")
                .containsPattern("amount\">40,000.00<").contains("Paid");
        assertThat(row(html, "data-payment", "PAY-1")).contains("C-2026-7 / M1").contains("100,000.00").contains("Paid");
    }

    @Test
    void aReportCurrencyConvertsWithTheNewestRateOnOrBeforeTheDateAndSaysWhichRate() {
        String html = page("/funds/EPF?currency=USD&date=2026-11-28").body();
        assertThat(html).contains("id=\"rate-used\"").contains("1.0842").contains("2026-11-27");
        // 50,000.00 EUR x 1.0842 = 54,210.00 USD
        assertThat(row(html, "data-member", "GBR-MOD")).containsPattern("converted\">54,210.00<");
        String earlier = page("/funds/EPF?currency=USD&date=2026-11-25").body();
        assertThat(earlier).contains("1.08 (USD per EUR)").contains("2026-11-20");
        // 50,000.00 x 1.08
        assertThat(row(earlier, "data-member", "GBR-MOD")).containsPattern("converted\">54,000.00<");
        String none = page("/funds/EPF?currency=GBP").body();
        assertThat(none).contains("No conversion to GBP").doesNotContain("class=\"num converted\"");
    }

    @Test
    void aMemberPageShowsWhatTheStateOwesPaidAndWasReimbursed() {
        FundReport report = server.app().funds().report("EPF", Actor.SYSTEM);
        String html = page("/funds/EPF/members/GBR-MOD").body();
        assertThat(row(html, "data-total", "owed")).contains("150,000.00");
        assertThat(row(html, "data-total", "paid")).contains("50,000.00");
        assertThat(row(html, "data-total", "outstanding")).contains("100,000.00");
        assertThat(row(html, "data-total", "reimbursed")).contains("40,000.00");
        assertThat(row(html, "data-transfer", "CALL-2.GBR-MOD")).contains("Non-lethal").contains("Paid");
        assertThat(row(html, "data-transfer", "CALL-1.GBR-MOD")).contains("Called, unpaid");
        assertThat(row(html, "data-claim", fund.reimbursed().publicId())).contains("40,000.00");
        assertThat(report.member("GBR-MOD").orElseThrow().reimbursedMinor()).isEqualTo(4_000_000L);
    }

    @Test
    void theListShowsTheFundWithItsTotals() {
        String html = page("/funds").body();
        assertThat(row(html, "data-fund", "EPF")).contains("European Peace Facility").contains(">5<")
                .contains("1,500,000.00").contains("975,000.00").contains("900,000.00");
    }

    @Test
    void pagesAreTranslated() {
        Reply uk = server.send("GET", "/funds/EPF", null, Map.of("Accept", "text/html", "Accept-Language", "uk"));
        assertThat(uk.body()).contains("Внески за членами").contains("Залишки за конвертами");
        Reply fr = server.send("GET", "/funds/EPF", null, Map.of("Accept", "text/html", "Accept-Language", "fr"));
        assertThat(fr.body()).contains("Contributions par membre").contains("Demandes de remboursement");
    }

    @Test
    void badReportParametersAreRefusedOrExplainedNeverAServerError() {
        Reply badDate = page("/funds/EPF?currency=USD&date=yesterday");
        assertThat(badDate.status()).as(badDate.body()).isBetween(400, 499);
        assertThat(badDate.header("Content-Type")).startsWith("text/html");
        Reply script = page("/funds/EPF?currency=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).doesNotContain("<script>alert").contains("&lt;script&gt;")
                .contains("id=\"rate-used\"").doesNotContain("class=\"num converted\"");
    }

    @Test
    void unknownFundsAndMembersAreHtml404s() {
        for (String path : new String[] {"/funds/NOPE", "/funds/EPF/members/XXX-MOD"}) {
            Reply r = page(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("text/html");
        }
        assertThat(page("/funds/bad%20code").status()).isBetween(400, 499);
    }
}
