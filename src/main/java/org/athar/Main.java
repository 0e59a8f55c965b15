package org.athar;

import jakarta.inject.Inject;

import org.athar.seed.SeedFiles;
import org.athar.seed.SeedLoader;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Runs the registry, or with the argument {@code load-seed} loads the bundled seed into the configured database
 * (idempotent: records are created or updated, never deleted) and exits.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    @Inject
    SeedLoader loader;

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args.length == 1 && args[0].equals("load-seed")) {
            SeedLoader.Report report = loader.load(SeedFiles.bundled());
            System.out.println("Seed loaded. Created: " + report);
            return 0;
        }
        System.err.println("Unknown command: " + String.join(" ", args) + "\nUsage: quarkus-run.jar [load-seed]");
        return 2;
    }
}
