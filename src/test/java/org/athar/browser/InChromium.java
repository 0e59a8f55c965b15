package org.athar.browser;

import java.net.URL;

import org.athar.testsupport.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.quarkus.test.common.http.TestHTTPResource;

/** A browser test: one headless Chromium for the class ({@link Chromium}), and the application's address. */
abstract class InChromium {

    static Chromium chromium;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
