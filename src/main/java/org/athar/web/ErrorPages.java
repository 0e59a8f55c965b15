package org.athar.web;

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
        static native TemplateInstance error(int status, String title, String message, String requestId);
    }

    /** The JSON error body of the API. */
    public record ApiError(int status, String error, String message, String requestId) {
    }

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @ServerExceptionMapper
    public Response clientError(WebApplicationException e, UriInfo uri, RoutingContext rc) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse();
        }
        // Our own exceptions carry a message written for people; the framework's (no such route) do not.
        String message = e instanceof RecordNotFoundException || e instanceof BadParameterException
                || e instanceof ConflictException || e instanceof RecordWithdrawnException ? e.getMessage()
                : defaultMessage(status);
        return answer(status, message, uri, rc);
    }

    private static Response answer(Response.StatusType status, String message, UriInfo uri, RoutingContext rc) {
        String id = RequestLimits.requestId(rc);
        if (uri.getPath().startsWith("/api")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message, id)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status.getStatusCode(), status.getReasonPhrase(), message, id).render()).build();
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
            return Response.fromResponse(answer(Response.Status.SERVICE_UNAVAILABLE, "The registry's database cannot be "
                    + "reached just now. Try again in a minute; nothing you sent was saved.", uri, rc))
                    .header("Retry-After", "30").build();
        }
        LOG.errorf(e, "Failed to serve %s", uri.getPath());
        return answer(Response.Status.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Nothing you sent was "
                + "saved. If it happens again, tell us the reference below.", uri, rc);
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
        return clientError(new BadParameterException("body", "This form was not properly encoded (a % not followed by "
                + "two hexadecimal digits). Send it again from the page."), uri, rc);
    }

    /**
     * The CSRF filter refuses a form without a valid token by aborting with an empty 400; say why, in the page's
     * language of errors, instead of showing a blank page.
     */
    @ServerResponseFilter
    public void explainRefusedForm(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())) {
            response.setEntity(Templates.error(400, "Bad Request", "This form had expired or did not come from this "
                    + "site. Go back, reload the page and send it again.", MDC.get(RequestLimits.REQUEST_ID) instanceof String id
                            ? id : null).render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    private static String defaultMessage(Response.StatusType status) {
        return status.getStatusCode() == 404 ? "There is nothing at this address." : status.getReasonPhrase() + ".";
    }
}
