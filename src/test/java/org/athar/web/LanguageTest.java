package org.athar.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.athar.time.UncertainDate;
import org.athar.vocabulary.Term;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Message;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LanguageTest {

    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    @Inject
    Engine engine;

    @Test
    void anArabicPageIsRightToLeftWithArabicWordsLabelsAndDigits() {
        given().accept("text/html").queryParam("lang", "ar").get("/sites/palmyra").then().statusCode(200)
                .cookie(Language.COOKIE, "ar")
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("الحالة الراهنة"))
                .body(containsString("<h3>مدمَّرة <span class=\"count\">(٨)</span></h3>"))
                .body(containsString("<h1>Palmyra</h1>"))
                // the place names keep their own language inside the Arabic page
                .body(containsString("<span lang=\"en\" dir=\"ltr\">Palmyra</span>"))
                .body(not(containsString("Current status")));
    }

    @Test
    void theChosenLanguageIsRememberedAndTheBrowsersIsTheDefault() {
        given().accept("text/html").cookie(Language.COOKIE, "ar").get("/monuments/temple-of-bel").then()
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"));
        given().accept("text/html").header("Accept-Language", "ar-SY,ar;q=0.9,en;q=0.5").get("/monuments/temple-of-bel")
                .then().body(containsString("<html lang=\"ar\" dir=\"rtl\">")).header("Vary", containsString("Accept-Language"));
        given().accept("text/html").header("Accept-Language", "fr-FR, en;q=0.5, ar;q=0.1").get("/monuments/temple-of-bel")
                .then().body(containsString("<html lang=\"en\" dir=\"ltr\">"));
        given().accept("text/html").get("/monuments/temple-of-bel").then().body(containsString("<html lang=\"en\" dir=\"ltr\">"));
        // an address that names the language wins over the cookie
        given().accept("text/html").cookie(Language.COOKIE, "ar").queryParam("lang", "en").get("/monuments/temple-of-bel")
                .then().body(containsString("<html lang=\"en\" dir=\"ltr\">")).cookie(Language.COOKIE, "en");
    }

    @Test
    void everyPageOffersTheOtherLanguageAtTheSameAddress() {
        given().accept("text/html").get("/search?q=bel&sort=name").then()
                .body(containsString("<a href=\"/search?q=bel&amp;sort=name&amp;lang=ar\" lang=\"ar\" hreflang=\"ar\" dir=\"rtl\">العربية</a>"));
        given().accept("text/html").get("/search?q=bel&lang=ar").then()
                .body(containsString("<a href=\"/search?q=bel&amp;lang=en\" lang=\"en\" hreflang=\"en\" dir=\"ltr\">English</a>"));
    }

    @Test
    void aPageAnsweredWithItsStatusIsWrittenInTheChosenLanguage() {
        // the search page is answered inside a Response (400 for a bad parameter): its sentences, with and without
        // parameters, were English on an Arabic page
        String page = given().accept("text/html").get("/search?q=bel&lang=ar").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h1>البحث في السجل</h1>"), "a sentence without parameters");
        assertFalse(page.contains("Search the registry"));
        assertTrue(page.contains("الأماكن: "), "a sentence with parameters");
        given().accept("text/html").get("/search?q=bel&page=x&lang=ar").then().statusCode(400)
                .body(containsString("<h1>البحث في السجل</h1>"));
    }

    @Test
    void theCacheKeepsEachLanguageApart() {
        for (int i = 0; i < 2; i++) {
            given().accept("text/html").get("/sources/1").then().body(containsString("<html lang=\"en\""));
            given().accept("text/html").queryParam("lang", "ar").get("/sources/1").then()
                    .body(containsString("<html lang=\"ar\"")).body(containsString("الموثوقية"));
        }
    }

    @Test
    void errorPagesSpeakTheVisitorsLanguage() {
        given().accept("text/html").queryParam("lang", "ar").get("/monuments/no-such-monument").then().statusCode(404)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("404 — الصفحة غير موجودة"))
                .body(containsString("<p lang=\"en\" dir=\"ltr\">There is no monument &#39;no-such-monument&#39; in the registry.</p>"));
        // the API answers in English whatever the page language
        given().queryParam("lang", "ar").get("/api/monuments/no-such-monument").then().statusCode(404)
                .body("message", equalTo("There is no monument 'no-such-monument' in the registry."));
    }

    @Test
    void datesAreWrittenTheArabicWay() {
        assertEquals("٣٠ آب ٢٠١٥", UncertainDate.parse("2015-08-30").label(ARABIC));
        assertEquals("أيار ٢٠١٥", UncertainDate.parse("2015-05").label(ARABIC));
        assertEquals("بين ٢٣ آب ٢٠١٥ و٣٠ آب ٢٠١٥", UncertainDate.parse("2015-08-23/2015-08-30").label(ARABIC));
        assertEquals("في ٢٢ آذار ٢٠١٦ أو قبله", UncertainDate.parse("../2016-03-22").label(ARABIC));
        assertEquals("نحو ٤ أيلول ٢٠١٥", UncertainDate.parse("2015-09-04~").label(ARABIC));
        assertEquals("about 4 Sep 2015", UncertainDate.parse("2015-09-04~").label(Locale.ENGLISH));
    }

    @Test
    void aSentenceWithParametersReadsOnAPageAsItsBundleWritesIt() {
        // pages write these through Sentences, not through the bundle's own resolver: the words must not change
        for (Language language : Language.values()) {
            Messages messages = language.messages();
            for (int count : new int[] { 1, 2, 11 }) {
                String written = UncertainDate.number(count, language.locale);
                assertEquals(messages.event_claims(count, written), page(language,
                        "{msg:event_claims(count, written)}").data("count", count).data("written", written).render());
            }
            assertEquals(messages.claim_reliability("high"),
                    page(language, "{msg:claim_reliability(label)}").data("label", "high").render());
            assertEquals(messages.pager_page("2", "3", "41"),
                    page(language, "{msg:pager_page('2', '3', '41')}").render());
            assertEquals(messages.layout_registry_name(), page(language, "{msg:layout_registry_name}").render());
        }
    }

    private TemplateInstance page(Language language, String template) {
        return engine.parse(template).instance().setLocale(language == Language.AR ? ARABIC : Locale.ENGLISH);
    }

    @Test
    void everyMessageIsWrittenInBothLanguages() throws IOException {
        Set<String> english = Arrays.stream(Messages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class) && !m.getAnnotation(Message.class).value().isBlank())
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        Properties arabic = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/msg_ar.properties")) {
            arabic.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> missing = new TreeSet<>(english);
        missing.removeIf(key -> arabic.getProperty(key) != null && !arabic.getProperty(key).isBlank());
        assertEquals(Set.of(), missing, "messages without Arabic");
        assertEquals(Messages.class.getDeclaredMethods().length, english.size(), "messages without English");
        assertEquals(english, new TreeSet<>(arabic.stringPropertyNames()), "Arabic messages that no longer exist");
    }

    @Test
    void everyFieldAndTableLabelIsWrittenInBothLanguages() throws IOException {
        Properties english = new Properties();
        Properties arabic = new Properties();
        try (InputStream en = getClass().getResourceAsStream("/fields.properties");
                InputStream ar = getClass().getResourceAsStream("/fields_ar.properties")) {
            english.load(new InputStreamReader(en, StandardCharsets.UTF_8));
            arabic.load(new InputStreamReader(ar, StandardCharsets.UTF_8));
        }
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(arabic.stringPropertyNames()));
        assertTrue(english.size() > 60);
    }

    @Test
    void everyVocabularyTermIsLabelledInBothLanguages() throws IOException {
        List<String> missing = new ArrayList<>();
        List<Class<?>> vocabularies = vocabularies();
        assertTrue(vocabularies.size() >= 15, "vocabularies found: " + vocabularies);
        for (Class<?> vocabulary : vocabularies) {
            for (Object constant : vocabulary.getEnumConstants()) {
                Term term = (Term) constant;
                for (Locale locale : List.of(Locale.ROOT, ARABIC)) {
                    if (!Term.Labels.has(locale, term)) {
                        missing.add(term.key() + " (" + (locale == ARABIC ? "Arabic" : "English") + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** Every enum of the application that is a vocabulary, found among the compiled classes. */
    private static List<Class<?>> vocabularies() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes.resolve("org/athar"))) {
            return files.map(f -> classes.relativize(f).toString()).filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .<Class<?>>map(name -> {
                        try {
                            return Class.forName(name, false, LanguageTest.class.getClassLoader());
                        } catch (ClassNotFoundException | LinkageError e) {
                            return null;
                        }
                    })
                    .filter(c -> c != null && c.isEnum() && Term.class.isAssignableFrom(c)).toList();
        }
    }
}
