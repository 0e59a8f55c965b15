package org.athar.curation;

import java.util.Map;

import org.athar.time.InvalidDateException;
import org.athar.time.UncertainDate;
import org.athar.web.Language;
import org.athar.web.Messages;

/** Checks and conversions shared by the curation forms. */
final class Forms {

    /** The interface's sentences in the language of the request being answered (English outside one). */
    static Messages say() {
        return Language.current().messages();
    }

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
        if (blank(value)) {
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

    /** Records why {@code value} is not an EDTF date the registry reads; an empty value is fine unless required. */
    static void date(Map<String, String> problems, String field, String value, boolean required) {
        if (blank(value) && !required) {
            return;
        }
        try {
            UncertainDate.parse(value);
        } catch (InvalidDateException e) {
            problems.put(field, e.message(Language.current().locale));
        }
    }

    /**
     * The date of a form that offers EDTF text or simple fields (the first and last possible days, from date
     * pickers): the text when typed, else the window the days make, in EDTF, checked like typed text.
     */
    static String date(String edtf, String firstDay, String lastDay) {
        if (!blank(edtf) || blank(firstDay) && blank(lastDay)) {
            return edtf;
        }
        if (!blank(firstDay) && firstDay.strip().equals(lastDay == null ? null : lastDay.strip())) {
            return firstDay.strip();
        }
        return (blank(firstDay) ? ".." : firstDay.strip()) + "/" + (blank(lastDay) ? ".." : lastDay.strip());
    }

    /** A claim states something: a quote of at most a sentence or two, or at least one asserted value. */
    static void claimStatement(Map<String, String> problems, String quote, String... asserted) {
        if (!blank(quote) && quote.strip().length() > 600) {
            problems.put("quote", Forms.say().problem_quote_long());
        }
        boolean assertsSomething = !blank(quote);
        for (String value : asserted) {
            assertsSomething |= !blank(value);
        }
        if (!assertsSomething) {
            problems.put("quote", Forms.say().problem_claim_empty());
        }
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return blank(value) ? null : Enum.valueOf(type, value);
    }

    static UncertainDate dateOrNull(String value) {
        return blank(value) ? null : UncertainDate.parse(value);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String orNull(String text) {
        return blank(text) ? null : text.strip();
    }
}
