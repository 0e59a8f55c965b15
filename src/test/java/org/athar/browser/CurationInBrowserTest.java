package org.athar.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.account.Role;
import org.athar.testsupport.Accounts;
import org.athar.testsupport.Chromium;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The curation workflow in a real headless Chromium ({@link Chromium}): a curator records a damage report with a new
 * source and claim, a reviewer publishes it, a visitor reads it; a script typed into the fields is shown as text and
 * never runs.
 */
@QuarkusTest
class CurationInBrowserTest extends InChromium {

    private static final String SCRIPT = "<script>window.hacked=1</script><img src=x onerror=\"window.hacked=2\">";

    @Inject
    DataSource dataSource;

    /** A fresh browser profile that fails the test on any dialog a script might open. */
    private Page person(List<String> dialogs) {
        BrowserContext context = chromium.browser.newContext();
        Page page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        return page;
    }

    private void signIn(Page page, String username, String password) {
        Chromium.signIn(page, base.toString(), username, password);
    }

    @Test
    void aCuratorsReportIsReviewedPublishedAndReadWithItsHistory() {
        List<String> dialogs = new ArrayList<>();
        String curatorName = Accounts.newAccount(Role.CURATOR, "a-long-password-7");
        String reviewerName = Accounts.newAccount(Role.REVIEWER, "a-long-password-8");

        Page curator = person(dialogs);
        signIn(curator, curatorName, "a-long-password-7");
        curator.click("text=Record a damage report");
        curator.fill("#place", "tower-of-elahbel");
        curator.fill("#summary", "Collapsed stones moved from the tower " + SCRIPT);
        curator.selectOption("#causeType", "CLEARANCE_BULLDOZING");
        curator.fill("#date", "2016-05");
        curator.selectOption("#severity", "SEVERE");
        curator.fill("#actor", SCRIPT);
        curator.fill("#quote", "Stones were taken away. " + SCRIPT);
        curator.selectOption("[id='source.kind']", "PHOTOGRAPH");
        curator.fill("[id='source.title']", "Photographs of the Tower of Elahbel " + SCRIPT);
        curator.fill("[id='source.publisher']", "Browser Test Archive");
        curator.fill("[id='source.published']", "2016-05-10");
        curator.fill("[id='source.unlocatableReason']", "Prints received by post, not published.");
        curator.selectOption("[id='source.reliability']", "MEDIUM");
        curator.fill("[id='source.reliabilityReason']", "Dated photographs by a known photographer.");
        curator.fill("#comment", "Photographs received by email " + SCRIPT);
        curator.click("button:text-is(\"Check the date\")");
        assertTrue(curator.textContent("#date-preview").contains("May 2016"));
        curator.click("button:text-is(\"Submit for review\")");
        curator.waitForURL("**/curate?proposed=*");
        assertTrue(curator.textContent("main").contains("Waiting for review"));
        assertTrue(curator.textContent("main").contains("Photographs received by email <script>"),
                "the payload is shown as the text it is");

        Page reviewer = person(dialogs);
        signIn(reviewer, reviewerName, "a-long-password-8");
        reviewer.navigate(base + "curate/review");
        assertTrue(reviewer.textContent("main").contains("New damage report: Collapsed stones moved from the tower"));
        reviewer.locator("article", new Page.LocatorOptions().setHasText("Collapsed stones moved from the tower"))
                .locator("button:text-is(\"Publish\")").click();
        reviewer.waitForURL("**/curate/review");

        Page visitor = person(dialogs);
        visitor.navigate(base + "monuments/tower-of-elahbel");
        String page = visitor.textContent("main");
        assertTrue(page.contains("Collapsed stones moved from the tower <script>window.hacked=1</script>"), page);
        assertTrue(page.contains("Browser Test Archive, 10 May 2016"));
        assertTrue(page.contains("Severe"));
        visitor.navigate(base + "monuments/tower-of-elahbel/history");
        String history = visitor.textContent("main");
        assertTrue(history.contains("by " + reviewerName) && history.contains("(proposed by " + curatorName + ")"), history);

        for (Page p : List.of(curator, reviewer, visitor)) {
            assertNull(p.evaluate("() => window.hacked"), "no typed script ran");
        }
        assertEquals(List.of(), dialogs, "no typed script opened a dialog");
    }

    @Test
    void aCuratorAddsAnArabicNameToAPlaceAndAnotherRestoresTheEarlierVersion() throws Exception {
        String slug = "fixture-browser-tomb-" + System.nanoTime();
        Db.monument(dataSource, slug, "Tomb of the Browser");
        try {
            List<String> dialogs = new ArrayList<>();
            String curatorName = Accounts.newAccount(Role.CURATOR, "a-long-password-7");
            String reviewerName = Accounts.newAccount(Role.REVIEWER, "a-long-password-8");
            Page curator = person(dialogs);
            signIn(curator, curatorName, "a-long-password-7");
            curator.navigate(base + "monuments/" + slug);
            curator.click("text=Propose a change to this monument");
            curator.fill("#name-text-1", "مدفن المتصفح");
            curator.fill("#name-language-1", "ar");
            curator.selectOption("#name-type-1", "DESIGNATION");
            curator.fill("#comment", "Arabic name from the survey " + SCRIPT);
            curator.click("button:text-is(\"Submit for review\")");
            curator.waitForURL("**/curate?proposed=*");

            Page reviewer = person(dialogs);
            signIn(reviewer, reviewerName, "a-long-password-8");
            reviewer.navigate(base + "curate/review");
            reviewer.locator("article", new Page.LocatorOptions().setHasText("Arabic name from the survey"))
                    .locator("button:text-is(\"Publish\")").click();
            reviewer.waitForURL("**/curate/review");

            Page visitor = person(dialogs);
            visitor.navigate(base + "monuments/" + slug);
            assertEquals("rtl", visitor.getAttribute(".names span[lang=ar]", "dir"));
            assertEquals("مدفن المتصفح", visitor.textContent(".names span[lang=ar]"));

            curator.navigate(base + "monuments/" + slug + "/history");
            curator.locator("article", new Page.LocatorOptions().setHasText("مدفن المتصفح"))
                    .locator("button:has-text(\"Propose restoring\")").click();
            curator.waitForURL("**/curate?proposed=*");
            reviewer.navigate(base + "curate/review");
            reviewer.locator("article", new Page.LocatorOptions().setHasText("Restore an earlier version of a place"))
                    .locator("button:text-is(\"Publish\")").click();
            reviewer.waitForURL("**/curate/review");
            visitor.navigate(base + "monuments/" + slug);
            assertEquals(0, visitor.locator(".names span[lang=ar]").count(), "the earlier version had no Arabic name");

            for (Page p : List.of(curator, reviewer, visitor)) {
                assertNull(p.evaluate("() => window.hacked"), "no typed script ran");
            }
            assertEquals(List.of(), dialogs);
        } finally {
            Db.execute(dataSource, "delete from place where slug = '" + slug + "'");
        }
    }

    @Test
    void aPlaceFieldOffersMatchesAsTheCuratorTypes() {
        String curatorName = Accounts.newAccount(Role.CURATOR, "a-long-password-6");
        Page curator = person(new ArrayList<>());
        signIn(curator, curatorName, "a-long-password-6");
        curator.navigate(base + "curate/reports/new");
        curator.locator("#place").pressSequentially("baalsh");
        curator.waitForSelector("#place-choices option[value='temple-of-baalshamin']",
                new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        assertTrue(curator.locator("#place-choices option").first().getAttribute("label").contains("Temple of Baalshamin"));
    }
}
