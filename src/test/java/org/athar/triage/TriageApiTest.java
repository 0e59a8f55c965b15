package org.athar.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.athar.account.Role;
import org.athar.testsupport.Browser;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TriageApiTest {

    private static final List<String> PALMYRA = List.of("palmyra", "temple-of-bel", "temple-of-baalshamin",
            "monumental-arch", "roman-theatre", "valley-of-the-tombs", "tadmur-prison", "palmyra-museum", "tetrapylon");

    @Test
    void anArticleAboutOtherSitesProposesNothingAboutPalmyra() {
        String text = """
                Militants bulldozed the ancient Assyrian city of Nimrud on Thursday, Iraq's tourism ministry said.
                Last month they destroyed statues in the Mosul museum and blew up the temples of Hatra, which had stood
                for 2,000 years. The Temple of Nabu was damaged in March 2015; the citadel was looted the following month.""";
        JsonPath answer = Browser.signedIn(Role.CURATOR).json("/api/triage",
                Map.of("text", text, "publishedOn", "2015-04-10", "publisher", "Test wire")).then().statusCode(200)
                .body("dates.edtf", hasItem("2015-04-09")).body("dates.edtf", hasItem("2015-03"))
                .body("dates.edtf", hasItem("2015-04")).extract().jsonPath();
        for (String slug : PALMYRA) {
            assertTrue(!answer.getList("mentions.place").contains(slug), slug + " mentioned in " + answer.prettify());
            assertTrue(!answer.getList("proposals.place").contains(slug), slug + " proposed in " + answer.prettify());
        }
    }

    @Test
    void anArabicArticleIsReadInItsOwnScriptAndDigits() {
        String text = "فجّر تنظيم داعش معبد بل في تدمر في ٣٠ آب ٢٠١٥، بعد أيام من تدمير معبد بعل شمين.";
        Browser.signedIn(Role.CURATOR).json("/api/triage", Map.of("text", text, "publishedOn", "2015-09-01"))
                .then().statusCode(200)
                .body("mentions.place", hasItem("temple-of-bel")).body("mentions.place", hasItem("palmyra"))
                .body("mentions.place", hasItem("temple-of-baalshamin"))
                .body("dates[0].edtf", equalTo("2015-08-30"))
                .body("proposals.find { it.place == 'temple-of-bel' }.actor", equalTo("islamic-state"))
                .body("proposals.find { it.place == 'temple-of-bel' }.edtf", equalTo("2015-08-30"));
    }

    @Test
    void aProposalNamesTheRecordedEventItMatches() {
        String text = "In September 2015, satellite images showed the Temple of Bel had been destroyed; the Arch of "
                + "Triumph was blown up the following month.";
        Browser.signedIn(Role.CURATOR).json("/api/triage", Map.of("text", text, "publishedOn", "2016-03-24"))
                .then().statusCode(200)
                .body("proposals.find { it.place == 'temple-of-bel' }.event", equalTo("temple-of-bel-destroyed-2015"))
                .body("proposals.find { it.place == 'monumental-arch' }.event", equalTo("monumental-arch-destroyed-2015"))
                .body("proposals.find { it.place == 'monumental-arch' }.edtf", equalTo("2015-10"))
                .body("proposals.find { it.place == 'monumental-arch' }.severity", equalTo("DESTROYED"));
    }

    @Test
    void badInputIsRefusedWithAMessageAndStrangersAreNotLetIn() {
        given().contentType("application/json").body(Map.of("text", "x", "publishedOn", "2016-01-01"))
                .post("/api/triage").then().statusCode(401);
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.json("/api/triage", Map.of("publishedOn", "2016-03-24")).then().statusCode(400)
                .body(containsString("Give the article's text"));
        curator.json("/api/triage", Map.of("text", "Palmyra was shelled on Monday.")).then().statusCode(400)
                .body(containsString("publishedOn"));
        curator.json("/api/triage", Map.of("text", "Palmyra was shelled on Monday.", "publishedOn", "24/03/2016"))
                .then().statusCode(400).body(containsString("YYYY-MM-DD"));
        curator.json("/api/triage", Map.of("text", "Palmyra was shelled again.", "publishedOn", "2016-03-24"))
                .then().statusCode(400).body(containsString("no date"));
        curator.json("/api/triage", Map.of("text", "Palmyra on Monday. ".repeat(60_000), "publishedOn", "2016-03-24"))
                .then().statusCode(400).body(containsString("characters long"));
        curator.json("/api/triage", Map.of("text", "Palmyra was shelled on Monday.", "publishedOn", "2016-03-24"))
                .then().statusCode(200).body("proposals", not(empty()));
    }
}
