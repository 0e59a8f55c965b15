package org.athar.db;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.athar.testsupport.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.restassured.response.Response;

/**
 * Two nodes of the packaged application behind one PostgreSQL, as a load balancer would run them: what is
 * published through one is what the other serves next, and failed sign-ins count on both. Runs after packaging
 * (failsafe), starting the jar twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralNodesIT {

    private static final String PASSWORD = "a-long-password-9";
    private final List<Process> nodes = new ArrayList<>();
    private String url;
    private String password;
    private String first;
    private String second;

    @BeforeAll
    void startTwoNodesOnOneDatabase() throws Exception {
        EmbeddedPostgresServer.Server server = EmbeddedPostgresServer.start(null, false);
        url = server.url();
        password = server.password();
        // every word counts as broad, so that the seed's searches are answered from the nodes' memory
        first = start("first", Map.of("ATHAR_SEED_LOAD_IF_EMPTY", "true", "ATHAR_SEARCH_BROAD_WORDS_MIN_PLACES", "1"));
        second = start("second", Map.of("ATHAR_SEARCH_BROAD_WORDS_MIN_PLACES", "1"));
        for (String role : new String[] { "CURATOR", "REVIEWER" }) {
            sql("insert into account (username, password_hash, role) values (?, ?, ?)", role.toLowerCase() + "-1",
                    BcryptUtil.bcryptHash(PASSWORD), role);
        }
    }

    @AfterAll
    void stopThem() {
        nodes.forEach(Process::destroy);
    }

    private String start(String name, Map<String, String> extra) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "nodes", name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-jar", "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url, "QUARKUS_DATASOURCE_PASSWORD", password,
                "QUARKUS_HTTP_PORT", String.valueOf(port)));
        builder.environment().putAll(extra);
        nodes.add(builder.start());
        String base = "http://localhost:" + port;
        long until = System.currentTimeMillis() + 90_000;
        while (true) {
            try {
                if (given().baseUri(base).get("/q/health/ready").statusCode() == 200) {
                    return base;
                }
            } catch (Exception notYet) {
                // not listening yet (RestAssured throws the connection's checked exception as it is)
            }
            if (System.currentTimeMillis() > until || !nodes.get(nodes.size() - 1).isAlive()) {
                throw new AssertionError("node " + name + " did not start: see " + new File(log.toString()).getAbsolutePath());
            }
            Thread.sleep(200);
        }
    }

    private String sql(String statement, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            if (!s.execute()) {
                return null;
            }
            try (ResultSet rs = s.getResultSet()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Asks until the answer holds (at most 5 s: the announcement travels from the database to the node). */
    private static long eventually(Supplier<Boolean> check) throws InterruptedException {
        long started = System.nanoTime();
        while (!check.get()) {
            if (System.nanoTime() - started > 5_000_000_000L) {
                throw new AssertionError("not seen within 5 s");
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void aChangePublishedThroughOneNodeIsServedByTheOther() throws Exception {
        String id = sql("select id::text from source where ref = 'seed-002-new-arab-2016-03-24'");
        String page = "/sources/" + id;
        // the second node keeps the visitor's page in memory
        String etag = given().baseUri(second).get(page).header("ETag");
        assertEquals(etag, given().baseUri(second).get(page).header("ETag"));

        Browser curator = new Browser(first);
        assertEquals(303, curator.signIn("curator-1", PASSWORD).statusCode());
        curator.get("/curate/sources/" + id + "/edit");
        Response proposed = curator.post("/curate/sources", "unlocatableReason", "A test copy without an address.", "recordId", id, "baseVersion", sql("select version::text from source where id = " + id),
                "kind", "NEWS_REPORT", "title", "Published through the first node", "publisher", "The New Arab",
                "published", "2016-03-24", "language", "en", "reliability", "MEDIUM",
                "reliabilityReason", "Reports official claims.", "comment", "Two nodes");
        assertEquals(303, proposed.statusCode(), proposed.asString());
        Browser reviewer = new Browser(first);
        assertEquals(303, reviewer.signIn("reviewer-1", PASSWORD).statusCode());
        reviewer.get("/curate/review");
        assertEquals(303, reviewer.post("/curate/review/" + sql("select max(id)::text from draft") + "/publish").statusCode());

        long millis = eventually(() -> given().baseUri(second).get(page).asString().contains("Published through the first node"));
        System.out.println("The second node served the change " + millis + " ms after the first answered the publish");
    }

    @Test
    void aChangeMadeByAScriptIsSearchedFromTheOtherNodesMemory() throws Exception {
        String search = "/api/search?q=theatre&size=100";
        // the broad words are read in the background when a search first asks for them: until then searches go to SQL,
        // and each answer is cached, so each try asks a new address (an unknown parameter is ignored)
        AtomicInteger tries = new AtomicInteger();
        eventually(() -> given().baseUri(second).get(search + "&try=" + tries.incrementAndGet()).statusCode() == 200
                && answeredFromMemory(second) > 0);
        assertFalse(given().baseUri(second).get(search).asString().contains("\"slug\":\"temple-of-bel\""));
        String description = sql("select description from place where slug = 'temple-of-bel'");
        try {
            sql("update place set description = 'A theatre of the gods, some say.' where slug = 'temple-of-bel'");
            double before = answeredFromMemory(second);
            eventually(() -> given().baseUri(second).get(search).asString().contains("\"slug\":\"temple-of-bel\""));
            assertTrue(answeredFromMemory(second) > before, "the second node answered from its memory");
        } finally {
            sql("update place set description = ? where slug = 'temple-of-bel'", description);
        }
        eventually(() -> !given().baseUri(second).get(search).asString().contains("\"slug\":\"temple-of-bel\""));
    }

    /** The searches a node answered from its broad words (its metrics). */
    private static double answeredFromMemory(String node) {
        return given().baseUri(node).get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith("athar_search_broad_words_total")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElse(0);
    }

    @Test
    void failedSignInsCountOnEveryNode() throws Exception {
        sql("insert into account (username, password_hash, role) values ('target-1', ?, 'CURATOR')", BcryptUtil.bcryptHash(PASSWORD));
        for (int i = 0; i < 3; i++) {
            assertEquals(401, new Browser(first).signIn("target-1", "wrong-" + i).statusCode());
            assertEquals(401, new Browser(second).signIn("target-1", "wrong-again-" + i).statusCode());
        }
        // six failures in all, three on each: both nodes refuse even the right password now
        Response refused = new Browser(second).signIn("target-1", PASSWORD);
        assertEquals(429, refused.statusCode());
        assertTrue(refused.asString().contains("Too many failed sign-ins"));
        assertEquals(429, new Browser(first).signIn("target-1", PASSWORD).statusCode());
    }
}
