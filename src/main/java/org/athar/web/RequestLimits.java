package org.athar.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The edge of every request. It gets an id (the load balancer's X-Request-Id when it sends a plausible one, else a
 * new one) that the access log, the application's log lines (MDC requestId), the response header X-Request-Id and
 * every error page and error JSON carry, so that a person reporting an error and an operator reading the log speak
 * of the same request.
 * <p>
 * Addresses longer than the application takes get its own 414 page (or JSON under /api) naming the limit, headers
 * larger than it takes a 431 page, and bodies announced larger than quarkus.http.limits.max-body-size a 413 page,
 * before anything else reads them. The HTTP server accepts request lines up to quarkus.http.limits.max-initial-line-length
 * (set well above this limit), so that any address a browser or a script sends in practice is answered here; beyond
 * the server's own limit only a bare 414 is possible.
 */
@ApplicationScoped
class RequestLimits {

    /** Where the request's id is kept in the routing context and the logging context. */
    static final String REQUEST_ID = "requestId";
    private static final java.util.regex.Pattern PLAUSIBLE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{8,64}");

    /** The longest address (path and query) taken: ample for every page, search and filter combination. */
    static final int MAX_URI_LENGTH = 8192;
    /** The most header bytes taken (names and values); the server reads up to quarkus.http.limits.max-header-size. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    void install(@Observes Filters filters) {
        filters.register(this::checkLength, 1000);
    }

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    /** The id of the request being handled, for pages and logs. */
    static String requestId(RoutingContext rc) {
        return rc == null ? null : rc.get(REQUEST_ID);
    }

    private void checkLength(RoutingContext rc) {
        String given = rc.request().getHeader("X-Request-Id");
        String id = given != null && PLAUSIBLE_ID.matcher(given).matches() ? given
                : Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffffffffL);
        rc.put(REQUEST_ID, id);
        rc.response().putHeader("X-Request-Id", id);
        org.jboss.logging.MDC.put(REQUEST_ID, id);
        String uri = rc.request().uri();
        int headers = headerBytes(rc);
        String declared = rc.request().getHeader("Content-Length");
        if (uri.length() > MAX_URI_LENGTH) {
            refuse(rc, 414, "URI Too Long", "This address is " + uri.length() + " characters long; the registry takes "
                    + "addresses of up to " + MAX_URI_LENGTH + " characters. Shorten the search or the filters.");
        } else if (headers > MAX_HEADER_BYTES) {
            refuse(rc, 431, "Request Header Fields Too Large", "This request's headers are " + headers
                    + " bytes; the registry takes up to " + MAX_HEADER_BYTES + ". Clear this site's cookies and try again.");
        } else if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxBody.asLongValue()) {
            // a body announced too big is refused before it is read (one sent in chunks meets the server's bare 413)
            refuse(rc, 413, "Content Too Large", "This request's body is " + declared + " bytes; the registry takes up to "
                    + maxBody.asLongValue() + " bytes. Send a smaller file or form.");
        } else {
            rc.next();
        }
    }

    private static int headerBytes(RoutingContext rc) {
        int bytes = 0;
        for (var header : rc.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private static void refuse(RoutingContext rc, int status, String title, String message) {
        if (rc.request().path().startsWith("/api")) {
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                    .end(new JsonObject().put("status", status).put("error", title).put("message", message)
                            .put("requestId", requestId(rc)).encode());
        } else {
            rc.response().setStatusCode(status).putHeader("Content-Type", "text/html;charset=UTF-8").putHeader("Connection", "close")
                    .end(ErrorPages.Templates.error(status, title, message, null, requestId(rc)).render());
        }
    }
}
