package org.athar.testsupport;

import org.athar.account.Role;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.restassured.RestAssured;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A browser: its cookies, and the CSRF token of the last form it loaded. */
public class Browser {
    public final Map<String, String> cookies = new HashMap<>();
    String token;
    // the application under test unless another is named
    private final String baseUri;

    public Browser() {
        this(null);
    }

    /** A browser of an application at another address, such as a second node. */
    public Browser(String baseUri) {
        this.baseUri = baseUri;
    }

    private RequestSpecification request() {
        return baseUri == null ? given() : given().baseUri(baseUri);
    }

    public Response get(String path) {
        Response r = request().cookies(cookies).redirects().follow(false).get(path);
        cookies.putAll(r.getCookies());
        String body = r.asString();
        int at = body.indexOf("name=\"csrf-token\" value=\"");
        if (at >= 0) {
            int start = at + "name=\"csrf-token\" value=\"".length();
            token = body.substring(start, body.indexOf('"', start));
        }
        return r;
    }

    public Response post(String path, String... fields) {
        var request = request().cookies(cookies).redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", token);
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        Response r = request.post(path);
        cookies.putAll(r.getCookies());
        return r;
    }

    /** Posts a JSON body, as the curators' own tools do, with this browser's session and its CSRF token as X-CSRF-TOKEN. */
    public Response json(String path, Object body) {
        Response r = request().cookies(cookies).redirects().follow(false).contentType("application/json")
                .header("X-CSRF-TOKEN", token).body(body).post(path);
        cookies.putAll(r.getCookies());
        return r;
    }

    /** Posts a multipart form, as a file input does: {@code files} maps each file's name to its bytes. */
    public Response upload(String path, Map<String, byte[]> files, String... fields) {
        var request = request().cookies(cookies).redirects().follow(false).multiPart("csrf-token", token);
        for (int i = 0; i < fields.length; i += 2) {
            request.multiPart(fields[i], fields[i + 1]);
        }
        files.forEach((name, bytes) -> request.multiPart("files", name, bytes, "text/csv"));
        Response r = request.post(path);
        cookies.putAll(r.getCookies());
        return r;
    }

    /** Posts a multipart form with one file in the input named {@code input}, as a browser does. */
    public Response uploadFile(String path, String input, String fileName, byte[] bytes, String... fields) {
        var request = request().cookies(cookies).redirects().follow(false).multiPart("csrf-token", token);
        for (int i = 0; i < fields.length; i += 2) {
            request.multiPart(fields[i], fields[i + 1]);
        }
        request.multiPart(input, fileName, bytes, "application/octet-stream");
        Response r = request.post(path);
        cookies.putAll(r.getCookies());
        return r;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * Posts a form from any thread (for races: RestAssured is not meant to be shared between threads), with this
     * browser's cookies and token; the cookies it gets back are not kept.
     */
    public HttpResponse<String> postFromThread(String path, String... fields) throws Exception {
        StringBuilder body = new StringBuilder("csrf-token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        String base = baseUri != null ? baseUri : RestAssured.baseURI + ":" + RestAssured.port;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A browser signed in to a new account of this role. */
    public static Browser signedIn(Role role) {
        Browser browser = new Browser();
        String user = Accounts.newAccount(role, "a-long-password-9");
        Response r = browser.signIn(user, "a-long-password-9");
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + r.statusCode());
        }
        return browser;
    }

    public Response signIn(String username, String password) {
        get("/login");
        return post("/login", "username", username, "password", password, "next", "/curate");
    }
}
