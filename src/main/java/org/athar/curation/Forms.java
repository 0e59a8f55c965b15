package org.athar.curation;

import java.util.Map;

/** Checks shared by the curation forms. */
final class Forms {

    private Forms() {
    }

    /** Every draft says what it is and where it comes from, for the reviewer. */
    static void requireComment(Map<String, String> problems, String comment, String message) {
        if (comment == null || comment.isBlank()) {
            problems.put("comment", message);
        }
    }

    /** Records {@code message} unless {@code value} names a constant of {@code type} (or is empty and optional). */
    static <E extends Enum<E>> void known(Map<String, String> problems, String field, Class<E> type, String value,
            boolean optional, String message) {
        if (value == null || value.isBlank()) {
            if (!optional) {
                problems.put(field, message);
            }
            return;
        }
        try {
            Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.put(field, message);
        }
    }
}
