package org.athar.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PagesTest {

    private static ValidatableResponse page(String path) {
        return given().accept("text/html").when().get(path).then();
    }

    @Test
    void homeIntroducesTheRegistryItsSitesAndRecentEvents() {
        page("/").statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<a href=\"/sites/palmyra\">Palmyra</a>"))
                .body(containsString("Tetrapylon destroyed"))
                .body(containsString("Government forces recapture Palmyra a second time"));
    }

    @Test
    void sitePageGroupsMonumentsByCurrentStatus() {
        page("/sites/palmyra").statusCode(200)
                .body(containsString("<h1>Palmyra</h1>"))
                .body(containsString("<span lang=\"ar\" dir=\"rtl\">تدمر</span>"))
                .body(containsString("Monuments by current status"))
                .body(containsString("<h3>Destroyed <span class=\"count\">(8)</span></h3>"))
                .body(containsString("<a href=\"/monuments/temple-of-bel\">Temple of Bel</a>"))
                .body(containsString("UNESCO World Heritage <span dir=\"ltr\">23</span>"));
    }

    @Test
    void templeOfBelShowsBothClaimedDestructionDatesEachWithItsSources() {
        page("/monuments/temple-of-bel").statusCode(200)
                .body(containsString("<span lang=\"ar\" dir=\"rtl\">معبد بل</span>"))
                // the talk's 23 Aug is kept and shown, disputed by the imagery, but is no dispute by itself; the
                // imagery's "main building and a row of columns" against "destroyed" is one
                .body(not(containsString("Sources disagree</strong> on the date")))
                .body(containsString("Conflicting severities"))
                .body(containsString("disputed by <a href=\"/sources/"))
                .body(containsString("Disputed: listed, but not counted in the registry’s reading."))
                .body(containsString("<time datetime=\"2015-08-30\" title=\"EDTF 2015-08-30\">30 Aug 2015</time>"))
                .body(containsString("<time datetime=\"2015-08-23\" title=\"EDTF 2015-08-23\">23 Aug 2015</time>"))
                // a window is no single time HTML can state: it is text, with its EDTF
                .body(containsString("<span class=\"date\" title=\"EDTF 2015-08-27/2015-08-31\">between 27 Aug 2015 and 31 Aug 2015</span>"))
                .body(containsString("between 27 Aug 2015 and 31 Aug 2015"))
                .body(containsString("ASOR Cultural Heritage Initiatives, Sep 2015"))
                .body(containsString("Reuters (citing the Syrian Observatory for Human Rights), 31 Aug 2015"))
                .body(containsString("Public talk on Palmyra&#39;s destruction"))
                .body(containsString("In September 2015, satellite images showed the Temple of Bel had been destroyed…"))
                .body(containsString("<span class=\"condition condition-destroyed\">Destroyed</span>"))
                .body(containsString("34.547, 38.274"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "temple-of-bel", "temple-of-baalshamin", "monumental-arch", "roman-theatre", "tetrapylon",
            "tower-of-elahbel", "valley-of-the-tombs", "palmyra-museum", "tadmur-prison", "roman-theatre-scaenae-frons" })
    void everySeededMonumentHasAPageWithItsHistory(String slug) {
        page("/monuments/" + slug).statusCode(200)
                .body(containsString("Damage history"))
                .body(containsString("<a href=\"/sites/palmyra\">Palmyra</a>"))
                .body(not(containsString("No damage is recorded")));
    }

    @Test
    void aMonumentWithoutCoordinatesSaysSo() {
        page("/monuments/palmyra-museum").statusCode(200).body(containsString("Not yet located"));
    }

    @Test
    void sourcePageListsEveryClaimItSupports() {
        String id = given().get("/api/monuments/temple-of-bel").jsonPath()
                .getString("events.items[0].claims.find { it.source.title == 'Syrian forces battle IS on edge of ancient Palmyra' }.source.id");
        page("/sources/" + id).statusCode(200)
                .body(containsString("<strong>Low</strong>: <bdi>A patchwork text"))
                .body(allOf(containsString("Tadmur Prison"), containsString("Temple of Bel"),
                        containsString("Temple of Baalshamin"), containsString("Monumental Arch"),
                        containsString("Unnamed 500-year-old shrine")));
    }

    @Test
    void unknownPagesGetAFriendly404() {
        page("/monuments/temple-of-zeus").statusCode(404)
                .body(containsString("There is no monument &#39;temple-of-zeus&#39; in the registry."));
        page("/sites/atlantis").statusCode(404).body(containsString("<h1>404"));
        page("/sources/999999").statusCode(404);
        page("/no/such/page").statusCode(404).body(containsString("Back to the registry"));
        // a site is not a monument
        page("/monuments/palmyra").statusCode(404);
    }

    @Test
    void malformedIdsAreTheClientsMistake() {
        page("/sources/abc").statusCode(400).body(containsString("is not a valid source id"));
        page("/sources/-1").statusCode(400);
        page("/sources/99999999999999999999999").statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/monuments/temple-of-bel", "/monuments/nowhere", "/css/athar.css", "/api/sites",
            "/search?q=bel" })
    void everyResponseCarriesTheSecurityHeaders(String path) {
        given().get(path).then()
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void pagesNeedNoScriptAndLoadNothingFromElsewhere() {
        page("/monuments/temple-of-bel").statusCode(200)
                .body(not(containsString("<script")))
                .body(not(containsString("src=\"http")))
                .body(not(containsString("<link rel=\"stylesheet\" href=\"http")));
        given().get("/css/athar.css").then().statusCode(200);
    }

    @Test
    void aSitesPageAsOfADayShowsEachMonumentsConditionThenAndWhatMayAlreadyHaveChanged() {
        // the Temple of Bel was destroyed between 27 and 31 Aug 2015 (UNOSAT's imagery)
        String before = page("/sites/palmyra?asOf=2015-06-01").statusCode(200)
                .body(containsString("Monuments by their condition on 1 Jun 2015"))
                .body(containsString("<input id=\"asOf\" name=\"asOf\" type=\"date\" value=\"2015-06-01\">"))
                .body(containsString("data-as-of=\"2015-06-01\""))
                .extract().asString();
        assertFalse(groupOf(before, "Temple of Bel").contains("Destroyed"), "not yet destroyed on 1 Jun 2015");
        page("/sites/palmyra?asOf=2015-08-29").statusCode(200)
                .body(containsString("<a href=\"/monuments/temple-of-bel\">Temple of Bel</a> <span class=\"meta\">Temple</span>\n"
                        + "        <span class=\"pending\">may already be Destroyed: an entry dated <span class=\"date\" "
                        + "title=\"EDTF 2015-08-27/2015-08-31\">between 27 Aug 2015 and 31 Aug 2015</span>"));
        String after = page("/sites/palmyra?asOf=2015-09-05").extract().asString();
        assertTrue(groupOf(after, "Temple of Bel").startsWith("Destroyed"));
        page("/sites/palmyra?asOf=2015-02-30").statusCode(400).body(containsString("is not a date"));
        // "on or before 22 Mar 2016" may already hold on 1 Jan 2016: the site's own status says so, and since when
        page("/sites/palmyra?asOf=2016-01-01").statusCode(200)
                .body(containsString("<p class=\"pending\" role=\"note\">may already be"))
                .body(containsString("; it changed between 13 Nov 2013 and 22 Mar 2016"));
    }

    @Test
    void aMonumentsTimelineDrawsEachClaimedDateTheReadingAndTheStatusAsAnAccessibleSvg() {
        String page = page("/monuments/temple-of-bel").statusCode(200)
                .body(containsString("role=\"img\" aria-labelledby=\"timeline-title timeline-desc\""))
                .body(containsString("<title id=\"timeline-title\">Timeline of Temple of Bel</title>"))
                // the registry's reading; the talk's 23 Aug 2015 (the Baalshamin date), disputed, is no competing date
                .body(containsString("<circle class=\"mark reading\""))
                .body(containsString("<title>registry reading: 30 Aug 2015</title>"))
                .body(not(containsString("class=\"mark competing\"")))
                .body(not(containsString("<title>23 Aug 2015</title>")))
                // a window of possible days is a bar; the condition a band
                .body(containsString("<title>between 27 Aug 2015 and 31 Aug 2015</title></rect>"))
                .body(containsString("<rect class=\"band condition-destroyed\""))
                .body(containsString("<summary>The same as a table</summary>"))
                .extract().asString();
        assertTrue(page.indexOf("<title>registry reading") < page.indexOf("<title>between 27 Aug 2015"),
                "the reading is drawn first");
    }

    @Test
    void aSitesChartCountsItsMonumentsInEachConditionOverTime() {
        page("/sites/palmyra").statusCode(200)
                .body(containsString("<title id=\"stack-title\">Monuments of Palmyra by condition over time</title>"))
                .body(containsString("<rect class=\"condition-destroyed\""))
                // the table equivalent ends with today's counts, which are the page's own counts
                .body(containsString("<th scope=\"col\">Destroyed</th>"))
                .body(containsString("<td>8</td><td>2</td><td>2</td><td>0</td><td>0</td><td>0</td></tr>"));
    }

    /** The heading of the status group a monument is listed under on a site's page. */
    private static String groupOf(String page, String monument) {
        int at = page.indexOf(">" + monument + "</a>");
        int heading = page.lastIndexOf("<h3>", at);
        return page.substring(heading + 4, page.indexOf("<", heading + 4)).strip();
    }
}
