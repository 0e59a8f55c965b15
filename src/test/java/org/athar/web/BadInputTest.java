package org.athar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.athar.account.Role;
import org.athar.testsupport.Browser;
import org.athar.testsupport.Db;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Malformed input on every route the application has, found from the resources themselves: NUL characters, bytes
 * that are not UTF-8, over-long values, numbers out of range, markup and SQL, in path segments, query parameters and
 * form fields, anonymously and signed in; then wrong methods, content types and sizes. No answer may be a 5xx, every
 * answer that is not a redirect has a body saying what went wrong, and the registry is unchanged.
 */
@QuarkusTest
class BadInputTest {

    /** Already percent-encoded, as they travel. */
    private static final List<String> BAD = List.of("a%00b", "%00", "%FF%C0%AF", "%C3%28", "%ED%A0%80", "x".repeat(3000),
            "-1", "0", "99999999999999999999", "1e309", "NaN", "%27%20or%20%271%27%3D%271", "%3Cscript%3E", "%E2%80%AE",
            "%20", "..%2F..%2Fetc%2Fpasswd", "2015-02-30", "%D9%85%D8%B9%D8%A8%D8%AF%00");
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(:[^}]*)?}");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    DataSource dataSource;

    record Route(String method, String path, Set<String> query, Set<String> form) {
    }

    /** Every GET and POST route of the application's resources, with the query and form parameters it declares. */
    static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class)) {
            Class<?> type = bean.getBeanClass();
            if (!type.getName().startsWith("org.athar") || !type.isAnnotationPresent(Path.class)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST" : null;
                if (verb == null) {
                    continue;
                }
                String path = ("/" + type.getAnnotation(Path.class).value() + "/"
                        + (method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : ""))
                        .replaceAll("/+", "/");
                Set<String> query = new LinkedHashSet<>(List.of("page", "size", "q"));
                Set<String> form = new LinkedHashSet<>();
                for (Parameter p : method.getParameters()) {
                    if (p.isAnnotationPresent(QueryParam.class)) {
                        query.add(p.getAnnotation(QueryParam.class).value());
                    } else if (p.isAnnotationPresent(RestQuery.class)) {
                        query.add(p.getName());
                    } else if (p.isAnnotationPresent(FormParam.class)) {
                        form.add(p.getAnnotation(FormParam.class).value());
                    } else if (p.isAnnotationPresent(RestForm.class)) {
                        form.add(p.getName());
                    } else if (p.isAnnotationPresent(BeanParam.class)) {
                        for (Class<?> c = p.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                            for (Field f : c.getDeclaredFields()) {
                                if (f.isAnnotationPresent(FormParam.class)) {
                                    form.add(f.getAnnotation(FormParam.class).value());
                                }
                            }
                        }
                    }
                }
                if (path.startsWith("/search") || path.startsWith("/api/search")) {
                    query.addAll(List.of("site", "asOf", "status", "from", "to", "sort", "placeType", "cause"));
                }
                routes.add(new Route(verb, path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path,
                        query, form));
            }
        }
        return routes;
    }

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Browser as) throws Exception {
        if (as != null) {
            request.header("Cookie", as.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.build();
        try {
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(built.method() + " " + built.uri().toString().substring(0,
                    Math.min(150, built.uri().toString().length())) + ": no answer (" + e.getMessage() + ")", e);
        }
    }

    @Test
    void noMalformedRequestOnAnyRouteGetsAServerErrorAnEmptyAnswerOrChangesTheRegistry() throws Exception {
        Map<String, String> before = Db.fingerprint(dataSource);
        Browser admin = Browser.signedIn(Role.ADMIN);
        admin.get("/curate").then().statusCode(200);
        String token = tokenOf(admin);
        List<Route> routes = routes();
        assertTrue(routes.size() >= 30, "the scan found the routes: " + routes);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Route route : routes) {
            for (String bad : BAD) {
                Matcher m = PARAM.matcher(route.path());
                String path = m.replaceAll(Matcher.quoteReplacement(bad.isBlank() ? "x" : bad));
                String query = route.query().stream().map(q -> q + "=" + bad).collect(Collectors.joining("&"));
                for (Browser as : new Browser[] { null, admin }) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path + "?" + query));
                    if (route.method().equals("POST")) {
                        String body = "csrf-token=" + (as == null ? "" : token) + route.form().stream().map(f -> "&" + f + "=" + bad)
                                .collect(Collectors.joining());
                        request.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                                .POST(HttpRequest.BodyPublishers.ofString(body));
                    }
                    HttpResponse<String> answer = send(request, as);
                    sent++;
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    check(route.method() + " " + path + " (" + (as == null ? "anonymous" : "signed in") + ")", answer, failures);
                }
            }
        }
        // methods, content types and sizes the routes do not take
        for (Route route : routes) {
            String path = PARAM.matcher(route.path()).replaceAll("1");
            List<HttpRequest.Builder> odd = List.of(
                    HttpRequest.newBuilder(URI.create(base() + path)).method("PUT", HttpRequest.BodyPublishers.ofString("x")),
                    HttpRequest.newBuilder(URI.create(base() + path)).method("DELETE", HttpRequest.BodyPublishers.noBody()),
                    HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"a\":\u0000}")),
                    HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 'q', '=', (byte) 0xC0, (byte) 0xAF, '&', 'a', '=', '%' })),
                    HttpRequest.newBuilder(URI.create(base() + path + "?q=" + "z".repeat(20_000))));
            for (HttpRequest.Builder request : odd) {
                for (Browser as : new Browser[] { null, admin }) {
                    HttpResponse<String> answer = send(request.copy(), as);
                    sent++;
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    check(path + " (odd request, " + (as == null ? "anonymous" : "signed in") + ")", answer, failures);
                }
            }
        }
        // a body over the limit, on the routes that take forms
        for (Route route : routes.stream().filter(r -> r.method().equals("POST")).limit(4).toList()) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base() + PARAM.matcher(route.path()).replaceAll("1")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("comment=" + "y".repeat(12 * 1024 * 1024))), admin);
            sent++;
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            check(route.path() + " (12 MB body)", answer, failures);
        }
        System.out.printf("Bad requests sent: %d; answers by status: %s%n", sent, statuses);
        assertTrue(sent >= 500, "sent " + sent);
        assertEquals(List.of(), failures.stream().limit(30).toList(), failures.size() + " failures");
        assertEquals(before, Db.fingerprint(dataSource), "the registry changed");
    }

    private static String tokenOf(Browser browser) {
        // the token a form of the signed-in browser carries
        String body = browser.get("/curate/sources/new").asString();
        int at = body.indexOf("name=\"csrf-token\" value=\"");
        return at < 0 ? "" : body.substring(at + 25, body.indexOf('"', at + 25));
    }

    private static void check(String what, HttpResponse<String> answer, List<String> failures) {
        int status = answer.statusCode();
        if (status >= 500) {
            failures.add(what + " -> " + status + " " + answer.body().lines().findFirst().orElse(""));
        } else if (status >= 400 && answer.body().isBlank()) {
            failures.add(what + " -> " + status + " with an empty body");
        }
    }

    @Test
    void textThatNoRecordMayHoldIsRefusedNamingWhereItWas() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base() + "/monuments/a%00b")), null);
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("The part of the address &#39;slug&#39; contains a NUL character"), page.body());
        HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(base() + "/api/search?q=%FF%C0%AF")), null);
        assertEquals(400, api.statusCode());
        assertTrue(api.body().contains("\"message\":\"The parameter 'q' is not valid UTF-8 text."), api.body());
        Browser visitor = new Browser();
        visitor.get("/login");
        HttpResponse<String> form = visitor.postFromThread("/login", "username", "a\u0000b", "password", "x");
        assertEquals(400, form.statusCode());
        assertTrue(form.body().contains("The field &#39;username&#39; contains a NUL character"), form.body());
        HttpResponse<String> longQuery = send(HttpRequest.newBuilder(URI.create(base() + "/search?q=" + "a".repeat(9000))), null);
        assertEquals(414, longQuery.statusCode());
        assertTrue(longQuery.body().contains("addresses of up to 8192 characters"), longQuery.body());
        HttpResponse<String> cookies = send(HttpRequest.newBuilder(URI.create(base() + "/"))
                .header("Cookie", "junk=" + "c".repeat(20_000)), null);
        assertEquals(431, cookies.statusCode());
        assertTrue(cookies.body().contains("Clear this site&#39;s cookies"), cookies.body());
        // the reference on an error page is the request's id, as the response header and the log have it
        HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create(base() + "/monuments/no-such-monument")), null);
        String id = missing.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(missing.body().contains("Reference: <code>" + id + "</code>"), missing.body());
        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(base() + "/api/monuments/no-such-monument"))
                .header("X-Request-Id", "lb-request-00042"), null);
        assertTrue(json.body().contains("\"requestId\":\"lb-request-00042\""), json.body());
        String box = visitor.get("/search").asString();
        assertTrue(box.contains("maxlength=\"200\""), "the search box takes what the server takes");
    }
}
