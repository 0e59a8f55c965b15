package org.athar.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

import io.quarkus.test.junit.QuarkusTest;

/** The maps in a real Chromium: drawn from the tiles in view, opened by pointer or keyboard, fine without script. */
@QuarkusTest
class MapInBrowserTest extends InChromium {

    @Test
    void aSitesMapShowsItsMonumentsAndAClickOpensOne() {
        Page page = chromium.browser.newPage();
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.navigate(base + "sites/palmyra?lang=en");
        page.waitForSelector(".map-pin");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", "site-map-en.png")));
        assertTrue(page.locator(".map-pin").count() + page.locator(".map-cluster").count() >= 3);
        page.locator(".map-pin.condition-destroyed a").first().click();
        page.waitForURL("**/monuments/**");
        assertEquals(List.of(), errors);
    }

    @Test
    void theRegistryMapGroupsPlacesAndAKeyboardOpensAGroupThenAPlace() {
        Page page = chromium.browser.newPage(new Browser.NewPageOptions().setViewportSize(1200, 900));
        page.navigate(base + "map?lang=ar");
        page.waitForSelector(".map-cluster");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", "map-ar.png")));
        // a group is a focusable control: Enter zooms into it, until single places show
        for (int i = 0; i < 10 && page.locator(".map-pin").count() == 0; i++) {
            page.locator(".map-cluster button").first().focus();
            page.keyboard().press("Enter");
            page.waitForTimeout(700);
        }
        assertTrue(page.locator(".map-pin").count() > 0, "single places after zooming in");
        page.locator(".map-pin a").first().focus();
        page.keyboard().press("Enter");
        page.waitForURL("**/{sites,monuments}/**");
    }

    @Test
    void withoutScriptTheMapIsHiddenAndTheListsRemain() {
        Page page = chromium.browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)).newPage();
        page.navigate(base + "sites/palmyra?lang=en");
        assertTrue(page.locator("[data-map]").isHidden());
        assertTrue(page.locator("a[href='/monuments/temple-of-bel']").isVisible());
    }
}
