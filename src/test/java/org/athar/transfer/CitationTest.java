package org.athar.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.testsupport.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Pages name the revision they show, reproduce it at their permanent address, and say how to cite it. */
@QuarkusTest
class CitationTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void removeFixtures() throws Exception {
        Db.execute(dataSource, """
                delete from claim where note = 'citation fixture';
                delete from place where slug like 'cited-%';
                """);
    }

    private String latestChange() throws Exception {
        return Db.single(dataSource, "select max(id) from change_set");
    }

    private static String permanentRevision(String path) {
        String page = given().get(path).then().statusCode(200).extract().asString();
        String link = "href=\"" + path + "?rev=";
        int at = page.indexOf(link);
        assertTrue(at > 0, "no permanent address on " + path);
        return page.substring(at + link.length(), page.indexOf('"', at + link.length()));
    }

    @Test
    void aRevisionReproducesThePageAsItWasAndNothingIsWritten() throws Exception {
        Db.monument(dataSource, "cited-tomb", "Tomb of the Cited");
        Db.execute(dataSource, "update place set description = 'As first described.' where slug = 'cited-tomb'");
        String first = latestChange();
        assertEquals(first, permanentRevision("/monuments/cited-tomb"));
        Db.execute(dataSource, """
                update place set description = 'As described later.' where slug = 'cited-tomb';
                insert into place_name (place_id, name, language, direction, name_type)
                  select id, 'مدفن المستشهد', 'ar', 'RTL', 'DESIGNATION' from place where slug = 'cited-tomb';
                """);
        String second = latestChange();
        assertEquals(second, permanentRevision("/monuments/cited-tomb"));
        String history = Db.single(dataSource, "select count(*) from history");

        given().get("/monuments/cited-tomb?rev=" + first).then().statusCode(200)
                .body(containsString("As first described.")).body(not(containsString("As described later.")))
                .body(not(containsString("مدفن المستشهد")))
                .body(containsString("as it was at revision " + first))
                .body(containsString("/monuments/cited-tomb?rev=" + first));
        given().get("/monuments/cited-tomb").then().body(containsString("As described later."))
                .body(containsString("مدفن المستشهد")).body(not(containsString("as it was at revision")));
        given().accept(LinkedData.MEDIA_TYPE).get("/monuments/cited-tomb?rev=" + first).then().statusCode(200)
                .body(containsString("As first described."));
        // reading an earlier revision writes nothing, not even history
        assertEquals(history, Db.single(dataSource, "select count(*) from history"));
        given().get("/monuments/cited-tomb").then().body(containsString("As described later."));

        // a withdrawn record is gone now, but its revisions stay readable
        Db.execute(dataSource, "delete from place where slug = 'cited-tomb'");
        given().get("/monuments/cited-tomb").then().statusCode(410);
        given().get("/monuments/cited-tomb?rev=" + second).then().statusCode(200).body(containsString("مدفن المستشهد"));
    }

    @Test
    void anEventsRevisionHasTheClaimsItHadThen() throws Exception {
        String event = "/events/temple-of-bel-destroyed-2015";
        String before = permanentRevision(event);
        int claims = given().get("/api/monuments/temple-of-bel").jsonPath().getList("events.items[0].claims").size();
        Db.execute(dataSource, """
                insert into claim (source_id, event_id, quote, certainty, verification, note)
                  select s.id, e.id, 'A later report of it.', 'LOW', 'REPORTED', 'citation fixture'
                  from source s, damage_event e where e.slug = 'temple-of-bel-destroyed-2015' order by s.id limit 1""");
        String after = permanentRevision(event);
        assertTrue(Long.parseLong(after) > Long.parseLong(before));
        given().get(event).then().body(containsString("A later report of it."))
                .body(containsString((claims + 1) + " claims from the sources"));
        given().get(event + "?rev=" + before).then().statusCode(200).body(not(containsString("A later report of it.")))
                .body(containsString(claims + " claims from the sources"));
        given().get("/monuments/temple-of-bel?rev=" + before).then().statusCode(200)
                .body(not(containsString("A later report of it.")));
    }

    @Test
    void badRevisionsAreRefusedWithAReason() throws Exception {
        given().get("/monuments/temple-of-bel?rev=abc").then().statusCode(400).body(containsString("not a revision"));
        given().get("/monuments/temple-of-bel?rev=0").then().statusCode(400);
        long beyond = Long.parseLong(latestChange()) + 1000;
        given().get("/monuments/temple-of-bel?rev=" + beyond).then().statusCode(404).body(containsString("no revision " + beyond));
        Db.monument(dataSource, "cited-late", "Tomb Added Late");
        String before = Db.single(dataSource, "select max(id) - 1 from change_set");
        given().get("/monuments/cited-late?rev=" + before).then().statusCode(404).body(containsString("not yet in the registry"));
        given().get("/api/export/places.csv?rev=1").then().statusCode(400);
    }

    @Test
    void citationsComeAsTextBibTeXAndCslJson() throws Exception {
        String rev = permanentRevision("/monuments/temple-of-bel");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String text = given().get("/monuments/temple-of-bel/cite").then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();
        assertTrue(text.startsWith("“Temple of Bel.” Athar heritage damage registry, monument record, revision " + rev + ", "), text);
        assertTrue(text.contains("/monuments/temple-of-bel?rev=" + rev + " (accessed "), text);
        given().get("/monuments/temple-of-bel/cite?format=bibtex").then().statusCode(200)
                .contentType(startsWith("application/x-bibtex"))
                .body(startsWith("@misc{athar-monuments-temple-of-bel-r" + rev + ",\n"))
                .body(containsString("  urldate = {" + today + "},"))
                .body(containsString("?rev=" + rev + "}"));
        JsonPath csl = given().get("/monuments/temple-of-bel/cite?format=csl").then().statusCode(200)
                .contentType(startsWith("application/vnd.citationstyles.csl+json")).extract().jsonPath();
        assertEquals("webpage", csl.getString("[0].type"));
        assertEquals("Temple of Bel", csl.getString("[0].title"));
        assertEquals(rev, csl.getString("[0].version"));
        assertTrue(csl.getString("[0].URL").endsWith("/monuments/temple-of-bel?rev=" + rev));
        List<Integer> accessed = csl.getList("[0].accessed.date-parts[0]");
        assertEquals(LocalDate.now(ZoneOffset.UTC).getYear(), accessed.get(0));
        // every record with a page can be cited, at any of its revisions
        given().get("/sites/palmyra/cite?format=bibtex").then().statusCode(200).body(containsString("title = {Palmyra}"));
        given().get("/events/temple-of-bel-destroyed-2015/cite?format=text&rev=" + rev).then().statusCode(200)
                .body(containsString("Temple of Bel destroyed with explosives"));
        int source = given().get("/api/monuments/temple-of-bel").jsonPath().getInt("events.items[0].claims[0].source.id");
        given().get("/sources/" + source + "/cite?format=csl").then().statusCode(200);
        given().get("/monuments/temple-of-bel/cite?format=ris").then().statusCode(400).body(containsString("text, bibtex or csl"));
        given().get("/monuments/no-such-place/cite").then().statusCode(404);
        // and the page says so
        given().get("/monuments/temple-of-bel").then().body(containsString("Cite this page"))
                .body(containsString("/monuments/temple-of-bel/cite?format=bibtex&amp;rev=" + rev));
        assertTrue(Map.of().isEmpty());
    }
}
