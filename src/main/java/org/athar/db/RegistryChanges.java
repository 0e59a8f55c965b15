package org.athar.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.athar.damage.StoredReadings;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;

/**
 * Hears every committed change to the registry, whichever node or program made it: the history triggers announce
 * each on the PostgreSQL channel 'athar_change' (migration V7), and this node listens on a connection of its own.
 * Each announcement fires {@link Changed}, on which cached pages are dropped, and recomputes the event readings the
 * change left stale. While the connection is down nothing can be heard, so {@link #listening()} is false and
 * nothing may be served from memory.
 */
@ApplicationScoped
public class RegistryChanges {

    private static final Logger LOG = Logger.getLogger(RegistryChanges.class);

    /** The registry changed (or this node cannot tell whether it did): what was derived from it is stale. */
    public record Changed(String table) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    Event<Changed> changed;

    private volatile boolean listening;
    private volatile boolean running;
    private Thread thread;

    /** The command the application runs, if any: a command serves no pages, so it listens to nothing. */
    @Inject
    @CommandLineArguments
    String[] args;

    void start(@Observes StartupEvent event) {
        if (args.length > 0) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "athar-registry-changes");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        listening = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether changes made elsewhere reach this node now. */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN athar_change");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                // whatever happened while nobody listened is unknown: treat it all as changed
                changed("*");
                listening = true;
                while (running) {
                    PGNotification[] heard = notifications.getNotifications(1_000);
                    if (heard != null && heard.length > 0) {
                        changed(heard[0].getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Not hearing registry changes (%s); cached pages are off until the database answers again",
                            e.getMessage());
                }
            } finally {
                listening = false;
            }
            pause();
        }
    }

    private void changed(String table) {
        changed.fire(new Changed(table));
        int recomputed = QuarkusTransaction.requiringNew().call(() -> Sql.work(StoredReadings::refresh));
        if (recomputed > 0) {
            // pages rendered between the change and the new readings ordered events by the old ones
            changed.fire(new Changed("event_reading"));
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
