package org.athar.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Client errors (unknown page, malformed id, bad parameter) as a person or a program expects them: an HTML page
 * under the site, a JSON body under /api. Both carry the same message.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message);
    }

    /** The JSON error body of the API. */
    public record ApiError(int status, String error, String message) {
    }

    @ServerExceptionMapper
    public Response clientError(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse();
        }
        // Our own exceptions carry a message written for people; the framework's (no such route) do not.
        String message = e instanceof RecordNotFoundException || e instanceof BadParameterException ? e.getMessage()
                : defaultMessage(status);
        if (uri.getPath().startsWith("/api")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status.getStatusCode(), status.getReasonPhrase(), message).render()).build();
    }

    private static String defaultMessage(Response.StatusType status) {
        return status.getStatusCode() == 404 ? "There is nothing at this address." : status.getReasonPhrase() + ".";
    }
}
