package org.athar.map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.testsupport.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MapTest {

    private static final double PALMYRA_LATITUDE = 34.5510;
    private static final double PALMYRA_LONGITUDE = 38.2690;

    @Inject
    DataSource dataSource;

    @AfterEach
    void removeMapPlaces() throws Exception {
        Db.execute(dataSource, "delete from place where slug like 'map-%'");
    }

    /** The slippy-map tile z/x/y that holds a point. */
    static String tile(int z, double latitude, double longitude) {
        double n = Math.pow(2, z);
        double r = Math.toRadians(latitude);
        int x = (int) Math.floor((longitude + 180) / 360 * n);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return z + "/" + x + "/" + y;
    }

    private static JsonPath tileOf(String path) {
        return given().get("/api/map/" + path).then().statusCode(200).contentType(containsString("application/geo+json"))
                .extract().jsonPath();
    }

    @Test
    void theWholeWorldIsOneTileOfAFewClustersCountingEveryLocatedPlace() throws Exception {
        JsonPath world = tileOf("0/0/0");
        List<Map<String, Object>> features = world.getList("features");
        assertTrue(features.size() <= 64, "at most an 8 by 8 grid of features: " + features.size());
        long counted = world.<Integer>getList("features.properties.count").stream().mapToLong(Integer::longValue).sum();
        assertEquals(Long.parseLong(Db.single(dataSource, "select count(*) from place where latitude is not null "
                + "and location_sensitivity <> 'WITHHELD'")), counted);
        // Palmyra's places are close together: one cluster, coloured by the worst condition among them
        assertTrue(world.getList("features.properties.status").contains("DESTROYED"));
    }

    @Test
    void farOutTilesComeFromOneGridThatEveryChangeRecounts() throws Exception {
        long located = Long.parseLong(Db.single(dataSource, "select count(*) from place where latitude between -85.05 and 85.05 "
                + "and location_sensitivity <> 'WITHHELD'"));
        assertEquals(located, placesOnTilesAt(3), "every located place on exactly one tile at zoom 3");
        // a far-out tile (from the grid) holds what its four children (from the database) hold
        String[] parent = tile(MapTiles.GRID_ZOOM, PALMYRA_LATITUDE, PALMYRA_LONGITUDE).split("/");
        int px = Integer.parseInt(parent[1]);
        int py = Integer.parseInt(parent[2]);
        long children = 0;
        for (int dx = 0; dx < 2; dx++) {
            for (int dy = 0; dy < 2; dy++) {
                children += count(tileOf((MapTiles.GRID_ZOOM + 1) + "/" + (2 * px + dx) + "/" + (2 * py + dy)));
            }
        }
        assertEquals(count(tileOf(String.join("/", parent))), children);
        Db.monument(dataSource, "map-new-tomb", "New tomb");
        Db.execute(dataSource, "update place set latitude = -20.5, longitude = 140.25 where slug = 'map-new-tomb'");
        // the database announces the change; the next far-out tile counts it
        long until = System.currentTimeMillis() + 10_000;
        while (placesOnTilesAt(3) != located + 1 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertEquals(located + 1, placesOnTilesAt(3));
        assertTrue(tileOf(tile(3, -20.5, 140.25)).getList("features.properties.slug").contains("map-new-tomb"));
    }

    /** The places counted on every tile of a zoom level. */
    private long placesOnTilesAt(int z) {
        long total = 0;
        int n = 1 << z;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                total += count(tileOf(z + "/" + x + "/" + y));
            }
        }
        return total;
    }

    private static long count(JsonPath tile) {
        return tile.<Integer>getList("features.properties.count").stream().mapToLong(Integer::longValue).sum();
    }

    @Test
    void closeUpEachMonumentIsAPointWithItsConditionAndPage() {
        JsonPath close = tileOf(tile(17, 34.547, 38.274));
        List<String> slugs = close.getList("features.properties.slug");
        assertTrue(slugs.contains("temple-of-bel"), "slugs: " + slugs);
        int bel = slugs.indexOf("temple-of-bel");
        assertEquals("DESTROYED", close.getString("features[" + bel + "].properties.status"));
        assertEquals("/monuments/temple-of-bel", close.getString("features[" + bel + "].properties.path"));
        assertEquals(1, close.getInt("features[" + bel + "].properties.count"));
    }

    @Test
    void aGeneralisedPlaceIsAtItsCellsCentreAndAWithheldOneIsNotOnTheMap() throws Exception {
        Db.monument(dataSource, "map-generalised", "Generalised tomb");
        Db.monument(dataSource, "map-withheld", "Withheld tomb");
        Db.execute(dataSource, """
                update place set latitude = 12.3456, longitude = 45.6789, location_sensitivity = 'GENERALISED' where slug = 'map-generalised';
                update place set latitude = 12.3456, longitude = 45.6789, location_sensitivity = 'WITHHELD' where slug = 'map-withheld';
                """);
        JsonPath cell = tileOf(tile(12, 12.35, 45.65));
        assertEquals(List.of("map-generalised"), cell.getList("features.properties.slug"));
        assertEquals(List.of(45.65f, 12.35f), cell.getList("features[0].geometry.coordinates"));
        assertFalse(given().get("/api/map/" + tile(12, 12.3456, 45.6789)).asString().contains("map-withheld"));
    }

    @Test
    void asOfADayThePlacesAreColouredByTheirConditionThenAndDoubtfulOnesCounted() {
        // Temple of Bel: its destruction is dated between 27 and 31 Aug 2015
        String bel = tile(17, 34.547, 38.274);
        JsonPath before = tileOf(bel + "?asOf=2014-06-01");
        List<String> slugs = before.getList("features.properties.slug");
        assertTrue(!"DESTROYED".equals(before.getString("features[" + slugs.indexOf("temple-of-bel") + "].properties.status")));
        JsonPath during = tileOf(bel + "?asOf=2015-08-29");
        assertEquals(1, during.getInt("features[" + during.getList("features.properties.slug").indexOf("temple-of-bel")
                + "].properties.uncertain"));
        JsonPath after = tileOf(bel + "?asOf=2015-09-05");
        assertEquals("DESTROYED", after.getString("features[" + after.getList("features.properties.slug").indexOf("temple-of-bel")
                + "].properties.status"));
    }

    @Test
    void aSitesMapHoldsItsOwnPlacesOnly() {
        String palmyra = tile(8, PALMYRA_LATITUDE, PALMYRA_LONGITUDE);
        long all = tileOf(palmyra + "?site=palmyra").<Integer>getList("features.properties.count").stream().mapToLong(Integer::longValue).sum();
        assertTrue(all >= 5, "Palmyra's located places: " + all);
        given().get("/api/map/" + palmyra + "?site=temple-of-bel").then().statusCode(400)
                .body("message", containsString("There is no site 'temple-of-bel'"));
    }

    @Test
    void aTileOutsideTheWorldOrABadDateIsRefusedWithTheReason() {
        given().get("/api/map/19/0/0").then().statusCode(400).body("message", containsString("'z' must be a whole number from 0 to 18"));
        given().get("/api/map/2/4/0").then().statusCode(400).body("message", containsString("'x' must be a whole number from 0 to 3"));
        given().get("/api/map/2/0/-1").then().statusCode(400).body("message", containsString("'y'"));
        given().get("/api/map/0/0/0?asOf=2015-02-30").then().statusCode(400).body("message", containsString("'asOf'"));
    }

    @Test
    void thePagesCarryTheMapItsLegendAndWhatWorksWithoutIt() {
        given().accept("text/html").get("/sites/palmyra").then().statusCode(200)
                .body(containsString("data-map hidden role=\"region\""))
                .body(containsString("data-site=\"palmyra\""))
                .body(containsString("<li data-status=\"DESTROYED\"><span class=\"pin condition-destroyed\"></span> Destroyed</li>"))
                .body(containsString("<script defer src=\"/webjars/leaflet/1.9.4/dist/leaflet.js\"></script>"));
        given().accept("text/html").get("/map?asOf=2015-09-01").then().statusCode(200)
                .body(containsString("data-as-of=\"2015-09-01\""))
                .body(containsString("<a href=\"/sites/palmyra?asOf=2015-09-01\">Palmyra</a>"))
                .body(containsString("places.geojson"));
        given().get("/webjars/leaflet/1.9.4/dist/leaflet.js").then().statusCode(200);
        given().get("/js/map.js").then().statusCode(200);
        given().accept("text/html").get("/map?asOf=yesterday").then().statusCode(400);
    }
}
