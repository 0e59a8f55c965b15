package org.athar.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

/** What pages and the API answer to requests that cannot be served: the same messages in HTML and JSON. */
public final class Requests {

    private Requests() {
    }

    /** Numeric ids in URLs: a malformed one is the client's mistake (400), not a missing record. */
    public static long parseId(String text, String what) {
        if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
            throw new BadRequestException("'" + text + "' is not a valid " + what + " id: ids are positive whole numbers.");
        }
        return Long.parseLong(text);
    }

    public static NotFoundException notFound(String what, String key) {
        return new NotFoundException("There is no " + what + " '" + key + "' in the registry.");
    }
}
