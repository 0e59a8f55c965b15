package org.athar.place;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.account.Role;
import org.athar.testsupport.Browser;
import org.athar.testsupport.Db;
import org.athar.transfer.Export;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** One policy, every output: a sensitive place's recorded point reaches no visitor, only signed-in staff. */
@QuarkusTest
class LocationSensitivityTest {

    // digits that appear nowhere else in the registry
    static final String LATITUDE = "34.987654";
    static final String LONGITUDE = "38.123456";

    @Inject
    DataSource dataSource;

    @AfterEach
    void removeFixtures() throws Exception {
        Db.execute(dataSource, """
                delete from damage_event where slug like 'sensitive-%';
                delete from place where slug like 'sensitive-%';
                """);
    }

    /** A monument at the point, with an Arabic name, an event, a claim and a status; then moved and made sensitive. */
    private void sensitiveMonument(String slug, LocationSensitivity sensitivity) throws Exception {
        Db.monument(dataSource, slug, "Tomb of Sensitive " + slug);
        Db.execute(dataSource, """
                update place set latitude = 34.5, longitude = 38.2 where slug = '%1$s';
                update place set latitude = %2$s, longitude = %3$s, location_certainty = 'HIGH' where slug = '%1$s';
                update place set location_sensitivity = '%4$s' where slug = '%1$s';
                insert into damage_event (slug, summary, cause_category) values ('%1$s', 'Looting at %1$s', 'LOOTING_ILLEGAL_ACTIVITIES');
                insert into damage_event_place select e.id, p.id from damage_event e, place p where e.slug = '%1$s' and p.slug = '%1$s';
                insert into claim (source_id, event_id, quote, severity, certainty, verification)
                  select s.id, e.id, 'Robbers dug here.', 'SEVERE', 'MEDIUM', 'REPORTED' from source s, damage_event e
                  where e.slug = '%1$s' order by s.id limit 1;
                insert into status_assessment (place_id, condition, as_of_edtf, as_of_earliest, as_of_latest, as_of_precision)
                  select id, 'POOR', '2016', '2016-01-01', '2016-12-31', 'YEAR' from place where slug = '%1$s';
                """.formatted(slug, LATITUDE, LONGITUDE, sensitivity.name()));
    }

    /** Everything a visitor can read about the place, from every output. */
    private List<String> everyPublicOutput(String slug) throws Exception {
        String id = Db.single(dataSource, "select id from place where slug = '" + slug + "'");
        List<String> bodies = new ArrayList<>();
        for (String path : List.of("/", "/monuments/" + slug, "/sites/palmyra", "/api/monuments/" + slug,
                "/api/sites/palmyra", "/api/sites", "/api/monuments?size=100", "/search?q=" + slug,
                "/api/search?q=sensitive", "/monuments/" + slug + "/history", "/history/places/" + id,
                "/events/" + slug + "/history", "/api/export/places.geojson")) {
            bodies.add(given().get(path).then().statusCode(200).extract().asString());
        }
        for (Export export : Export.values()) {
            bodies.add(given().get("/api/export/" + export.file + ".csv").then().statusCode(200).extract().asString());
            bodies.add(given().get("/api/export/" + export.file + ".csv?q=sensitive").then().statusCode(200).extract().asString());
        }
        return bodies;
    }

    private static void assertNowhere(List<String> bodies) {
        for (String body : bodies) {
            assertFalse(body.contains("987654") || body.contains("123456") || body.contains("34.98") || body.contains("38.12"),
                    "the exact point leaked: " + body.substring(0, Math.min(body.length(), 300)));
        }
    }

    @Test
    void aGeneralisedPlaceShowsOnlyItsCellToVisitors() throws Exception {
        sensitiveMonument("sensitive-generalised", LocationSensitivity.GENERALISED);
        List<String> bodies = everyPublicOutput("sensitive-generalised");
        assertNowhere(bodies);
        given().get("/api/monuments/sensitive-generalised").then().statusCode(200)
                .body("location.latitude", org.hamcrest.Matchers.equalTo(34.95f))
                .body("location.longitude", org.hamcrest.Matchers.equalTo(38.15f))
                .body("location.sensitivity", org.hamcrest.Matchers.equalTo("GENERALISED"));
        given().get("/monuments/sensitive-generalised").then().body(containsString("34.95, 38.15"))
                .body(containsString("generalised to the centre of its 0.1° cell"));
        assertTrue(given().get("/api/export/places.geojson").asString().contains("[38.15,34.95]"));
    }

    @Test
    void aWithheldPlaceHasNoCoordinatesForVisitors() throws Exception {
        sensitiveMonument("sensitive-withheld", LocationSensitivity.WITHHELD);
        assertNowhere(everyPublicOutput("sensitive-withheld"));
        given().get("/api/monuments/sensitive-withheld").then().statusCode(200)
                .body("location.latitude", org.hamcrest.Matchers.nullValue())
                .body("location.sensitivity", org.hamcrest.Matchers.equalTo("WITHHELD"));
        given().get("/monuments/sensitive-withheld").then().body(containsString("Location withheld"));
        String geojson = given().get("/api/export/places.geojson").asString();
        assertFalse(geojson.contains("\"sensitive-withheld\""));
        String csv = given().get("/api/export/places.csv?q=sensitive").asString();
        assertTrue(csv.contains("sensitive-withheld"), csv);
    }

    @Test
    void signedInStaffSeeTheRecordedPoint() throws Exception {
        sensitiveMonument("sensitive-staff", LocationSensitivity.WITHHELD);
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/monuments/sensitive-staff").then().statusCode(200)
                .body(containsString(LATITUDE + ", " + LONGITUDE)).body(containsString("withheld from the public"));
        curator.get("/monuments/sensitive-staff/history").then().body(containsString(LATITUDE));
        curator.get("/curate/places/sensitive-staff/edit").then().body(containsString(LATITUDE))
                .body(containsString("<option value=\"WITHHELD\" selected>"));
        // and a visitor, after them, still does not: signed-in pages are never served to visitors
        given().get("/monuments/sensitive-staff").then().body(not(containsString(LATITUDE)));
    }

    @Test
    void theCellOfAPointIsItsCentre() {
        assertEquals(34.95, LocationSensitivity.GENERALISED.shown(34.987654));
        assertEquals(-12.35, LocationSensitivity.GENERALISED.shown(-12.3001));
        assertEquals(0.05, LocationSensitivity.GENERALISED.shown(0.0));
        assertEquals(38.274, LocationSensitivity.EXACT.shown(38.274));
        assertNull(LocationSensitivity.WITHHELD.shown(38.274));
    }
}
