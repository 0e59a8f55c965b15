package org.athar.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RegistryApiTest {

    @Test
    void listsSitesAPageAtATime() {
        given().get("/api/sites").then().statusCode(200)
                .body("total", equalTo(1)).body("page", equalTo(1)).body("size", equalTo(20))
                .body("items.slug", hasItem("palmyra"))
                .body("items.find { it.slug == 'palmyra' }.status", equalTo("VERY_BAD"));
        given().get("/api/sites?size=101").then().statusCode(400).body("message", containsString("'size'"));
    }

    @Test
    void siteHasItsMonumentsGroupedByStatus() {
        given().get("/api/sites/palmyra").then().statusCode(200)
                .body("name", equalTo("Palmyra"))
                .body("identifiers[0].scheme", equalTo("UNESCO_WHS"))
                .body("identifiers[0].value", equalTo("23"))
                .body("monumentCounts.find { it.status == 'DESTROYED' }.count", equalTo(8))
                .body("monuments.total", equalTo(12))
                .body("monuments.items.findAll { it.status == 'DESTROYED' }.slug",
                        hasItems("temple-of-bel", "temple-of-baalshamin", "monumental-arch", "tetrapylon"))
                .body("statusTimeline", hasSize(2));
    }

    @Test
    void templeOfBelCarriesBothClaimedDatesWithTheirSources() {
        given().get("/api/monuments/temple-of-bel").then().statusCode(200)
                .body("names.find { it.language == 'ar' }.name", equalTo("معبد بل"))
                .body("names.find { it.language == 'ar' }.direction", equalTo("RTL"))
                .body("location.latitude", equalTo(34.547f))
                .body("identifiers[0].url", equalTo("https://www.geonames.org/8383565"))
                .body("status.condition", equalTo("DESTROYED"))
                .body("status.asOf.edtf", equalTo("2015-08-27/2015-08-31"))
                .body("events.total", equalTo(1))
                // the imagery's "main building and a row of columns" against "destroyed": the severity is disputed
                .body("events.items[0].reading.disputed", equalTo(true))
                .body("events.items[0].reading.severityDisputed", equalTo(true))
                .body("events.items[0].reading.extent", equalTo("PCT_61_90"))
                // the talk's 23 Aug is kept as a claim, disputed by the imagery, and weighs nothing in the reading
                .body("events.items[0].reading.datesDisputed", equalTo(false))
                .body("events.items[0].reading.date.edtf", equalTo("2015-08-30"))
                .body("events.items[0].reading.dates.value.edtf", hasItems("2015-08-30", "2015-08-27/2015-08-31"))
                .body("events.items[0].reading.dates.value.edtf", not(hasItem("2015-08-23")))
                .body("events.items[0].reading.dates.find { it.value.edtf == '2015-08-30' }.sources.publisher",
                        hasItems("ASOR Cultural Heritage Initiatives", "Reuters (citing the Syrian Observatory for Human Rights)"))
                .body("events.items[0].claims.find { it.date?.edtf == '2015-08-23' }.verification", equalTo("DISPUTED"))
                .body("events.items[0].claims.find { it.date?.edtf == '2015-08-23' }.disputedBy.publisher", equalTo("UNITAR-UNOSAT"))
                .body("events.items[0].claims.find { it.date?.edtf == '2015-08-23' }.source.title",
                        equalTo("Public talk on Palmyra's destruction"))
                .body("events.items[0].claims.find { it.date?.edtf == '2015-08-27/2015-08-31' }.date.earliest", equalTo("2015-08-27"))
                .body("events.items[0].claims.find { it.date?.edtf == '2015-08-27/2015-08-31' }.date.latest", equalTo("2015-08-31"))
                .body("events.items[0].claims.find { it.date?.edtf == '2015-08-27/2015-08-31' }.date.precision", equalTo("INTERVAL"))
                .body("events.items[0].claims.find { it.date?.edtf == '../2015-09' }.date.earliest", equalTo(null))
                .body("events.items[0].claims.source.id", everyItem(notNullValue()));
    }

    @Test
    void monumentsArePaged() {
        given().get("/api/monuments?page=1&size=5").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(5)).body("total", equalTo(12)).body("pages", equalTo(3))
                .body("items", hasSize(5));
        given().get("/api/monuments?page=3&size=5").then().statusCode(200).body("items", hasSize(2));
        given().get("/api/monuments").then().statusCode(200).body("size", equalTo(20)).body("items", hasSize(12));
    }

    @Test
    void sourceListsTheClaimsItSupports() {
        int id = given().get("/api/monuments/temple-of-bel").jsonPath()
                .getInt("events.items[0].claims.find { it.source.publisher == 'UNITAR-UNOSAT' }.source.id");
        given().get("/api/sources/" + id).then().statusCode(200)
                .body("kind", equalTo("IMAGERY_ANALYSIS"))
                .body("reliability", equalTo("HIGH"))
                .body("claims.total", equalTo(1))
                .body("claims.items[0].eventSlug", equalTo("temple-of-bel-destroyed-2015"))
                .body("claims.items[0].places.slug", hasItem("temple-of-bel"));
    }

    @Test
    void unknownRecordsAre404WithAJsonBody() {
        given().get("/api/monuments/temple-of-zeus").then().statusCode(404)
                .contentType(containsString("application/json"))
                .body("status", equalTo(404))
                .body("message", equalTo("There is no monument 'temple-of-zeus' in the registry."));
        given().get("/api/sites/atlantis").then().statusCode(404).body("status", equalTo(404));
        given().get("/api/sources/999999").then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    void badParametersAre400WithAMessage() {
        given().get("/api/sources/abc").then().statusCode(400)
                .body("message", containsString("is not a valid source id"));
        given().get("/api/monuments?page=0").then().statusCode(400).body("message", containsString("'page'"));
        given().get("/api/monuments?size=1000").then().statusCode(400).body("message", containsString("'size' must be a whole number from 1 to 100"));
        given().get("/api/monuments?page=two").then().statusCode(400);
    }
}
