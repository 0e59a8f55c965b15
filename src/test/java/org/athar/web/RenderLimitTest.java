package org.athar.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.junit.QuarkusTest;

/** A visitor's answer gives its turn back whatever it was: a page, a 304, an error, an export streamed after it. */
@QuarkusTest
class RenderLimitTest {

    @Inject
    RenderLimit limit;

    @Test
    @Timeout(120) // a turn never given back would leave the requests below waiting for ever
    void everyAnswerGivesItsTurnBack() {
        int turns = limit.available();
        long taken = limit.taken();
        String etag = given().get("/monuments/temple-of-bel").then().statusCode(200).extract().header("ETag");
        // more rounds than there are turns: a turn kept by any kind of answer would stop the test here
        for (int i = 0; i <= turns; i++) {
            given().get("/monuments/temple-of-bel").then().statusCode(200);
            given().header("If-None-Match", etag).get("/monuments/temple-of-bel").then().statusCode(304);
            given().get("/monuments/no-such-monument").then().statusCode(404);
            given().get("/api/search?q=temple&page=x").then().statusCode(400);
            given().get("/api/export/places.csv").then().statusCode(200);
            given().get("/api/sites/palmyra").then().statusCode(200);
        }
        assertEquals(turns, limit.available());
        // each answer read by a resource took a turn (a 304 from the page cache needs none)
        assertTrue(limit.taken() - taken >= 4L * (turns + 1), "turns taken: " + (limit.taken() - taken));
    }
}
