package org.quartermaster.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.capacity.CapacityFixture.MONDAY;

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
import org.quartermaster.capacity.model.OrderBook;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.shared.Actor;
import org.quartermaster.testing.TestServer;

/**
 * The order book in a real browser (Debian's Chromium through Playwright): the heat map draws
 * one cell per item and week with capacity, the table fallback holds the same numbers, the
 * idle-framework alert is listed, and a line's page opens from the list. Screenshots go to
 * {@code target/screenshots/}.
 */
class OrderBookBrowserTest {
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final BrowserType.LaunchOptions CHROMIUM = org.quartermaster.testing.Chromium.OPTIONS;
    static final int WEEKS = 12;

    @Test
    void theHeatMapRendersWithDataAndTheLinePageOpens() {
        try (TestServer server = TestServer.sqlite();
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(CHROMIUM)) {
            var app = server.app();
            CapacityFixture.load(app);
            ProductionLine shells = CapacityFixture.line(app, "SUP-A", CapacityFixture.SHELLS, 20, 100, true,
                    new long[] {4, 300});
            ProductionLine other = CapacityFixture.line(app, "SUP-B", CapacityFixture.SHELLS, 8, 50, false);
            CapacityFixture.line(app, "SUP-C", CapacityFixture.CARTRIDGES, 30, 10_000, false);
            for (int w = 0; w < 4; w++) app.capacity().reserve(CapacityFixture.slot(shells, w, 90, true), Actor.SYSTEM);
            app.capacity().reserve(CapacityFixture.slot(other, 1, 50, false), Actor.SYSTEM);
            OrderBook book = app.capacity().orderBook(null, MONDAY, WEEKS, Actor.SYSTEM);
            long cells = book.items().stream().flatMap(i -> i.weeks().stream()).filter(c -> c.capacity() > 0).count();

            BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1366, 900).setLocale("en-GB"));
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);
            page.navigate(server.base() + "/capacity?from=" + MONDAY + "&weeks=" + WEEKS);
            page.locator("#order-book-chart canvas").waitFor();
            page.waitForFunction("() => Number(document.querySelector('#order-book-chart').dataset.points) > 0");
            // 12 weeks of cartridges + 12 weeks of shells (SUP-A runs 20 weeks): 24 cells with capacity
            assertThat(Long.parseLong(page.locator("#order-book-chart").getAttribute("data-points")))
                    .isEqualTo(cells).isEqualTo(24);
            assertThat(page.locator("#alerts .alert-row")).satisfies(rows -> assertThat(rows.count()).isEqualTo(1));
            assertThat(page.locator("#alerts").textContent()).contains(shells.publicId());
            screenshot(page, "order-book.png");

            page.locator("details.table-fallback summary").click();
            // week 1 of shells: 100 + 50 capacity, 90 + 50 reserved, 10 free
            assertThat(page.locator("#order-book-table tbody tr").nth(0).locator("td").nth(1).textContent())
                    .isEqualTo("10 / 150");

            page.locator("#lines a[href='/capacity/lines/" + other.publicId() + "']").click();
            page.waitForURL("**/capacity/lines/" + other.publicId());
            assertThat(page.locator("h1").textContent()).contains(other.publicId());
            assertThat(page.locator("#reservations").textContent()).contains("C-000001");
            screenshot(page, "capacity-line.png");

            page.navigate(server.base() + "/lang/uk");
            page.navigate(server.base() + "/capacity?from=" + MONDAY);
            assertThat(page.locator("h1").textContent()).isEqualTo("Промислова книга замовлень");
            context.close();
        }
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
