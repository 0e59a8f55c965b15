package org.athar.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.athar.account.Role;
import org.athar.testsupport.Accounts;
import org.athar.testsupport.Chromium;
import org.athar.testsupport.MainPages;
import org.junit.jupiter.api.Test;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Accessibility in a real Chromium: axe-core finds no serious or critical violation on any main page, public or
 * curator, in English or Arabic; a visitor can search by keyboard alone. Screenshots of the main pages in both
 * languages are left in target/screenshots for people to look at.
 */
@QuarkusTest
class AccessibilityInBrowserTest extends InChromium {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final List<String> SCREENSHOTS = List.of("/", "/sites/palmyra", "/monuments/temple-of-bel",
            "/search?q=temple", "/sources/1");

    private static Page page(Browser browser) {
        // axe is injected into the page, which the pages' Content-Security-Policy would otherwise refuse
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                .setViewportSize(1280, 900));
        return context.newPage();
    }

    @Test
    void noPublicPageHasASeriousOrCriticalViolationInEitherLanguage() {
        Page page = page(chromium.browser);
        List<String> violations = new ArrayList<>();
        for (String path : MainPages.PUBLIC) {
            for (String language : List.of("en", "ar")) {
                String address = MainPages.in(path, language);
                page.navigate(base + address.substring(1));
                violations.addAll(violations(page, address));
                if (SCREENSHOTS.contains(path)) {
                    String name = (path.equals("/") ? "home" : path.substring(1).replaceAll("[^a-z0-9]+", "-")) + "-" + language;
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                            .setPath(Path.of("target/screenshots", name + ".png")));
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noCuratorPageHasASeriousOrCriticalViolationInEitherLanguage() {
        String reviewer = Accounts.newAccount(Role.REVIEWER, "a-long-password-9");
        Page page = page(chromium.browser);
        Chromium.signIn(page, base.toString(), reviewer, "a-long-password-9");
        List<String> violations = new ArrayList<>();
        for (String path : MainPages.CURATOR) {
            for (String language : List.of("en", "ar")) {
                String address = MainPages.in(path, language);
                page.navigate(base + address.substring(1));
                violations.addAll(violations(page, address));
            }
        }
        page.navigate(base + "curate?lang=ar");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots", "curate-ar.png")));
        page.navigate(base + "curate?lang=en");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots", "curate-en.png")));
        assertEquals(List.of(), violations);
    }

    @Test
    void aVisitorSearchesAndOpensAMonumentByKeyboardAlone() {
        Page page = page(chromium.browser);
        page.navigate(base + "?lang=en");
        // from the top of the page: skip link, brand, the menu, then the search field
        page.keyboard().press("Tab");
        assertEquals("Skip to content", page.evaluate("document.activeElement.textContent"));
        while (!"q".equals(page.evaluate("document.activeElement.id"))) {
            page.keyboard().press("Tab");
        }
        page.keyboard().type("Baal Shamin");
        page.keyboard().press("Enter");
        page.waitForURL("**/search?q=Baal+Shamin");
        // the first result is reached by tabbing and opened with Enter
        for (int i = 0; i < 40 && !"Temple of Baalshamin".equals(page.evaluate("document.activeElement.textContent")); i++) {
            page.keyboard().press("Tab");
        }
        page.keyboard().press("Enter");
        page.waitForURL("**/monuments/temple-of-baalshamin");
        assertTrue(page.title().startsWith("Temple of Baalshamin"));
    }

    private static List<String> violations(Page page, String address) {
        AxeResults results = new AxeBuilder(page).analyze();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                rule.getNodes().forEach(node -> found.add(address + ": " + rule.getImpact() + " " + rule.getId() + " "
                        + node.getTarget() + " " + node.getHtml()));
            }
        }
        return found;
    }
}
