package org.athar.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;

import org.athar.bench.RegistryGenerator;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Searches for broad words are answered from memory exactly as SQL answers them (the same places in the same order,
 * the same counts, scores and names), and a change made by plain SQL on another connection is searched as soon as the
 * database announces it.
 */
@QuarkusTest
@TestProfile(BroadWordsTest.EveryWordBroad.class)
class BroadWordsTest {

    /** Every word counts as broad here, so that the seed's and a small generated registry's words are all in memory. */
    public static class EveryWordBroad implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("athar.search.broad-words.enabled", "true", "athar.search.broad-words.min-places", "1");
        }
    }

    @Inject
    SearchService search;

    @Inject
    BroadWords broadWords;

    @Inject
    RegistryGenerator generator;

    @Inject
    DataSource dataSource;

    /** A request with parameters written as in a URL ("q=temple&asOf=2015-09-01"). */
    static SearchRequest request(String query) {
        MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
        for (String pair : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            params.add(nameValue[0], nameValue[1]);
        }
        return SearchRequest.from(params);
    }

    /** Asks from memory and from SQL; the answers must be equal, facets in the same order, and from memory indeed. */
    private SearchResult same(String query) {
        long answered = broadWords.answered();
        SearchResult memory = search.search(request(query));
        assertEquals(answered + 1, broadWords.answered(), query + ": not answered from memory");
        assertEquals(search.searchInSql(request(query)).toString(), memory.toString(), query);
        return memory;
    }

    private void awaitSnapshot() throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (broadWords.current() == null) {
            assertTrue(System.currentTimeMillis() < until, "the broad words were never read");
            Thread.sleep(20);
        }
    }

    private static final List<String> SEARCHES = List.of("q=temple", "q=tomb", "q=tombs", "q=theater", "q=arch",
            "q=palmyra", "q=temple of bel", "q=bel", "q=معبد", "q=museum", "q=destroyed", "q=temple&asOf=2015-09-01",
            "q=temple&asOf=2015-08-01&status=DESTROYED", "q=tomb&status=DESTROYED", "q=temple&kind=TEMPLE",
            "q=temple&sort=name", "q=tomb&sort=latest", "q=palmyra&sort=latest&size=5&page=2",
            "q=palmyra&from=2015-05-01&to=2015-12-31", "q=palmyra&from=2016-01-01", "q=palmyra&to=2014-12-31",
            "q=palmyra&cause=MILITARY_ARMED_CONFLICT", "q=palmyra&effect=COLLAPSE_STRUCTURAL_DAMAGE", "q=palmyra&severity=DESTROYED",
            "q=palmyra&sourceKind=NEWS_REPORT", "q=palmyra&verification=REPORTED", "q=palmyra&site=palmyra",
            "q=palmyra&placeType=STRUCTURAL_HERITAGE");

    @Test
    void broadWordsAreAnsweredFromMemoryAsSqlAnswersThem() throws Exception {
        awaitSnapshot();
        SEARCHES.forEach(this::same);
        assertTrue(same("q=temple").total() > 0);
        try {
            generator.generate(300, 11);
            awaitSnapshot();
            // hundreds of places per word: ties broken by name and number, facets over the best thousand, pages far on
            for (String q : List.of("q=temple", "q=tomb", "q=arch", "q=معبد", "q=shrine&sort=name", "q=tower&sort=latest",
                    "q=temple&asOf=2015-09-01&status=DESTROYED", "q=tomb&size=7&page=3", "q=citadel&from=2015-01-01&to=2015-12-31",
                    "q=temple&cause=LOOTING_ILLEGAL_ACTIVITIES", "q=said")) {
                same(q);
            }
            assertTrue(same("q=said").total() > 300, "a word of every generated place");
        } finally {
            Db.removeGenerated(dataSource);
            Db.execute(dataSource, "select pg_notify('athar_change', 'generated')"); // removed without announcing
        }
    }

    @Test
    void theBestOfThousandsAreTakenInOrderWithoutSortingThemAll() {
        java.util.Random random = new java.util.Random(3);
        for (int run = 0; run < 200; run++) {
            int n = random.nextInt(3_000);
            int wanted = 1 + random.nextInt(1_200);
            long[] keys = random.longs(n, 0, run % 2 == 0 ? 50 : Long.MAX_VALUE).toArray(); // with ties, and without
            long[] sorted = keys.clone();
            java.util.Arrays.sort(sorted);
            BroadWords.Snapshot.smallestFirst(keys, n, wanted);
            int k = Math.min(n, wanted);
            assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(sorted, k)),
                    java.util.Arrays.toString(java.util.Arrays.copyOf(keys, k)), "n=" + n + " wanted=" + wanted);
        }
    }

    @Test
    void aChangeMadeWithPlainSqlIsSearchedOnceAnnounced() throws Exception {
        awaitSnapshot();
        Db.monument(dataSource, "broad-words-test", "Broad Words Test House");
        try {
            awaitFound("q=theatre", "broad-words-test", false);
            Db.execute(dataSource, "update place set description = 'Once a theatre, then a stable.' where slug = 'broad-words-test'");
            awaitFound("q=theatre", "broad-words-test", true);
            same("q=theatre");
            Db.execute(dataSource, "update place set slug = 'broad-words-test-2' where slug = 'broad-words-test'");
            awaitFound("q=theatre", "broad-words-test-2", true);
            Db.execute(dataSource, "update place set description = null, slug = 'broad-words-test' where slug = 'broad-words-test-2'");
            awaitFound("q=theatre", "broad-words-test-2", false); // the change has been heard: the old address is gone
            awaitFound("q=theatre", "broad-words-test", false);
            same("q=theatre");
        } finally {
            Db.execute(dataSource, "delete from place where slug = 'broad-words-test'");
        }
        awaitFound("q=house", "broad-words-test", false);
    }

    private void awaitFound(String query, String slug, boolean found) throws InterruptedException {
        long until = System.currentTimeMillis() + 5_000;
        while (true) {
            awaitSnapshot();
            SearchRequest request = request(query + "&size=100");
            boolean has = search.search(request).results().stream().anyMatch(h -> h.slug().equals(slug));
            if (has == found) {
                return;
            }
            assertFalse(System.currentTimeMillis() > until, slug + (found ? " never found" : " still found") + " by " + query);
            Thread.sleep(20);
        }
    }
}
