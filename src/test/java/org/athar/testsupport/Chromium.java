package org.athar.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium (/usr/bin/chromium), headless, for the browser tests. Without it they are skipped, unless
 * ATHAR_REQUIRE_BROWSER is set (as .ci/run does), so that CI cannot pass without running them.
 */
public final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    public final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        boolean required = System.getenv("ATHAR_REQUIRE_BROWSER") != null;
        assumeTrue(required || Files.isExecutable(EXECUTABLE), "Chromium is not installed: browser tests skipped");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        return new Chromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking"))));
    }

    /** Signs in through the sign-in form, as a person does. */
    public static void signIn(Page page, String base, String username, String password) {
        page.navigate(base + "login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
        page.waitForURL("**/curate");
    }

    @Override
    public void close() {
        playwright.close();
    }
}
