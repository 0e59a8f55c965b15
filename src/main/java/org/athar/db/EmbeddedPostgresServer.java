package org.athar.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the PostgreSQL that ships inside the application (zonky's binaries from Maven Central), once per JVM.
 * With a data directory the data survives restarts; without one it lives in a temporary directory removed at exit.
 * PostgreSQL refuses to run as root; zonky then starts its programs through {@code unshare -U}, as an unmapped user
 * in a fresh user namespace, where the data directory (owned by root outside) appears as theirs.
 * <p>
 * For most installations this is the production database, so it is locked down:
 * <ul>
 * <li>durable: fsync, synchronous commit and full-page writes on (zonky's defaults are its test suite's, fsync off
 * and asynchronous commit); only the test suite turns them off ({@code athar.embedded-db.durable=false});</li>
 * <li>reachable only on the loopback address, with no Unix socket, by password (SCRAM): a password generated on first
 * start and kept in {@value #PASSWORD_FILE} in the data directory, readable by its owner alone, in the format of
 * PostgreSQL's password files, which the JDBC driver reads (system property org.postgresql.pgpassfile), so that the
 * password appears in no URL, configuration or log;</li>
 * <li>one Athar per data directory: a second one is told which directory is taken and how to choose another;</li>
 * <li>a server left running by an application that was killed (SIGKILL, the out-of-memory killer) is stopped and
 * restarted cleanly on the next start.</li>
 * </ul>
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    // The running server, kept in system properties so that a dev-mode restart (new class loader) reuses it.
    private static final String RUNNING = "athar.embedded-db.running-url";
    private static final String RUNNING_PASSWORD = "athar.embedded-db.running-password";
    static final String PASSWORD_FILE = "athar.pgpass";
    private static final String LOCK_SUFFIX = ".athar-lock";
    private static final String HBA = """
            # Written by Athar (org.athar.db.EmbeddedPostgresServer): password only, loopback only, no Unix socket.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private static EmbeddedPostgres postgres;
    private static Server attached;
    private static FileChannel lockChannel;
    private static FileLock lock;

    private EmbeddedPostgresServer() {
    }

    /** How to reach the running server. */
    public record Server(String url, String user, String password) {
    }

    /** Whether this JVM runs on the embedded database (then an empty registry is seeded on start). */
    public static boolean isRunning() {
        return System.getProperty(RUNNING) != null;
    }

    /**
     * The server for this data directory (null: a throw-away one), started on first call. {@code durable} false is
     * for the test suite only.
     */
    public static synchronized Server start(String dataDir, boolean durable) {
        String running = System.getProperty(RUNNING);
        if (running != null) {
            return new Server(running, "postgres", System.getProperty(RUNNING_PASSWORD));
        }
        try {
            Path dir = dataDir == null ? Files.createTempDirectory("athar-pg")
                    : Path.of(dataDir.replaceFirst("^~", System.getProperty("user.home"))).toAbsolutePath();
            // (a throw-away directory is new: initialised, and removed when the server stops)
            Files.createDirectories(dir);
            if (attached == null && !holdDirectory(dir)) {
                attached = attach(dir);
            }
            if (attached != null) {
                return attached;
            }
            stopOrphan(dir);
            Optional<String> password = readPassword(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(dataDir == null)
                    // stopped after the application has finished its requests (stop(), from DatabaseLifecycle)
                    .setRegisterShutdownHook(false);
            if (durable) {
                // zonky passes -F (fsync off) and synchronous_commit=off; options given later win
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            } else {
                LOG.warn("Embedded PostgreSQL: NOT durable (fsync off, asynchronous commit): test settings");
            }
            password.ifPresent(p -> builder.setConnectConfig("password", p));
            LOG.infof("Embedded PostgreSQL: data in %s%s", dir, dataDir == null ? " (throw-away)" : "");
            postgres = startOrExplain(builder, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopAfterApplication, "athar-embedded-db-stop"));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            String secret = lockDown(dir, url, password);
            System.setProperty("org.postgresql.pgpassfile", dir.resolve(PASSWORD_FILE).toString());
            System.setProperty(RUNNING, url);
            System.setProperty(RUNNING_PASSWORD, secret);
            if (dataDir != null) {
                builder.setPort(postgres.getPort()).setConnectConfig("password", secret);
                watch(builder, dir);
            }
            return new Server(url, "postgres", secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not secure the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * Restarts the server, on the same port, when its postmaster dies under the running application (killed, or
     * crashed): meanwhile pages answer 503 and health says DOWN; afterwards the pool's new connections find it again.
     */
    private static void watch(EmbeddedPostgres.Builder builder, Path dir) {
        Thread watchdog = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(2000);
                    restartIfDead(builder, dir);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException | IOException e) {
                    LOG.warnf("Embedded PostgreSQL: could not restart it yet (%s); trying again", e.getMessage());
                }
            }
        }, "athar-embedded-db-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static synchronized void restartIfDead(EmbeddedPostgres.Builder builder, Path dir) throws IOException {
        if (postgres == null) {
            return; // stopped on purpose
        }
        if (postmaster(dir).isPresent()) {
            return;
        }
        LOG.warnf("Embedded PostgreSQL: the server in %s has stopped; starting it again", dir);
        try {
            postgres.close(); // releases its lock on the directory (stopping a dead server only logs)
        } catch (IOException | RuntimeException ignored) {
            // it is gone already
        }
        postgres = startOrExplain(builder, dir);
        LOG.infof("Embedded PostgreSQL: running again on port %d", postgres.getPort());
    }

    /** Stops the server with a checkpoint (pg_ctl stop, fast mode); for a clean shutdown of the application. */
    public static synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("Could not stop the embedded PostgreSQL", e);
            }
            postgres = null;
            System.clearProperty(RUNNING);
            System.clearProperty(RUNNING_PASSWORD);
        }
    }

    /** Set while the application serves requests: the JVM's shutdown hook then leaves stopping to it. */
    static volatile boolean applicationRunning;

    /**
     * The JVM is exiting (SIGTERM, end of a command or of a test run). The application, if one runs, finishes its
     * requests and stops the server itself; this waits for it, and stops the server when nothing else will.
     */
    private static void stopAfterApplication() {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (applicationRunning && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
    }

    /**
     * One Athar per data directory: a lock held for the life of the JVM (released by the system when it dies). False
     * when another Athar holds it and this JVM runs a command that may share its server ({@link #ATTACH}).
     */
    private static boolean holdDirectory(Path dir) throws IOException {
        // beside the directory, not in it: initdb wants a new data directory empty
        lockChannel = FileChannel.open(dir.resolveSibling(dir.getFileName() + LOCK_SUFFIX), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        lock = lockChannel.tryLock();
        if (lock == null) {
            lockChannel.close();
            if (Boolean.getBoolean(ATTACH)) {
                return false;
            }
            throw new IllegalStateException("Another Athar is already running on the embedded database in " + dir
                    + ". Stop it first, or give this one a directory of its own: set ATHAR_EMBEDDED_DB_DATA_DIR "
                    + "(or athar.embedded-db.data-dir) to another directory.");
        }
        return true;
    }

    /** Set by commands that only read (a backup): they use the server of the Athar running on the directory. */
    public static final String ATTACH = "athar.embedded-db.attach";

    /** The server another Athar runs on this directory: its port from postmaster.pid, its password file. */
    private static Server attach(Path dir) throws IOException {
        List<String> pid = Files.readAllLines(dir.resolve("postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres?user=postgres";
        String password = readPassword(dir).orElseThrow(() -> new IllegalStateException(
                "The embedded database in " + dir + " has no password file; start Athar on it once first."));
        System.setProperty("org.postgresql.pgpassfile", dir.resolve(PASSWORD_FILE).toString());
        LOG.infof("Embedded PostgreSQL: using the server of the Athar running on %s", dir);
        return new Server(url, "postgres", password);
    }

    /**
     * A postmaster.pid whose process still runs, while no Athar holds the directory: the server of an application
     * that was killed. It is stopped (smart, then fast shutdown) so that this start can start it afresh.
     */
    private static void stopOrphan(Path dir) throws IOException {
        Optional<ProcessHandle> orphan = postmaster(dir);
        if (orphan.isEmpty()) {
            return;
        }
        long pid = orphan.get().pid();
        LOG.warnf("Embedded PostgreSQL: a server (pid %d) was left running by an Athar that stopped without shutting it "
                + "down; stopping it", pid);
        ProcessHandle p = orphan.get();
        p.destroy(); // SIGTERM: PostgreSQL's smart shutdown, with a checkpoint; its clients died with that Athar
        try {
            p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            // SIGINT would be a fast shutdown; the JDK only sends TERM and KILL, and KILL means crash recovery
            p.destroyForcibly();
            p.onExit().join();
        }
    }

    /** The running postmaster of this data directory, from the first line of its postmaster.pid. */
    private static Optional<ProcessHandle> postmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    .filter(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // PostgreSQL itself deals with a stale or broken pid file
        }
    }

    private static EmbeddedPostgres startOrExplain(EmbeddedPostgres.Builder builder, Path dir) throws IOException {
        try {
            return builder.start();
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("could not lock")) {
                throw new IllegalStateException("Another program is using the embedded database in " + dir
                        + ". Stop it first, or set ATHAR_EMBEDDED_DB_DATA_DIR to another directory.", e);
            }
            throw e;
        }
    }

    private static Optional<String> readPassword(Path dir) throws IOException {
        Path file = dir.resolve(PASSWORD_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        // host:port:database:user:password, as PostgreSQL's password files; the password is the last field
        String line = Files.readString(file, StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).findFirst()
                .orElse("");
        return Optional.of(line.substring(line.lastIndexOf(':') + 1).trim()).filter(p -> !p.isEmpty());
    }

    /**
     * Makes the server password-only, on every start, so that a start interrupted half-way is completed by the next:
     * the password file is written first, then the role's password, then pg_hba.conf, which is reloaded. A data
     * directory from before this lockdown (trust for everyone on the host) is locked down the same way.
     */
    private static String lockDown(Path dir, String url, Optional<String> existing) throws IOException, SQLException {
        String password = existing.orElseGet(EmbeddedPostgresServer::newPassword);
        if (existing.isEmpty()) {
            PrivateFile.write(dir.resolve(PASSWORD_FILE), "# The embedded PostgreSQL's superuser (written by Athar)\n"
                    + "localhost:*:*:postgres:" + password + "\n127.0.0.1:*:*:postgres:" + password + "\n");
        }
        Properties props = new Properties();
        props.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
            try (PreparedStatement check = c.prepareStatement(
                    "select string_agg(rolname, ', ') from pg_roles where rolname !~ '^pg_' and rolname <> 'postgres'");
                    ResultSet rs = check.executeQuery()) {
                rs.next();
                if (rs.getString(1) != null) {
                    LOG.warnf("Embedded PostgreSQL: roles other than postgres exist (%s); Athar created none", rs.getString(1));
                }
            }
            // a role's password cannot be a bind parameter; it is base64url, so it needs no quoting beyond ''
            s.execute("alter role postgres password '" + password + "'");
            Path hba = dir.resolve("pg_hba.conf");
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                PrivateFile.write(hba, HBA);
                s.execute("select pg_reload_conf()");
            }
        }
        return password;
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
