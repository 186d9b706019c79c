package org.quartermaster.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartermaster.funds.model.FundReport;
import org.quartermaster.funds.web.FundPages;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.FundFixture;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.UiFixture;

/**
 * The funds pages in a real browser (Debian's Chromium through Playwright): the fund is reached
 * from the navigation, its contributions chart draws one bar per non-zero called or paid amount,
 * the tables show the facade's figures, the report currency names its rate, and a member's link
 * opens the state's page. Screenshots go to {@code target/screenshots/}.
 */
class FundsBrowserTest {
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final BrowserType.LaunchOptions CHROMIUM = org.quartermaster.testing.Chromium.OPTIONS;

    @Test
    void theFundChartRendersItsDataAndTheTablesShowTheLedgerFiguresInChromium() {
        try (TestServer server = TestServer.sqlite();
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(CHROMIUM)) {
            FundFixture.load(server.app(), UiFixture.load(server.app()));
            FundReport report = server.app().funds().report(FundFixture.FUND, Actor.SYSTEM);
            BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1366, 900).setLocale("en-GB"));
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);

            page.navigate(server.base() + "/");
            page.locator("nav.nav a[href='/funds']").click();
            page.waitForURL("**/funds");
            assertThat(page.locator("#funds-table tbody tr").count()).isEqualTo(1);
            page.locator("#funds-table a[href='/funds/EPF']").click();
            page.waitForURL("**/funds/EPF");

            page.locator("#contributions-chart canvas").waitFor();
            page.waitForFunction("() => Number(document.querySelector('#contributions-chart').dataset.points) > 0");
            long points = Long.parseLong(page.locator("#contributions-chart").getAttribute("data-points"));
            // a called bar for each of the five members, a paid bar for the four that paid something (not NLD-MOD)
            assertThat(points).isEqualTo(FundPages.chart(report).dataPoints()).isEqualTo(9);
            screenshot(page, "fund.png");

            assertThat(page.locator("#members tbody tr").count()).isEqualTo(report.members().size());
            for (FundReport.MemberLine m : report.members()) {
                String row = "#members tr[data-member='" + m.member() + "'] ";
                assertThat(page.locator(row + "td.called").textContent()).as(m.member())
                        .isEqualTo(money(m.calledMinor()));
                assertThat(page.locator(row + "td.paid").textContent()).as(m.member()).isEqualTo(money(m.paidMinor()));
            }
            assertThat(page.locator("#total-paid").textContent()).isEqualTo(money(report.paidMinor()));
            for (FundReport.MeasureLine m : report.measures()) {
                assertThat(page.locator("#measures tr[data-measure='" + m.code() + "'] td.committed").textContent())
                        .isEqualTo(money(m.committedMinor()));
            }

            page.selectOption("#report-currency select[name=currency]", "USD");
            page.locator("#report-currency input[name=date]").fill("2026-11-28");
            page.locator("#report-currency button").click();
            page.waitForURL("**/funds/EPF?currency=USD*");
            assertThat(page.locator("#rate-used").textContent()).contains("1.0842").contains("2026-11-27");
            page.waitForFunction("() => Number(document.querySelector('#contributions-chart').dataset.points) > 0");

            page.locator("#members a[href='/funds/EPF/members/NLD-MOD']").click();
            page.waitForURL("**/funds/EPF/members/NLD-MOD");
            assertThat(page.locator("tr[data-total=owed] td").first().textContent())
                    .isEqualTo(money(report.member("NLD-MOD").orElseThrow().calledMinor()));
            screenshot(page, "fund-member.png");
            context.close();
        }
    }

    /** Minor units of EUR as the English page writes them. */
    private static String money(long minor) {
        return String.format(java.util.Locale.UK, "%,d.%02d", minor / 100, minor % 100);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
