package org.athar.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.json.JsonArray;

/** Records as JSON-LD on CIDOC CRM, expanded by an outside processor against the context the registry publishes. */
@QuarkusTest
class LinkedDataTest {

    static final String CRM = "http://www.cidoc-crm.org/cidoc-crm/";

    @TestHTTPResource("/")
    URI base;

    /** The record at the address as linked data, expanded: every term becomes the full IRI it stands for. */
    private String expanded(String path) throws Exception {
        String body = given().accept(LinkedData.MEDIA_TYPE).get(path).then().statusCode(200)
                .contentType(containsString(LinkedData.MEDIA_TYPE)).extract().asString();
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new java.io.StringReader(body))).base(base.resolve(path)).get();
        return expanded.toString();
    }

    @Test
    void aMonumentIsASiteWithItsNamesConditionsAndTheClaimsBehindThem() throws Exception {
        String ld = expanded("/monuments/temple-of-bel");
        assertTrue(ld.contains("\"@type\":[\"" + CRM + "E27_Site\"]"));
        assertTrue(ld.contains(CRM + "P1_is_identified_by"));
        // names keep their language
        assertTrue(ld.contains("\"@language\":\"ar\""));
        assertTrue(ld.contains(CRM + "P44_has_condition"));
        assertTrue(ld.contains(CRM + "E3_Condition_State"));
        assertTrue(ld.contains(CRM + "P82a_begin_of_the_begin\":[{\"@value\":\"2015-08-27\",\"@type\":\"http://www.w3.org/2001/XMLSchema#date\""));
        assertTrue(ld.contains("{\"@value\":\"2015-08-27/2015-08-31\",\"@type\":\"http://id.loc.gov/datatypes/edtf/EDTF\"}"));
        assertTrue(ld.contains("POINT(38.274 34.547)"));
        assertTrue(ld.contains(CRM + "P12i_was_present_at\":[{\"@id\":\"" + base.resolve("/events/temple-of-bel-destroyed-2015")));
        // the same address still gives people the page
        given().accept("text/html").get("/monuments/temple-of-bel").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void anEventIsAnE5EventWhoseClaimsAreAttributeAssignmentsUsingTheirSources() throws Exception {
        String ld = expanded("/events/temple-of-bel-destroyed-2015");
        assertTrue(ld.contains("\"@type\":[\"" + CRM + "E5_Event\"]"));
        assertTrue(ld.contains(CRM + "P12_occurred_in_the_presence_of\":[{\"@id\":\"" + base.resolve("/monuments/temple-of-bel")));
        assertTrue(ld.contains(CRM + "E13_Attribute_Assignment"));
        assertTrue(ld.contains(CRM + "P140_assigned_attribute_to"));
        assertTrue(ld.contains(CRM + "P16_used_specific_object"));
        assertTrue(ld.contains(CRM + "E31_Document"));
        // both claimed dates are there, each in the time-span its claim assigns
        assertTrue(ld.contains("\"@value\":\"2015-08-30\""));
        assertTrue(ld.contains("\"@value\":\"2015-08-23\""));
    }

    @Test
    void sitesAndSourcesAreLinkedDataToo() throws Exception {
        assertTrue(expanded("/sites/palmyra").contains(CRM + "E27_Site"));
        int id = given().get("/api/monuments/temple-of-bel").jsonPath()
                .getInt("events.items[0].claims.find { it.source.publisher == 'UNITAR-UNOSAT' }.source.id");
        String source = expanded("/sources/" + id);
        assertTrue(source.contains(CRM + "E31_Document"));
        assertTrue(source.contains(CRM + "P16i_was_used_for"));
        assertTrue(source.contains(CRM + "P94i_was_created_by"));
        String vocabulary = expanded(LinkedData.VOCABULARY);
        assertTrue(vocabulary.contains(base.resolve(LinkedData.VOCABULARY) + "#Condition.DESTROYED"), vocabulary);
    }

    @Test
    void aClaimsAddressLeadsToItOnItsEventsPage() {
        int claim = given().get("/api/monuments/temple-of-bel").jsonPath().getInt("events.items[0].claims[0].id");
        given().redirects().follow(false).get("/claims/" + claim).then().statusCode(303)
                .header("Location", endsWith("/events/temple-of-bel-destroyed-2015#claim-" + claim));
        given().redirects().follow(false).get("/claims/999999999").then().statusCode(404);
    }

    @Test
    void anEventHasAPageOfItsOwn() {
        given().get("/events/temple-of-bel-destroyed-2015").then().statusCode(200)
                .body(containsString("Temple of Bel destroyed with explosives"))
                .body(containsString("Sources disagree"))
                .body(containsString("href=\"/monuments/temple-of-bel\""));
        given().get("/events/no-such-event").then().statusCode(404);
        given().accept(LinkedData.MEDIA_TYPE).get("/ld/v1/context.jsonld").then().statusCode(200)
                .body("'@context'.crm", equalTo(CRM));
    }
}
