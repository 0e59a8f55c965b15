package org.athar.web;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * The one gate for text coming in: a path segment, query parameter or form field that holds a NUL character (which
 * PostgreSQL cannot store in text) or bytes that were not UTF-8 (decoded to U+FFFD, the replacement character) is
 * refused with 400 naming the parameter, before any resource sees it. Every route passes here, so no route checks
 * for itself.
 */
public class TextGuard {

    private static final char REPLACEMENT = '\uFFFD';

    @ServerRequestFilter(readBody = true)
    public void refuseUnstorableText(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        check(uri.getPathParameters().entrySet(), "The part of the address");
        check(uri.getQueryParameters().entrySet(), "The parameter");
        FormData form = CurrentRequestManager.get().getFormData();
        if (form != null) {
            for (String name : form) {
                for (FormValue value : form.get(name)) {
                    if (!value.isFileItem()) {
                        check(name, value.getValue(), "The field");
                    }
                }
            }
        }
    }

    private static void check(Iterable<Map.Entry<String, List<String>>> parameters, String what) {
        for (Map.Entry<String, List<String>> p : parameters) {
            check(p.getKey(), p.getKey(), what);
            for (String value : p.getValue()) {
                check(p.getKey(), value, what);
            }
        }
    }

    private static void check(String name, String value, String what) {
        if (value == null) {
            return;
        }
        if (value.indexOf('\0') >= 0) {
            throw new BadParameterException(name, what + " '" + printable(name) + "' contains a NUL character (%00), "
                    + "which no text in the registry may hold. Remove it and try again.");
        }
        if (value.indexOf(REPLACEMENT) >= 0) {
            throw new BadParameterException(name, what + " '" + printable(name) + "' is not valid UTF-8 text. "
                    + "Send it encoded as UTF-8 (percent-encoded in addresses).");
        }
    }

    private static String printable(String name) {
        String shown = name.replace('\0', '?').replace(REPLACEMENT, '?');
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }
}
