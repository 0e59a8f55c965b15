package org.athar;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.bench.RegistryGenerator;
import org.athar.bench.SearchBenchmark;
import org.athar.db.Backup;
import org.athar.db.EmbeddedPostgresServer;
import org.athar.db.PrivateFile;
import org.athar.seed.SeedFiles;
import org.athar.seed.SeedLoader;
import org.athar.transfer.Importer;

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
              bench-search [rounds]  run the search benchmark against the configured database (default 20 rounds)
              backup FILE            write a consistent backup of the database to FILE (while the registry runs too)
              restore FILE           restore a backup into this empty database (a new data directory, or an empty
                                     external database), then exit
              restore-dump FILE      load a public dump (GET /api/export/dump.zip) into this empty database, then exit
              import [--check] FILE...
                                     check CSV files (the columns of the exports) and, when every row is right, import
                                     them in one transaction, recorded in the history; --check only checks""";

    /** The entry point: a backup may read the embedded database of an Athar that is running. */
    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("backup")) {
            System.setProperty(EmbeddedPostgresServer.ATTACH, "true");
        }
        Quarkus.run(Main.class, args);
    }

    @Inject
    SeedLoader loader;

    @Inject
    DataSource dataSource;

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
            case "backup", "restore", "restore-dump" -> {
                if (args.length != 2) {
                    System.err.println("Name the backup file: " + args[0] + " FILE\n" + USAGE);
                    return 2;
                }
                return args[0].equals("backup") ? backup(Path.of(args[1])) : restore(Path.of(args[1]), args[0]);
            }
            case "import" -> {
                return importFiles(java.util.Arrays.asList(args).subList(1, args.length));
            }
            default -> {
                System.err.println("Unknown command: " + String.join(" ", args) + "\n" + USAGE);
                return 2;
            }
        }
        return 0;
    }

    /** The import command: an operator publishes directly, in one transaction, as the history says. */
    private int importFiles(java.util.List<String> args) throws Exception {
        boolean checkOnly = args.contains("--check");
        java.util.List<Path> files = args.stream().filter(a -> !a.equals("--check")).map(Path::of).toList();
        if (files.isEmpty()) {
            System.err.println("Name the files to import: import [--check] FILE...\n" + USAGE);
            return 2;
        }
        java.util.List<Importer.Upload> uploads = new java.util.ArrayList<>();
        long total = 0;
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                System.err.println("There is no readable file at " + file.toAbsolutePath() + ".");
                return 2;
            }
            total += Files.size(file);
            uploads.add(new Importer.Upload(file.getFileName().toString(), Files.size(file),
                    () -> new BufferedInputStream(Files.newInputStream(file), 1 << 16)));
        }
        long started = System.nanoTime();
        long size = total;
        long[] shown = { 0 };
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Importer.Report report = Importer.load(connection, uploads, "import command (" + System.getProperty("user.name") + ")",
                    "import of " + files.stream().map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.joining(", ")),
                    (bytes, rows, bad) -> {
                        long now = System.nanoTime();
                        if (now - shown[0] > 2_000_000_000L) {
                            shown[0] = now;
                            double seconds = (now - started) / 1e9;
                            double share = size == 0 ? 1 : (double) bytes / size;
                            System.err.printf("checked %,d rows (%.0f%%, %,.0f a second%s)%s%n", rows, share * 100, rows / seconds,
                                    share > 0 && share < 1 ? String.format(", about %.0f s left", seconds / share - seconds) : "",
                                    bad > 0 ? ", " + bad + " wrong" : "");
                        }
                    });
            if (!report.clean()) {
                connection.rollback();
                System.err.printf("Nothing was imported: %,d of %,d rows are wrong.%n", report.badRows(), report.rows());
                report.problems().stream().limit(100).forEach(p -> System.err.println(p.where() + ": " + p.reason()));
                if (report.problems().size() > 100) {
                    System.err.println("... and " + (report.problems().size() - 100) + " more.");
                }
                return 1;
            }
            if (checkOnly) {
                connection.rollback();
            } else {
                connection.commit();
            }
            System.out.printf("%s %,d rows in %.1f s:%n", checkOnly ? "Checked (nothing written)" : "Imported", report.rows(),
                    (System.nanoTime() - started) / 1e9);
            report.tables().forEach((table, c) -> System.out.printf("  %-8s %,10d rows: %,d new, %,d changed, %,d unchanged%n",
                    table, c.rows(), c.added(), c.changed(), c.unchanged()));
            return 0;
        }
    }

    private int backup(Path file) throws Exception {
        long started = System.nanoTime();
        Path absolute = file.toAbsolutePath();
        // readable by its owner only: it holds accounts' password hashes
        Backup.Summary summary = PrivateFile.write(absolute, out -> {
            try (Connection connection = dataSource.getConnection()) {
                return Backup.write(connection, out);
            }
        });
        System.out.printf("Backup written to %s: %,d rows in %d tables, schema version %s, %,d bytes, %.1f s%n", absolute,
                summary.total(), summary.rows().size(), summary.schemaVersion(), Files.size(absolute),
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private int restore(Path file, String command) throws Exception {
        long started = System.nanoTime();
        if (!Files.isReadable(file)) {
            System.err.println("There is no readable backup at " + file.toAbsolutePath() + ".");
            return 2;
        }
        try (Connection connection = dataSource.getConnection();
                InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Backup.Summary summary = Backup.restore(connection, in,
                    command.equals("restore-dump") ? Backup.Scope.PUBLIC : Backup.Scope.FULL);
            System.out.printf("Restored %s: %,d rows in %d tables, schema version %s, %.1f s%n", file.toAbsolutePath(),
                    summary.total(), summary.rows().size(), summary.schemaVersion(), (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("Nothing was restored: " + e.getMessage());
            return 1;
        }
    }
}
