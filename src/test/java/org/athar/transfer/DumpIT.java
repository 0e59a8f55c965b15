package org.athar.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged application's public dump, as an operator uses it: downloaded from one registry, loaded with
 * {@code restore-dump} into a new data directory, and served from there with the same records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DumpIT {

    private final List<Process> started = new ArrayList<>();
    private final Path work;

    DumpIT() throws Exception {
        work = Files.createTempDirectory("athar-dump-it");
    }

    @AfterAll
    void stopAll() {
        started.forEach(Process::destroy);
    }

    /** The packaged jar on the embedded database in {@code data}; serving when {@code args} is empty, else a command. */
    private Process jar(String name, Path data, int port, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-jar", "target/quarkus-app/quarkus-run.jar"));
        command.addAll(List.of(args));
        Path log = Path.of("target", "dump-it", name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ATHAR_EMBEDDED_DB_DATA_DIR", data.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String serving(Process process, int port) throws Exception {
        String base = "http://localhost:" + port;
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until && process.isAlive()) {
            try {
                if (given().baseUri(base).get("/q/health/ready").statusCode() == 200) {
                    return base;
                }
            } catch (Exception e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the application did not start");
    }

    @Test
    void aDumpLoadedWithRestoreDumpIntoANewDataDirectoryServesTheSameRegistry() throws Exception {
        int port = freePort();
        Process first = jar("first", work.resolve("first"), port);
        String base = serving(first, port);
        byte[] dump = given().baseUri(base).get("/api/export/dump.zip").then().statusCode(200).extract().asByteArray();
        String places = given().baseUri(base).get("/api/export/places.csv").asString().replace(base, "");
        first.destroy();
        first.waitFor(30, TimeUnit.SECONDS);

        Path file = work.resolve("athar-dump.zip");
        Files.write(file, dump);
        Process restore = jar("restore", work.resolve("second"), freePort(), "restore-dump", file.toString());
        assertTrue(restore.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, restore.exitValue(), Files.readString(Path.of("target", "dump-it", "restore.log")));

        int second = freePort();
        String restored = serving(jar("second", work.resolve("second"), second), second);
        given().baseUri(restored).get("/monuments/temple-of-bel").then().statusCode(200)
                .body(containsString("Sources disagree"));
        assertEquals(places, given().baseUri(restored).get("/api/export/places.csv").asString().replace(restored, ""));
    }
}
