package org.athar.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.seed.SeedFiles;
import org.athar.seed.SeedLoader;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HistoryTest {

    @Inject
    DataSource dataSource;

    @Inject
    SeedLoader loader;

    private static String asCurator(String comment, String sql) {
        return "begin; select set_config('athar.actor', 'test curator', true), set_config('athar.comment', '"
                + comment + "', true); " + sql + "; commit;";
    }

    @Test
    void theSeedLoaderIsRecordedAsTheAuthorOfWhatItLoaded() {
        given().get("/monuments/temple-of-bel/history").then().statusCode(200)
                .body(containsString("by <bdi>seed loader</bdi> · “<bdi>Loaded the seed dataset</bdi>”"))
                .body(containsString("<span class=\"op op-insert\">Added</span>\n    name of a place"))
                .body(containsString("<ins><bdi>معبد بل</bdi></ins>"));
    }

    @Test
    void aChangeIsWrittenInWordsFieldLabelsTermLabelsAndDatesWithTheRawValuesOnDemand() throws Exception {
        String ref = "seed-000-aap-2016-03-22";
        String id = Db.single(dataSource, "select id from source where ref = '" + ref + "'");
        try {
            Db.execute(dataSource, asCurator("Graded after checking",
                    "update source set reliability = 'HIGH', published_edtf = '2016-03-21', published_earliest = '2016-03-21', "
                            + "published_latest = '2016-03-21' where ref = '" + ref + "'"));
            given().get("/sources/" + id + "/history").then().statusCode(200)
                    .body(containsString("<th scope=\"row\">Reliability</th><td class=\"before\"><del><bdi>Medium</bdi></del></td>"
                            + "<td class=\"after\"><ins><bdi>High</bdi></ins></td>"))
                    .body(containsString("<th scope=\"row\">Published</th><td class=\"before\"><del><bdi>22 Mar 2016</bdi></del></td>"))
                    .body(containsString("<code>source.reliability</code>: <code>MEDIUM</code> → <code>HIGH</code>"));
            given().get("/sources/" + id + "/history?lang=ar").then().statusCode(200)
                    .body(containsString("<th scope=\"row\">الموثوقية</th><td class=\"before\"><del><bdi>متوسطة</bdi></del></td>"))
                    .body(containsString("<del><bdi>٢٢ آذار ٢٠١٦</bdi></del>"));
        } finally {
            loader.load(SeedFiles.bundled());
        }
    }

    @Test
    void aChangeShowsWhoMadeItWhyAndWhatItWasBefore() throws Exception {
        String ref = "seed-000-aap-2016-03-22";
        String id = Db.single(dataSource, "select id from source where ref = '" + ref + "'");
        try {
            Db.execute(dataSource, asCurator("Use the headline as printed",
                    "update source set title = 'Islamic State hits back' where ref = '" + ref + "'"));
            given().get("/sources/" + id + "/history").then().statusCode(200)
                    .body(containsString("by <bdi>test curator</bdi> · “<bdi>Use the headline as printed</bdi>”"))
                    .body(containsString("<del><bdi>Islamic State hits back against Syrian advance</bdi></del>"))
                    .body(containsString("<ins><bdi>Islamic State hits back</bdi></ins>"));
        } finally {
            loader.load(SeedFiles.bundled());
        }
        given().get("/sources/" + id + "/history").then()
                .body(containsString("<ins><bdi>Islamic State hits back against Syrian advance</bdi></ins>"));
    }

    @Test
    void aDeletedRecordStaysInTheHistory() throws Exception {
        Db.execute(dataSource, asCurator("Add a spelling", """
                insert into place_name (place_id, name, language, direction, name_type)
                select id, 'Temple of Beel', 'en', 'LTR', 'ALTERNATIVE' from place where slug = 'temple-of-bel'"""));
        Db.execute(dataSource, asCurator("Not a real spelling", "delete from place_name where name = 'Temple of Beel'"));
        given().get("/monuments/temple-of-bel/history").then().statusCode(200)
                .body(containsString("“<bdi>Not a real spelling</bdi>”"))
                .body(containsString("<span class=\"op op-delete\">Removed</span>\n    name of a place"))
                .body(containsString("<del><bdi>Temple of Beel</bdi></del>"));
    }

    @Test
    void aWriteThatChangesNothingLeavesNoHistory() throws Exception {
        String before = Db.single(dataSource, "select count(*) from history");
        loader.load(SeedFiles.bundled());
        Db.execute(dataSource, "update place set description = description where slug = 'palmyra'");
        assertEquals(before, Db.single(dataSource, "select count(*) from history"));
    }

    @Test
    void everyTableOfTheRegistryRecordsItsHistory() throws Exception {
        String unwatched = Db.single(dataSource, """
                select coalesce(string_agg(tablename, ', '), '') from pg_tables
                where schemaname = current_schema()
                  -- the history itself, the search index, site summaries and event readings derived from the registry, Flyway's
                  -- bookkeeping, and accounts, sessions and sign-in failures, which are not registry records (and
                  -- whose history would copy password hashes), and import batches, whose files would be copied whole
                  -- into the history (the draft proposing a batch has its history, and so has every record it writes)
                  and tablename not in ('change_set', 'history', 'place_search', 'site_summary', 'site_summary_stale',
                                        'event_reading', 'flyway_schema_history',
                                        'account', 'account_session', 'sign_in_failure', 'import_batch', 'import_file')
                  and not exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
                                  where c.relname = tablename and g.tgname = 'record_history')""");
        assertEquals("", unwatched);
    }

    @Test
    void aLongHistoryIsShownFiftyChangesAPageWithLinksToTheRest() throws Exception {
        String ref = "unosat-2014-palmyra";
        String id = Db.single(dataSource, "select id from source where ref = '" + ref + "'");
        try {
            for (int i = 1; i <= 51; i++) {
                Db.execute(dataSource, asCurator("Edit " + i, "update source set title = 'Title " + i + "' where ref = '" + ref + "'"));
            }
            int sets = Integer.parseInt(Db.single(dataSource,
                    "select count(distinct change_set_id) from history where owner_table = 'source' and owner_id = " + id));
            String first = given().get("/sources/" + id + "/history").then().statusCode(200)
                    .body(containsString("Page 1 of 2 (" + sets + " in all)"))
                    .body(containsString("“<bdi>Edit 51</bdi>”")).extract().asString();
            assertEquals(50, first.split("<article class=\"change\">").length - 1);
            String second = given().get("/sources/" + id + "/history?page=2").then().statusCode(200)
                    .body(containsString("Page 2 of 2")).body(containsString("by <bdi>seed loader</bdi>")).extract().asString();
            assertEquals(sets - 50, second.split("<article class=\"change\">").length - 1);
            given().get("/sources/" + id + "/history?page=3").then().statusCode(200)
                    .body(containsString("past the last page"));
            given().get("/sources/" + id + "/history?page=x").then().statusCode(400);
        } finally {
            loader.load(SeedFiles.bundled());
        }
    }
}
