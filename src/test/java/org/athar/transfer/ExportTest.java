package org.athar.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ExportTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void removeFixtures() throws Exception {
        Db.execute(dataSource, "delete from claim where note = 'export fixture'");
    }

    private static List<CSVRecord> csv(String path) throws IOException {
        String body = given().get(path).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        try (CSVParser parser = CSVParser.parse(new StringReader(body),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    private static Map<String, CSVRecord> byKey(List<CSVRecord> records, String column) {
        return records.stream().collect(Collectors.toMap(r -> r.get(column), r -> r, (a, b) -> a));
    }

    @Test
    void everyTableExportsOneRowPerRecordWithItsDocumentedColumns() throws Exception {
        for (Export export : Export.values()) {
            String body = given().get("/api/export/" + export.file + ".csv").then().statusCode(200)
                    .header("Content-Disposition", containsString("athar-" + export.file + ".csv")).extract().asString();
            assertTrue(body.startsWith(String.join(",", export.columns) + "\r\n"), export.file + ": " + body.lines().findFirst());
        }
        assertEquals(Integer.parseInt(Db.single(dataSource, "select count(*) from place")), csv("/api/export/places.csv").size());
        assertEquals(Integer.parseInt(Db.single(dataSource, "select count(*) from place_name")), csv("/api/export/names.csv").size());
        assertEquals(Integer.parseInt(Db.single(dataSource, "select count(*) from damage_event")), csv("/api/export/events.csv").size());
        assertEquals(Integer.parseInt(Db.single(dataSource, "select count(*) from claim")), csv("/api/export/claims.csv").size());
        assertEquals(Integer.parseInt(Db.single(dataSource, "select count(*) from status_assessment")), csv("/api/export/status.csv").size());
        assertEquals(Integer.parseInt(Db.single(dataSource, "select count(*) from source")),
                csv("/api/export/sources.csv").size());
    }

    @Test
    void placesCarryTheirStatusLocationIdentifiersAndArabicName() throws Exception {
        CSVRecord bel = byKey(csv("/api/export/places.csv"), "slug").get("temple-of-bel");
        assertEquals("MONUMENT", bel.get("level"));
        assertEquals("palmyra", bel.get("parent"));
        assertEquals("palmyra", bel.get("site"));
        assertEquals("معبد بل", bel.get("name_ar"));
        assertEquals("34.547", bel.get("latitude"));
        assertEquals("38.274", bel.get("longitude"));
        assertEquals("DESTROYED", bel.get("status"));
        assertEquals("2015-08-27/2015-08-31", bel.get("status_as_of"));
        assertEquals("2015-08-27", bel.get("status_first_day"));
        assertEquals("2015-08-31", bel.get("status_last_day"));
        assertEquals("8383565", bel.get("geonames"));
        assertTrue(bel.get("url").endsWith("/monuments/temple-of-bel"), bel.get("url"));
        CSVRecord belNames = csv("/api/export/names.csv").stream()
                .filter(r -> r.get("place").equals("temple-of-bel") && r.get("language").equals("ar")).findFirst().orElseThrow();
        assertEquals("RTL", belNames.get("direction"));
    }

    @Test
    void commasQuotesNewlinesArabicAndFormulasSurviveTheRoundTrip() throws Exception {
        String quote = "He said, \"it fell\"\nand then: تدمر";
        Db.execute(dataSource, """
                insert into claim (source_id, event_id, quote, actor, certainty, verification, note)
                  select s.id, e.id, '%s', '=HYPERLINK("http://evil.example/","x")', 'LOW', 'REPORTED', 'export fixture'
                  from source s, damage_event e order by s.id, e.id limit 1""".formatted(quote.replace("'", "''")));
        CSVRecord claim = csv("/api/export/claims.csv").stream().filter(r -> r.get("note").equals("export fixture"))
                .findFirst().orElseThrow();
        assertEquals(quote, claim.get("quote"));
        // a spreadsheet would run it as a formula: it is exported as text
        assertEquals("'=HYPERLINK(\"http://evil.example/\",\"x\")", claim.get("actor"));
    }

    @Test
    void theSearchFiltersSelectWhatIsExported() throws Exception {
        List<CSVRecord> destroyed = csv("/api/export/places.csv?site=palmyra&status=DESTROYED");
        assertFalse(destroyed.isEmpty());
        assertTrue(destroyed.stream().allMatch(r -> r.get("status").equals("DESTROYED") && r.get("site").equals("palmyra")));
        assertEquals(Integer.parseInt(Db.single(dataSource, """
                select count(*) from place_search s where s.status_conditions[cardinality(s.status_conditions)] = 'DESTROYED'""")),
                destroyed.size());
        assertTrue(destroyed.stream().anyMatch(r -> r.get("slug").equals("temple-of-bel")));
        // what was there before the destruction: the status on a day
        assertTrue(csv("/api/export/places.csv?status=DESTROYED&asOf=2015-01-01").isEmpty());
        // the events and claims of the places selected
        List<String> temples = csv("/api/export/places.csv?kind=TEMPLE").stream().map(r -> r.get("slug")).toList();
        List<CSVRecord> events = csv("/api/export/events.csv?kind=TEMPLE");
        assertFalse(events.isEmpty());
        assertTrue(events.stream().allMatch(r -> List.of(r.get("places").split(";")).stream().anyMatch(temples::contains)),
                events.toString());
        assertTrue(csv("/api/export/claims.csv?kind=TEMPLE").size() < csv("/api/export/claims.csv").size());
        CSVRecord belEvent = events.stream().filter(r -> r.get("places").equals("temple-of-bel")).findFirst().orElseThrow();
        assertEquals("true", belEvent.get("date_disputed"));
    }

    @Test
    void placesAreGeoJsonFeaturesLongitudeFirst() {
        JsonPath geo = given().get("/api/export/places.geojson").then().statusCode(200)
                .contentType(containsString("application/geo+json")).extract().jsonPath();
        assertEquals("FeatureCollection", geo.getString("type"));
        Map<String, Object> bel = geo.getMap("features.find { it.id == 'temple-of-bel' }");
        assertEquals(List.of(38.274f, 34.547f), geo.getList("features.find { it.id == 'temple-of-bel' }.geometry.coordinates"));
        assertEquals("Point", geo.getString("features.find { it.id == 'temple-of-bel' }.geometry.type"));
        assertEquals("DESTROYED", geo.getString("features.find { it.id == 'temple-of-bel' }.properties.status"));
        assertEquals("معبد بل", geo.getString("features.find { it.id == 'temple-of-bel' }.properties.name_ar"));
        assertFalse(bel.isEmpty());
        // only located places are features
        assertEquals(Integer.parseInt(geoCount()), geo.getList("features").size());
    }

    private String geoCount() {
        try {
            return Db.single(dataSource, "select count(*) from place where latitude is not null");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badExportAddressesAndFiltersAreRefusedWithTheValidOnes() {
        given().get("/api/export/people.csv").then().statusCode(404)
                .body("message", containsString("places.csv, names.csv, events.csv, sources.csv, claims.csv, status.csv, places.geojson"));
        given().get("/api/export/events.geojson").then().statusCode(404);
        given().get("/api/export/places.xlsx").then().statusCode(404);
        given().get("/api/export/places.csv?site=atlantis").then().statusCode(400)
                .body("message", containsString("no site 'atlantis'"));
        given().get("/api/export/places.csv?status=RUINED").then().statusCode(400)
                .body("message", containsString("DESTROYED"));
        given().get("/api/export/places.csv?asOf=yesterday").then().statusCode(400).body("message", containsString("asOf"));
        given().get("/api/export/places.csv?stauts=DESTROYED").then().statusCode(400)
                .body("message", equalTo("'stauts' is not a filter of the exports. They take: q, site, placeType, kind, status, "
                        + "cause, effect, severity, sourceKind, verification, from, to, asOf."));
    }
}
