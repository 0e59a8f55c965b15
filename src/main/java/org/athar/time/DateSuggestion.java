package org.athar.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EDTF a person most likely meant by a date written another common way: "30/08/2015" or "30.08.2015" (day first,
 * as written in Syria and Europe), "2015/08/30", "2015-8-30", "08/2015", "30 August 2015", "August 30, 2015",
 * "Aug 2015", "c. 2015". Only a suggestion: the form shows it, the curator decides.
 */
public final class DateSuggestion {

    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[/.\\-](\\d{1,2})[/.\\-](\\d{1,2})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]+)\\.?,?\\s+(\\d{4})");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile("([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern MONTH_NAME_YEAR = Pattern.compile("([a-z]+)\\.?,?\\s+(\\d{4})");
    private static final Pattern ABOUT = Pattern.compile("(?:c\\.|ca\\.|circa|about|around)\\s*(\\d{4})");

    private DateSuggestion() {
    }

    public static Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = DAY_FIRST.matcher(t)).matches()) {
            return day(m.group(3), m.group(2), m.group(1));
        }
        if ((m = YEAR_FIRST.matcher(t)).matches()) {
            return day(m.group(1), m.group(2), m.group(3));
        }
        if ((m = MONTH_YEAR.matcher(t)).matches()) {
            int month = Integer.parseInt(m.group(1));
            return month >= 1 && month <= 12 ? Optional.of(m.group(2) + "-" + two(month)) : Optional.empty();
        }
        if ((m = DAY_MONTH_NAME.matcher(t)).matches()) {
            Matcher found = m;
            return month(m.group(2)).flatMap(month -> day(found.group(3), Integer.toString(month), found.group(1)));
        }
        if ((m = MONTH_NAME_DAY.matcher(t)).matches()) {
            Matcher found = m;
            return month(m.group(1)).flatMap(month -> day(found.group(3), Integer.toString(month), found.group(2)));
        }
        if ((m = ABOUT.matcher(t)).matches()) {
            return Optional.of(m.group(1) + "~");
        }
        if ((m = MONTH_NAME_YEAR.matcher(t)).matches()) {
            Matcher found = m;
            return month(m.group(1)).map(month -> found.group(2) + "-" + two(month));
        }
        return Optional.empty();
    }

    private static Optional<String> day(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** An English month name or its first three letters. */
    private static Optional<Integer> month(String name) {
        for (Month month : Month.values()) {
            String full = month.name().toLowerCase(Locale.ROOT);
            if (name.length() >= 3 && full.startsWith(name)) {
                return Optional.of(month.getValue());
            }
        }
        return Optional.empty();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
