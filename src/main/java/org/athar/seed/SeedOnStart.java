package org.athar.seed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.athar.db.EmbeddedPostgresServer;
import org.athar.place.Place;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

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

    void onStart(@Observes StartupEvent event) {
        if ((loadIfEmpty || EmbeddedPostgresServer.isRunning()) && QuarkusTransaction.requiringNew().call(() -> Place.count()) == 0) {
            loader.load(SeedFiles.bundled());
        }
    }
}
