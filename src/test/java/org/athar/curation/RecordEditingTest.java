package org.athar.curation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.account.Role;
import org.athar.testsupport.Browser;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Curators change places, events, claims and status entries, withdraw them and restore earlier versions, always
 * through review; each test makes its own records so that none depends on another.
 */
@QuarkusTest
class RecordEditingTest {

    @Inject
    DataSource dataSource;

    /** Takes away what the tests made, so that other tests find the registry as seeded. */
    @AfterEach
    void removeFixtures() throws Exception {
        Db.execute(dataSource, """
                delete from status_assessment where id in (select b.assessment_id from status_assessment_claim b
                  join claim c on c.id = b.claim_id join source s on s.id = c.source_id where s.ref like 'fixture-%');
                delete from damage_event where slug like 'fixture-%';
                delete from claim where source_id in (select id from source where ref like 'fixture-%');
                delete from source where ref like 'fixture-%';
                delete from place where slug like 'fixture-%';
                """);
    }

    private String lastDraft() throws Exception {
        return Db.single(dataSource, "select max(id) from draft");
    }

    private void publishLastDraft(Browser reviewer) throws Exception {
        reviewer.get("/curate/review").then().statusCode(200);
        assertEquals(303, reviewer.post("/curate/review/" + lastDraft() + "/publish").statusCode());
    }

    /** An event at the Temple of Baalshamin with two claims of its own source; returns {event id, slug, claim ids}. */
    private String[] event() throws Exception {
        String key = "fixture-" + System.nanoTime();
        Db.execute(dataSource, """
                insert into source (ref, kind, title, reliability, unlocatable_reason) values ('%1$s', 'NEWS_REPORT', 'Fixture report %1$s', 'UNASSESSED', 'A test fixture.');
                insert into damage_event (slug, summary, cause_category) values ('%1$s', 'Fixture damage %1$s', 'VANDALISM');
                insert into damage_event_place (event_id, place_id)
                  select e.id, p.id from damage_event e, place p where e.slug = '%1$s' and p.slug = 'temple-of-baalshamin';
                insert into claim (source_id, event_id, quote, severity, certainty, verification)
                  select s.id, e.id, 'Walls were sprayed.', 'SLIGHT', 'MEDIUM', 'REPORTED'
                  from source s, damage_event e where s.ref = '%1$s' and e.slug = '%1$s';
                insert into claim (source_id, event_id, date_edtf, date_earliest, date_latest, date_precision, certainty, verification)
                  select s.id, e.id, '2016-05', '2016-05-01', '2016-05-31', 'MONTH', 'LOW', 'REPORTED'
                  from source s, damage_event e where s.ref = '%1$s' and e.slug = '%1$s';
                """.formatted(key));
        return new String[] { Db.single(dataSource, "select id from damage_event where slug = '" + key + "'"), key,
                Db.single(dataSource, "select min(c.id) from claim c join damage_event e on e.id = c.event_id where e.slug = '" + key + "'"),
                Db.single(dataSource, "select max(c.id) from claim c join damage_event e on e.id = c.event_id where e.slug = '" + key + "'") };
    }

