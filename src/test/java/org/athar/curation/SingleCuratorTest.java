package org.athar.curation;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** An installation with a single curator lets its administrators publish their own drafts, and no one else. */
@QuarkusTest
@TestProfile(SingleCuratorTest.AdminsReviewOwnDrafts.class)
class SingleCuratorTest {

    public static class AdminsReviewOwnDrafts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("athar.review.admins-review-own-drafts", "true");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void anAdministratorPublishesTheirOwnDraftWhereConfiguredButAReviewerStillCannot() throws Exception {
        Browser admin = Browser.signedIn(Role.ADMIN);
        admin.get("/curate").then().body(containsString("On this installation administrators may publish their own drafts."));
        admin.get("/curate/sources/new");
        admin.post("/curate/sources", "kind", "IMAGERY_ANALYSIS", "title", "Notes of the only curator", "publisher", "A Test Lab",
                "published", "2016-04", "url", "https://example.org/notes", "language", "en", "reliability", "HIGH",
                "reliabilityReason", "Dated satellite images compared by specialists.", "comment", "Typed from my notebook");
        String draft = Db.single(dataSource, "select max(id) from draft");
        admin.get("/curate/review");
        admin.post("/curate/review/" + draft + "/publish").then().statusCode(303);
        assertEquals("1", Db.single(dataSource, "select count(*) from source where title = 'Notes of the only curator'"));

        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        reviewer.get("/curate/sources/new");
        reviewer.post("/curate/sources", "kind", "IMAGERY_ANALYSIS", "title", "Notes of a reviewer", "publisher", "A Test Lab",
                "published", "2016-04", "url", "https://example.org/notes", "language", "en", "reliability", "HIGH",
                "reliabilityReason", "Dated satellite images compared by specialists.", "comment", "Typed from my notebook");
        String own = Db.single(dataSource, "select max(id) from draft");
        reviewer.get("/curate/review");
        reviewer.post("/curate/review/" + own + "/publish").then().statusCode(400)
                .body(containsString("Another reviewer must review your own draft."));
    }
}
