package org.athar.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.place.Place;
import org.athar.place.PlaceLevel;
import org.athar.status.StatusAssessment;
import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class SearchTest {

    @Inject
    DataSource dataSource;

    /** Searches with parameters written as in a URL ("q=Baal%20Shamin&kind=TEMPLE"), raw or percent-encoded. */
    private static ValidatableResponse search(String query) {
        var request = given();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] nameValue = pair.split("=", 2);
                request.queryParam(nameValue[0], nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return request.get("/api/search").then();
    }

    private static List<String> slugs(String query) {
        return search("size=100&" + query).statusCode(200).extract().jsonPath().getList("results.slug");
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource(delimiter = '|', value = {
            "Baal Shamin | temple-of-baalshamin",
            "Baalshamin | temple-of-baalshamin",
            "Ba'al Shamin | temple-of-baalshamin",
            "baal-shamin | temple-of-baalshamin",
            "BAAL SHAMIN | temple-of-baalshamin",
            "Tadmur | palmyra",
            "Tadmor | palmyra",
            "تدمر | palmyra",
            "Arch of Triumph | monumental-arch",
            "triumphal arch | monumental-arch",
            "tetrapilon | tetrapylon",
            "Temple of Bél | temple-of-bel",
            "temple of baal | temple-of-bel",
            "مَعْبَدُ بَعْل شَمين | temple-of-baalshamin",
            "برج ايلابل | tower-of-elahbel",
            "elahbell | tower-of-elahbel",
            "Valley of Tombs | valley-of-the-tombs",
            "tadmur prison | tadmur-prison",
    })
    void everySpellingFindsTheRightPlaceFirst(String query, String slug) {
        search("q=" + query).statusCode(200).body("results[0].slug", equalTo(slug));
    }

    @ParameterizedTest(name = "{0} finds {1} in its names")
    @CsvSource(delimiter = '|', value = {
            "tomb | valley-of-the-tombs",
            "tombs | tomb-of-a-descendant-of-the-prophets-cousin",
            "theater | roman-theatre",
            "theaters | roman-theatre",
            "temples | temple-of-bel",
            "towers | tower-of-elahbel",
    })
    void wordFormsAndSpellingsOfAWordAreTheSameWord(String query, String slug) {
        search("q=" + query + "&size=50").statusCode(200)
                .body("results.find { it.slug == '" + slug + "' }.score", equalTo(0.5f));
    }

    @Test
    void arabicQueriesFindArabicNamedPlaces() {
        search("q=معبد").statusCode(200)
                .body("results.slug", hasItems("temple-of-bel", "temple-of-baalshamin"))
                .body("results.find { it.slug == 'temple-of-bel' }.matchedName", equalTo("معبد بل"));
    }

    @Test
    void anExactNameBeatsAFuzzyNameWhichBeatsAMentionInTheText() {
        search("q=Palmyra&size=50").statusCode(200)
                .body("results[0].slug", equalTo("palmyra"))
                .body("results[0].score", equalTo(3.0f))
                .body("results.find { it.slug == 'palmyra-museum' }.score", greaterThan(1.0f))
                .body("results.find { it.slug == 'palmyra-museum' }.score", lessThan(3.0f))
                // the Temple of Bel's texts mention Palmyra but none of its names do
                .body("results.find { it.slug == 'temple-of-bel' }.score", lessThan(1.0f))
                .body("results.find { it.slug == 'temple-of-bel' }.matchedName", equalTo(null));
        search("q=execution").statusCode(200).body("results[0].slug", equalTo("roman-theatre"));
    }

    @Test
    void aMonumentOutranksItsSiteWhenBothMatchEqually() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Db.runUnchecked(dataSource, """
                        insert into place (slug, level, place_type, kind) values ('qaryatayn', 'SITE', 'URBAN_HERITAGE', 'ANCIENT_CITY');
                        insert into place (slug, level, place_type, kind, parent_id, parent_level)
                            select 'qaryatayn-monastery', 'MONUMENT', 'STRUCTURAL_HERITAGE', 'OTHER', id, 'SITE' from place where slug = 'qaryatayn';
                        insert into place_name (place_id, name, language, direction, name_type)
                            select id, 'Qaryatayn', 'en', 'LTR', 'DESIGNATION' from place where slug in ('qaryatayn', 'qaryatayn-monastery');
                        """);
            });
            search("q=qaryatayn").statusCode(200)
                    .body("results.slug", equalTo(List.of("qaryatayn-monastery", "qaryatayn")))
                    .body("results.score", equalTo(List.of(3.0f, 3.0f)));
        } finally {
            Db.runUnchecked(dataSource, "delete from place where slug like 'qaryatayn%' and level = 'MONUMENT';"
                    + "delete from place where slug = 'qaryatayn'");
        }
    }

    @Test
    void facetsCountEveryResultWhenThereAreNotTooMany() {
        search("q=temple").statusCode(200).body("facetBasis", equalTo(given().get("/api/search?q=temple").path("total")));
    }

    @Test
    void suggestsANameWhenNothingMatchesWell() {
        search("q=palmiraa").statusCode(200).body("total", equalTo(0)).body("didYouMean", equalTo("Palmyra"));
        search("q=palmyra").statusCode(200).body("didYouMean", equalTo(null));
    }

    @Test
    void syntaxCharactersAmongWordsAreSearchedAsText() {
        search("q=Baal %26 Shamin | (temple)* %25_%5C").statusCode(200).body("results.slug", hasItem("temple-of-baalshamin"));
    }

    @Test
    void anEmptyQueryWithFiltersListsEverythingTheFiltersMatch() {
        search("kind=TEMPLE").statusCode(200)
                .body("total", equalTo(2))
                .body("results.slug", equalTo(List.of("temple-of-baalshamin", "temple-of-bel")));
    }

    @Test
    void statusFilterAndCountsAgreeWithTheStatusTimeline() {
        Set<String> destroyed = QuarkusTransaction.requiringNew().call(() -> StatusAssessment
                .currentFor(Place.<Place>list("level", PlaceLevel.MONUMENT)).stream()
                .filter(s -> s.condition.name().equals("DESTROYED")).map(s -> s.place.slug)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(destroyed, new TreeSet<>(slugs("site=palmyra&status=DESTROYED")));
        search("site=palmyra").statusCode(200)
                .body("facets.status.find { it.value == 'DESTROYED' }.count", equalTo(destroyed.size()))
                .body("facets.site[0].value", equalTo("palmyra"));
    }

    @Test
    void causeAndSourceKindCountsAgreeWithTheRegistry() throws Exception {
        int withImagery = Integer.parseInt(Db.single(dataSource, """
                select count(distinct coalesce(c.place_id, dp.place_id)) from claim c
                join source s on s.id = c.source_id left join damage_event_place dp on dp.event_id = c.event_id
                where s.kind = 'IMAGERY_ANALYSIS'"""));
        search("site=palmyra").statusCode(200)
                .body("facets.sourceKind.find { it.value == 'IMAGERY_ANALYSIS' }.count", equalTo(withImagery))
                .body("facets.sourceKind.find { it.value == 'IMAGERY_ANALYSIS' }.label", equalTo("Imagery analysis"));
        assertEquals(withImagery, slugs("sourceKind=IMAGERY_ANALYSIS").size());
        search("cause=MILITARY_ARMED_CONFLICT&effect=COLLAPSE_STRUCTURAL_DAMAGE&severity=DESTROYED&verification=IMAGERY_CONFIRMED")
                .statusCode(200).body("results.slug", hasItems("temple-of-bel", "tetrapylon", "tower-of-elahbel"))
                .body("results.slug", not(hasItem("temple-of-baalshamin")));
    }

    @Test
    void aDateWindowFindsPlacesWithEventsOverlappingIt() {
        List<String> august = slugs("from=2015-08-25&to=2015-08-31");
        assertEquals(true, august.containsAll(List.of("temple-of-bel")));
        assertEquals(false, august.contains("tetrapylon"));
        assertEquals(false, august.contains("monumental-arch"), "its claims say October 2015");
        search("q=tetrapylon&from=2016-12-01&to=2017-01-31").statusCode(200).body("results[0].slug", equalTo("tetrapylon"));
    }

    @Test
    void asOfShowsEachPlacesStatusOnThatDate() {
        LocalDate day = LocalDate.of(2015, 9, 1);
        Set<String> destroyedThen = QuarkusTransaction.requiringNew().call(() -> Place.<Place>list("level", PlaceLevel.MONUMENT)
                .stream().filter(p -> StatusAssessment.asOf(p, day).map(s -> s.condition.name().equals("DESTROYED")).orElse(false))
                .map(p -> p.slug).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(Set.of("tadmur-prison", "temple-of-baalshamin", "temple-of-bel"), destroyedThen);
        assertEquals(destroyedThen, new TreeSet<>(slugs("status=DESTROYED&asOf=2015-09-01&site=palmyra")));
        search("q=temple of bel&asOf=2015-06-01").statusCode(200)
                .body("asOf", equalTo("2015-06-01"))
                .body("results[0].slug", equalTo("temple-of-bel"))
                .body("results[0].status", equalTo(null));
        search("q=palmyra&asOf=2015-06-01").statusCode(200).body("results[0].status", equalTo("FAIR"));
        search("q=palmyra").statusCode(200).body("results[0].status", equalTo("VERY_BAD"));
    }

    @Test
    void resultsArePagedAndSorted() {
        search("site=palmyra&size=5&page=2&sort=name").statusCode(200)
                .body("page", equalTo(2)).body("pages", equalTo(3)).body("results.size()", equalTo(5));
        List<String> byName = search("site=palmyra&sort=name&size=100").extract().jsonPath().getList("results.name");
        assertEquals(byName.stream().sorted().toList(), byName);
        search("site=palmyra&sort=latest").statusCode(200).body("results[0].slug", equalTo("palmyra"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "q=", "q=%20%20", "q=%26%20%7C%20!%20(%20)%20:%20*%20%25%20_%20%5C",
            "q=temple&kind=castle", "q=temple&status=ruined", "q=temple&cause=war", "q=temple&effect=x",
            "q=temple&severity=total", "q=temple&sourceKind=blog", "q=temple&verification=sure",
            "q=temple&from=2016-01-01&to=2015-01-01", "q=temple&from=2015-13-01", "q=temple&asOf=yesterday",
            "q=temple&page=0", "q=temple&page=999", "q=temple&size=0", "q=temple&size=1000", "q=temple&sort=random",
            "q=temple&site=atlantis" })
    void badInputIsAClear400(String query) {
        search(query).statusCode(400).body("status", equalTo(400)).body("message", notNullValue())
                .body("message", not(containsString("Exception")));
    }

    @Test
    void aTwoThousandCharacterQueryIsRefusedWithItsLength() {
        search("q=" + "a".repeat(2000)).statusCode(400).body("message", containsString("2000 characters"));
    }

    @Test
    void theSearchPageShowsResultsFacetsAndMarksTheFieldInError() {
        given().get("/search?q=Tadmor").then().statusCode(200)
                .body(containsString("<a href=\"/sites/palmyra\">Palmyra</a>"))
                .body(containsString("Place type"));
        given().get("/search?q=temple&from=2016-01-01&to=2015-01-01").then().statusCode(400)
                .body(containsString("id=\"from\" name=\"from\" type=\"date\" value=\"2016-01-01\" aria-invalid=\"true\""))
                .body(containsString("put the earlier date in &#39;from&#39;"));
        given().get("/search").then().statusCode(200).body(containsString("Search the registry"));
        given().get("/api/search?q=temple").then().statusCode(200).body("results.score", everyItem(notNullValue()));
    }
}
