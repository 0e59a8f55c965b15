package org.athar.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.bench.RegistryGenerator;
import org.athar.search.SearchService.Selection;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Bulk import: every export imported into an empty database exports again the same files, and nothing twice. */
@QuarkusTest
class ImportTest {

    static final String BASE = "https://athar.example.org";

    @Inject
    DataSource dataSource;

    @Inject
    RegistryGenerator generator;

    /** Every CSV export of the database behind the connection, by file name. */
    static Map<String, byte[]> exports(Connection connection) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Export export : Export.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExportResource.csv(connection, export, new Selection(null, List.of()), BASE, out);
            files.put(export.file + ".csv", out.toByteArray());
        }
        return files;
    }

    static List<Importer.Upload> uploads(Map<String, byte[]> files) {
        List<Importer.Upload> uploads = new ArrayList<>();
        files.forEach((name, bytes) -> uploads.add(new Importer.Upload(name, bytes.length, () -> new ByteArrayInputStream(bytes))));
        return uploads;
    }

    static Importer.Report load(Connection connection, Map<String, byte[]> files) throws Exception {
        connection.setAutoCommit(false);
        try {
            Importer.Report report = Importer.load(connection, uploads(files), "import test", "round trip", null);
            if (report.clean()) {
                connection.commit();
            } else {
                connection.rollback();
            }
            return report;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyExportImportedIntoAnEmptyDatabaseExportsTheSameFilesAndAgainChangesNothing() throws Exception {
        try {
            // a hundred places: one in twenty generalised, one withheld
            generator.generate(100, 5);
            Map<String, byte[]> original;
            try (Connection c = dataSource.getConnection()) {
                original = exports(c);
            }
            assertTrue(new String(original.get("names.csv"), StandardCharsets.UTF_8).contains(",ar,RTL,"), "Arabic names are in the files");
            try (Connection empty = Db.newDatabase(dataSource, "import_check")) {
                Importer.Report report = load(empty, original);
                assertTrue(report.clean(), () -> report.problems().stream().limit(10).map(p -> p.where() + ": " + p.reason())
                        .collect(Collectors.joining("\n")));
                assertEquals(count(empty, "select count(*) from place"), report.tables().get("places").added());
                Map<String, byte[]> again = exports(empty);
                for (String file : original.keySet()) {
                    assertEquals(new String(original.get(file), StandardCharsets.UTF_8), new String(again.get(file), StandardCharsets.UTF_8), file);
                }
                // the same files again: matched by key, nothing is new, nothing changes, nothing is written
                long history = count(empty, "select count(*) from history");
                Importer.Report twice = load(empty, again);
                assertTrue(twice.clean());
                twice.tables().forEach((table, c) -> {
                    assertEquals(0, c.added(), table + " added");
                    assertEquals(0, c.changed(), table + " changed");
                });
                assertEquals(history, count(empty, "select count(*) from history"));
                // a changed row is a change, and shows in the history as one
                String sources = new String(again.get("sources.csv"), StandardCharsets.UTF_8)
                        .replace("Generated for benchmarks.", "Checked against the archive.");
                Importer.Report edited = load(empty, Map.of("sources.csv", sources.getBytes(StandardCharsets.UTF_8)));
                assertTrue(edited.clean());
                assertTrue(edited.tables().get("sources").changed() > 0);
                assertEquals(0, edited.tables().get("sources").added());
                assertEquals(edited.tables().get("sources").changed(), count(empty,
                        "select count(*) from history where table_name = 'source' and operation = 'UPDATE'"));
            } finally {
                Db.execute(dataSource, "drop database if exists import_check with (force)");
            }
        } finally {
            Db.removeGenerated(dataSource);
        }
    }
}
