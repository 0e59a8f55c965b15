package org.athar.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.account.Role;
import org.athar.testsupport.Browser;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Two reviewers publish at the same instant (real HTTP requests released together by a barrier), a hundred times
 * over for each race the review queue can meet: two drafts of one record begun from the same version, one draft
 * published twice, and two unrelated drafts about one place. Nothing may be lost, duplicated or refused without a
 * reason, and no answer may be a 5xx.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentPublishingTest {

    private static final int TRIALS = 100;

    @Inject
    DataSource dataSource;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterAll
    void stopThreads() {
        pool.shutdownNow();
    }

    @AfterEach
    void removeFixtures() throws Exception {
        Db.execute(dataSource, """
                delete from damage_event where slug like 'race-%';
                delete from claim where source_id in (select id from source where ref like 'race-%');
                delete from source where ref like 'race-%';
                """);
    }

    /** Both posts, released together; their answers in the same order. */
    private List<HttpResponse<String>> together(Browser a, String pathA, Browser b, String pathB) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Future<HttpResponse<String>> first = pool.submit(() -> {
            start.await();
            return a.postFromThread(pathA);
        });
        Future<HttpResponse<String>> second = pool.submit(() -> {
            start.await();
            return b.postFromThread(pathB);
        });
        return List.of(first.get(), second.get());
    }

    private String lastDraft() throws Exception {
        return Db.single(dataSource, "select max(id) from draft");
    }

    private static Browser reviewer() {
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate").then().statusCode(200);
        return reviewer;
    }

    private static void assertNoServerError(List<HttpResponse<String>> answers, List<String> errors) {
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() >= 500 || answer.body() == null) {
                errors.add(answer.statusCode() + " " + answer.body());
            }
        }
    }

    @Test
    void ofTwoDraftsBegunFromTheSameVersionExactlyOneIsPublishedAndTheOtherIsShownAsAConflict() throws Exception {
        Db.execute(dataSource, "insert into source (ref, kind, title, reliability, unlocatable_reason) values ('race-source', 'NEWS_REPORT', 'Race', 'UNASSESSED', 'A test fixture.')");
        String source = Db.single(dataSource, "select id from source where ref = 'race-source'");
        Browser one = Browser.signedIn(Role.CURATOR);
        Browser two = Browser.signedIn(Role.CURATOR);
        one.get("/curate/sources/" + source + "/edit");
        two.get("/curate/sources/" + source + "/edit");
        Browser reviewerA = reviewer();
        Browser reviewerB = reviewer();
        int lost = 0;
        int conflicts = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            String version = Db.single(dataSource, "select version from source where id = " + source);
            List<String> drafts = new ArrayList<>();
            for (Browser curator : List.of(one, two)) {
                String title = (curator == one ? "One " : "Two ") + i;
                assertEquals(303, curator.post("/curate/sources", "unlocatableReason", "A test copy without an address.", "recordId", source, "baseVersion", version,
                        "kind", "NEWS_REPORT", "title", title, "reliability", "UNASSESSED", "comment", "race " + i).statusCode());
                drafts.add(lastDraft());
            }
            List<HttpResponse<String>> answers = together(reviewerA, "/curate/review/" + drafts.get(0) + "/publish",
                    reviewerB, "/curate/review/" + drafts.get(1) + "/publish");
            assertNoServerError(answers, errors);
            int published = (int) answers.stream().filter(a -> a.statusCode() == 303).count();
            if (published == 2) {
                lost++;
            } else {
                HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() != 303).findFirst().orElseThrow();
                if (refused.statusCode() == 409 && refused.body().contains("changed since this draft began")) {
                    conflicts++;
                }
                String winner = answers.get(0).statusCode() == 303 ? "One " + i : "Two " + i;
                assertEquals(winner, Db.single(dataSource, "select title from source where id = " + source));
                String loser = drafts.get(answers.get(0).statusCode() == 303 ? 1 : 0);
                reviewerA.post("/curate/review/" + loser + "/send-back", "reviewComment", "Lost the race");
            }
        }
        assertEquals(List.of(), errors);
        assertEquals(0, lost, "updates lost");
        assertEquals(TRIALS, conflicts, "conflict pages");
        assertEquals(String.valueOf(TRIALS), Db.single(dataSource,
                "select count(*) from history where table_name = 'source' and operation = 'UPDATE' and owner_id = " + source));
    }

    @Test
    void aDraftPublishedByTwoReviewersAtOnceIsPublishedOnceAndTheSecondIsToldBy() throws Exception {
        Db.execute(dataSource, "insert into source (ref, kind, title, reliability, unlocatable_reason) values ('race-once', 'NEWS_REPORT', 'Once', 'UNASSESSED', 'A test fixture.')");
        String source = Db.single(dataSource, "select id from source where ref = 'race-once'");
        Browser curator = Browser.signedIn(Role.CURATOR);
        curator.get("/curate/sources/" + source + "/edit");
        Browser reviewerA = reviewer();
        Browser reviewerB = reviewer();
        int told = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            String version = Db.single(dataSource, "select version from source where id = " + source);
            curator.post("/curate/sources", "unlocatableReason", "A test copy without an address.", "recordId", source, "baseVersion", version, "kind", "NEWS_REPORT",
                    "title", "Once " + i, "reliability", "UNASSESSED", "comment", "once " + i);
            String draft = lastDraft();
            List<HttpResponse<String>> answers = together(reviewerA, "/curate/review/" + draft + "/publish",
                    reviewerB, "/curate/review/" + draft + "/publish");
            assertNoServerError(answers, errors);
            assertEquals(1, answers.stream().filter(a -> a.statusCode() == 303).count(), "published once in trial " + i);
            if (answers.stream().anyMatch(a -> a.statusCode() == 409 && a.body().contains("already been published by"))) {
                told++;
            }
        }
        assertEquals(List.of(), errors);
        assertEquals(TRIALS, told);
        assertEquals(String.valueOf(TRIALS), Db.single(dataSource,
                "select count(*) from history where table_name = 'source' and operation = 'UPDATE' and owner_id = " + source));
    }

    @Test
    void twoUnrelatedDraftsAboutOnePlacePublishedTogetherAreBothPublished() throws Exception {
        Db.execute(dataSource, """
                insert into source (ref, kind, title, reliability, unlocatable_reason) values ('race-claims', 'NEWS_REPORT', 'Claims', 'UNASSESSED', 'A test fixture.');
                insert into damage_event (slug, summary, cause_category) values ('race-event', 'Race damage', 'VANDALISM');
                insert into damage_event_place (event_id, place_id)
                  select e.id, p.id from damage_event e, place p where e.slug = 'race-event' and p.slug = 'temple-of-baalshamin';
                insert into claim (source_id, event_id, quote, certainty, verification)
                  select s.id, e.id, 'First.', 'MEDIUM', 'REPORTED' from source s, damage_event e
                  where s.ref = 'race-claims' and e.slug = 'race-event';
                insert into claim (source_id, event_id, quote, certainty, verification)
                  select s.id, e.id, 'Second.', 'MEDIUM', 'REPORTED' from source s, damage_event e
                  where s.ref = 'race-claims' and e.slug = 'race-event';
                """);
        String source = Db.single(dataSource, "select id from source where ref = 'race-claims'");
        String[] claims = Db.single(dataSource, "select string_agg(id::text, ',' order by id) from claim where source_id = " + source).split(",");
        String place = Db.single(dataSource, "select id from place where slug = 'temple-of-baalshamin'");
        Browser one = Browser.signedIn(Role.CURATOR);
        Browser two = Browser.signedIn(Role.CURATOR);
        one.get("/curate/claims/" + claims[0] + "/edit");
        two.get("/curate/claims/" + claims[1] + "/edit");
        Browser reviewerA = reviewer();
        Browser reviewerB = reviewer();
        int falseConflicts = 0;
        int staleIndex = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            List<String> drafts = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                Browser curator = c == 0 ? one : two;
                String version = Db.single(dataSource, "select version from claim where id = " + claims[c]);
                assertEquals(303, curator.post("/curate/claims", "recordId", claims[c], "baseVersion", version,
                        "sourceId", source, "quote", "Seen zq" + (c == 0 ? "first" : "second") + i + ".",
                        "certainty", "MEDIUM", "verification", "REPORTED", "comment", "unrelated " + i).statusCode());
                drafts.add(lastDraft());
            }
            List<HttpResponse<String>> answers = together(reviewerA, "/curate/review/" + drafts.get(0) + "/publish",
                    reviewerB, "/curate/review/" + drafts.get(1) + "/publish");
            assertNoServerError(answers, errors);
            falseConflicts += (int) answers.stream().filter(a -> a.statusCode() == 409).count();
            // the search index of the place holds both new quotes: neither refresh overwrote the other's
            if (!"1".equals(Db.single(dataSource, "select count(*) from place_search where place_id = " + place
                    + " and doc @@ plainto_tsquery('english', athar_words('zqfirst" + i + " zqsecond" + i + "'))"))) {
                staleIndex++;
            }
        }
        assertEquals(List.of(), errors);
        assertEquals(0, falseConflicts, "false conflicts");
        assertEquals(0, staleIndex, "search rows missing a published change");
        assertTrue(Db.single(dataSource, "select quote from claim where id = " + claims[1]).startsWith("Seen zqsecond"));
    }
}
