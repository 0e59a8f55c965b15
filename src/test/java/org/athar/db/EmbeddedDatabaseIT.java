package org.athar.db;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.athar.testsupport.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * The packaged application on its embedded PostgreSQL, as most installations run it: durable settings, password
 * only, one Athar per data directory, writes acknowledged before a SIGKILL all there after the restart (which must
 * deal with the server the killed JVM left running), and a SIGTERM that stops the database cleanly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDatabaseIT {

    private static final String PASSWORD = "a-long-password-9";
    private final Path data;
    private final List<Process> started = new ArrayList<>();

    EmbeddedDatabaseIT() throws Exception {
        data = Files.createTempDirectory("athar-it").resolve("pgdata");
    }

    @AfterAll
    void stopAll() {
        started.forEach(Process::destroy);
    }

    private record Node(Process process, String base, Path log) {
    }

    private Node start(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "embedded-it", name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-jar", "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ATHAR_EMBEDDED_DB_DATA_DIR", data.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        Process process = builder.start();
        started.add(process);
        return new Node(process, "http://localhost:" + port, log);
    }

    private static boolean ready(Node node) throws InterruptedException {
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until && node.process.isAlive()) {
            try {
                if (given().baseUri(node.base).get("/q/health/ready").statusCode() == 200) {
                    return true;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    private String dbUrl() throws Exception {
        String port = Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim();
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    private Connection connect(String password) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", password);
        return DriverManager.getConnection(dbUrl(), props);
    }

    private String password() throws Exception {
        String line = Files.readAllLines(data.resolve("athar.pgpass")).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        return line.substring(line.lastIndexOf(':') + 1);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theEmbeddedDatabaseIsDurableLockedDownAndSurvivesAKilledApplication() throws Exception {
        Node first = start("first");
        assertTrue(ready(first), "the first start did not come up: see " + first.log.toAbsolutePath());

        // locked down: a password only its owner can read, no way in without it, durable settings
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("athar.pgpass"))));
        SQLException refused = assertThrows(SQLException.class, () -> connect("not-the-password").close());
        assertEquals("28P01", refused.getSQLState(), refused.getMessage());
        try (Connection c = connect(password())) {
            assertEquals("on|on|on|localhost|", single(c, "select current_setting('fsync') || '|' || current_setting('synchronous_commit')"
                    + " || '|' || current_setting('full_page_writes') || '|' || current_setting('listen_addresses')"
                    + " || '|' || current_setting('unix_socket_directories')"));
            try (Statement s = c.createStatement()) {
                s.execute("insert into account (username, password_hash, role) values ('curator-it', '"
                        + BcryptUtil.bcryptHash(PASSWORD) + "', 'CURATOR'), ('reviewer-it', '"
                        + BcryptUtil.bcryptHash(PASSWORD) + "', 'REVIEWER')");
            }
        }

        // one Athar per data directory
        Node second = start("second");
        assertTrue(second.process.waitFor(120, TimeUnit.SECONDS), "the second instance kept running");
        assertTrue(second.process.exitValue() != 0);
        String said = Files.readString(second.log);
        assertTrue(said.contains("Another Athar is already running on the embedded database in " + data)
                && said.contains("ATHAR_EMBEDDED_DB_DATA_DIR"), said);

        // writes acknowledged before a SIGKILL are all there afterwards
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(11);
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.submit(() -> {
                Browser curator = new Browser(first.base);
                curator.signIn("curator-it", PASSWORD);
                curator.get("/curate/sources/new");
                for (int i = 0; writing.get(); i++) {
                    String title = "Crash test " + writer + "-" + i;
                    try {
                        if (curator.postFromThread("/curate/sources", "kind", "NEWS_REPORT", "title", title,
                                "unlocatableReason", "A crash test.", "reliability", "UNASSESSED", "comment", "crash")
                                .statusCode() == 303) {
                            acknowledged.add(title);
                        }
                    } catch (Exception killed) {
                        return null;
                    }
                }
                return null;
            });
        }
        // two reviewers publish what the curators propose, and people sign in, all the while
        List<Long> published = Collections.synchronizedList(new ArrayList<>());
        List<String> sessions = Collections.synchronizedList(new ArrayList<>());
        String pw = password();
        for (int r = 0; r < 2; r++) {
            int reviewerNo = r;
            writers.submit(() -> {
                Browser reviewer = new Browser(first.base);
                reviewer.signIn("reviewer-it", PASSWORD);
                reviewer.get("/curate");
                try (Connection c = connect(pw); Statement s = c.createStatement()) {
                    while (writing.get()) {
                        long draft;
                        try (ResultSet rs = s.executeQuery("select id from draft where state = 'PENDING' and id % 2 = "
                                + reviewerNo + " order by id limit 1")) {
                            if (!rs.next()) {
                                Thread.sleep(20);
                                continue;
                            }
                            draft = rs.getLong(1);
                        }
                        if (reviewer.postFromThread("/curate/review/" + draft + "/publish").statusCode() == 303) {
                            published.add(draft);
                        }
                    }
                } catch (Exception killed) {
                    return null;
                }
                return null;
            });
        }
        writers.submit(() -> {
            while (writing.get()) {
                try {
                    io.restassured.response.Response r = new Browser(first.base).signIn("curator-it", PASSWORD);
                    if (r.statusCode() == 303) {
                        sessions.add(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(r.getCookie("athar_session").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                    }
                } catch (Exception killed) {
                    return null;
                }
            }
            return null;
        });
        Thread.sleep(15_000);
        first.process.destroyForcibly(); // SIGKILL: no shutdown hook runs, the database is left behind
        first.process.waitFor();
        writing.set(false);
        writers.shutdown();
        writers.awaitTermination(30, TimeUnit.SECONDS);
        int writes = acknowledged.size() + published.size() + sessions.size();
        assertTrue(writes > 500 && !published.isEmpty() && !sessions.isEmpty(), "only " + acknowledged.size() + " drafts, "
                + published.size() + " publishes, " + sessions.size() + " sign-ins before the kill");

        Node third = start("third");
        assertTrue(ready(third), "the start after a SIGKILL did not come up: see " + third.log.toAbsolutePath());
        assertTrue(Files.readString(third.log).contains("was left running by an Athar that stopped without shutting it down"));
        try (Connection c = connect(password()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select draft_title from (select payload::jsonb ->> 'title' as draft_title from draft) d"
                        + " where draft_title like 'Crash test %'")) {
            List<String> found = new ArrayList<>();
            while (rs.next()) {
                found.add(rs.getString(1));
            }
            List<String> missing = new ArrayList<>(acknowledged);
            missing.removeAll(found);
            assertEquals(List.of(), missing, "acknowledged drafts lost");
            // every publish acknowledged is there whole: the draft closed, its source, and the source's history
            List<Long> halfPublished = new ArrayList<>();
            for (Long draft : List.copyOf(published)) {
                try (Statement q = c.createStatement(); ResultSet p = q.executeQuery("select d.state = 'PUBLISHED' and exists (select 1 from source s"
                        + " join history h on h.table_name = 'source' and h.operation = 'INSERT' and (h.after ->> 'id')::bigint = s.id"
                        + " where s.title = d.payload::jsonb ->> 'title') from draft d where d.id = " + draft)) {
                    if (!p.next() || !p.getBoolean(1)) {
                        halfPublished.add(draft);
                    }
                }
            }
            assertEquals(List.of(), halfPublished, "publishes acknowledged but not whole");
            assertEquals("0", single(c, "select count(*) from source s where s.title like 'Crash test %' and not exists ("
                    + "select 1 from history h where h.table_name = 'source' and h.operation = 'INSERT' and (h.after ->> 'id')::bigint = s.id)"));
            List<String> lostSessions = new ArrayList<>();
            for (String hash : List.copyOf(sessions)) {
                if (single(c, "select count(*) from account_session where token_hash = '" + hash + "'").equals("0")) {
                    lostSessions.add(hash);
                }
            }
            assertEquals(List.of(), lostSessions, "sign-ins acknowledged but their sessions lost");
            System.out.printf("Writes acknowledged before SIGKILL: %d drafts, %d publishes, %d sign-ins; all found after restart%n",
                    acknowledged.size(), published.size(), sessions.size());
        }

        // the database killed under the running application: 503 and DOWN meanwhile, then it is back by itself
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
        int status = given().baseUri(third.base).get("/monuments/temple-of-baalshamin").statusCode();
        assertTrue(status == 503 || status == 200, "while the database is away: " + status);
        long until = System.currentTimeMillis() + 60_000;
        while (given().baseUri(third.base).get("/q/health/ready").statusCode() != 200) {
            assertTrue(System.currentTimeMillis() < until, "the database did not come back: see " + third.log.toAbsolutePath());
            Thread.sleep(500);
        }
        assertEquals(200, given().baseUri(third.base).get("/monuments/temple-of-baalshamin").statusCode());
        assertTrue(Files.readString(third.log).contains("has stopped; starting it again"));

        // SIGTERM: the application finishes, then the database stops with a checkpoint
        third.process.destroy();
        assertTrue(third.process.waitFor(60, TimeUnit.SECONDS));
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "the database was left running after SIGTERM");
    }
}
