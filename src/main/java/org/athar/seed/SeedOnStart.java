package org.athar.seed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.athar.db.EmbeddedPostgresServer;
import org.athar.place.Place;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;

/**
 * Fills an empty registry with the bundled seed on first start: always on the embedded database, and on an external
 * one when athar.seed.load-if-empty is true.
 */
@ApplicationScoped
public class SeedOnStart {

    @Inject
    SeedLoader loader;

    @ConfigProperty(name = "athar.seed.load-if-empty", defaultValue = "false")
    boolean loadIfEmpty;

    /** The command the application was started with, if any. */
    @Inject
    @CommandLineArguments
    String[] args;

    void onStart(@Observes StartupEvent event) {
        if (args.length > 0 && (args[0].equals("restore") || args[0].equals("restore-dump"))) {
            return; // a restore needs the new database empty
        }
        if ((loadIfEmpty || EmbeddedPostgresServer.isRunning()) && QuarkusTransaction.requiringNew().call(() -> Place.count()) == 0) {
            loader.load(SeedFiles.bundled());
        }
    }
}
