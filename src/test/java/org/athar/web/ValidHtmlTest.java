package org.athar.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.athar.account.Role;
import org.athar.testsupport.Browser;
import org.athar.testsupport.MainPages;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import nu.validator.client.EmbeddedValidator;

/** Every page is valid HTML by the W3C Nu HTML Checker: no errors, in either language, for visitors or curators. */
@QuarkusTest
class ValidHtmlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPublicPageIsValidHtmlInBothLanguages() throws Exception {
        List<String> errors = new ArrayList<>();
        for (String path : MainPages.PUBLIC) {
            for (String language : List.of("en", "ar")) {
                String address = MainPages.in(path, language);
                check(address, given().accept("text/html").get(address), errors);
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void theCuratorsPagesAreValidHtml() throws Exception {
        Browser reviewer = Browser.signedIn(Role.REVIEWER);
        List<String> errors = new ArrayList<>();
        for (String path : MainPages.CURATOR) {
            for (String language : List.of("en", "ar")) {
                String address = MainPages.in(path, language);
                Response page = reviewer.get(address);
                if (page.statusCode() != 200 || page.asString().contains("action=\"/login\"")) {
                    errors.add(address + ": answered " + page.statusCode() + " instead of the curator's page");
                }
                check(address, page, errors);
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void aTriagedArticleIsValidHtmlInBothLanguages() throws Exception {
        Browser curator = Browser.signedIn(Role.CURATOR);
        List<String> errors = new ArrayList<>();
        for (String language : List.of("en", "ar")) {
            curator.get("/curate/triage?lang=" + language);
            Response page = curator.post("/curate/triage?lang=" + language, "title", "Arch blown up", "publisher", "Wire",
                    "publishedOn", "2015-10-06", "unlocatableReason", "A wire copy.", "text",
                    "Islamic State militants blew up the Monumental Arch in Palmyra on Sunday.\n\nThe Temple of Bel "
                            + "had been destroyed in August 2015; Isis said so \"today\".");
            check("/curate/triage (read, " + language + ")", page, errors);
        }
        assertEquals(List.of(), errors);
    }

    private static void check(String address, Response page, List<String> errors) throws Exception {
        String type = page.contentType();
        if (type == null || !type.startsWith("text/html")) {
            errors.add(address + ": answered " + page.statusCode() + " " + type);
            return;
        }
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(true);
        JsonNode report = JSON.readTree(validator.validate(new ByteArrayInputStream(page.asByteArray())));
        for (JsonNode message : report.path("messages")) {
            if (!message.path("type").asText().equals("info")) {
                errors.add(address + " line " + message.path("lastLine").asText() + ": " + message.path("message").asText()
                        + " [" + message.path("extract").asText().strip() + "]");
            }
        }
    }
}
