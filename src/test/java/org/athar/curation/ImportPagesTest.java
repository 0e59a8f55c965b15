package org.athar.curation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.account.Role;
import org.athar.testsupport.Browser;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Curators import CSV files from the browser: checked row by row, all or nothing, published by a reviewer. */
@QuarkusTest
class ImportPagesTest {

    @Inject
    DataSource dataSource;

    @AfterEach
    void removeFixtures() throws Exception {
        Db.execute(dataSource, """
                delete from damage_event where slug like 'imported-%';
                delete from place where slug like 'imported-%';
                delete from source where ref like 'imported-%';
                """);
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads the files and waits for their check to end; returns the batch's address. */
    private static String imported(Browser curator, Map<String, byte[]> files) throws Exception {
        curator.get("/curate/import").then().statusCode(200);
        Response posted = curator.upload("/curate/import", files, "comment", "Survey of 2024, sheet 3");
        assertEquals(303, posted.statusCode(), posted.asString());
        String batch = posted.header("Location").replaceFirst("^https?://[^/]+", "");
        for (int i = 0; i < 300 && curator.get(batch).asString().contains("This page refreshes itself"); i++) {
            Thread.sleep(100);
        }
        return batch;
    }

    @Test
    void cleanFilesBecomeOneDraftThatAReviewerPublishes() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sites.csv", csv("slug,level,parent,place_type,kind,latitude,longitude,location_sensitivity\r\n"
                + "imported-tomb,MONUMENT,palmyra,STRUCTURAL_HERITAGE,TOWER_TOMB,34.5512,38.2611,GENERALISED\r\n"));
        files.put("names.csv", csv("place,name,language,name_type\r\n"
                + "imported-tomb,Tomb of Kithoth,en,DESIGNATION\r\nimported-tomb,برج كيتوت,ar,DESIGNATION\r\n"));
        // a reprint listed before the report it repeats
        files.put("sources.csv", csv("ref,kind,title,reliability,reliability_reason,identifier,repeats\r\n"
                + "imported-reprint,NEWS_REPORT,Survey reprinted,LOW,A reprint,Bulletin 7,imported-survey\r\n"
                + "imported-survey,FIELD_REPORT,\"Survey, sheet 3\",MEDIUM,Seen on site by two surveyors,Survey sheet 3,\r\n"));
        files.put("events.csv", csv("slug,summary,cause_category,places,effects\r\n"
                + "imported-looting,\"Robbers dug into the \"\"Tomb of Kithoth\"\"\",LOOTING_ILLEGAL_ACTIVITIES,imported-tomb,LOSS_OF_ARCHAEOLOGICAL_MATERIAL\r\n"));
        files.put("claims.csv", csv("source,event,quote,date,actor,certainty,verification\r\n"
                + "imported-survey,imported-looting,Fresh pits were seen at the foot of the tower.,2024-05,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\",MEDIUM,FIELD_CONFIRMED\r\n"));
        Browser curator = Browser.signedIn(Role.CURATOR);
        String batch = imported(curator, files);
        curator.get(batch).then().statusCode(200).body(containsString("All 7 rows are right"))
                .body(containsString("They wait for a reviewer"));
        assertEquals("0", Db.single(dataSource, "select count(*) from place where slug = 'imported-tomb'"), "nothing written before review");

        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review").then().body(containsString("New bulk import"))
                .body(containsString("2 new, 0 changed, 0 unchanged"));
        String draft = Db.single(dataSource, "select max(id) from draft where record_type = 'IMPORT'");
        assertEquals(303, reviewer.post("/curate/review/" + draft + "/publish").statusCode());

        assertEquals("imported-survey", Db.single(dataSource,
                "select r.ref from source s join source r on r.id = s.repeats_id where s.ref = 'imported-reprint'"));
        given().get("/monuments/imported-tomb").then().statusCode(200).body(containsString("برج كيتوت"))
                .body(containsString("Robbers dug into the &quot;Tomb of Kithoth&quot;"))
                .body(not(containsString("34.5512")));
        assertEquals("=HYPERLINK(\"http://evil.example/\",\"x\")", Db.single(dataSource,
                "select actor from claim c join source s on s.id = c.source_id where s.ref = 'imported-survey'"), "stored as text");
        given().get("/api/export/claims.csv?q=kithoth").then().body(containsString("\"'=HYPERLINK("));
        assertTrue(Db.single(dataSource, "select string_agg(distinct c.comment, ' ') from history h join change_set c on c.id = h.change_set_id"
                + " where h.table_name = 'place' and h.after ->> 'slug' = 'imported-tomb'").contains("Survey of 2024, sheet 3"));
        assertTrue(Db.single(dataSource, "select string_agg(distinct c.comment, ' ') from history h join change_set c on c.id = h.change_set_id"
                + " where h.table_name = 'claim' and h.after ->> 'quote' like 'Fresh pits%'").contains(": sites.csv, names.csv, sources.csv,"),
                "the history names the import and its files");
        curator.get(batch).then().body(containsString("A reviewer has published them"));
    }

    @Test
    void aFileSetWithAnyBadRowWritesNothingAndSaysWhereAndWhy() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("places.csv", csv("slug,level,parent,place_type,kind,latitude,longitude\r\n"
                + "imported-a,MONUMENT,palmyra,STRUCTURAL_HERITAGE,TEMPEL,34.5,38.2\r\n"
                + "imported-b,MONUMENT,palmyra,STRUCTURAL_HERITAGE,TEMPLE,134.5,38.2\r\n"
                + "imported-c,MONUMENT,atlantis,STRUCTURAL_HERITAGE,TEMPLE,,\r\n"
                + "imported-d,MONUMENT,palmyra,STRUCTURAL_HERITAGE,TEMPLE\r\n"
                + "imported-e,MONUMENT,palmyra,STRUCTURAL_HERITAGE,TEMPLE,,\r\n"
                + "imported-e,MONUMENT,palmyra,STRUCTURAL_HERITAGE,TEMPLE,,\r\n"));
        files.put("names.csv", csv("place,name,language,name_type\r\nimported-e,Nameless,,DESIGNATION\r\n"));
        files.put("claims.csv", csv("source,event,quote,date,certainty,verification\r\n"
                + "no-such-source,temple-of-bel-destroyed-2015,It fell.,2015-08,HIGH,REPORTED\r\n"
                + "seed-000-aap-2016-03-22,temple-of-bel-destroyed-2015,It fell.,2015-09-30/2015-08-01,HIGH,REPORTED\r\n"
                + "seed-000-aap-2016-03-22,temple-of-bel-destroyed-2015," + "x".repeat(700) + ",2015-13,HIGH,REPORTED\r\n"));
        files.put("extra.csv", csv("slug,level,place_type,kind,colour\r\nimported-f,SITE,ARCHAEOLOGICAL_SITE,ANCIENT_CITY,red\r\n"));
        files.put("quotes.csv", csv("ref,kind,title,reliability\r\nimported-q,NEWS_REPORT,\"Never closed,UNASSESSED\r\n"));
        files.put("latin1.csv", new byte[] { 'r', 'e', 'f', ',', 'k', 'i', 'n', 'd', ',', 't', 'i', 't', 'l', 'e', ',', 'r', 'e', 'l',
                'i', 'a', 'b', 'i', 'l', 'i', 't', 'y', '\r', '\n', 'i', 'm', 'p', 'o', 'r', 't', 'e', 'd', '-', 'l', ',', 'N', 'E',
                'W', 'S', '_', 'R', 'E', 'P', 'O', 'R', 'T', ',', 'C', (byte) 0xe9, 'l', 'e', ',', 'U', 'N', 'A', 'S', 'S', 'E',
                'S', 'S', 'E', 'D', '\r', '\n' });
        files.put("data.json", csv("{\"slug\": \"imported-j\"}"));
        long places = Long.parseLong(Db.single(dataSource, "select count(*) from place"));
        Browser curator = Browser.signedIn(Role.CURATOR);
        String batch = imported(curator, files);
        String page = curator.get(batch).then().statusCode(200).extract().asString();
        for (String expected : new String[] {
                "&#39;TEMPEL&#39; is not a known kind: use one of ANCIENT_CITY, TEMPLE",
                "&#39;134.5&#39; is not a latitude",
                "There is no place &#39;atlantis&#39; in the registry or the files",
                "This row has 5 cells where the header names 7 columns",
                "Another row of the files has the same slug",
                "Give the name&#39;s language",
                "There is no source &#39;no-such-source&#39;",
                "starts after it ends",
                "Quote at most a sentence or two",
                "Unknown column. The columns of places are",
                "A quoted cell that starts on this line is never closed",
                "This line is not UTF-8 text",
                "Only CSV files are imported" }) {
            assertTrue(page.contains(expected), "the report says " + expected + "\n" + page);
        }
        assertTrue(page.contains("<td><bdi>places.csv</bdi></td><td>2</td><td>kind</td>"), page);
        assertEquals(places, Long.parseLong(Db.single(dataSource, "select count(*) from place")), "nothing written");
        assertEquals("0", Db.single(dataSource, "select count(*) from draft d join import_batch b on b.draft_id = d.id"
                + " where b.id = " + batch.substring(batch.lastIndexOf('/') + 1)));

        String rejected = curator.get(batch + "/rejected/1.csv").then().statusCode(200).extract().asString();
        assertTrue(rejected.startsWith("slug,level,parent,place_type,kind,latitude,longitude,reason\r\n"), rejected);
        assertTrue(rejected.contains("imported-a,MONUMENT,palmyra,STRUCTURAL_HERITAGE,TEMPEL,34.5,38.2,"), rejected);
        assertTrue(!rejected.contains("imported-zzz"));
        curator.get(batch + "/rejected/99.csv").then().statusCode(404);
    }

    @Test
    void onlyCuratorsImportAndAFormWithoutFilesIsShownAgain() throws Exception {
        given().redirects().follow(false).get("/curate/import").then().statusCode(302);
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/import");
        curator.upload("/curate/import", Map.of(), "comment", "").then().statusCode(400)
                .body(containsString("Choose one or more CSV files")).body(containsString("Say what these files are"));
        curator.post("/curate/import", "comment", "x").then().statusCode(415);
        curator.get("/curate/import/999999").then().statusCode(404);
        curator.get("/curate/import/abc").then().statusCode(400);
    }
}
