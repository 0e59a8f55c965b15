package org.athar.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

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
        String message = e instanceof RecordNotFoundException || e instanceof BadParameterException
                || e instanceof ConflictException || e instanceof RecordWithdrawnException ? e.getMessage()
                : defaultMessage(status);
        if (uri.getPath().startsWith("/api")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status.getStatusCode(), status.getReasonPhrase(), message).render()).build();
    }

    /** A form body that is not valid URL encoding (a lone "%") fails while the framework decodes it. */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e, UriInfo uri, HttpHeaders headers) {
        if (!String.valueOf(e.getMessage()).startsWith("Failed to decode")) {
            throw e;
        }
        return clientError(new BadParameterException("body", "This form was not properly encoded (a % not followed by "
                + "two hexadecimal digits). Send it again from the page."), uri, headers);
    }

    /**
     * The CSRF filter refuses a form without a valid token by aborting with an empty 400; say why, in the page's
     * language of errors, instead of showing a blank page.
     */
    @ServerResponseFilter
    public void explainRefusedForm(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())) {
            response.setEntity(Templates.error(400, "Bad Request", "This form had expired or did not come from this "
                    + "site. Go back, reload the page and send it again.").render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    private static String defaultMessage(Response.StatusType status) {
        return status.getStatusCode() == 404 ? "There is nothing at this address." : status.getReasonPhrase() + ".";
    }
}
