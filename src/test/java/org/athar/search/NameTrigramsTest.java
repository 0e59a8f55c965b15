package org.athar.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Fuzzy name matching proposes, from memory, every place PostgreSQL's trigram similarity would find, so that a search
 * answers exactly as with the trigram index alone; and a name written by plain SQL on another connection is matched
 * as soon as the database announces it.
 */
@QuarkusTest
class NameTrigramsTest {

    @Inject
    NameTrigrams nameTrigrams;

    @Inject
    SearchService search;

    @Inject
    DataSource dataSource;

    /** Every name's distinctive part, the same with a letter changed, one dropped, and a word added; and odd ones. */
    private List<String> queries() throws Exception {
        List<String> queries = new ArrayList<>(List.of("tadmur", "palmira", "bel", "b", "بعل", "بعلشمين", "elahbell",
                "baal shamin", "tetrapilon", "qasr al hayr", "x", "zzzz", "iii", "أفقا"));
        for (String core : Db.single(dataSource, "select string_agg(distinct core, '|') from place_name").split("\\|")) {
            queries.add(core);
            queries.add(core.substring(1));
            queries.add(core.length() > 3 ? core.substring(0, 2) + "x" + core.substring(3) : core + "a");
            queries.add(core + " tomb");
        }
        return queries;
    }

    /** The places PostgreSQL finds with similarity(q, core) >= threshold. */
    private Set<Long> similarInSql(Connection c, String query, double threshold) throws Exception {
        try (PreparedStatement s = c.prepareStatement(
                "select distinct place_id from place_name where similarity(athar_core(?), core) >= ?::float8")) {
            s.setString(1, query);
            s.setDouble(2, threshold);
            Set<Long> ids = new TreeSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static Set<Long> set(long[] ids) {
        return Arrays.stream(ids).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void trigramsAreCountedAsPostgresCountsThem() throws Exception {
        NameTrigrams.Index.Builder names = new NameTrigrams.Index.Builder();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select place_id, core from place_name order by id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getLong(1), rs.getString(2));
                }
            }
            NameTrigrams.Index index = names.build();
            for (String query : queries()) {
                String core = Db.single(dataSource, "select athar_core('" + query.replace("'", "''") + "')");
                // exactly at the search's threshold, and at others
                for (double threshold : new double[] { 0.4, 0.3, 0.6 }) {
                    assertEquals(similarInSql(c, query, threshold), set(index.similar(core, threshold)),
                            "'" + query + "' at " + threshold);
                }
            }
        }
    }

    @Test
    void fuzzySearchesAnswerAsTheTrigramIndexAnswers() throws Exception {
        awaitNames();
        try (Connection c = dataSource.getConnection()) {
            for (String query : queries()) {
                String core = Db.single(dataSource, "select athar_core('" + query.replace("'", "''") + "')");
                long[] proposed = nameTrigrams.candidates(core);
                assertTrue(proposed != null, "names not in memory");
                assertTrue(set(proposed).containsAll(similarInSql(c, query, 0.4)), query);
            }
        }
        for (String query : List.of("q=palmira", "q=Tadmur", "q=temple of baal", "q=elahbell", "q=بعلشمين",
                "q=tetrapilon&status=DESTROYED", "q=palmira&asOf=2015-09-01", "q=baalshamin&sort=name", "q=zzzz")) {
            assertEquals(search.searchInSql(BroadWordsTest.request(query)).toString(),
                    search.search(BroadWordsTest.request(query)).toString(), query);
        }
    }

    @Test
    void aNameWrittenWithPlainSqlIsMatchedFuzzilyOnceAnnounced() throws Exception {
        awaitNames();
        long id = Long.parseLong(Db.monument(dataSource, "name-trigrams-test", "Qasr Zubaydat"));
        try {
            awaitFound("q=Kasr Zubaydat", true);
            // found from memory, not because the search went to the trigram index
            assertTrue(set(nameTrigrams.candidates("kasr zubaydat")).contains(id));
            Db.execute(dataSource, "update place_name set name = 'Khan Mardikh' where name = 'Qasr Zubaydat'");
            awaitFound("q=Kasr Zubaydat", false);
            awaitFound("q=Kan Mardik", true);
        } finally {
            Db.execute(dataSource, "delete from place where slug = 'name-trigrams-test'");
        }
        awaitFound("q=Kan Mardik", false);
    }

    private void awaitNames() throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (nameTrigrams.candidates("palmyra") == null) {
            assertTrue(System.currentTimeMillis() < until, "the names were never read");
            Thread.sleep(20);
        }
    }

    private void awaitFound(String query, boolean found) throws InterruptedException {
        long until = System.currentTimeMillis() + 5_000;
        while (true) {
            awaitNames();
            boolean has = search.search(BroadWordsTest.request(query)).results().stream()
                    .anyMatch(h -> h.slug().equals("name-trigrams-test"));
            if (has == found) {
                return;
            }
            assertFalse(System.currentTimeMillis() > until, (found ? "never found" : "still found") + " by " + query);
            Thread.sleep(20);
        }
    }
}
