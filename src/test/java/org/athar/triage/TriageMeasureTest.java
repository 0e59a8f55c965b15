package org.athar.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.athar.account.Role;
import org.athar.testsupport.Browser;
import org.athar.testsupport.SeedTexts;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Triage measured on the five seed articles against a hand-made list of what they mention, date and claim
 * (src/test/resources/triage/expected.yaml). The figures are printed (lines starting TRIAGE) for the closing note; the
 * test fails below the targets: place mentions recall 95 % and precision 90 %, dates resolved correctly 90 %.
 */
@QuarkusTest
class TriageMeasureTest {

    public record Expected(String file, String publishedOn, String publisher, List<ExpectedMention> mentions,
            List<ExpectedDate> dates, List<ExpectedProposal> proposals) {
    }

    public record ExpectedMention(String text, String place, Integer count) {
    }

    public record ExpectedDate(String text, String edtf, Integer count) {
    }

    public record ExpectedProposal(String place, String kind, String edtf, String severity, String actor) {
    }

    /** Found against expected, counted. */
    static final class Score {
        int expected;
        int found;
        int right;
        final List<String> misses = new ArrayList<>();

        double recall() {
            return expected == 0 ? 1 : (double) right / expected;
        }

        double precision() {
            return found == 0 ? 1 : (double) right / found;
        }

        String line(String what) {
            return String.format(Locale.ROOT, "%s: %d expected, %d found, %d right: recall %.1f %%, precision %.1f %%",
                    what, expected, found, right, 100 * recall(), 100 * precision());
        }
    }

    @Test
    void theFiveSeedArticlesAreTriagedWithinTheTargets() throws Exception {
        List<Expected> articles;
        try (InputStream in = getClass().getResourceAsStream("/triage/expected.yaml")) {
            articles = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Expected>>() {
            });
        }
        Browser curator = Browser.signedIn(Role.CURATOR);
        Score mentions = new Score();
        Score dates = new Score();
        Score proposals = new Score();
        int proposalDates = 0;
        int proposalDatesRight = 0;
        for (Expected article : articles) {
            String text = SeedTexts.read(article.file());
            JsonPath answer = curator.json("/api/triage", Map.of("text", text, "publishedOn", article.publishedOn(),
                    "publisher", article.publisher())).then().log().ifValidationFails().statusCode(200).extract().jsonPath();

            // mentions: by surface form and place, as often as they occur
            Map<String, Integer> foundMentions = new HashMap<>();
            List<Map<String, Object>> ms = answer.getList("mentions");
            for (Map<String, Object> m : ms) {
                String t = (String) m.get("text");
                assertEquals(t, text.substring((Integer) m.get("start"), (Integer) m.get("end")),
                        "offsets are UTF-16 offsets into the text");
                foundMentions.merge(t.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("'s$", "") + " → " + m.get("place"),
                        1, Integer::sum);
            }
            mentions.found += ms.size();
            for (ExpectedMention e : article.mentions()) {
                int count = e.count() == null ? 1 : e.count();
                mentions.expected += count;
                int got = foundMentions.getOrDefault(e.text().toLowerCase(Locale.ROOT) + " → " + e.place(), 0);
                mentions.right += Math.min(got, count);
                if (got != count) {
                    mentions.misses.add(article.file() + ": " + e.text() + " → " + e.place() + " (" + got + " found, " + count + " expected)");
                }
                foundMentions.remove(e.text().toLowerCase(Locale.ROOT) + " → " + e.place());
            }
            foundMentions.forEach((k, n) -> mentions.misses.add(article.file() + ": found " + k + " ×" + n));

            // dates: an expected expression is resolved right when a found one shares its words and has its window
            List<Map<String, Object>> ds = new ArrayList<>(answer.getList("dates"));
            dates.found += ds.size();
            for (ExpectedDate e : article.dates()) {
                int count = e.count() == null ? 1 : e.count();
                dates.expected += count;
                for (int i = 0; i < count; i++) {
                    Map<String, Object> hit = ds.stream().filter(d -> sameWords((String) d.get("text"), e.text())
                            && e.edtf().equals(d.get("edtf"))).findFirst().orElse(null);
                    if (hit != null) {
                        ds.remove(hit);
                        dates.right++;
                    } else {
                        dates.misses.add(article.file() + ": " + e.text() + " = " + e.edtf());
                    }
                }
            }
            ds.forEach(d -> dates.misses.add(article.file() + ": found " + d.get("text") + " = " + d.get("edtf")));

            // proposals: by place and kind
            List<Map<String, Object>> ps = new ArrayList<>(answer.getList("proposals"));
            proposals.found += ps.size();
            for (ExpectedProposal e : article.proposals()) {
                proposals.expected++;
                // the proposal of that place and kind, the one with the expected date when there are several
                Map<String, Object> hit = ps.stream().filter(p -> e.place().equals(p.get("place"))
                        && (Boolean) p.get("capture") == e.kind().equals("capture"))
                        .sorted(java.util.Comparator.comparing(p -> e.edtf() != null && e.edtf().equals(p.get("edtf")) ? 0 : 1))
                        .findFirst().orElse(null);
                if (hit == null) {
                    proposals.misses.add(article.file() + ": " + e.place() + " " + e.kind());
                    continue;
                }
                ps.remove(hit);
                proposals.right++;
                if (e.edtf() != null) {
                    proposalDates++;
                    proposalDatesRight += e.edtf().equals(hit.get("edtf")) ? 1 : 0;
                }
            }
            ps.forEach(p -> proposals.misses.add(article.file() + ": proposed " + p.get("place") + " from «" + p.get("quote") + "»"));
        }
        System.out.println("TRIAGE " + mentions.line("place mentions"));
        System.out.println("TRIAGE " + dates.line("dates resolved"));
        System.out.println("TRIAGE " + proposals.line("proposed claims") + "; of the " + proposalDates
                + " the articles date, dated right: " + proposalDatesRight);
        mentions.misses.forEach(m -> System.out.println("TRIAGE mention " + m));
        dates.misses.forEach(m -> System.out.println("TRIAGE date " + m));
        proposals.misses.forEach(m -> System.out.println("TRIAGE proposal " + m));
        assertTrue(mentions.recall() >= 0.95, mentions.line("place mentions"));
        assertTrue(mentions.precision() >= 0.90, mentions.line("place mentions"));
        assertTrue(dates.recall() >= 0.90, dates.line("dates resolved"));
    }

    private static boolean sameWords(String found, String expected) {
        String f = found.toLowerCase(Locale.ROOT);
        String e = expected.toLowerCase(Locale.ROOT);
        return f.contains(e) || e.contains(f);
    }
}
