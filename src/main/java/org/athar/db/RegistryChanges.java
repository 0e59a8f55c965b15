package org.athar.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

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
 * change left stale. Refreshed search rows are announced on 'athar_search' (migration V24) and fire
 * {@link SearchRowsChanged} first. While the connection is down nothing can be heard, so {@link #listening()} is false and
 * nothing may be served from memory.
 */
@ApplicationScoped
public class RegistryChanges {

    private static final Logger LOG = Logger.getLogger(RegistryChanges.class);

    /** The registry changed (or this node cannot tell whether it did): what was derived from it is stale. */
    public record Changed(String table) {
    }

    /**
     * Rows of place_search were rebuilt (migration V24): those of these places, or of every place when
     * {@code places} is null (a large refresh, a restore, a generated registry, or announcements this node missed).
     * Fired before {@link Changed}, so that what is kept from the search rows is current before pages are rendered
     * again.
     */
    public record SearchRowsChanged(Set<Long> places) {
        public boolean all() {
            return places == null;
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    Event<Changed> changed;

    @Inject
    Event<SearchRowsChanged> searchRowsChanged;

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
                    s.execute("LISTEN athar_search");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                // whatever happened while nobody listened is unknown: treat it all as changed
                searchRowsChanged.fire(new SearchRowsChanged(null));
                changed("*");
                listening = true;
                while (running) {
                    PGNotification[] heard = notifications.getNotifications(1_000);
                    if (heard != null && heard.length > 0) {
                        heard(heard);
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

    /** One batch of announcements (a transaction's arrive together): search rows first, then everything else. */
    private void heard(PGNotification[] heard) {
        Set<Long> places = new HashSet<>();
        String table = null;
        for (PGNotification n : heard) {
            if (!n.getName().equals("athar_search")) {
                table = table == null ? n.getParameter() : table;
            } else if (places != null && n.getParameter().equals("*")) {
                places = null;
            } else if (places != null) {
                Arrays.stream(n.getParameter().split(",")).map(Long::valueOf).forEach(places::add);
            }
        }
        if (table != null && WHOLE_REGISTRY.contains(table)) {
            places = null;
        }
        if (places == null || !places.isEmpty()) {
            searchRowsChanged.fire(new SearchRowsChanged(places));
            table = table == null ? "place_search" : table; // answers read from those rows are stale too
        }
        if (table != null) {
            changed(table);
        }
    }

    /** Announcements of writers that rewrite search rows without refreshing them (org.athar.db.Backup, the generator). */
    private static final Set<String> WHOLE_REGISTRY = Set.of("restore", "generated");

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
