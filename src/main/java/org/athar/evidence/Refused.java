package org.athar.evidence;

import java.util.Locale;

/**
 * Why evidence cannot be taken as given, in words a curator can act on, in English and Arabic: a quote its source's
 * text does not hold (or holds twice), a file that is not text, a text too long.
 */
public class Refused extends RuntimeException {

    public final String arabic;

    public Refused(String english, String arabic) {
        super(english);
        this.arabic = arabic;
    }

    public String message(Locale locale) {
        return locale != null && locale.getLanguage().equals("ar") ? arabic : getMessage();
    }
}
