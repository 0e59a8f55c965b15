package org.athar.bench;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The generator's data is what the benchmark measures: check that search answers it correctly, on a small scale. */
@QuarkusTest
class GeneratedRegistrySearchTest {

    private static final int PLACES = 400;

    @Inject
    RegistryGenerator generator;

    @Inject
    DataSource dataSource;

    private static io.restassured.response.ValidatableResponse search(String name, String value, String... more) {
        var request = given().queryParam(name, value);
        for (int i = 0; i < more.length; i += 2) {
            request.queryParam(more[i], more[i + 1]);
        }
        return request.get("/api/search").then().statusCode(200);
    }

    @Test
    void searchFindsGeneratedPlacesByNameTypoAndScriptAndCountsThemRight() throws Exception {
        long placesBefore = Long.parseLong(Db.single(dataSource, "select count(*) from place"));
        try {
            RegistryGenerator.Report report = generator.generate(PLACES, 7);
            assertEquals(PLACES, report.places());
            assertEquals(placesBefore + PLACES, Long.parseLong(Db.single(dataSource, "select count(*) from place")));
            assertEquals(String.valueOf(PLACES * 10 * 2), Db.single(dataSource,
                    "select count(*) from claim c join damage_event e on e.id = c.event_id where e.slug like 'g-event-%'"));

            String slug = Db.single(dataSource, "select slug from place where slug like 'g-%' and level = 'MONUMENT' order by id limit 1 offset 17");
            String english = Db.single(dataSource, "select n.name from place_name n join place p on p.id = n.place_id "
                    + "where p.slug = '" + slug + "' and n.language = 'en' and n.name_type = 'DESIGNATION'");
            String arabic = Db.single(dataSource, "select n.name from place_name n join place p on p.id = n.place_id "
                    + "where p.slug = '" + slug + "' and n.language = 'ar'");
            search("q", english).body("results[0].slug", equalTo(slug));
            search("q", arabic).body("results[0].slug", equalTo(slug));
            search("q", SearchBenchmark.typo(english)).body("results.slug", hasItem(slug));
            search("q", SearchBenchmark.spacedDifferently(english)).body("results[0].slug", equalTo(slug));

            String site = Db.single(dataSource, "select slug from place where slug like 'g-%' and level = 'SITE' order by id limit 1");
            int temples = Integer.parseInt(Db.single(dataSource, "select count(*) from place p join place s on s.id = p.parent_id "
                    + "where s.slug = '" + site + "' and p.kind = 'TEMPLE'"));
            search("site", site, "kind", "TEMPLE").body("total", equalTo(temples));
            List<Integer> statusCounts = search("site", site).extract().jsonPath().getList("facets.status.count", Integer.class);
            int monuments = Integer.parseInt(Db.single(dataSource, "select count(*) from place where parent_id = (select id from place where slug = '" + site + "')"));
            assertEquals(monuments + 1, statusCounts.stream().mapToInt(Integer::intValue).sum(),
                    "every generated place has a status, and the site counts itself");

            // the site's chart of conditions over time: its monuments changed on hundreds of days, shown by period
            String page = given().accept("text/html").get("/sites/" + site).then().statusCode(200).extract().asString();
            String table = page.substring(page.indexOf("<table class=\"timeline\">"));
            table = table.substring(0, table.indexOf("</table>"));
            int rows = table.split("<tr><td>", -1).length - 1;
            assertTrue(rows > 1 && rows <= org.athar.registry.Charts.MAX_STEPS, rows + " rows");
            assertTrue(page.contains("each row is a month, with the counts at its end")
                    || page.contains("each row is a year, with the counts at its end"), "says what a row is");
        } finally {
            Db.removeGenerated(dataSource);
        }
        assertEquals(placesBefore, Long.parseLong(Db.single(dataSource, "select count(*) from place")));
        assertEquals("0", Db.single(dataSource, "select count(*) from place_search where place_id not in (select id from place)"));
    }
}
