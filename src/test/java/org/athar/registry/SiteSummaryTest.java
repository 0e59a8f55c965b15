package org.athar.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.map.MapTiles;
import org.athar.registry.Registry.Paging;
import org.athar.registry.Views.PlaceRef;
import org.athar.registry.Views.StatusCount;
import org.athar.status.Condition;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A site's summary (its monuments' conditions, its chart, its extent) is kept in one row, so that its page reads one
 * row whatever the size of the site. Whatever changes it, by whatever program, and however many transactions change
 * it at once, it is the summary a fresh reading of the site gives.
 */
@QuarkusTest
class SiteSummaryTest {

    @Inject
    DataSource dataSource;

    @Inject
    Registry registry;

    @Inject
    MapTiles mapTiles;

    @BeforeEach
    void twoSitesOfThreeMonuments() throws SQLException {
        removeFixtures();
        Db.execute(dataSource, """
                insert into place (slug, level, place_type, kind, latitude, longitude) values
                  ('ss-site', 'SITE', 'ARCHAEOLOGICAL_SITE', 'ANCIENT_CITY', 10, 20),
                  ('ss-other', 'SITE', 'ARCHAEOLOGICAL_SITE', 'ANCIENT_CITY', null, null);
                insert into place (slug, level, parent_id, parent_level, place_type, kind)
                  select 'ss-' || g, 'MONUMENT', s.id, 'SITE', 'STRUCTURAL_HERITAGE', 'TEMPLE'
                  from place s, generate_series(1, 3) g where s.slug = 'ss-site';
                """);
    }

    @AfterEach
    void removeFixtures() throws SQLException {
        Db.execute(dataSource, "delete from place where slug like 'ss-%' and level = 'MONUMENT'; delete from place where slug like 'ss-%'");
    }

    @Test
    void aSitesSummaryFollowsStatusesLocationsMovesAndDeletionsMadeByPlainSql() throws SQLException {
        assertEquals(List.of(new StatusCount(null, 3)), counts("ss-site"));
        assertEquals(List.of(), counts("ss-other"));

        status("ss-1", "DESTROYED", "2015-08-30");
        status("ss-2", "GOOD", "2010-01-01");
        status("ss-2", "POOR", "2016-03-01");
        assertEquals(List.of(new StatusCount(Condition.DESTROYED, 1), new StatusCount(Condition.POOR, 1), new StatusCount(null, 1)),
                counts("ss-site"));
        // the chart: ss-2 good from 2010, ss-1 destroyed from 2015, ss-2 poor instead of good from 2016
        assertEquals(List.of("2010-01-01 [0, 0, 0, 0, 1, 0]", "2015-08-30 [1, 0, 0, 0, 1, 0]", "2016-03-01 [1, 0, 1, 0, 0, 0]"),
                registry.conditionSteps("ss-site").stream().map(s -> s.day() + " " + s.counts()).toList());

        assertEquals("20.0,10.0,20.0,10.0", mapTiles.extent("ss-site").text());
        Db.execute(dataSource, "update place set latitude = 11, longitude = 21.5 where slug = 'ss-3'");
        assertEquals("20.0,10.0,21.5,11.0", mapTiles.extent("ss-site").text());
        Db.execute(dataSource, "update place set location_sensitivity = 'WITHHELD' where slug = 'ss-3'");
        assertEquals("20.0,10.0,20.0,10.0", mapTiles.extent("ss-site").text());

        Db.execute(dataSource, "update place set parent_id = (select id from place where slug = 'ss-other') where slug = 'ss-1'");
        assertEquals(List.of(new StatusCount(Condition.POOR, 1), new StatusCount(null, 1)), counts("ss-site"));
        assertEquals(List.of(new StatusCount(Condition.DESTROYED, 1)), counts("ss-other"));
        assertNull(mapTiles.extent("ss-other"), "no place of that site is located");

        Db.execute(dataSource, "delete from place where slug = 'ss-2'");
        assertEquals(List.of(new StatusCount(null, 1)), counts("ss-site"));
        // the list of monuments, read from the search rows alone, follows a change of address
        Db.execute(dataSource, "update place set slug = 'ss-3-renamed' where slug = 'ss-3'");
        assertEquals(List.of("ss-3-renamed"), registry.site("ss-site", new Paging(1, 20), new Paging(1, 20)).orElseThrow()
                .monuments().items().stream().map(PlaceRef::slug).toList());
        assertFresh();
    }

    @Test
    void monumentsOfOneSiteChangedByTransactionsCommittingAtOnceAreAllCounted() throws Exception {
        // a larger site, so that summarising it takes long enough for two commits to overlap
        Db.execute(dataSource, """
                insert into place (slug, level, parent_id, parent_level, place_type, kind)
                  select 'ss-more-' || g, 'MONUMENT', s.id, 'SITE', 'STRUCTURAL_HERITAGE', 'TEMPLE'
                  from place s, generate_series(1, 500) g where s.slug = 'ss-site';
                """);
        for (int trial = 0; trial < 20; trial++) {
            String condition = trial % 2 == 0 ? "FAIR" : "VERY_BAD";
            String day = "2020-01-" + String.format("%02d", trial + 1);
            try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
                a.setAutoCommit(false);
                b.setAutoCommit(false);
                insertStatus(a, "ss-1", condition, day);
                insertStatus(b, "ss-2", condition, day);
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<Void> first = CompletableFuture.runAsync(() -> commitWith(together, a));
                commitWith(together, b);
                first.join();
            }
            assertEquals(List.of(new StatusCount(Condition.valueOf(condition), 2), new StatusCount(null, 501)), counts("ss-site"),
                    "trial " + trial);
        }
        assertFresh();
    }

    private List<StatusCount> counts(String site) {
        return registry.site(site, new Paging(1, 20), new Paging(1, 20)).orElseThrow().monumentCounts();
    }

    private void status(String place, String condition, String day) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            insertStatus(c, place, condition, day);
        }
    }

    private static void insertStatus(Connection c, String place, String condition, String day) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("insert into status_assessment (place_id, condition, as_of_edtf, as_of_earliest, as_of_latest, as_of_precision) "
                    + "select id, '" + condition + "', '" + day + "', '" + day + "', '" + day + "', 'DAY' from place where slug = '" + place + "'");
        }
    }

    private static void commitWith(CyclicBarrier together, Connection c) {
        try {
            together.await();
            c.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored summaries are those the sites' rows give now. */
    private void assertFresh() throws SQLException {
        String stored = "select coalesce(string_agg(t::text, '|' order by site_id), '') from site_summary t where site_id in "
                + "(select id from place where slug like 'ss-%')";
        String before = Db.single(dataSource, stored);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("select refresh_site_summary(array(select id from place where slug like 'ss-%'))");
            try (var rs = s.executeQuery(stored)) {
                rs.next();
                assertEquals(rs.getString(1), before);
            }
            c.rollback();
        }
    }
}
