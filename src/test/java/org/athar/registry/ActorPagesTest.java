package org.athar.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ActorPagesTest {

    @Test
    void claimsNamingOneActorInDifferentWordsAreListedTogetherWithWhoSaysSo() {
        given().get("/actors").then().statusCode(200)
                .body(containsString("<a href=\"/actors/islamic-state\"><bdi>Islamic State</bdi></a>"));
        given().get("/actors/islamic-state").then().statusCode(200)
                .body(containsString("<span lang=\"ar\" dir=\"auto\">داعش</span>"))
                // "Isis" (the Guardian reprint), "IS" and "ISIS" (the aggregator), "Islamic State" (agencies), and words
                // spelling none of its names that a curator linked (the AAP wire's "ultra-hardline Islamist group")
                .body(containsString("<bdi>Isis</bdi>"))
                .body(containsString("<bdi>ISIS</bdi>"))
                .body(containsString("<bdi>the ultra-hardline Islamist group</bdi>"))
                .body(containsString("The Guardian (reprinted)"));
        given().get("/actors/islamic-state?lang=ar").then().statusCode(200).body(containsString("<h1><bdi>الدولة الإسلامية</bdi></h1>"));
        given().get("/actors/nobody").then().statusCode(404);
        // the event page says who is said to have done it, and by whom
        given().get("/events/airstrikes-on-palmyra-2016").then().statusCode(200)
                .body(containsString("Who is said to have done it, and by whom"))
                .body(containsString("<bdi>Russian forces</bdi> — <a href=\"/sources/"));
    }
}