    @Test
    void aNewMonumentWithNamesInSeveralScriptsIsPublishedAndFoundBySearch() throws Exception {
        String slug = "fixture-temple-of-nabu-" + System.nanoTime();
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/places/new?parent=palmyra").then().statusCode(200)
                .body(containsString("<option value=\"MONUMENT\" selected>"));
        assertEquals(303, curator.post("/curate/places", "level", "MONUMENT", "parent", "palmyra", "slug", slug,
                "placeType", "STRUCTURAL_HERITAGE", "kind", "TEMPLE", "description", "A temple of the god Nabu.",
                "latitude", "34.5508", "longitude", "38.2678", "locationCertainty", "HIGH",
                "nameText", "Temple of Nabu", "nameLanguage", "en", "nameType", "DESIGNATION",
                "nameText", "معبد نبو", "nameLanguage", "ar", "nameType", "DESIGNATION",
                "nameText", "Maʿbad Nabū", "nameLanguage", "ar-Latn", "nameType", "ALTERNATIVE",
                "nameText", "", "nameLanguage", "", "nameType", "ALTERNATIVE",
                "identifierScheme", "PLEIADES", "identifierValue", "668331999",
                "identifierScheme", "WIKIDATA", "identifierValue", "",
                "comment", "From the site plan").statusCode());
        given().get("/monuments/" + slug).then().statusCode(404);
        Browser.signedIn(Role.CURATOR).get("/monuments/palmyra".replace("monuments", "sites")).then()
                .body(containsString("New place</strong>"));

        publishLastDraft(Browser.signedIn(Role.REVIEWER));
        given().get("/monuments/" + slug).then().statusCode(200)
                .body(containsString("Temple of Nabu"))
                .body(containsString("<span lang=\"ar\" dir=\"rtl\">معبد نبو</span>"))
                .body(containsString("Maʿbad Nabū"))
                .body(containsString("href=\"https://pleiades.stoa.org/places/668331999\""));
        assertEquals("RTL", Db.single(dataSource, "select direction from place_name where name = 'معبد نبو' and place_id = "
                + "(select id from place where slug = '" + slug + "')"));
        given().get("/api/search?q=معبد نبو").then().body(containsString(slug));
        given().get("/monuments/" + slug + "/history").then().body(containsString("From the site plan"));
    }

    @Test
    void aPlaceFormWithMistakesIsShownAgainAndNothingIsSaved() throws Exception {
        Browser curator = Browser.signedIn(Role.CURATOR);
        String drafts = Db.single(dataSource, "select count(*) from draft");
        curator.get("/curate/places/new");
        curator.post("/curate/places", "level", "MONUMENT", "parent", "temple-of-bel", "slug", "Temple of Nabu!",
                "placeType", "STRUCTURAL_HERITAGE", "kind", "TEMPLE", "latitude", "134.5", "longitude", "",
                "nameText", "Temple of Nabu", "nameLanguage", "en", "nameType", "DESIGNATION",
                "nameText", "Nabu's temple", "nameLanguage", "en", "nameType", "DESIGNATION",
                "nameText", "معبد نبو", "nameLanguage", "Arabic", "nameType", "DESIGNATION",
                "identifierScheme", "WIKIDATA", "identifierValue", "5859",
                "identifierScheme", "UNESCO_WHS", "identifierValue", "23",
                "comment", "").then().statusCode(400)
                .body(containsString("5859 is not a Wikidata identifier (Q and a number, such as Q5859)"))
                .body(containsString("23 already identifies palmyra"))
                .body(containsString("Give the slug of the site this monument belongs to"))
                .body(containsString("lower-case letters and digits"))
                .body(containsString("from -90 to 90"))
                .body(containsString("one designation per language"))
                .body(containsString("such as en, ar or ar-Latn"))
                .body(containsString("value=\"معبد نبو\""))
                .body(containsString("Say what this change is"));
        curator.post("/curate/places", "level", "SITE", "slug", "palmyra", "placeType", "ARCHAEOLOGICAL_SITE",
                "kind", "ANCIENT_CITY", "nameText", "", "nameLanguage", "", "nameType", "DESIGNATION", "comment", "x")
                .then().statusCode(400)
                .body(containsString("Another place already has the address palmyra."))
                .body(containsString("A place needs at least one name."));
        assertEquals(drafts, Db.single(dataSource, "select count(*) from draft"), "nothing half saved");
    }

