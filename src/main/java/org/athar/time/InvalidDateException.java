package org.athar.time;

import java.util.Locale;

/**
 * A date that is not valid EDTF, or whose bounds are out of order. The message is meant for a person, in English;
 * {@link #message(Locale)} gives it in Arabic too, for forms written in Arabic.
 */
public class InvalidDateException extends IllegalArgumentException {

    private final String arabic;

    public InvalidDateException(String message) {
        this(message, null);
    }

    public InvalidDateException(String english, String arabic) {
        super(english);
        this.arabic = arabic;
    }

    public String message(Locale locale) {
        return arabic != null && locale != null && locale.getLanguage().equals("ar") ? arabic : getMessage();
    }
}
