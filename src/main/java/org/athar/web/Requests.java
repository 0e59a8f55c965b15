package org.athar.web;


/** What pages and the API answer to requests that cannot be served: the same messages in HTML and JSON. */
public final class Requests {

    private Requests() {
    }

    /** Numeric ids in URLs: a malformed one is the client's mistake (400), not a missing record. */
    public static long parseId(String text, String what) {
        if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
            throw new BadParameterException("id", "'" + text + "' is not a valid " + what + " id: ids are positive whole numbers.");
        }
        return Long.parseLong(text);
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

    public static RecordNotFoundException notFound(String what, String key) {
        return new RecordNotFoundException("There is no " + what + " '" + key + "' in the registry.");
    }
}
