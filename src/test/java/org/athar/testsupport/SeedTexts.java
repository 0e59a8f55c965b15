package org.athar.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The five articles the registry was first asked to catalogue (../shared/seeds), which the tests read but the project
 * does not carry (copyright). Outside CI a machine without them skips the tests that need them; in CI (CI=true) their
 * absence fails those tests.
 */
public final class SeedTexts {

    public static final Path FOLDER = Path.of(System.getProperty("athar.seed.texts", "../shared/seeds"));

    private SeedTexts() {
    }

    public static Path require() {
        if (!Files.isDirectory(FOLDER)) {
            if (System.getenv("CI") != null) {
                fail("The seed articles are not in " + FOLDER.toAbsolutePath() + " (set -Dathar.seed.texts)");
            }
            Assumptions.abort("The seed articles are not in " + FOLDER.toAbsolutePath());
        }
        return FOLDER;
    }

    public static String read(String file) {
        try {
            return Files.readString(require().resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
