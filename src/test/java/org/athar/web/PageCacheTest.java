package org.athar.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.account.Role;
import org.athar.testsupport.Browser;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Visitors' pages are kept in memory and never served stale: whatever changes the registry (the review queue, plain
 * SQL on another connection) is seen on the next request; ETags answer 304; a signed-in page is never kept or
 * served to anyone else.
 */
@QuarkusTest
@TestProfile(PageCacheTest.CacheOn.class)
class PageCacheTest {

    /** The rest of the suite runs without the cache, since it writes with plain SQL and reads at once. */
    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("athar.page-cache.enabled", "true");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    PageCache cache;

    private static final String PAGE = "/monuments/tower-of-elahbel";

    private static Response visit(String path) {
        return given().accept("text/html").get(path);
    }

    /** Waits (at most 5 s) for the database's announcement of a change made elsewhere to reach the application. */
    private static void eventually(Runnable check) throws InterruptedException {
        long until = System.currentTimeMillis() + 5_000;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.currentTimeMillis() > until) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private void describe(String text, boolean announced) throws SQLException {
        // with triggers off (replica mode) the change is neither recorded nor announced: only a cache can hide it
        Db.execute(dataSource, (announced ? "" : "set session_replication_role = replica; ")
                + "update place set description = '" + text + "' where slug = 'tower-of-elahbel';"
                + (announced ? "" : " set session_replication_role = origin;"));
    }

    @Test
    void aPageIsServedFromMemoryUntilTheDatabaseAnnouncesAChangeMadeOnAnotherConnection() throws Exception {
        String original = Db.single(dataSource, "select description from place where slug = 'tower-of-elahbel'");
        try {
            visit(PAGE).then().statusCode(200);
            describe("Silently changed", false);
            visit(PAGE).then().statusCode(200).body(not(containsString("Silently changed")));
            describe("Changed by a script", true);
            eventually(() -> visit(PAGE).then().body(containsString("Changed by a script")));
        } finally {
            describe(original.replace("'", "''"), true);
        }
    }

    @Test
    void aChangePublishedThroughTheReviewQueueIsOnTheNextPage() throws Exception {
        String id = Db.single(dataSource, "select id from source where ref = 'seed-002-new-arab-2016-03-24'");
        String title = Db.single(dataSource, "select title from source where id = " + id);
        String version = Db.single(dataSource, "select version from source where id = " + id);
        visit("/sources/" + id).then().statusCode(200).body(containsString("enter IS-held Palmyra"));
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/sources/" + id + "/edit");
        Response proposed = curator.post("/curate/sources", "unlocatableReason", "A test copy without an address.", "recordId", id, "baseVersion", version, "kind", "NEWS_REPORT",
                "title", "A title published through review", "publisher", "The New Arab", "published", "2016-03-24",
                "language", "en", "reliability", "MEDIUM", "reliabilityReason", "Reports official claims.",
                "comment", "Cache test");
        assertEquals(303, proposed.statusCode(), proposed.asString());
        String draft = Db.single(dataSource, "select max(id) from draft");
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/review");
        try {
            assertEquals(303, reviewer.post("/curate/review/" + draft + "/publish").statusCode());
            visit("/sources/" + id).then().statusCode(200).body(containsString("A title published through review"));
        } finally {
            Db.execute(dataSource, "update source set title = '" + title.replace("'", "''") + "' where id = " + id);
        }
    }

    @Test
    void aMatchingETagIsAnswered304WithNoBody() {
        Response first = visit(PAGE);
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("W/\""), etag);
        assertEquals(etag, visit(PAGE).header("ETag"));
        given().header("If-None-Match", etag).get(PAGE).then().statusCode(304).body(emptyString());
        given().header("If-None-Match", "W/\"something-else\"").get(PAGE).then().statusCode(200);
        given().header("If-None-Match", etag).get("/api/monuments/tower-of-elahbel").then().statusCode(200);
    }

    @Test
    void publicAnswersMayBeKeptByBrowsersAndCdnsAndSetNoCookie() {
        for (String path : new String[] { "/", PAGE, "/sites/palmyra", "/api/sites", "/api/monuments/temple-of-bel", "/search?q=bel" }) {
            given().get(path).then().statusCode(200)
                    .header("Cache-Control", equalTo("public, max-age=0, s-maxage=60"))
                    .header("CDN-Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=300"))
                    .header("ETag", not(emptyString()))
                    .header("Set-Cookie", nullValue());
        }
        given().header("Accept-Encoding", "gzip").get(PAGE).then().statusCode(200).header("Content-Encoding", "gzip")
                .body(containsString("Tower of Elahbel"));
    }

    @Test
    void aSignedInPageIsNeverKeptNorServedToAVisitor() {
        Browser curator = Browser.signedIn(Role.CURATOR);
        visit(PAGE).then().body(not(containsString("For curators")));
        Response signedIn = curator.get(PAGE);
        assertEquals(200, signedIn.statusCode());
        assertTrue(signedIn.asString().contains("For curators"));
        assertEquals("private, no-store", signedIn.header("Cache-Control"));
        // the visitor's cached copy is not what the curator gets, and the curator's is never what the visitor gets
        visit(PAGE).then().body(not(containsString("For curators")));
        assertTrue(curator.get(PAGE).asString().contains("For curators"));
        visit(PAGE).then().body(not(containsString("For curators")));
    }
}
