package org.athar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Pages read in transactions of their own, one connection at a time: a page that held a connection while it waited for
 * another made visitors wait on each other once there were as many as connections, until the pool gave up (503). On a
 * pool of two connections, eight visitors at once show it.
 */
@QuarkusTest
@TestProfile(FewConnectionsTest.TwoConnections.class)
class FewConnectionsTest {

    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.acquisition-timeout", "3S");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void moreVisitorsAtOnceThanTheDatabaseHasConnectionsAreAllServed() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (String path : List.of("sites/palmyra", "monuments/temple-of-bel", "sources/1", "events/temple-of-bel-destroyed-2015")) {
            for (int i = 0; i < 4; i++) {
                answers.add(client.sendAsync(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html").build(),
                        HttpResponse.BodyHandlers.discarding()));
            }
        }
        for (CompletableFuture<HttpResponse<Void>> answer : answers) {
            assertEquals(200, answer.get().statusCode(), answer.get().uri().toString());
        }
    }
}
