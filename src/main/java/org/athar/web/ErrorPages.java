package org.athar.web;

import java.util.function.Function;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.athar.db.Sql;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;

/**
 * Client errors (unknown page, malformed id, bad parameter) as a person or a program expects them: an HTML page
 * under the site, a JSON body under /api. Both carry the same message.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String detail, String requestId);
    }

    /** The JSON error body of the API. */
    public record ApiError(int status, String error, String message, String requestId) {
    }

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    /**
     * A request that needs an account, without one: under /api a 401 whose JSON says what to do (as every API error
     * does), elsewhere the sign-in form, which leads back to the page.
     */
    @ServerExceptionMapper
    public Response signInFirst(io.quarkus.security.UnauthorizedException e, UriInfo uri, RoutingContext rc) {
        if (uri.getPath().startsWith("/api")) {
            return Response.status(401).type(MediaType.APPLICATION_JSON).entity(new ApiError(401, "Unauthorized",
                    "Sign in as a curator first: this part of the API takes the session cookie of a signed-in browser, "
                            + "with its CSRF token as X-CSRF-TOKEN.", RequestLimits.requestId(rc))).build();
        }
        return Response.status(302).location(java.net.URI.create("/login?next="
                + java.net.URLEncoder.encode(uri.getPath(), java.nio.charset.StandardCharsets.UTF_8))).build();
    }

    @ServerExceptionMapper
    public Response clientError(WebApplicationException e, UriInfo uri, RoutingContext rc) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse();
        }
        // Our own exceptions carry a message written for people (in English); the framework's (no such route) do not.
        String specific = e instanceof RecordNotFoundException || e instanceof BadParameterException
                || e instanceof ConflictException || e instanceof RecordWithdrawnException ? e.getMessage() : null;
        return answer(status, specific, m -> status.getStatusCode() == 404 ? m.error_not_found() : m.error_client(),
                uri, rc);
    }

    /**
     * An error answer: JSON under /api (in English), else a page in the visitor's language. A specific message is in
     * English; an English page says it alone, an Arabic one says the general message in Arabic and the specific one
     * beside it, marked as English.
     */
    private static Response answer(Response.StatusType status, String specific, Function<Messages, String> general,
            UriInfo uri, RoutingContext rc) {
        String id = RequestLimits.requestId(rc);
        if (uri.getPath().startsWith("/api")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(status.getStatusCode(),
                    status.getReasonPhrase(), specific != null ? specific : general.apply(Language.EN.messages()), id))
                    .build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(status.getStatusCode(), specific, general, id, Language.of(rc))).build();
    }

    private static String page(int status, String specific, Function<Messages, String> general, String id,
            Language language) {
        Messages messages = language.messages();
        boolean english = language == Language.EN;
        String message = specific != null && english ? specific : general.apply(messages);
        return Templates.error(status, messages.error_title(status), message, english ? null : specific, id)
                .setLocale(language.locale).render();
    }

    /**
     * Anything else that went wrong. A database that cannot be reached is said so (503, try again shortly), not shown
     * as a failure of the page; the rest is a 500 whose page names the request id, under which the log has the
     * details. Neither shows a stack trace or a database message.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, RoutingContext rc) {
        if (databaseUnreachable(e)) {
            LOG.warnf("Database unreachable while serving %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(answer(Response.Status.SERVICE_UNAVAILABLE, null, Messages::error_unavailable, uri, rc))
                    .header("Retry-After", "30").build();
        }
        LOG.errorf(e, "Failed to serve %s", uri.getPath());
        return answer(Response.Status.INTERNAL_SERVER_ERROR, null, Messages::error_unexpected, uri, rc);
    }

    /** A connection refused, lost or never obtained (SQLSTATE class 08, a server shutting down, a pool time-out). */
    static boolean databaseUnreachable(Throwable e) {
        if (Sql.sqlState(e).filter(state -> state.startsWith("08") || state.startsWith("57P")).isPresent()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof org.hibernate.exception.JDBCConnectionException
                    || String.valueOf(t.getMessage()).contains("Unable to acquire JDBC Connection")
                    || String.valueOf(t.getMessage()).contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** A form body that is not valid URL encoding (a lone "%") fails while the framework decodes it. */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e, UriInfo uri, RoutingContext rc) {
        if (!String.valueOf(e.getMessage()).startsWith("Failed to decode")) {
            return unexpected(e, uri, rc);
        }
        return answer(Response.Status.BAD_REQUEST, null, Messages::error_undecodable, uri, rc);
    }

    /**
     * The CSRF filter refuses a form without a valid token by aborting with an empty 400; say why, in the page's
     * language of errors, instead of showing a blank page.
     */
    @ServerResponseFilter
    public void explainRefusedForm(ContainerRequestContext request, ContainerResponseContext response, RoutingContext rc) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())) {
            response.setEntity(page(400, null, Messages::error_form_expired,
                    MDC.get(RequestLimits.REQUEST_ID) instanceof String id ? id : null, Language.of(rc)), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
