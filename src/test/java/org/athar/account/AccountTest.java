package org.athar.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.athar.testsupport.Accounts.newAccount;

import org.athar.testsupport.Browser;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AccountTest {


    @Test
    void aCuratorSignsInWithAnHttpOnlySameSiteSessionAndSignsOut() {
        String user = newAccount(Role.CURATOR, "a-long-password-1");
        Browser browser = new Browser();
        Response signIn = browser.signIn(user, "a-long-password-1");
        assertEquals(303, signIn.statusCode());
        String cookie = signIn.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith("athar_session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("athar_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        browser.get("/curate").then().statusCode(200).body(containsString("Signed in as <strong><bdi>" + user + "</bdi></strong> (curator)"))
                .body(not(containsString("Manage accounts")));
        String session = browser.cookies.get("athar_session");
        assertEquals(303, browser.post("/logout").statusCode());
        // the old cookie no longer opens the workspace
        given().cookie("athar_session", session).redirects().follow(false).get("/curate").then().statusCode(302);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheFormShownAgain() {
        String user = newAccount(Role.CURATOR, "a-long-password-2");
        Browser browser = new Browser();
        Response r = browser.signIn(user, "not-the-password");
        assertEquals(401, r.statusCode());
        assertTrue(r.asString().contains("The username or password is not right."));
        assertTrue(r.asString().contains("value=\"" + user + "\""), "the username is kept");
        assertNull(r.getCookie("athar_session"));
    }

    @Test
    void theSignInFormNeedsItsCsrfToken() {
        given().contentType("application/x-www-form-urlencoded").formParam("username", "admin")
                .formParam("password", "test-admin-password-1").post("/login").then().statusCode(400)
                .body(containsString("did not come from this site"));
    }

    @Test
    void repeatedFailuresAreRefusedForAWhile() {
        String user = newAccount(Role.CURATOR, "a-long-password-3");
        Browser browser = new Browser();
        for (int i = 0; i < LoginThrottle.LOCK_AFTER; i++) {
            assertEquals(401, browser.signIn(user, "wrong-" + i).statusCode());
        }
        Response refused = browser.signIn(user, "a-long-password-3");
        assertEquals(429, refused.statusCode());
        assertTrue(refused.asString().contains("Too many failed sign-ins"));
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndCuratorsCannotManageAccounts() {
        given().redirects().follow(false).get("/curate").then().statusCode(302)
                .header("Location", containsString("/login?next=%2Fcurate"));
        Browser curator = new Browser();
        curator.signIn(newAccount(Role.CURATOR, "a-long-password-4"), "a-long-password-4");
        curator.get("/admin/accounts").then().statusCode(403);
    }

    @Test
    void theConfiguredAdministratorCreatesAccountsWithCheckedFields() {
        Browser admin = new Browser();
        assertEquals(303, admin.signIn("admin", "test-admin-password-1").statusCode());
        admin.get("/admin/accounts").then().statusCode(200);
        admin.post("/admin/accounts", "username", "x", "role", "CURATOR", "password", "a-long-password-5").then()
                .statusCode(400).body(containsString("id=\"username\" name=\"username\" required aria-invalid=\"true\""));
        admin.post("/admin/accounts", "username", "new-reviewer", "role", "REVIEWER", "password", "short").then()
                .statusCode(400).body(containsString("Use at least 12 characters."));
        admin.post("/admin/accounts", "username", "new-reviewer", "role", "REVIEWER", "password", "a-long-password-5").then()
                .statusCode(201).body(containsString("Account &#39;new-reviewer&#39; created."));
        Browser reviewer = new Browser();
        assertEquals(303, reviewer.signIn("new-reviewer", "a-long-password-5").statusCode());
        Account stored = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername("new-reviewer").orElseThrow());
        assertTrue(stored.passwordHash.startsWith("$2"), "bcrypt, not the password");
    }

    @Test
    void anAccountChangesItsPassword() {
        String user = newAccount(Role.REVIEWER, "a-long-password-6");
        Browser browser = new Browser();
        browser.signIn(user, "a-long-password-6");
        browser.get("/account/password");
        browser.post("/account/password", "current", "wrong", "password", "another-long-pass", "confirm", "another-long-pass")
                .then().statusCode(400).body(containsString("current password is not right"));
        browser.get("/account/password");
        browser.post("/account/password", "current", "a-long-password-6", "password", "another-long-pass", "confirm",
                "another-long-pass").then().statusCode(200).body(containsString("Your password is changed."));
        assertEquals(401, new Browser().signIn(user, "a-long-password-6").statusCode());
        assertNotNull(new Browser().signIn(user, "another-long-pass").getCookie("athar_session"));
    }

    private static String single(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(
                Account.getEntityManager().createNativeQuery(sql).getSingleResult()));
    }

    private static void run(String sql) {
        QuarkusTransaction.requiringNew().run(() -> Account.getEntityManager().createNativeQuery(sql).executeUpdate());
    }

    @Test
    void aSessionUnusedForLongerThanTheIdleLimitEnds() {
        String user = newAccount(Role.CURATOR, "a-long-password-7");
        Browser browser = new Browser();
        browser.signIn(user, "a-long-password-7");
        browser.get("/curate").then().statusCode(200);
        run("update account_session set last_seen_at = now() - interval '31 minutes', created_at = now() - interval '1 hour'"
                + " where account_id = (select id from account where username = '" + user + "')");
        browser.get("/curate").then().statusCode(302);
    }

    @Test
    void changingThePasswordEndsTheAccountsOtherSessions() {
        String user = newAccount(Role.CURATOR, "a-long-password-8");
        Browser here = new Browser();
        Browser elsewhere = new Browser();
        here.signIn(user, "a-long-password-8");
        elsewhere.signIn(user, "a-long-password-8");
        here.get("/account/password");
        here.post("/account/password", "current", "a-long-password-8", "password", "yet-another-long-one", "confirm",
                "yet-another-long-one").then().statusCode(200).body(containsString("Your other sessions (1) have ended."));
        here.get("/curate").then().statusCode(200);
        elsewhere.get("/curate").then().statusCode(302);
        assertEquals("{\"password\": \"changed\"}", single("select jsonb_build_object('password', h.after -> 'password')::text"
                + " from history h where h.table_name = 'account' and h.operation = 'UPDATE' and h.after ->> 'username' = '" + user + "'"));
        assertEquals("0", single("select count(*) from history where table_name = 'account' and coalesce(before::text, '') || coalesce(after::text, '') like '%password_hash%'"));
    }

    @Test
    void anAdministratorDisablesAnAccountEndingItsSessionsAndRecordsItInTheHistory() {
        String user = newAccount(Role.CURATOR, "a-long-password-9");
        Browser curator = new Browser();
        curator.signIn(user, "a-long-password-9");
        Browser admin = Browser.signedIn(Role.ADMIN);
        admin.get("/admin/accounts");
        admin.post("/admin/accounts/" + user + "/disable").then().statusCode(200)
                .body(containsString("Account &#39;" + user + "&#39; disabled; its 1 session has ended."));
        curator.get("/curate").then().statusCode(302);
        Response refused = new Browser().signIn(user, "a-long-password-9");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.asString().contains("This account has been disabled."));
        assertEquals("Disabled the account", single("select c.comment from history h join change_set c on c.id = h.change_set_id"
                + " where h.table_name = 'account' and h.after ->> 'username' = '" + user + "' and h.operation = 'UPDATE'"));
        admin.get("/admin/accounts");
        admin.post("/admin/accounts/" + user + "/enable").then().statusCode(200);
        assertEquals(303, new Browser().signIn(user, "a-long-password-9").statusCode());
    }
}
