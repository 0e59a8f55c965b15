package org.athar.curation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.account.Role;
import org.athar.testsupport.Browser;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TriagePagesTest {

    @Inject
    DataSource dataSource;

    private static final String ARTICLE = """
            Militants blow up Palmyra's arch

            Islamic State militants blew up the Monumental Arch in Palmyra on Sunday, a monitoring group said.

            The triumphal arch had stood for nearly 2,000 years.""";

    @Test
    void anArticleIsReadMarkedAndItsAcceptedClaimsBecomeOneDraftThatIsPublishedWithTheArticle() throws Exception {
        Browser curator = Browser.signedIn(Role.CURATOR);
        // each form carries its CSRF token, as a browser submits it
        curator.get("/curate/triage").then().statusCode(200).body(containsString("enctype=\"multipart/form-data\""))
                .body(containsString("<input type=\"hidden\" name=\"csrf-token\""));
        curator.post("/curate/triage", "title", "Militants blow up Palmyra's arch", "publisher", "Triage Test Wire",
                "publishedOn", "2015-10-06", "unlocatableReason", "A wire copy received by email.", "text", ARTICLE)
                .then().statusCode(200)
                .body(containsString("<mark class=\"triage-place\"><a href=\"/monuments/monumental-arch\""))
                .body(containsString("<mark class=\"triage-date\" title=\"EDTF 2015-10-04\">Sunday</mark>"))
                .body(containsString("<mark class=\"triage-damage\" title=\"Destroyed\">blew up</mark>"))
                .body(containsString("<mark class=\"triage-actor\"><a href=\"/actors/islamic-state\">Islamic State</a></mark>"))
                .body(containsString("value=\"monumental-arch-destroyed-2015\""))
                .body(containsString("<input type=\"hidden\" name=\"csrf-token\""));
        String draftsBefore = Db.single(dataSource, "select count(*) from draft");
        // nothing accepted: nothing saved, the page says why
        curator.post("/curate/triage/accept", "title", "Militants blow up Palmyra's arch", "publisher", "Triage Test Wire",
                "publishedOn", "2015-10-06", "unlocatableReason", "A wire copy received by email.", "text", ARTICLE,
                "place.0", "monumental-arch", "event.0", "monumental-arch-destroyed-2015", "summary.0", "",
                "date.0", "2015-10-04", "severity.0", "DESTROYED", "actor.0", "Islamic State",
                "quote.0", "Islamic State militants blew up the Monumental Arch in Palmyra on Sunday, a monitoring group said.",
                "certainty.0", "MEDIUM", "verification.0", "REPORTED", "comment", "Wire copy")
                .then().statusCode(400).body(containsString("Accept at least one claim"));
        // a quote edited away from the article's words is refused at its field
        curator.post("/curate/triage/accept", "title", "Militants blow up Palmyra's arch", "publisher", "Triage Test Wire",
                "publishedOn", "2015-10-06", "unlocatableReason", "A wire copy received by email.", "text", ARTICLE,
                "accept", "0", "place.0", "monumental-arch", "event.0", "monumental-arch-destroyed-2015", "summary.0", "",
                "date.0", "2015-10-04", "severity.0", "DESTROYED", "actor.0", "Islamic State",
                "quote.0", "Militants blew up the arch.", "certainty.0", "MEDIUM", "verification.0", "REPORTED",
                "comment", "Wire copy")
                .then().statusCode(400).body(containsString("id=\"quote.0-error\""))
                .body(containsString("The quote is not the source&#39;s words"));
        assertEquals(draftsBefore, Db.single(dataSource, "select count(*) from draft"));
        assertEquals(303, curator.post("/curate/triage/accept", "title", "Militants blow up Palmyra's arch",
                "publisher", "Triage Test Wire", "publishedOn", "2015-10-06", "unlocatableReason",
                "A wire copy received by email.", "text", ARTICLE, "accept", "0", "place.0", "monumental-arch",
                "event.0", "monumental-arch-destroyed-2015", "summary.0", "", "date.0", "2015-10-04", "severity.0",
                "DESTROYED", "actor.0", "Islamic State", "quote.0",
                "Islamic State militants blew up the Monumental Arch in Palmyra on Sunday…", "certainty.0", "MEDIUM",
                "verification.0", "REPORTED", "comment", "Wire copy").statusCode());
        String draft = Db.single(dataSource, "select max(id) from draft");
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review");
        assertEquals(303, reviewer.post("/curate/review/" + draft + "/publish").statusCode());
        String source = Db.single(dataSource, "select id from source where publisher = 'Triage Test Wire'");
        assertEquals("text/plain", Db.single(dataSource, "select media_type from source_text where source_id = " + source));
        assertEquals("Islamic State militants blew up the Monumental Arch in Palmyra on Sunday",
                Db.single(dataSource, "select quote_exact from claim where source_id = " + source));
        assertEquals("monumental-arch-destroyed-2015", Db.single(dataSource,
                "select e.slug from claim c join damage_event e on e.id = c.event_id where c.source_id = " + source));
        assertEquals("islamic-state", Db.single(dataSource,
                "select a.slug from claim c join actor_name n on n.key = athar_normalize(c.actor) join actor a on a.id = n.actor_id "
                        + "where c.source_id = " + source));
        new Browser().get("/actors/islamic-state").then().statusCode(200).body(containsString("Triage Test Wire"));
        new Browser().get("/monuments/monumental-arch").then().statusCode(200)
                .body(containsString("Triage Test Wire"))
                .body(containsString("Quote checked word for word"))
                // the public sees the quote, never the article
                .body(not(containsString("The triumphal arch had stood")));
        new Browser().get("/sources/" + source).then().statusCode(200)
                .body(containsString("Kept for checking quotes"))
                .body(not(containsString("The triumphal arch had stood")));
    }

    @Test
    void anArticleWithoutTextDayOrDateOrThatIsNotTextIsShownAgainWithTheFieldMarked() {
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/triage");
        curator.post("/curate/triage", "title", "Empty", "publishedOn", "2016-03-24", "text", "")
                .then().statusCode(400).body(containsString("id=\"text-error\""));
        curator.post("/curate/triage", "title", "No day", "publishedOn", "", "text", "Palmyra was shelled on Monday.")
                .then().statusCode(400).body(containsString("id=\"publishedOn-error\""));
        curator.post("/curate/triage", "title", "No date", "publishedOn", "2016-03-24", "text", "Palmyra was shelled.")
                .then().statusCode(400).body(containsString("no date in this article"));
        curator.uploadFile("/curate/triage", "textFile", "photo.jpg", new byte[] { 0, 1, 2, (byte) 0xff, 0x7f },
                "title", "Binary", "publishedOn", "2016-03-24")
                .then().statusCode(400).body(containsString("The file is not text"));
        curator.uploadFile("/curate/triage", "textFile", "page.html",
                "<html><body><nav>Home News</nav><article><p>Palmyra was shelled on Monday.</p></article><footer>(c)</footer></body></html>"
                        .getBytes(StandardCharsets.UTF_8),
                "title", "A page", "publishedOn", "2016-03-24")
                .then().statusCode(200).body(containsString("Palmyra</a></mark> was <mark class=\"triage-damage\""))
                .body(not(containsString("Home News")));
    }
}