    @Test
    void changingAPlacesNamesTouchesOnlyTheNamesThatChangedAndCanBeRestored() throws Exception {
        String slug = "fixture-tomb-" + System.nanoTime();
        String placeId = Db.monument(dataSource, slug, "Tomb of Fixture");
        Db.execute(dataSource, "insert into place_name (place_id, name, language, direction, name_type)"
                + " values (" + placeId + ", 'Old Fixture Tomb', 'en', 'LTR', 'ALTERNATIVE')");
        String kept = Db.single(dataSource, "select id from place_name where name = 'Tomb of Fixture'");
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/places/" + slug + "/edit").then().statusCode(200).body(containsString("value=\"Old Fixture Tomb\""));
        // the old alternative becomes the designation and the designation an alternative; one name goes, one comes
        assertEquals(303, curator.post("/curate/places", "recordId", placeId, "baseVersion", "0", "level", "MONUMENT",
                "parent", "palmyra", "slug", slug, "placeType", "STRUCTURAL_HERITAGE", "kind", "TOWER_TOMB",
                "nameText", "Tomb of Fixture", "nameLanguage", "en", "nameType", "ALTERNATIVE",
                "nameText", "قبر فيكستشر", "nameLanguage", "ar", "nameType", "DESIGNATION",
                "nameText", "Fixture's Tower", "nameLanguage", "en", "nameType", "DESIGNATION",
                "comment", "Names as in the new survey").statusCode());
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review").then().body(containsString("Change to a place"))
                .body(containsString("Old Fixture Tomb / en / ALTERNATIVE"));
        publishLastDraft(reviewer);
        assertEquals("ALTERNATIVE", Db.single(dataSource, "select name_type from place_name where id = " + kept),
                "the kept name keeps its row");
        assertEquals("3", Db.single(dataSource, "select count(*) from place_name where place_id = " + placeId));

        String change = Db.single(dataSource, "select max(change_set_id) from history where owner_table = 'place' and owner_id = " + placeId);
        curator.get("/monuments/" + slug + "/history").then().body(containsString("before change " + change));
        assertEquals(303, curator.post("/curate/restore/places/" + placeId + "/" + change).statusCode());
        publishLastDraft(reviewer);
        assertEquals("Old Fixture Tomb,Tomb of Fixture", Db.single(dataSource,
                "select string_agg(name, ',' order by name) from place_name where place_id = " + placeId));
        assertEquals("DESIGNATION", Db.single(dataSource, "select name_type from place_name where id = " + kept));
    }

    @Test
    void aCuratorGeneralisesAPlacesLocationThroughReviewAndVisitorsSeeOnlyItsCell() throws Exception {
        String slug = "fixture-looted-" + System.nanoTime();
        String placeId = Db.monument(dataSource, slug, "Looted Fixture Tomb");
        Db.execute(dataSource, "update place set latitude = 34.5431, longitude = 38.2567 where id = " + placeId);
        given().get("/api/monuments/" + slug).then().body("location.latitude", equalTo(34.5431f));
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/places/" + slug + "/edit").then().statusCode(200)
                .body(containsString("<option value=\"EXACT\" selected>"));
        assertEquals(303, curator.post("/curate/places", "recordId", placeId, "baseVersion", "0", "level", "MONUMENT",
                "parent", "palmyra", "slug", slug, "placeType", "STRUCTURAL_HERITAGE", "kind", "TOWER_TOMB",
                "latitude", "34.5431", "longitude", "38.2567", "locationSensitivity", "GENERALISED",
                "nameText", "Looted Fixture Tomb", "nameLanguage", "en", "nameType", "DESIGNATION",
                "comment", "Robbers were seen digging here").statusCode());
        publishLastDraft(Browser.signedIn(Role.REVIEWER));
        assertEquals("GENERALISED", Db.single(dataSource, "select location_sensitivity from place where id = " + placeId));
        given().get("/api/monuments/" + slug).then().body("location.latitude", equalTo(34.55f))
                .body("location.longitude", equalTo(38.25f));
        curator.get("/monuments/" + slug).then().body(containsString("34.5431, 38.2567"));
        // a sensitivity the form does not know is marked at its field, and nothing is saved
        curator.get("/curate/places/" + slug + "/edit");
        curator.post("/curate/places", "recordId", placeId, "baseVersion", "1", "level", "MONUMENT",
                "parent", "palmyra", "slug", slug, "placeType", "STRUCTURAL_HERITAGE", "kind", "TOWER_TOMB",
                "locationSensitivity", "SECRET", "nameText", "Looted Fixture Tomb", "nameLanguage", "en",
                "nameType", "DESIGNATION").then().statusCode(400)
                .body(containsString("Choose how much of the location the public may see"));
    }

    @Test
    void anEventAndAClaimAreChangedThroughReview() throws Exception {
        String[] event = event();
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/events/" + event[1] + "/edit").then().statusCode(200)
                .body(containsString("value=\"temple-of-baalshamin\""));
        assertEquals(303, curator.post("/curate/events", "recordId", event[0], "baseVersion", "0",
                "summary", "Graffiti sprayed on the cella walls", "causeCategory", "VANDALISM", "causeType", "GRAFFITI",
                "effects", "SURFACE_LOSS", "effects", "VISUAL_IMPACT",
                "places", "temple-of-baalshamin, palmyra", "comment", "Survey photos").statusCode());
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        publishLastDraft(reviewer);
        assertEquals("Graffiti sprayed on the cella walls|GRAFFITI|2|2", Db.single(dataSource,
                "select summary || '|' || cause_type || '|' || (select count(*) from damage_event_effect where event_id = e.id)"
                        + " || '|' || (select count(*) from damage_event_place where event_id = e.id) from damage_event e where id = " + event[0]));

        curator.get("/curate/claims/" + event[2] + "/edit").then().statusCode(200).body(containsString("Walls were sprayed."));
        curator.post("/curate/claims", "recordId", event[2], "baseVersion", "0", "sourceId", "abc", "date", "2016-02-30",
                "severity", "SLIGHT", "condition", "POOR", "quote", "", "certainty", "HIGH", "verification", "SEEN",
                "comment", "x").then().statusCode(400)
                .body(containsString("Give the number of a source"))
                .body(containsString("is not a real calendar date"))
                .body(containsString("conditions belong to claims about places"))
                .body(containsString("Choose how far it is checked."));
        String source = Db.single(dataSource, "select source_id from claim where id = " + event[2]);
        assertEquals(303, curator.post("/curate/claims", "recordId", event[2], "baseVersion", "0", "sourceId", source,
                "date", "2016-05-12", "severity", "MODERATE", "extent", "PCT_1_10", "quote", "Walls were sprayed.",
                "certainty", "HIGH", "verification", "IMAGERY_CONFIRMED", "comment", "Checked against imagery").statusCode());
        publishLastDraft(reviewer);
        // the extent rests on the claim, and the event's reading takes it from there
        given().get("/monuments/temple-of-baalshamin").then()
                .body(containsString("Graffiti sprayed on the cella walls"))
                .body(containsString("12 May 2016"))
                .body(containsString("<dt>Extent</dt><dd>1-10%</dd>"));
        given().get("/claims/" + event[2] + "/history").then().statusCode(200)
                .body(containsString("Checked against imagery"))
                .body(containsString("IMAGERY_CONFIRMED"));
    }

    @Test
    void theSecondOfTwoEditsOfTheSameEventGetsAConflictPage() throws Exception {
        String[] event = event();
        Browser first = Browser.signedIn(Role.CURATOR);
        Browser second = Browser.signedIn(Role.CURATOR);
        first.get("/curate/events/" + event[1] + "/edit");
        second.get("/curate/events/" + event[1] + "/edit");
        first.post("/curate/events", "recordId", event[0], "baseVersion", "0", "summary", "First curator's summary",
                "causeCategory", "VANDALISM", "places", "temple-of-baalshamin", "comment", "one");
        String firstDraft = lastDraft();
        second.post("/curate/events", "recordId", event[0], "baseVersion", "0", "summary", "Second curator's summary",
                "causeCategory", "VANDALISM", "places", "temple-of-baalshamin", "comment", "two");
        String secondDraft = lastDraft();
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review");
        assertEquals(303, reviewer.post("/curate/review/" + firstDraft + "/publish").statusCode());
        reviewer.post("/curate/review/" + secondDraft + "/publish").then().statusCode(409)
                .body(containsString("changed since this draft began"))
                .body(containsString("First curator&#39;s summary"))
                .body(containsString("Second curator&#39;s summary"));
        assertEquals("First curator's summary", Db.single(dataSource, "select summary from damage_event where id = " + event[0]));
        assertEquals("PENDING", Db.single(dataSource, "select state from draft where id = " + secondDraft));
    }

    @Test
    void savingAnEditOfARecordPublishedMeanwhileShowsBothVersionsAndSavesNothing() throws Exception {
        String[] event = event();
        Browser slow = Browser.signedIn(Role.CURATOR);
        slow.get("/curate/events/" + event[1] + "/edit").then().body(containsString("name=\"baseVersion\" value=\"0\""));
        Browser quick = Browser.signedIn(Role.CURATOR);
        quick.get("/curate/events/" + event[1] + "/edit");
        quick.post("/curate/events", "recordId", event[0], "baseVersion", "0", "summary", "The quick curator's summary",
                "causeCategory", "VANDALISM", "places", "temple-of-baalshamin", "comment", "quick");
        publishLastDraft(Browser.signedIn(Role.REVIEWER));
        String drafts = Db.single(dataSource, "select count(*) from draft");
        slow.post("/curate/events", "recordId", event[0], "baseVersion", "0", "summary", "The slow curator's summary",
                "causeCategory", "VANDALISM", "places", "temple-of-baalshamin", "comment", "slow").then().statusCode(409)
                .body(containsString("changed since you opened it"))
                .body(containsString("The quick curator&#39;s summary"))
                .body(containsString("The slow curator&#39;s summary"))
                .body(containsString("/curate/events/" + event[1] + "/edit"));
        assertEquals(drafts, Db.single(dataSource, "select count(*) from draft"), "nothing saved over it");
    }

    @Test
    void aWithdrawnEventLeavesThePagesStaysFindableAndComesBackWithItsClaims() throws Exception {
        String[] event = event();
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/events/" + event[1] + "/edit").then().body(containsString("Propose withdrawing it"));
        curator.post("/curate/withdraw/events/" + event[0], "comment", "").then().statusCode(400)
                .body(containsString("Say why this record should be withdrawn"));
        assertEquals(303, curator.post("/curate/withdraw/events/" + event[0], "comment", "A duplicate of another event").statusCode());
        curator.get("/monuments/temple-of-baalshamin").then().body(containsString("Withdraw a damage event</strong>"));
        given().get("/monuments/temple-of-baalshamin").then().body(not(containsString("Withdraw a damage event</strong>")))
                .body(containsString("Fixture damage " + event[1]));

        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review").then().body(containsString("Withdraw a damage event"));
        publishLastDraft(reviewer);
        given().get("/monuments/temple-of-baalshamin").then().body(not(containsString("Fixture damage " + event[1])));
        assertEquals("0", Db.single(dataSource, "select count(*) from claim where event_id = " + event[0]));
        given().get("/history/withdrawn").then().body(containsString("Fixture damage " + event[1]))
                .body(containsString("A duplicate of another event"));
        given().get("/events/" + event[1] + "/history").then().statusCode(200).body(containsString("has been withdrawn"));

        String creation = Db.single(dataSource, "select min(change_set_id) from history where table_name = 'damage_event'"
                + " and owner_id = " + event[0]);
        curator.post("/curate/restore/events/" + event[0] + "/" + creation).then().statusCode(400)
                .body(containsString("was not in the registry: propose withdrawing it instead"));
        String withdrawal = Db.single(dataSource, "select max(change_set_id) from history where table_name = 'damage_event'"
                + " and operation = 'DELETE' and owner_id = " + event[0]);
        assertEquals(303, curator.post("/curate/restore/events/" + event[0] + "/" + withdrawal).statusCode());
        publishLastDraft(reviewer);
        assertEquals(event[2] + "," + event[3], Db.single(dataSource,
                "select string_agg(id::text, ',' order by id) from claim where event_id = " + event[0]), "claims back with their ids");
        given().get("/monuments/temple-of-baalshamin").then().body(containsString("Fixture damage " + event[1]));
        given().get("/history/withdrawn").then().body(not(containsString("Fixture damage " + event[1])));
    }

    @Test
    void aWithdrawnPlacesPageSaysWhereItsHistoryIs() throws Exception {
        String slug = "fixture-gone-tomb-" + System.nanoTime();
        String id = Db.monument(dataSource, slug, "Tomb that goes");
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/places/" + slug + "/edit");
        assertEquals(303, curator.post("/curate/withdraw/places/" + id, "comment", "Entered twice").statusCode());
        publishLastDraft(Browser.signedIn(Role.REVIEWER));
        given().get("/monuments/" + slug).then().statusCode(410)
                .body(containsString("has been withdrawn from the registry"))
                .body(containsString("/monuments/" + slug + "/history"));
        given().get("/monuments/" + slug + "/history").then().statusCode(200).body(containsString("Entered twice"));
        given().get("/api/search?q=Tomb that goes").then().statusCode(200).body(not(containsString(slug)));
        String withdrawal = Db.single(dataSource, "select max(change_set_id) from history where table_name = 'place' and owner_id = " + id);
        assertEquals(303, curator.post("/curate/restore/places/" + id + "/" + withdrawal).statusCode());
        publishLastDraft(Browser.signedIn(Role.REVIEWER));
        given().get("/monuments/" + slug).then().statusCode(200).body(containsString("Tomb that goes"));
        given().get("/api/search?q=Tomb that goes").then().body(containsString(slug));
        curator.get("/curate/places/" + slug + "/edit");
        assertEquals(303, curator.post("/curate/withdraw/places/" + id, "comment", "Entered twice, really").statusCode());
        publishLastDraft(Browser.signedIn(Role.REVIEWER));
        given().get("/monuments/no-such-tomb").then().statusCode(404);
        curator.post("/curate/withdraw/places/" + id, "comment", "again").then().statusCode(404);

        String bel = Db.single(dataSource, "select id from place where slug = 'temple-of-bel'");
        assertEquals(303, curator.post("/curate/withdraw/places/" + bel, "comment", "Testing a refusal").statusCode());
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review");
        reviewer.post("/curate/review/" + lastDraft() + "/publish").then().statusCode(409)
                .body(containsString("damage event")).body(containsString("this place. Withdraw or change those first."));
        reviewer.post("/curate/review/" + lastDraft() + "/send-back", "reviewComment", "Not this one");
    }

    @Test
    void aSourceThatClaimsStillCiteCannotBeWithdrawn() throws Exception {
        String[] event = event();
        String source = Db.single(dataSource, "select source_id from claim where id = " + event[2]);
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/sources/" + source + "/edit");
        assertEquals(303, curator.post("/curate/withdraw/sources/" + source, "comment", "Not a real report").statusCode());
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review");
        reviewer.post("/curate/review/" + lastDraft() + "/publish").then().statusCode(409)
                .body(containsString("2 claims cite this source. Withdraw or change those first."));
        assertEquals("1", Db.single(dataSource, "select count(*) from source where id = " + source));
        assertEquals("PENDING", Db.single(dataSource, "select state from draft where id = " + lastDraft()));
    }

    @Test
    void aWithdrawnClaimComesBackAndAStatusEntryIsChanged() throws Exception {
        String[] event = event();
        Browser curator = Browser.signedIn(Role.CURATOR);
        assertEquals(303, curator.post("/curate/withdraw/claims/" + event[3], "comment", "Misread the date").statusCode());
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        publishLastDraft(reviewer);
        assertEquals("0", Db.single(dataSource, "select count(*) from claim where id = " + event[3]));
        given().get("/claims/" + event[3] + "/history").then().statusCode(200).body(containsString("Misread the date"));
        String withdrawal = Db.single(dataSource, "select max(change_set_id) from history where table_name = 'claim' and owner_id = " + event[3]);
        curator.get("/claims/" + event[3] + "/history").then().body(containsString("before change " + withdrawal));
        assertEquals(303, curator.post("/curate/restore/claims/" + event[3] + "/" + withdrawal).statusCode());
        reviewer.get("/curate/review").then().body(containsString("claim (insert)"));
        publishLastDraft(reviewer);
        assertEquals("2016-05", Db.single(dataSource, "select date_edtf from claim where id = " + event[3]));

        // a status entry resting on the claim: changed through its form, and the claim can then not be withdrawn
        Db.execute(dataSource, """
                insert into status_assessment (place_id, condition, as_of_edtf, as_of_earliest, as_of_latest, as_of_precision)
                  select id, 'POOR', '2016-06-%2$s', '2016-06-%2$s', '2016-06-%2$s', 'DAY' from place where slug = 'temple-of-baalshamin';
                insert into status_assessment_claim (assessment_id, claim_id)
                  select max(id), %1$s from status_assessment;
                """.formatted(event[3], String.format("%02d", 1 + (int) (System.nanoTime() % 28))));
        String status = Db.single(dataSource, "select max(id) from status_assessment");
        String asOf = Db.single(dataSource, "select as_of_edtf from status_assessment where id = " + status);
        curator.get("/curate/status/" + status + "/edit").then().statusCode(200).body(containsString("value=\"" + event[3] + "\""));
        assertEquals(303, curator.post("/curate/status", "recordId", status, "baseVersion", "0", "place", "temple-of-baalshamin",
                "condition", "VERY_BAD", "asOf", asOf, "claims", event[3] + ", " + event[2], "note", "",
                "comment", "The second claim says the same").statusCode());
        publishLastDraft(reviewer);
        assertEquals("VERY_BAD|2", Db.single(dataSource, "select condition || '|' || (select count(*) from status_assessment_claim"
                + " where assessment_id = s.id) from status_assessment s where id = " + status));
        curator.post("/curate/withdraw/claims/" + event[3], "comment", "again");
        reviewer.get("/curate/review");
        reviewer.post("/curate/review/" + lastDraft() + "/publish").then().statusCode(409)
                .body(containsString("1 status entry rests on this claim."));
    }

    @Test
    void theFirstAndLastPossibleDaysMakeTheDateWhenNoEdtfIsTyped() {
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/reports/new?place=temple-of-bel");
        curator.post("/curate/reports/preview", "place", "temple-of-bel", "date", "", "dateFirstDay", "2015-08-27",
                "dateLastDay", "2015-08-31").then().statusCode(200)
                .body(containsString("value=\"2015-08-27/2015-08-31\""))
                .body(containsString("id=\"date-preview\""));
        curator.post("/curate/reports/preview", "date", "", "dateFirstDay", "", "dateLastDay", "2015-09-02").then()
                .body(containsString("value=\"../2015-09-02\""));
        curator.post("/curate/reports/preview", "date", "2015-08", "dateFirstDay", "2015-08-27", "dateLastDay", "").then()
                .body(containsString("value=\"2015-08\""));
        curator.post("/curate/status", "place", "temple-of-bel", "condition", "DESTROYED", "asOf", "",
                "asOfFirstDay", "2016-06-15", "asOfLastDay", "2016-06-15", "claims", "", "comment", "x").then().statusCode(400)
                .body(containsString("name=\"asOf\" value=\"2016-06-15\""));
        curator.post("/curate/sources", "unlocatableReason", "A test copy without an address.", "kind", "NEWS_REPORT", "title", "", "published", "",
                "publishedFirstDay", "", "publishedLastDay", "2016-04-02", "reliability", "UNASSESSED", "comment", "x")
                .then().statusCode(400).body(containsString("name=\"published\" value=\"../2016-04-02\""));
        curator.post("/curate/reports/preview", "date", "", "dateFirstDay", "2015-09-01", "dateLastDay", "2015-08-01").then()
                .body(containsString("aria-invalid=\"true\""))
                .body(not(containsString("id=\"date-preview\"")));
    }

    @Test
    void restoringWhatNoLongerFitsTheRegistryIsRefusedAndChangesNothing() throws Exception {
        String[] event = event();
        Browser curator = Browser.signedIn(Role.CURATOR);
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        assertEquals(303, curator.post("/curate/withdraw/claims/" + event[3], "comment", "Wrong event").statusCode());
        publishLastDraft(reviewer);
        String withdrawal = Db.single(dataSource, "select max(change_set_id) from history where table_name = 'claim' and owner_id = " + event[3]);
        assertEquals(303, curator.post("/curate/restore/claims/" + event[3] + "/" + withdrawal).statusCode());
        // meanwhile the claim's source goes, by a script
        Db.execute(dataSource, "delete from claim where id = " + event[2] + "; delete from source where ref = '" + event[1] + "'");
        reviewer.get("/curate/review");
        reviewer.post("/curate/review/" + lastDraft() + "/publish").then().statusCode(409)
                .body(containsString("cannot take this draft as it stands now"));
        assertEquals("0", Db.single(dataSource, "select count(*) from claim where id = " + event[3]));
        assertEquals("PENDING", Db.single(dataSource, "select state from draft where id = " + lastDraft()));
    }

    @Test
    void aDraftSentBackIsRevisedByItsAuthorAndSentAgain() throws Exception {
        String[] event = event();
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/claims/" + event[2] + "/edit");
        String source = Db.single(dataSource, "select source_id from claim where id = " + event[2]);
        assertEquals(303, curator.post("/curate/claims", "recordId", event[2], "baseVersion", "0", "sourceId", source,
                "quote", "Walls were sprayed.", "severity", "SEVERE", "certainty", "HIGH", "verification", "REPORTED",
                "comment", "The source says severe").statusCode());
        String draft = lastDraft();
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review");
        reviewer.post("/curate/review/" + draft + "/send-back", "reviewComment", "It says moderate; quote the sentence");
        curator.get("/curate").then().body(containsString("/curate/drafts/" + draft + "/revise"));
        Browser.signedIn(Role.CURATOR).get("/curate/drafts/" + draft + "/revise").then().statusCode(404);
        curator.get("/curate/drafts/" + draft + "/revise").then().statusCode(200)
                .body(containsString("sent this back: It says moderate; quote the sentence"))
                .body(containsString("<option value=\"SEVERE\" selected>"))
                .body(containsString("name=\"baseVersion\" value=\"0\""));
        assertEquals(303, curator.post("/curate/claims", "recordId", event[2], "baseVersion", "0", "sourceId", source,
                "quote", "Walls were sprayed.", "severity", "MODERATE", "certainty", "HIGH", "verification", "REPORTED",
                "comment", "Moderate, as the source says").statusCode());
        curator.get("/curate/drafts/" + lastDraft() + "/revise").then().statusCode(409)
                .body(containsString("Only a change sent back to you can be revised; this one is pending."));
        publishLastDraft(reviewer);
        assertEquals("MODERATE", Db.single(dataSource, "select severity from claim where id = " + event[2]));
    }

    @ParameterizedTest
    @CsvSource({ "/curate/claims/abc/edit, 400", "/curate/claims/999999999/edit, 404", "/curate/events/no-such-event/edit, 404",
            "/curate/places/no-such-place/edit, 404", "/curate/status/0/edit, 400", "/curate/drafts/x/revise, 400",
            "/curate/drafts/999999999/revise, 404", "/history/things/1, 404", "/history/claims/999999999, 404",
            "/history/claims/-1, 400", "/events/no-such-event/history, 404", "/claims/abc/history, 400" })
    void badAddressesAreClearClientErrors(String path, int status) {
        Browser.signedIn(Role.CURATOR).get(path).then().statusCode(status);
    }

    @ParameterizedTest
    @CsvSource({ "/curate/withdraw/things/1, 404", "/curate/withdraw/claims/abc, 400", "/curate/withdraw/claims/999999999, 404",
            "/curate/restore/claims/1/abc, 400", "/curate/restore/places/1/999999999, 404", "/curate/restore/reports/1/1, 404" })
    void badWithdrawalsAndRestorationsAreClearClientErrors(String path, int status) {
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate");
        curator.post(path, "comment", "why").then().statusCode(status);
    }
}
