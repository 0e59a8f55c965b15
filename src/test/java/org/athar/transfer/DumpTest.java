package org.athar.transfer;

import static io.restassured.RestAssured.given;
import static org.athar.testsupport.Db.execute;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.bench.RegistryGenerator;
import org.athar.db.Backup;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The public dump rebuilds the published registry, history included: dumped, loaded into an empty database and dumped
 * again, it is the same file. It holds no accounts or drafts and no exact point of a sensitive place.
 */
@QuarkusTest
class DumpTest {

    @Inject
    DataSource dataSource;

    @Inject
    RegistryGenerator generator;

    private static Map<String, String> entries(byte[] zip) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void aDumpLoadedIntoAnEmptyDatabaseDumpsAgainToTheSameFile() throws Exception {
        // a sensitive place with a history, and a small generated registry beside the seed
        Db.monument(dataSource, "dump-withheld", "Tomb of the Dump");
        execute(dataSource, """
                update place set latitude = 34.987654, longitude = 38.123456, location_certainty = 'HIGH' where slug = 'dump-withheld';
                update place set location_sensitivity = 'WITHHELD' where slug = 'dump-withheld';
                """);
        try {
            generator.generate(60, 11);
            byte[] dump = given().get("/api/export/dump.zip").then().statusCode(200)
                    .contentType("application/zip").extract().asByteArray();
            Map<String, String> entries = entries(dump);
            assertTrue(entries.containsKey("tables/history.copy") && entries.containsKey("tables/place.copy"), entries.keySet().toString());
            assertFalse(entries.keySet().stream().anyMatch(n -> n.contains("account") || n.contains("draft")), entries.keySet().toString());
            // sources' full texts are kept for checking, never published (copyright): not even in history
            assertFalse(entries.containsKey("tables/source_text.copy"), entries.keySet().toString());
            assertFalse(entries.values().stream().anyMatch(t -> t.contains("narrow-browser-and-phone")),
                    "a seed article's text is in the dump");
            for (Map.Entry<String, String> e : entries.entrySet()) {
                assertFalse(e.getValue().contains("987654") || e.getValue().contains("123456"), "exact point in " + e.getKey());
                assertFalse(e.getValue().contains("password"), "account data in " + e.getKey());
            }
            assertTrue(entries.get("tables/history.copy").contains("dump-withheld"), "the sensitive place's history is there");

            try (Connection empty = Db.newDatabase(dataSource, "dump_check")) {
                Backup.Summary loaded = Backup.restore(empty, new ByteArrayInputStream(dump), Backup.Scope.PUBLIC);
                assertEquals(Long.parseLong(Db.single(dataSource, "select count(*) from place")), loaded.rows().get("place"));
                ByteArrayOutputStream again = new ByteArrayOutputStream();
                Backup.write(empty, again, Backup.Scope.PUBLIC);
                assertEquals(entries.keySet(), entries(again.toByteArray()).keySet());
                assertEquals(entries, entries(again.toByteArray()));
                assertArrayEquals(dump, again.toByteArray());
                // a public dump is not a backup, nor the other way round; neither writes anything then
                IllegalStateException notBackup = assertThrows(IllegalStateException.class,
                        () -> Backup.restore(empty, new ByteArrayInputStream(dump)));
                assertTrue(notBackup.getMessage().contains("restore-dump"), notBackup.getMessage());
            } finally {
                execute(dataSource, "drop database if exists dump_check with (force)");
            }
        } finally {
            Db.removeGenerated(dataSource);
            execute(dataSource, "delete from place where slug = 'dump-withheld'");
        }
        given().get("/api/export/dump.zip?site=palmyra").then().statusCode(400).body("message", containsString("no filters"));
    }
}
