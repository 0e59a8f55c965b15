package org.athar.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The API is described (/q/openapi, /q/swagger-ui) and observed (/q/health, /q/metrics). */
@QuarkusTest
class ApiDescriptionTest {

    @Test
    void everyPublicEndpointIsDescribedWithItsParametersAndErrors() {
        var api = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (String path : new String[] { "/api/sites", "/api/sites/{slug}", "/api/monuments", "/api/monuments/{slug}",
                "/api/sources/{id}", "/api/search", "/api/export/{file}" }) {
            org.junit.jupiter.api.Assertions.assertNotNull(api.get("paths.'" + path + "'.get.summary"), path);
            org.junit.jupiter.api.Assertions.assertNotNull(api.get("paths.'" + path + "'.get.responses.'400'"), path);
        }
        given().accept("application/json").get("/q/openapi?format=json").then()
                .body("paths.'/api/search'.get.parameters.name", hasItems("q", "site", "status", "asOf", "page", "size", "sort"))
                .body("paths.'/api/export/{file}'.get.parameters.find { it.name == 'file' }.schema.enum",
                        hasItems("places.csv", "claims.csv", "places.geojson"))
                .body("paths.'/api/export/{file}'.get.parameters.find { it.name == 'status' }.schema.enum", hasItems("DESTROYED"))
                .body("paths.'/api/monuments/{slug}'.get.responses.'404'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ApiError"))
                .body("components.schemas.ApiError.properties.message", notNullValue())
                // forms and pages are for people, not part of the API
                .body("paths.keySet()", not(hasItems("/curate/review", "/login", "/search")));
        // Swagger UI's page runs an inline script, and its page alone may
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"))
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"));
        given().get("/").then().header("Content-Security-Policy", containsString("script-src 'self';"));
    }

    @Test
    void healthSaysTheDatabaseIsUpAndMetricsCountRequestsByRoute() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"));
        given().get("/monuments/temple-of-bel").then().statusCode(200);
        given().get("/api/monuments/temple-of-bel").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/monuments/{slug}\""))
                .body(containsString("uri=\"/api/monuments/{slug}\""))
                .body(not(containsString("uri=\"/monuments/temple-of-bel\"")))
                .body(containsString("agroal_active_count"))
                .body(containsString("cache_gets_total{cache=\"pages\""));
    }
}
