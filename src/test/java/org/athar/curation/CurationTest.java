package org.athar.curation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.account.Role;
import org.athar.seed.SeedFiles;
import org.athar.seed.SeedLoader;
import org.athar.testsupport.Browser;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CurationTest {

    @Inject
    DataSource dataSource;

    @Inject
    SeedLoader loader;

    private static final String[] NEW_SOURCE = { "kind", "IMAGERY_ANALYSIS", "title", "Curated imagery report on Palmyra",
            "publisher", "A Test Lab", "published", "2016-04", "url", "https://example.org/report", "language", "en",
            "reliability", "HIGH", "reliabilityReason", "Dated satellite images compared by specialists.",
            "comment", "From the lab's public bulletin" };

    private String lastDraft() throws Exception {
        return Db.single(dataSource, "select max(id) from draft");
    }

    @Test
    void aProposedSourceIsADraftUntilAReviewerPublishesIt() throws Exception {
        Browser curator = Browser.signedIn(Role.CURATOR);
        String sourcesBefore = Db.single(dataSource, "select count(*) from source");
        curator.get("/curate/sources/new");
        assertEquals(303, curator.post("/curate/sources", NEW_SOURCE).statusCode());
        assertEquals(sourcesBefore, Db.single(dataSource, "select count(*) from source"), "nothing public yet");
        curator.get("/curate").then().body(containsString("Waiting for review"));
        String draft = lastDraft();

        curator.get("/curate/review").then().statusCode(403);
        curator.post("/curate/review/" + draft + "/publish").then().statusCode(403);

        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review").then().statusCode(200)
                .body(containsString("<ins><bdi>Curated imagery report on Palmyra</bdi></ins>"));
        assertEquals(303, reviewer.post("/curate/review/" + draft + "/publish").statusCode());

        String id = Db.single(dataSource, "select id from source where title = 'Curated imagery report on Palmyra'");
        given().get("/sources/" + id).then().statusCode(200).body(containsString("A Test Lab"));
        given().get("/sources/" + id + "/history").then()
                .body(containsString("“<bdi>From the lab&#39;s public bulletin (proposed by"));
        curator.get("/curate").then().body(containsString("Published"));
    }

    @Test
    void aDamageReportWithANewSourceReachesTheMonumentPageOncePublished() throws Exception {
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/reports/new?place=temple-of-baalshamin").then().statusCode(200)
                .body(containsString("value=\"temple-of-baalshamin\""));
        assertEquals(303, curator.post("/curate/reports", "source.unlocatableReason", "A test copy without an address.", "place", "temple-of-baalshamin",
                "summary", "Rubble of the cella cleared by machinery.", "causeCategory", "MILITARY_ARMED_CONFLICT",
                "causeType", "CLEARANCE_BULLDOZING", "date", "2016-04~", "severity", "SEVERE", "actor", "",
                "quote", "Heavy machinery was seen clearing the rubble.", "certainty", "MEDIUM",
                "verification", "REPORTED", "sourceId", "", "source.kind", "FIELD_REPORT",
                "source.title", "Field notes from Palmyra, April 2016", "source.publisher", "A Test Mission",
                "source.published", "2016-04", "source.language", "en", "source.reliability", "MEDIUM",
                "source.reliabilityReason", "Eyewitness notes, not yet corroborated.",
                "comment", "Mission notes shared with the registry").statusCode());
        given().get("/monuments/temple-of-baalshamin").then().body(not(containsString("Rubble of the cella")));

        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review").then().body(containsString("New damage report: Rubble of the cella cleared by machinery."))
                .body(containsString("<ins><bdi>Field notes from Palmyra, April 2016</bdi></ins>"));
        assertEquals(303, reviewer.post("/curate/review/" + lastDraft() + "/publish").statusCode());

        given().get("/monuments/temple-of-baalshamin").then().statusCode(200)
                .body(containsString("Rubble of the cella cleared by machinery."))
                .body(containsString("about Apr 2016"))
                .body(containsString("A Test Mission, Apr 2016"))
                .body(containsString("“Heavy machinery was seen clearing the rubble.”"));
        given().get("/monuments/temple-of-baalshamin/history").then()
                .body(containsString("“<bdi>Mission notes shared with the registry (proposed by"));
        given().get("/api/search?q=rubble cella").then().body(containsString("temple-of-baalshamin"));
    }

    @Test
    void anotherSourcesClaimIsAddedToAnExistingEventAndKeptBesideTheOthers() throws Exception {
        String source = Db.single(dataSource, "select id from source where ref = 'seed-000-aap-2016-03-22'");
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/reports/new?event=monumental-arch-destroyed-2015").then().statusCode(200)
                .body(containsString("Add a source&#39;s claim to an event"));
        curator.post("/curate/reports", "event", "no-such-event", "certainty", "LOW", "verification", "REPORTED",
                "date", "2015-09", "sourceId", source, "comment", "x").then().statusCode(400)
                .body(containsString("There is no event &#39;no-such-event&#39;"));
        assertEquals(303, curator.post("/curate/reports", "event", "monumental-arch-destroyed-2015", "date", "2015-09",
                "severity", "DESTROYED", "certainty", "LOW", "verification", "REPORTED", "sourceId", source,
                "comment", "The wire story dates it to September").statusCode());
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review").then().body(containsString("new claim about monumental-arch-destroyed-2015"));
        assertEquals(303, reviewer.post("/curate/review/" + lastDraft() + "/publish").statusCode());
        given().get("/api/monuments/monumental-arch").then()
                .body("events.items[0].reading.datesDisputed", org.hamcrest.Matchers.equalTo(true))
                .body("events.items[0].reading.dates.value.edtf", org.hamcrest.Matchers.hasItems("2015-10-04", "2015-09"));
    }

    @Test
    void aStatusRestingOnClaimsJoinsThePlacesTimelineOncePublished() throws Exception {
        String claim = Db.single(dataSource, "select c.id from claim c join damage_event e on e.id = c.event_id "
                + "join source s on s.id = c.source_id where e.slug = 'roman-theatre-facade-damaged-2017' and s.ref = 'dgam-2017-01-19'");
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/status/new?place=roman-theatre");
        curator.post("/curate/status", "place", "roman-theatre", "condition", "VERY_BAD", "asOf", "2017-01-19",
                "claims", "abc", "comment", "DGAM notice").then().statusCode(400)
                .body(containsString("A status rests on claims"));
        assertEquals(303, curator.post("/curate/status", "place", "roman-theatre", "condition", "VERY_BAD", "asOf",
                "../2017-01-19", "claims", claim, "note", "Facade reported badly damaged.", "comment", "DGAM notice")
                .statusCode());
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review").then().body(containsString("status of roman-theatre: VERY_BAD"));
        assertEquals(303, reviewer.post("/curate/review/" + lastDraft() + "/publish").statusCode());
        given().get("/api/monuments/roman-theatre").then()
                .body("statusTimeline.asOf.edtf", org.hamcrest.Matchers.hasItem("../2017-01-19"))
                .body("statusTimeline.find { it.asOf.edtf == '../2017-01-19' }.basis[0].id", org.hamcrest.Matchers.equalTo(Integer.parseInt(claim)));
    }

    @Test
    void theDateIsPreviewedAsItWillReadWithoutSavingAnything() throws Exception {
        Browser curator = Browser.signedIn(Role.CURATOR);
        String draftsBefore = Db.single(dataSource, "select count(*) from draft");
        curator.get("/curate/reports/new");
        curator.post("/curate/reports/preview", "place", "tetrapylon", "summary", "Columns fell", "date",
                "2016-12-26/2017-01-10").then().statusCode(200)
                .body(containsString("The date reads: <strong>between 26 Dec 2016 and 10 Jan 2017</strong>"))
                .body(containsString("value=\"Columns fell\""));
        curator.post("/curate/reports/preview", "date", "../2015-09-02").then()
                .body(containsString("<strong>on or before 2 Sep 2015</strong>"));
        curator.post("/curate/reports/preview", "date", "2015-31").then().body(containsString("is not a real calendar date"));
        assertEquals(draftsBefore, Db.single(dataSource, "select count(*) from draft"));
    }

    @Test
    void aReportNamesItsPlacesByNameTakesEffectsExtentFurtherPlacesAndANoteAndConfirmsWhereItWent() throws Exception {
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/reports/new");
        // places by their names, in any script, as curators know them
        var submitted = curator.post("/curate/reports", "place", "معبد بل", "summary", "Blocks of the cella taken away.",
                "causeCategory", "LOOTING_ILLEGAL_ACTIVITIES", "extent", "PCT_11_30", "effects", "LOSS_OF_ARCHAEOLOGICAL_MATERIAL",
                "effects", "STRUCTURAL_ALTERATION", "furtherPlaces", "Monumental Arch, roman-theatre", "date", "2016-04",
                "severity", "MODERATE", "quote", "Blocks were carried off by truck.", "certainty", "MEDIUM",
                "verification", "REPORTED", "note", "The truck was seen twice.", "sourceId", "6",
                "comment", "From a resident's message");
        assertEquals(303, submitted.statusCode(), String.join(" | ",
                java.util.regex.Pattern.compile("class=\"field-message\"[^>]*>([^<]*)").matcher(submitted.asString()).results()
                        .map(m -> m.group(1)).toList()));
        String workspace = submitted.header("Location");
        curator.get(workspace).then().statusCode(200)
                .body(containsString("Your report on “Temple of Bel” is waiting for review."));
        String draft = lastDraft();
        assertTrue(Db.single(dataSource, "select payload from draft where id = " + draft)
                .contains("\"furtherPlaces\": \"monumental-arch, roman-theatre\""), "names stored as slugs");

        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review");
        assertEquals(303, reviewer.post("/curate/review/" + draft + "/publish").statusCode());
        assertEquals("PCT_11_30 LOSS_OF_ARCHAEOLOGICAL_MATERIAL,STRUCTURAL_ALTERATION monumental-arch,roman-theatre,temple-of-bel",
                Db.single(dataSource, """
                        select (select c.extent from claim c where c.event_id = e.id) || ' ' || (select string_agg(effect_type, ',' order by effect_type) from damage_event_effect where event_id = e.id)
                          || ' ' || (select string_agg(p.slug, ',' order by p.slug) from damage_event_place dp join place p on p.id = dp.place_id where dp.event_id = e.id)
                        from damage_event e where e.summary = 'Blocks of the cella taken away.'"""));
        assertEquals("The truck was seen twice.", Db.single(dataSource, "select note from claim where quote = 'Blocks were carried off by truck.'"));
    }

    @Test
    void aPlaceNameSeveralPlacesShareIsRefusedListingThem() throws Exception {
        Db.monument(dataSource, "twin-tomb-one", "Twin Tomb");
        Db.monument(dataSource, "twin-tomb-two", "Twin Tomb");
        try {
            Browser curator = Browser.signedIn(Role.CURATOR);
            curator.get("/curate/reports/new");
            curator.post("/curate/reports", "place", "twin tomb", "summary", "Something happened", "causeCategory",
                    "MILITARY_ARMED_CONFLICT", "date", "2016", "severity", "SLIGHT", "certainty", "MEDIUM",
                    "verification", "REPORTED", "sourceId", "1", "comment", "notes").then().statusCode(400)
                    .body(containsString("Several places are called &#39;twin tomb&#39;: twin-tomb-one (Twin Tomb, Palmyra); "
                            + "twin-tomb-two (Twin Tomb, Palmyra). Type the slug of the one you mean."));
            // with script, the field offers matches as the curator types
            curator.get("/curate/pick/places?q=baalsh").then().statusCode(200)
                    .body("value", org.hamcrest.Matchers.hasItem("temple-of-baalshamin"))
                    .body("label", org.hamcrest.Matchers.hasItem(containsString("Temple of Baalshamin · Monument · Palmyra")));
            curator.get("/curate/pick/sources?q=UNOSAT").then().statusCode(200).body("label", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
            curator.get("/curate/pick/events?q=temple of bel").then().statusCode(200)
                    .body("value", org.hamcrest.Matchers.hasItem("temple-of-bel-destroyed-2015"));
            curator.get("/curate/pick/claims?q=temple of bel").then().statusCode(200)
                    .body("label", org.hamcrest.Matchers.hasItem(containsString("Temple of Bel destroyed")));
            curator.get("/curate/pick/people?q=ab").then().statusCode(400);
            given().redirects().follow(false).get("/curate/pick/places?q=baalsh").then().statusCode(org.hamcrest.Matchers.not(200));
        } finally {
            Db.execute(dataSource, "delete from place where slug like 'twin-tomb-%'");
        }
    }

    @Test
    void anArabicFormSaysWhatIsWrongInArabic() throws Exception {
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/reports/new?lang=ar").then().statusCode(200)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("تسجيل تقرير ضرر"));
        curator.post("/curate/reports", "place", "", "summary", " ", "causeCategory", "MILITARY_ARMED_CONFLICT",
                "date", "30/08/2015", "certainty", "MEDIUM", "verification", "REPORTED", "sourceId", "1", "comment", " ")
                .then().statusCode(400)
                .body(containsString("بعض الحقول تحتاج إلى انتباه"))
                .body(containsString("هل تقصد 2015-08-30؟"))
                .body(containsString("اختر مكاناً: اكتب اسمه أو عنوانه المختصر"))
                .body(containsString("قل في جملة ما الذي حدث."))
                .body(containsString("قل للمُراجِع من أين جاء هذا التقرير."));
    }

    @Test
    void aDamageReportWithMistakesKeepsWhatWasTyped() throws Exception {
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/reports/new");
        curator.post("/curate/reports", "place", "temple-of-zeus", "summary", "Something happened", "causeCategory",
                "MILITARY_ARMED_CONFLICT", "date", "2015-02-30", "certainty", "MEDIUM", "verification", "REPORTED",
                "sourceId", "abc", "comment", "notes").then().statusCode(400)
                .body(containsString("There is no place &#39;temple-of-zeus&#39; in the registry: type its name or its slug"))
                .body(containsString("is not a real calendar date"))
                .body(containsString("There is no source with this id"))
                .body(containsString("value=\"Something happened\""));
    }

    @Test
    void aScriptTypedIntoTheFieldsIsShownAsText() throws Exception {
        String script = "<script>alert('x')</script>";
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/sources/new");
        curator.post("/curate/sources", "unlocatableReason", "A test copy without an address.", "kind", "NEWS_REPORT", "title", script, "publisher", script, "language", "en",
                "reliability", "UNASSESSED", "comment", script);
        curator.get("/curate").then().body(not(containsString(script)))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review").then().body(not(containsString(script)))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        String draft = lastDraft();
        reviewer.post("/curate/review/" + draft + "/send-back", "reviewComment", script);
        curator.get("/curate").then().body(not(containsString(script)));
        curator.post("/curate/sources", "unlocatableReason", "A test copy without an address.", "kind", "NEWS_REPORT", "title", "", "publisher", script, "comment", script)
                .then().statusCode(400).body(not(containsString(script)));
    }

    @Test
    void anEarlierVersionIsRestoredThroughReview() throws Exception {
        String id = Db.single(dataSource, "select id from source where ref = 'seed-002-new-arab-2016-03-24'");
        try {
            Db.execute(dataSource, "begin; select set_config('athar.actor', 'someone', true); "
                    + "update source set title = 'A wrong title' where id = " + id + "; commit;");
            String change = Db.single(dataSource,
                    "select max(change_set_id) from history where table_name = 'source' and owner_id = " + id);
            Browser curator = Browser.signedIn(Role.CURATOR);
            curator.get("/sources/" + id + "/history").then()
                    .body(containsString("Propose restoring the version before change " + change));
            var restored = curator.post("/curate/restore/sources/" + id + "/" + change);
            assertEquals(303, restored.statusCode(), restored.body().asString());
            Browser reviewer = Browser.signedIn(Role.REVIEWER);
            reviewer.get("/curate/review").then().body(containsString("<ins><bdi>Syrian regime forces &#39;enter IS-held Palmyra&#39;</bdi></ins>"));
            assertEquals(303, reviewer.post("/curate/review/" + lastDraft() + "/publish").statusCode());
            assertEquals("Syrian regime forces 'enter IS-held Palmyra'", Db.single(dataSource, "select title from source where id = " + id));
            curator.post("/curate/restore/sources/" + id + "/999999999").then().statusCode(404);
        } finally {
            loader.load(SeedFiles.bundled());
        }
    }

    @Test
    void aFormWithMistakesIsShownAgainWithTheFieldsMarked() throws Exception {
        Browser curator = Browser.signedIn(Role.CURATOR);
        String draftsBefore = Db.single(dataSource, "select count(*) from draft");
        curator.get("/curate/sources/new");
        curator.post("/curate/sources", "kind", "NEWS_REPORT", "title", " ", "url", "example.org", "published", "2015-13",
                "language", "English", "reliability", "LOW", "reliabilityReason", "", "comment", "").then().statusCode(400)
                .body(containsString("<input id=\"title\" name=\"title\" value=\" \" dir=\"auto\" aria-invalid=\"true\""))
                .body(containsString("A source needs its title."))
                .body(containsString("starting with https://"))
                .body(containsString("is not a real calendar date"))
                .body(containsString("Use a language code"))
                .body(containsString("Say why the source deserves this grade."))
                .body(containsString("Say what this change is"));
        assertEquals(draftsBefore, Db.single(dataSource, "select count(*) from draft"), "nothing half saved");
    }

    @Test
    void nobodyReviewsTheirOwnDraftAndSendingBackNeedsAReason() throws Exception {
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/sources/new");
        reviewer.post("/curate/sources", NEW_SOURCE);
        String draft = lastDraft();
        reviewer.get("/curate/review");
        reviewer.post("/curate/review/" + draft + "/publish").then().statusCode(400)
                .body(containsString("Another reviewer must review your own draft."));

        Browser other = Browser.signedIn(Role.ADMIN);
        other.get("/curate/review");
        other.post("/curate/review/" + draft + "/send-back", "reviewComment", " ").then().statusCode(400);
        assertEquals(303, other.post("/curate/review/" + draft + "/send-back", "reviewComment", "Which bulletin?").statusCode());
        reviewer.get("/curate").then().body(containsString("Sent back")).body(containsString("“<bdi>Which bulletin?</bdi>”"));
    }

    @Test
    void aDraftOfAStaleVersionIsNotPublishedOverANewerOne() throws Exception {
        String id = Db.single(dataSource, "select id from source where ref = 'seed-004-guardian-2016-03'");
        Browser first = Browser.signedIn(Role.CURATOR);
        Browser second = Browser.signedIn(Role.CURATOR);
        first.get("/curate/sources/" + id + "/edit").then().statusCode(200).body(containsString("value=\"" + id + "\""));
        second.get("/curate/sources/" + id + "/edit");
        String version = Db.single(dataSource, "select version from source where id = " + id);
        first.post("/curate/sources", "unlocatableReason", "A test copy without an address.", "recordId", id, "baseVersion", version, "kind", "NEWS_REPORT", "title",
                "Syrian army close to retaking Palmyra", "publisher", "The Guardian", "published", "2016-03-23",
                "language", "en", "reliability", "MEDIUM", "reliabilityReason", "Reprint of a Guardian story.",
                "comment", "Original publisher and date");
        String firstDraft = lastDraft();
        second.post("/curate/sources", "unlocatableReason", "A test copy without an address.", "recordId", id, "baseVersion", version, "kind", "NEWS_REPORT", "title",
                "Syrian army close to retaking Palmyra from IS", "language", "en", "reliability", "LOW",
                "reliabilityReason", "Reprint.", "comment", "Lower grade");
        String secondDraft = lastDraft();
        try {
            Browser reviewer = Browser.signedIn(Role.REVIEWER);
            reviewer.get("/curate/review");
            assertEquals(303, reviewer.post("/curate/review/" + firstDraft + "/publish").statusCode());
            reviewer.post("/curate/review/" + secondDraft + "/publish").then().statusCode(409)
                    .body(containsString("Nothing was overwritten"))
                    .body(containsString("Syrian army close to retaking Palmyra from IS"));
            assertEquals("The Guardian", Db.single(dataSource, "select publisher from source where id = " + id));
        } finally {
            loader.load(SeedFiles.bundled());
        }
    }
}
