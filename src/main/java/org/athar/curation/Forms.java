package org.athar.curation;

import java.util.Map;

import org.athar.evidence.FullText;
import org.athar.evidence.QuoteAnchor;
import org.athar.evidence.Refused;
import org.athar.evidence.SourceText;
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

    /**
     * A quote from a source with a full text must be in it, word for word (every cut marked "…"); from a source
     * without one it is kept as "quote not checked".
     */
    static void quoteInText(Map<String, String> problems, String quote, String text) {
        if (!blank(quote) && !blank(text) && !problems.containsKey("quote")) {
            try {
                QuoteAnchor.find(text, quote);
            } catch (Refused e) {
                problems.put("quote", e.message(Language.current().locale));
            }
        }
    }

    /**
     * The full text a form gives, read from its uploaded file when it has one, else from the pasted text (HTML pasted
     * is stripped to its text); none when neither is given. A file or paste that cannot be kept is a problem at
     * {@code field}, and the form is shown again.
     */
    static FullText fullText(Map<String, String> problems, String field, String pasted,
            org.jboss.resteasy.reactive.multipart.FileUpload file) {
        try {
            if (file != null && file.size() > 0) {
                return FullText.uploaded(java.nio.file.Files.readAllBytes(file.uploadedFile()), file.fileName(), file.contentType());
            }
            return blank(pasted) ? null : FullText.pasted(pasted);
        } catch (Refused e) {
            problems.put(field, e.message(Language.current().locale));
        } catch (java.io.IOException e) {
            problems.put(field, e.getMessage());
        }
        return null;
    }

    /** The full text of the source numbered {@code sourceId}, when there is one. */
    static String textOf(String sourceId) {
        return blank(sourceId) || !sourceId.strip().matches("[1-9][0-9]{0,17}") ? null
                : SourceText.of(Long.parseLong(sourceId.strip())).orElse(null);
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
