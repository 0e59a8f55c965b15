package org.athar.web;

import org.athar.registry.Registry;

/** What pages and the API answer to requests that cannot be served: the same messages in HTML and JSON. */
public final class Requests {

    public static final int MAX_PAGE_SIZE = 100;
    // deep enough for any list the registry holds at 100 per page, small enough that an offset stays cheap to refuse
    private static final int MAX_PAGE = 1_000_000;

    private Requests() {
    }

    /** Numeric ids in URLs: a malformed one is the client's mistake (400), not a missing record. */
    public static long parseId(String text, String what) {
        if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
            throw new BadParameterException("id", "'" + text + "' is not a valid " + what + " id: ids are positive whole numbers.");
        }
        return Long.parseLong(text);
    }

    /** A day parameter (YYYY-MM-DD), or null when not given. */
    public static java.time.LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadParameterException(name, "'" + value + "' is not a date: write '" + name
                    + "' as YYYY-MM-DD, for example 2016-01-01.");
        }
    }

    /** A whole-number parameter within a range, or {@code absent} when not given. */
    public static int wholeNumber(String value, String name, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new BadParameterException(name, "'" + name + "' must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max) + "; got '" + value + "'.");
    }

    /**
     * Which page of a list a request asks for: {@code page} (named {@code name}, "page" when null) from 1, and
     * {@code size} from 1 to 100 where the caller lets the client choose it (else null), {@code defaultSize} otherwise.
     */
    public static Registry.Paging paging(String page, String name, String size, int defaultSize) {
        return new Registry.Paging(wholeNumber(page, name == null ? "page" : name, 1, 1, MAX_PAGE),
                wholeNumber(size, "size", defaultSize, 1, MAX_PAGE_SIZE));
    }

    public static Registry.Paging paging(String page, String size, int defaultSize) {
        return paging(page, null, size, defaultSize);
    }

    /** The registry's own address, without a trailing slash: what links and identifiers in exports start with. */
    public static String base(jakarta.ws.rs.core.UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static RecordNotFoundException notFound(String what, String key) {
        return new RecordNotFoundException("There is no " + what + " '" + key + "' in the registry.");
    }
}
