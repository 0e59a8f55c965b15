package org.athar.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.athar.registry.Registry.Paging;
import org.athar.testsupport.Db;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Pages and API answers take as many SQL statements for a large record as for a small one, and long lists come a
 * page at a time: proved on a site of 300 monuments against one of 3, a monument with 50 events against one with 1,
 * and a source cited 500 times against one cited once.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedQueriesTest {

    @Inject
    Registry registry;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManagerFactory entityManagerFactory;

    private static final Paging FIRST = new Paging(1, 20);

    @BeforeAll
    void buildLargeAndSmallRecords() throws SQLException {
        Db.execute(dataSource, """
                insert into place (slug, level, place_type, kind) values
                  ('bq-big-site', 'SITE', 'ARCHAEOLOGICAL_SITE', 'ANCIENT_CITY'),
                  ('bq-small-site', 'SITE', 'ARCHAEOLOGICAL_SITE', 'ANCIENT_CITY');
                insert into place (slug, level, parent_id, parent_level, place_type, kind)
                  select 'bq-big-' || g, 'MONUMENT', s.id, 'SITE', 'STRUCTURAL_HERITAGE', 'TEMPLE'
                  from place s, generate_series(1, 300) g where s.slug = 'bq-big-site';
                insert into place (slug, level, parent_id, parent_level, place_type, kind)
                  select 'bq-small-' || g, 'MONUMENT', s.id, 'SITE', 'STRUCTURAL_HERITAGE', 'TEMPLE'
                  from place s, generate_series(1, 3) g where s.slug = 'bq-small-site';
                insert into place_name (place_id, name, language, direction, name_type)
                  select id, initcap(replace(slug, '-', ' ')), 'en', 'LTR', 'DESIGNATION' from place where slug like 'bq-%';
                insert into status_assessment (place_id, condition, as_of_edtf, as_of_earliest, as_of_latest, as_of_precision)
                  select id, (array['DESTROYED', 'POOR', 'GOOD'])[1 + id % 3], '2016-01-01', '2016-01-01', '2016-01-01', 'DAY'
                  from place where slug like 'bq-big-%' or slug like 'bq-small-%';
                insert into source (ref, kind, title, reliability, unlocatable_reason) values
                  ('bq-source-many', 'NEWS_REPORT', 'Cited five hundred times', 'UNASSESSED', 'A test fixture.'),
                  ('bq-source-once', 'NEWS_REPORT', 'Cited once', 'UNASSESSED', 'A test fixture.');
                -- bq-big-1 has 50 events of 10 claims each, all from one source; bq-big-2 one event with one claim
                insert into damage_event (slug, summary, cause_category)
                  select 'bq-event-' || g, 'Bounded event ' || g, 'MILITARY_ARMED_CONFLICT' from generate_series(1, 51) g;
                insert into damage_event_place (event_id, place_id)
                  select e.id, p.id from damage_event e, place p
                  where (e.slug = 'bq-event-51' and p.slug = 'bq-big-2')
                     or (e.slug <> 'bq-event-51' and e.slug like 'bq-event-%' and p.slug = 'bq-big-1');
                -- two effects each: fetching effects with claims used to list every claim once per effect
                insert into damage_event_effect (event_id, effect_type)
                  select e.id, t from damage_event e, unnest(array['BURNING', 'SURFACE_LOSS']) t where e.slug like 'bq-event-%';
                insert into claim (source_id, event_id, date_edtf, date_earliest, date_latest, date_precision, severity,
                                   certainty, verification)
                  select s.id, e.id, to_char(d, 'YYYY-MM-DD'), d, d, 'DAY', 'SEVERE', 'HIGH', 'REPORTED'
                  from damage_event e join source s on s.ref = 'bq-source-many'
                  cross join generate_series(1, 10) c
                  cross join lateral (select date '2015-01-01' + (substring(e.slug from 10)::int) as d) day
                  where e.slug like 'bq-event-%' and e.slug <> 'bq-event-51';
                insert into claim (source_id, event_id, date_edtf, date_earliest, date_latest, date_precision, certainty, verification)
                  select s.id, e.id, '2016-05-01', '2016-05-01', '2016-05-01', 'DAY', 'HIGH', 'REPORTED'
                  from damage_event e join source s on s.ref = 'bq-source-once' where e.slug = 'bq-event-51';
                """);
        Db.awaitReadings(dataSource);
    }

    @AfterAll
    void removeThem() throws SQLException {
        Db.execute(dataSource, """
                delete from damage_event where slug like 'bq-event-%';
                delete from source where ref like 'bq-source-%';
                delete from place where slug like 'bq-big-%' or slug like 'bq-small-%';
                delete from place where slug like 'bq-%';
                """);
    }

    private long statements(Supplier<?> read) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        assertTrue(read.get() != null);
        long count = statistics.getPrepareStatementCount();
        assertTrue(count > 0, "statistics must be on for the counts to mean anything");
        return count;
    }

    private long sourceId(String ref) throws SQLException {
        return Long.parseLong(Db.single(dataSource, "select id from source where ref = '" + ref + "'"));
    }

    @Test
    void aMonumentWithFiftyEventsTakesAsManyStatementsAsOneWithOne() {
        long many = statements(() -> registry.monument("bq-big-1", FIRST, FIRST).orElseThrow());
        long one = statements(() -> registry.monument("bq-big-2", FIRST, FIRST).orElseThrow());
        assertEquals(one, many);
    }

    @Test
    void aSiteOfThreeHundredMonumentsTakesAsManyStatementsAsOneOfThree() {
        long many = statements(() -> registry.site("bq-big-site", FIRST, FIRST).orElseThrow());
        long few = statements(() -> registry.site("bq-small-site", FIRST, FIRST).orElseThrow());
        assertEquals(few, many);
    }

    @Test
    void aSourceCitedFiveHundredTimesTakesAsManyStatementsAsOneCitedOnce() throws SQLException {
        long many = sourceId("bq-source-many");
        long once = sourceId("bq-source-once");
        assertEquals(statements(() -> registry.source(once, FIRST).orElseThrow()),
                statements(() -> registry.source(many, FIRST).orElseThrow()));
    }

    @Test
    void theHomePageAndListsTakeAFixedNumberOfStatements() {
        long home = statements(() -> registry.recentEvents(8));
        assertEquals(home, statements(() -> registry.recentEvents(2)));
        assertEquals(statements(() -> registry.monuments(new Paging(1, 5))), statements(() -> registry.monuments(new Paging(1, 100))));
        assertEquals(statements(() -> registry.sites(new Paging(1, 1))), statements(() -> registry.sites(new Paging(1, 100))));
    }

    @Test
    void aLargeSiteShowsCountsAndTheFirstPageWithLinksToTheRest() {
        given().get("/api/sites/bq-big-site?size=50").then().statusCode(200)
                .body("monuments.total", equalTo(300)).body("monuments.pages", equalTo(6))
                .body("monuments.items", hasSize(50))
                .body("monumentCounts.count.sum()", equalTo(300))
                // worst condition first
                .body("monuments.items[0].status", equalTo("DESTROYED"));
        given().get("/api/sites/bq-big-site?page=6&size=50").then().statusCode(200)
                .body("monuments.items", hasSize(50)).body("monuments.items[49].status", equalTo("GOOD"));
        given().accept("text/html").get("/sites/bq-big-site").then().statusCode(200)
                .body(containsString("Page 1 of 6 (300 in all)"))
                .body(containsString("<a href=\"/sites/bq-big-site?page=2\" rel=\"next\">Next</a>"))
                .body(containsString("<h3>Destroyed <span class=\"count\">(100)</span></h3>"));
        given().accept("text/html").get("/sites/bq-big-site?page=7").then().statusCode(200)
                .body(containsString("Page 7 of 6"));
        given().accept("text/html").get("/sites/bq-big-site?page=0").then().statusCode(400)
                .body(containsString("&#39;page&#39; must be a whole number"));
    }

    @Test
    void aSourceCitedManyTimesListsItsClaimsAPageAtATime() throws SQLException {
        long id = sourceId("bq-source-many");
        given().get("/api/sources/" + id + "?page=3&size=100").then().statusCode(200)
                .body("claims.total", equalTo(500)).body("claims.pages", equalTo(5)).body("claims.items", hasSize(100))
                .body("claims.items[0].places.slug", contains("bq-big-1"));
        given().accept("text/html").get("/sources/" + id).then().statusCode(200)
                .body(containsString("What it supports (500 claims)"))
                .body(containsString("Page 1 of 10 (500 in all)"));
    }

    @Test
    void eventsAreOrderedByTheirStoredReadingAndPaged() {
        given().get("/api/monuments/bq-big-1?page=3&size=20").then().statusCode(200)
                .body("events.total", equalTo(50)).body("events.items", hasSize(10))
                .body("events.items[0].slug", equalTo("bq-event-41"))
                .body("events.items[9].slug", equalTo("bq-event-50"));
    }

    @Test
    void anEventWithTwoEffectsListsEachClaimOnce() throws SQLException {
        String claim = Db.single(dataSource, "select c.id from claim c join damage_event e on e.id = c.event_id where e.slug = 'bq-event-51'");
        given().get("/api/monuments/bq-big-2").then().statusCode(200)
                .body("events.items[0].effects", hasSize(2))
                .body("events.items[0].claims", hasSize(1))
                .body("events.items[0].reading.dates[0].claimIds", contains(Integer.parseInt(claim)));
        given().accept("text/html").get("/monuments/bq-big-2").then().statusCode(200)
                .body(containsString("1 claim from the sources"))
                .body(not(containsString("2 claims from the sources")));
    }
}
