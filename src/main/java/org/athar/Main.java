package org.athar;

import jakarta.inject.Inject;

import org.athar.bench.RegistryGenerator;
import org.athar.bench.SearchBenchmark;
import org.athar.seed.SeedFiles;
import org.athar.seed.SeedLoader;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Runs the registry, or one of the commands in {@link #USAGE} against the configured database and exits.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    private static final String USAGE = """
            Usage: java -jar quarkus-run.jar [command]
              (none)                 run the registry
              load-seed              load the bundled seed into the configured database, then exit
              generate [places] [s]  add a generated registry of that many places (default 100000; seed s)
              bench-search [rounds]  run the search benchmark against the configured database (default 20 rounds)""";

    @Inject
    SeedLoader loader;

    @Inject
    RegistryGenerator generator;

    @Inject
    SearchBenchmark benchmark;

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        switch (args[0]) {
            case "load-seed" -> {
                SeedLoader.Report report = loader.load(SeedFiles.bundled());
                System.out.println("Seed loaded. Created: " + report);
            }
            case "generate" -> {
                int places = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
                System.out.println("Generated: " + generator.generate(places, args.length > 2 ? Long.parseLong(args[2]) : 1L));
            }
            case "bench-search" -> {
                int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
                System.out.printf("%-20s %6s %9s %9s %9s %9s%n", "kind", "runs", "p50 ms", "p95 ms", "p99 ms", "max ms");
                for (SearchBenchmark.Figures f : benchmark.run(rounds, "athar")) {
                    System.out.printf("%-20s %6d %9.2f %9.2f %9.2f %9.2f%n", f.kind(), f.runs(), f.p50(), f.p95(), f.p99(), f.max());
                }
            }
            default -> {
                System.err.println("Unknown command: " + String.join(" ", args) + "\n" + USAGE);
                return 2;
            }
        }
        return 0;
    }
}
