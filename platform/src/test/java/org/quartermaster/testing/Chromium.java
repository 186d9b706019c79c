package org.quartermaster.testing;

import com.microsoft.playwright.BrowserType;
import java.nio.file.Paths;
import java.util.List;

/** How the browser tests launch Debian's Chromium through Playwright: headless, never a downloaded browser. */
public final class Chromium {
    private Chromium() {}

    public static final BrowserType.LaunchOptions OPTIONS = new BrowserType.LaunchOptions()
            .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
            .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-gpu",
                    "--disable-dev-shm-usage"));
}
