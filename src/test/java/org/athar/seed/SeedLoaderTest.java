package org.athar.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SeedLoaderTest {

    @Inject
    SeedLoader loader;

    @Inject
    DataSource dataSource;

    @Test
    void loadingTheSeedAgainChangesNothing() throws SQLException {
        Map<String, String> before = Db.fingerprint(dataSource);
        SeedLoader.Report report = loader.load(SeedFiles.bundled());
        assertEquals(new SeedLoader.Report(0, 0, 0, 0, 0), report);
        assertEquals(before, Db.fingerprint(dataSource), "a second load must not write a single row");
    }

    @Test
    void editingASeedFileAndLoadingAgainUpdatesTheRecord(@TempDir Path dir) throws Exception {
        for (String name : new String[] { "actors.yaml", "sources.yaml", "places.yaml", "events.yaml", "status.yaml" }) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        replace(dir.resolve("sources.yaml"), "title: Syrian regime forces 'enter IS-held Palmyra'",
                "title: Syrian regime forces enter Palmyra (edited)");
        replace(dir.resolve("events.yaml"), "summary: Monumental Arch blown up.", "summary: Monumental Arch blown up (edited).");
        String idBefore = Db.single(dataSource, "select id from source where ref = 'seed-002-new-arab-2016-03-24'");
        try {
            assertEquals(new SeedLoader.Report(0, 0, 0, 0, 0), loader.load(SeedFiles.fromDirectory(dir)));
            assertEquals("Syrian regime forces enter Palmyra (edited)",
                    Db.single(dataSource, "select title from source where ref = 'seed-002-new-arab-2016-03-24'"));
            assertEquals("Monumental Arch blown up (edited).",
                    Db.single(dataSource, "select summary from damage_event where slug = 'monumental-arch-destroyed-2015'"));
            assertEquals(idBefore, Db.single(dataSource, "select id from source where ref = 'seed-002-new-arab-2016-03-24'"),
                    "the edited record is updated in place, not replaced");
        } finally {
            loader.load(SeedFiles.bundled());
        }
        assertEquals("Syrian regime forces 'enter IS-held Palmyra'",
                Db.single(dataSource, "select title from source where ref = 'seed-002-new-arab-2016-03-24'"));
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException("fixture text not found: " + from);
        }
        Files.writeString(file, text.replace(from, to));
    }
}
