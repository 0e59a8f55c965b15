package org.athar.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the PostgreSQL that ships inside the application (zonky's binaries from Maven Central), once per JVM.
 * With a data directory the data survives restarts; without one it lives in a temporary directory removed at exit.
 * PostgreSQL refuses to run as root; zonky then starts its programs through {@code unshare -U}, as an unmapped user
 * in a fresh user namespace, where the data directory (owned by root outside) appears as theirs.
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    // The running server's URL, kept in a system property so that a dev-mode restart (new class loader) reuses it.
    private static final String RUNNING = "athar.embedded-db.running-url";

    private EmbeddedPostgresServer() {
    }

    /** Whether this JVM runs on the embedded database (then an empty registry is seeded on start). */
    public static boolean isRunning() {
        return System.getProperty(RUNNING) != null;
    }

    static synchronized String jdbcUrl(String dataDir) {
        String running = System.getProperty(RUNNING);
        if (running != null) {
            return running;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("max_connections", "50");
            if (dataDir != null) {
                Path dir = Path.of(dataDir.replaceFirst("^~", System.getProperty("user.home"))).toAbsolutePath();
                Files.createDirectories(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
                LOG.infof("Embedded PostgreSQL: data in %s", dir);
            } else {
                LOG.info("Embedded PostgreSQL: throw-away data directory");
            }
            EmbeddedPostgres postgres = builder.start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            System.setProperty(RUNNING, url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }
}
