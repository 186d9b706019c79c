package org.quartermaster.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartermaster.dashboard.CoverageChart;
import org.quartermaster.dashboard.Dashboard;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.UiFixture;

/**
 * The web UI in a real browser (Debian's Chromium, driven by Playwright; never a downloaded
 * browser): the dashboard's chart renders with data, a need's page opens from the list and
 * shows its offers and history, the htmx filter updates the table in place, and the language
 * switch translates the page. Screenshots go to {@code target/screenshots/}.
 */
class BrowserTest {
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final BrowserType.LaunchOptions CHROMIUM = org.quartermaster.testing.Chromium.OPTIONS;

    @Test
    void dashboardChartNeedThreadFilterAndLanguageSwitchWorkInChromium() {
        try (TestServer server = TestServer.sqlite();
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(CHROMIUM)) {
            UiFixture.World world = UiFixture.load(server.app());
            BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1366, 900).setLocale("en-GB"));
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);

            checkDashboard(page, server);
            openNeedFromList(page, server, world);
            filterWithHtmx(page);
            switchToUkrainian(page, server);
            context.close();
        }
    }

    @Test
    void aProposedPlanIsChartedAndApprovedAndAHistoryEventVerifiesInChromium() {
        try (TestServer server = TestServer.sqlite();
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(CHROMIUM)) {
            UiFixture.World world = UiFixture.load(server.app());
            // Stock nobody has pledged yet: the plan has something to allocate.
            org.quartermaster.needs.model.Need need = world.needs().stream()
                    .filter(n -> n.status().name().equals("OPEN")).findFirst().orElseThrow();
            server.app().offers().make(new org.quartermaster.offers.MakeOffer("DEU-MOD", need.item(),
                    need.quantity(), "NEW", "DE-GRF-DEPOT", java.time.LocalDate.now(), "DONATION", false, null, false,
                    null, java.util.Set.of()), org.quartermaster.shared.Actor.SYSTEM);
            BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1366, 900).setLocale("en-GB"));
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);

            page.navigate(server.base() + "/plans");
            page.locator("form[action='/plans'] button").click();
            page.waitForURL("**/plans/P-*");
            page.waitForFunction("() => Number(document.querySelector('#plan-chart').dataset.points) > 0");
            assertThat(page.locator("main").textContent()).contains(need.publicId());
            screenshot(page, "plan.png");
            page.locator("input[name=approver]").fill("bob");
            page.locator("form.inline-form button").click();
            page.waitForFunction("() => document.querySelector('h1 .badge').textContent.includes('Approved')");

            server.app().journal().signIfDue(true);
            var plan = server.app().planning().latest().orElseThrow();
            String served = server.app().planning().allocations(plan.publicId(), null).get(0).need();
            page.navigate(server.base() + "/needs/" + served);
            assertThat(page.locator("#planned").textContent()).contains("from offer O-");
            page.locator("#history a.verify").first().click();
            page.waitForFunction("() => document.querySelector('#history a.verify').dataset.verified !== undefined");
            assertThat(page.locator("#history a.verify").first().getAttribute("data-verified"))
                    .as(page.locator("#history a.verify").first().textContent()).isEqualTo("true");
            screenshot(page, "need-verified.png");
            context.close();
        }
    }

    private static void checkDashboard(Page page, TestServer server) {
        page.navigate(server.base() + "/");
        page.locator("#coverage-chart canvas").waitFor();
        page.waitForFunction("() => Number(document.querySelector('#coverage-chart').dataset.points) > 0");
        CoverageChart chart = new Dashboard(server.app().catalog(), server.app().needs(), server.app().offers())
                .coverage(org.quartermaster.shared.Actor.SYSTEM);
        String points = page.locator("#coverage-chart").getAttribute("data-points");
        assertThat(Long.parseLong(points)).isPositive().isEqualTo(chart.dataPoints());
        assertThat(page.locator("h1").textContent()).isEqualTo("Dashboard");
        screenshot(page, "dashboard.png");
    }

    private static void openNeedFromList(Page page, TestServer server, UiFixture.World world) {
        page.locator("nav.nav a[href='/needs']").click();
        page.waitForURL("**/needs");
        assertThat(page.locator("#needs-table tbody tr").count()).isEqualTo(25);
        screenshot(page, "needs.png");
        Offer accepted = world.offers().get(1);  // the fixture accepts its second offer
        String id = accepted.need();
        page.locator("#needs-table a[href='/needs/" + id + "']").click();
        page.waitForURL("**/needs/" + id);
        assertThat(page.locator("#offers tbody tr").count()).isPositive();
        assertThat(page.locator("#offers").textContent()).contains(accepted.publicId()).contains("Accepted");
        assertThat(page.locator("#history .timeline li").count()).isGreaterThanOrEqualTo(2);
        assertThat(page.locator("#history").textContent()).contains("Need filed")
                .contains("offer " + accepted.publicId() + " accept");
        screenshot(page, "need.png");
    }

    private static void filterWithHtmx(Page page) {
        page.locator("nav.nav a[href='/needs']").click();
        page.waitForURL("**/needs");
        page.selectOption("select[name=priority]", "1");
        page.waitForURL("**/needs?*priority=1*");
        page.waitForFunction("() => document.querySelectorAll('#needs-table .prio:not(.p1)').length === 0");
        assertThat(page.locator("#needs-table .prio.p1").count()).isPositive();
    }

    private static void switchToUkrainian(Page page, TestServer server) {
        page.locator(".langs a[hreflang=uk]").click();
        page.waitForFunction("() => document.documentElement.lang === 'uk'");
        assertThat(page.locator("h1").textContent()).isEqualTo("Потреби");
        assertThat(page.url()).contains("priority=1");
        page.navigate(server.base() + "/");
        page.waitForFunction("() => Number(document.querySelector('#coverage-chart').dataset.points) > 0");
        assertThat(page.locator("h1").textContent()).isEqualTo("Огляд");
        screenshot(page, "dashboard-uk.png");
        page.locator("nav.nav a[href='/items']").click();
        page.waitForURL("**/items");
        assertThat(page.locator("h1").textContent()).isEqualTo("Каталог");
        assertThat(page.locator("main").textContent()).contains("Боєприпаси для вогнепальної зброї та бойової техніки");
        screenshot(page, "items-uk.png");
        page.locator("nav.nav a[href='/offers']").click();
        page.waitForURL("**/offers");
        assertThat(page.locator("#offers-table tbody tr").count()).isEqualTo(UiFixture.OFFERS);
        screenshot(page, "offers-uk.png");
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
