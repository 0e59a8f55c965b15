package org.athar.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.athar.seed.SeedFiles;
import org.athar.testsupport.SeedTexts;
import org.junit.jupiter.api.Test;

class QuoteAnchorTest {

    private static final String TEXT = "Global concern for Palmyra spiked when the militant group began demolishing parts of "
            + "its ancient ruins. In September 2015, satellite images showed the Temple of Bel had been destroyed; the "
            + "Arch of Triumph was blown up the following month.\n\nPalmyra’s former antiquities director, Khaled al-Asaad . It "
            + "was \u201chis life\u201d, they said.";

    @Test
    void aWholeSentenceIsAnchoredWithItsExactTextAndContext() {
        QuoteAnchor a = QuoteAnchor.find(TEXT, "Global concern for Palmyra spiked when the militant group began "
                + "demolishing parts of its ancient ruins.");
        assertEquals(0, a.start());
        assertEquals("", a.prefix());
        assertTrue(a.suffix().startsWith(" In September 2015"));
        assertEquals(TEXT.substring(0, a.exact().length()), a.exact());
    }

    @Test
    void whitespaceAndTypographicQuoteMarksDoNotCount() {
        QuoteAnchor a = QuoteAnchor.find(TEXT, "Palmyra's  former antiquities director, Khaled al-Asaad.");
        assertEquals("Palmyra’s former antiquities director, Khaled al-Asaad .", a.exact());
        assertEquals(TEXT.indexOf("Palmyra’s former"), a.start());
        QuoteAnchor.find(TEXT, "It was \"his life\", they said.");
    }

    @Test
    void aCutMustBeMarkedWithAnEllipsis() {
        Refused e = assertThrows(Refused.class,
                () -> QuoteAnchor.find(TEXT, "In September 2015, satellite images showed the Temple of Bel had been destroyed"));
        assertTrue(e.getMessage().contains("end it with «…»"), e.getMessage());
        QuoteAnchor a = QuoteAnchor.find(TEXT, "In September 2015, satellite images showed the Temple of Bel had been destroyed…");
        assertTrue(a.exact().endsWith("destroyed"));
        QuoteAnchor.find(TEXT, "…satellite images showed the Temple of Bel had been destroyed; the Arch of Triumph "
                + "was blown up the following month.");
        assertTrue(assertThrows(Refused.class,
                () -> QuoteAnchor.find(TEXT, "Temple of Bel had been destroyed; the Arch of Triumph was blown up the following month.")).getMessage()
                .contains("start it with «…»"));
        // a quote in lower case shows by itself that it begins inside the sentence
        QuoteAnchor.find(TEXT, "the Arch of Triumph was blown up the following month.");
        // words left out in the middle
        QuoteAnchor a2 = QuoteAnchor.find(TEXT, "In September 2015 … the Arch of Triumph was blown up the following month.");
        assertTrue(a2.exact().startsWith("In September 2015") && a2.exact().endsWith("month."));
    }

    @Test
    void aQuoteThatIsNotTheSourcesWordsSaysWhereTheyDiffer() {
        Refused e = assertThrows(Refused.class,
                () -> QuoteAnchor.find(TEXT, "In September 2015, satellite images showed the Temple of Bel had been destroyed."));
        assertTrue(e.getMessage().contains("the text has «; the Arch"), e.getMessage());
        assertTrue(assertThrows(Refused.class, () -> QuoteAnchor.find(TEXT, "Nothing like this."))
                .getMessage().contains("is not in the source's text"));
    }

    @Test
    void aQuoteFoundTwiceAsksForMoreOfTheSentence() {
        String twice = "The temple was destroyed. Later, the arch. The temple was destroyed.";
        assertTrue(assertThrows(Refused.class, () -> QuoteAnchor.find(twice, "The temple was destroyed."))
                .getMessage().contains("found 2 times"));
    }

    /** Every quote the seed takes from the five articles is the articles' words, each cut marked. */
    @Test
    void everySeedQuoteFromTheFiveArticlesIsWordForWord() {
        SeedFiles seed = SeedFiles.fromDirectory(Path.of("seed"));
        Map<String, String> texts = seed.sources().stream().filter(s -> s.text() != null)
                .collect(Collectors.toMap(SeedFiles.SourceSeed::ref, s -> SeedTexts.read(s.text())));
        assertEquals(5, texts.size());
        List<String> failures = new ArrayList<>();
        int checked = 0;
        List<SeedFiles.ClaimSeed> claims = new ArrayList<>();
        seed.places().forEach(p -> claims.addAll(p.claims() == null ? List.of() : p.claims()));
        seed.events().forEach(e -> claims.addAll(e.claims()));
        for (SeedFiles.ClaimSeed c : claims) {
            if (c.quote() != null && texts.containsKey(c.source())) {
                checked++;
                try {
                    QuoteAnchor.find(texts.get(c.source()), c.quote());
                } catch (Refused e) {
                    failures.add(c.source() + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked >= 16, "quotes checked: " + checked);
    }
}
