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
import org.quartermaster.testing.TestDatabases;
import org.quartermaster.testing.TestServer;
import org.quartermaster.testing.UiFixture;
import org.quartermaster.access.model.Base32;
import org.quartermaster.access.model.Role;
import org.quartermaster.access.model.Totp;
import org.quartermaster.testing.AccessWorld;

/**
 * Signing in and out in a real browser (Chromium), through the real access gate: a page asks
 * for the login form and returns to it after signing in, the header says who is signed in,
 * the list shows only what the organisation may see, a wrong password gets the one message,
 * an admin signs in with a one-time code and sees the user pages, and signing out ends it.
 */
class LoginBrowserTest {
    private static final BrowserType.LaunchOptions CHROMIUM = org.quartermaster.testing.Chromium.OPTIONS;

    @Test
    void signInSeeOnlyWhatTheOrganisationMaySeeAndSignOutInChromium() {
        try (TestServer server = TestServer.secured(TestDatabases.sqlite());
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(CHROMIUM)) {
            AccessWorld.Loaded world = AccessWorld.load(server.app());
            server.addUser("olena", AccessWorld.OWN, Role.REQUESTER);
            var admin = server.addUser("adam", AccessWorld.OWN, Role.ADMIN);
            BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1366, 900).setLocale("en-GB"));
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);

            page.navigate(server.base() + "/needs");
            assertThat(page.url()).contains("/login?next=");
            page.locator("input[name=userName]").fill("olena");
            page.locator("input[name=password]").fill("not the password");
            page.locator("form.login-form button").click();
            assertThat(page.locator("p.error").textContent()).contains("is wrong");

            page.locator("input[name=userName]").fill("olena");
            page.locator("input[name=password]").fill(TestServer.PASSWORD);
            page.locator("form.login-form button").click();
            page.waitForURL("**/needs");
            String who = page.locator(".whoami").textContent();
            assertThat(who).contains("olena", AccessWorld.OWN, "REQUESTER");
            String main = page.locator("main").textContent();
            for (var n : world.needs()) {
                boolean visible = n.requester().equals(AccessWorld.OWN) || n.releasableTo().contains("PUBLIC")
                        || n.releasableTo().contains(AccessWorld.GROUP) || n.releasableTo().contains(AccessWorld.OWN);
                if (!visible) assertThat(main).as(n.publicId()).doesNotContain(n.publicId());
            }
            assertThat(page.locator(".whoami a[href='/users']").count()).isZero();

            page.locator(".whoami form button").click();
            page.waitForURL("**/login");
            page.navigate(server.base() + "/needs");
            assertThat(page.url()).contains("/login?next=");

            page.locator("input[name=userName]").fill("adam");
            page.locator("input[name=password]").fill(TestServer.PASSWORD);
            page.locator("input[name=oneTimeCode]").fill(Totp.code(Base32.decode(admin.totpSecret()),
                    java.time.Instant.now()));
            page.locator("form.login-form button").click();
            page.waitForURL("**/needs");
            page.locator(".whoami a[href='/users']").click();
            page.waitForURL("**/users");
            assertThat(page.locator("main").textContent()).contains("olena", "adam");
            context.close();
        }
    }
}
