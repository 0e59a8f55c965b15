package org.athar.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A date as the field knows it: a window of days (either end may be open) plus how it was expressed, in EDTF
 * (Library of Congress Extended Date/Time Format, levels 0 and 1). "2015-08" is the window 1-31 Aug 2015 with month
 * precision, not the day 1 Aug; "../2015-09-02" is "on or before 2 Sep 2015"; "2015-10~" is "about October 2015".
 * Instances are only made by {@link #parse(String)}, so the stored bounds always agree with the stored text.
 */
@Embeddable
public class UncertainDate {

    // YYYY, YYYY-MM or YYYY-MM-DD; years may be negative (astronomical numbering: -0032 is 33 BC)
    private static final Pattern DATE = Pattern.compile("(-?\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?([?~%])?");

    public String edtf;
    public LocalDate earliest;
    public LocalDate latest;
    @Enumerated(EnumType.STRING)
    public DatePrecision precision;

    protected UncertainDate() {
    }

    private UncertainDate(String edtf, LocalDate earliest, LocalDate latest, DatePrecision precision) {
        this.edtf = edtf;
        this.earliest = earliest;
        this.latest = latest;
        this.precision = precision;
    }

    /**
     * Parses an EDTF date or interval; throws {@link InvalidDateException} with a readable message, which suggests the
     * EDTF meant when the text is a date written another common way ("30/08/2015": did you mean 2015-08-30?).
     */
    public static UncertainDate parse(String text) {
        try {
            return parseEdtf(text);
        } catch (InvalidDateException e) {
            String suggestion = DateSuggestion.of(text).orElse(null);
            if (suggestion == null) {
                throw e;
            }
            throw new InvalidDateException("'" + text.strip() + "' is not written as the registry writes dates (EDTF, "
                    + "year first): did you mean " + suggestion + "?", "«" + text.strip() + "» ليس مكتوباً كما يكتب السجل "
                    + "التواريخ (EDTF، السنة أولاً): هل تقصد " + suggestion + "؟");
        }
    }

    private static UncertainDate parseEdtf(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidDateException("A date is required.", "التاريخ مطلوب.");
        }
        String edtf = text.strip();
        int slash = edtf.indexOf('/');
        if (slash < 0) {
            Single single = single(edtf);
            return new UncertainDate(edtf, single.start, single.end, single.precision);
        }
        if (edtf.indexOf('/', slash + 1) >= 0) {
            throw new InvalidDateException("'" + edtf + "' has more than one '/': an interval has exactly two ends.",
                    "في «" + edtf + "» أكثر من «/»: للمدة طرفان فقط.");
        }
        String from = edtf.substring(0, slash);
        String to = edtf.substring(slash + 1);
        LocalDate earliest = openEnd(from) ? null : single(from).start;
        LocalDate latest = openEnd(to) ? null : single(to).end;
        if (earliest == null && latest == null) {
            throw new InvalidDateException("'" + edtf + "' is open at both ends: give at least one of them.",
                    "«" + edtf + "» مفتوح من الطرفين: اكتب أحدهما على الأقل.");
        }
        if (earliest != null && latest != null && earliest.isAfter(latest)) {
            throw new InvalidDateException("'" + edtf + "' starts after it ends: put the earlier date first.",
                    "«" + edtf + "» يبدأ بعد أن ينتهي: اكتب التاريخ الأقدم أولاً.");
        }
        return new UncertainDate(edtf, earliest, latest, DatePrecision.INTERVAL);
    }

    /** The day precision date for a single known day. */
    public static UncertainDate on(LocalDate day) {
        return parse(isoYear(day.getYear()) + String.format("-%02d-%02d", day.getMonthValue(), day.getDayOfMonth()));
    }

    /** The EDTF text for a window given by simple fields: both days known, or one end open. */
    public static UncertainDate between(LocalDate earliest, LocalDate latest) {
        if (earliest != null && earliest.equals(latest)) {
            return on(earliest);
        }
        return parse(dayText(earliest) + "/" + dayText(latest));
    }

    private static String dayText(LocalDate day) {
        return day == null ? ".." : isoYear(day.getYear()) + String.format("-%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
    }

    private static boolean openEnd(String end) {
        // ".." is an open end; an empty end is an unknown one. Both leave that bound unset.
        return end.isEmpty() || end.equals("..");
    }

    private record Single(LocalDate start, LocalDate end, DatePrecision precision) {
    }

    private static Single single(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            throw new InvalidDateException("'" + text + "' is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD "
                    + "(for example 2015-08-30), optionally followed by ? (uncertain) or ~ (approximate).",
                    "«" + text + "» ليس تاريخاً: اكتبه بالصيغة YYYY أو YYYY-MM أو YYYY-MM-DD (مثل 2015-08-30)، "
                    + "ويمكن أن يليه ? (غير مؤكد) أو ~ (تقريبي).");
        }
        int year = Integer.parseInt(m.group(1));
        try {
            Single exact;
            if (m.group(2) == null) {
                exact = new Single(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), DatePrecision.YEAR);
            } else {
                YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
                if (m.group(3) == null) {
                    exact = new Single(month.atDay(1), month.atEndOfMonth(), DatePrecision.MONTH);
                } else {
                    LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
                    exact = new Single(day, day, DatePrecision.DAY);
                }
            }
            if (m.group(4) == null) {
                return exact;
            }
            // "~" (approximate) and "?" (uncertain) widen the window by half the precision's unit, at least a day
            // each side: about 30 Aug 2015 is 29-31 Aug, about August 2015 is 17 Jul-15 Sep, about 2015 is
            // 3 Jul 2014-30 Jun 2016. (The same margins widened the dates stored before this rule, in migration V19.)
            int margin = switch (exact.precision) {
                case DAY -> 1;
                case MONTH -> 15;
                default -> 182;
            };
            return new Single(exact.start.minusDays(margin), exact.end.plusDays(margin), exact.precision);
        } catch (java.time.DateTimeException e) {
            throw new InvalidDateException("'" + text + "' is not a real calendar date.",
                    "«" + text + "» ليس تاريخاً موجوداً في التقويم.");
        }
    }

    public boolean approximate() {
        return edtf.contains("~") || edtf.contains("%");
    }

    public boolean uncertain() {
        return edtf.contains("?") || edtf.contains("%");
    }

    public boolean overlaps(UncertainDate other) {
        return (earliest == null || other.latest == null || !earliest.isAfter(other.latest))
                && (latest == null || other.earliest == null || !other.earliest.isAfter(latest));
    }

    /** Whether every day of {@code other} lies inside this window. */
    public boolean contains(UncertainDate other) {
        return (earliest == null || (other.earliest != null && !other.earliest.isBefore(earliest)))
                && (latest == null || (other.latest != null && !other.latest.isAfter(latest)));
    }

    /** Width of the window in days; open windows count as unbounded. */
    public long widthInDays() {
        if (earliest == null || latest == null) {
            return Long.MAX_VALUE;
        }
        return latest.toEpochDay() - earliest.toEpochDay() + 1;
    }

    /** The date as a person reads it: "30 Aug 2015", "Aug 2015", "between 27 Aug 2015 and 31 Aug 2015", "on or before 2 Sep 2015". */
    public String label() {
        return label(Locale.ENGLISH);
    }

    /**
     * The date as a person reads it in English or Arabic. Arabic is written as Syrian institutions write it: Levantine
     * month names and Arabic-Indic digits ("٣٠ آب ٢٠١٥", "بين ٢٧ آب ٢٠١٥ و ٣١ آب ٢٠١٥").
     */
    public String label(Locale locale) {
        Words words = Words.of(locale);
        return words.labels.get(edtf, k -> precision == DatePrecision.INTERVAL ? intervalLabel(words) : endLabel(edtf, words));
    }

    /** {@link #label(Locale)} of a date written in EDTF, which is parsed only if its label is not known yet. */
    public static String label(String edtf, Locale locale) {
        String known = Words.of(locale).labels.getIfPresent(edtf);
        return known != null ? known : parse(edtf).label(locale);
    }

    private String intervalLabel(Words words) {
        String[] ends = edtf.split("/", -1);
        if (earliest == null) {
            return words.onOrBefore.formatted(endLabel(ends[1], words));
        }
        if (latest == null) {
            return words.onOrAfter.formatted(endLabel(ends[0], words));
        }
        return words.between.formatted(endLabel(ends[0], words), endLabel(ends[1], words));
    }

    /** One date as written, read from its text since "~" and "?" widen its window beyond the day, month or year. */
    private static String endLabel(String end, Words words) {
        Single single = single(end.replaceAll("[?~%]", ""));
        String text = switch (single.precision) {
            case DAY -> words.day(single.start);
            case MONTH -> words.month(single.start);
            default -> words.year(single.start.getYear());
        };
        text = end.contains("~") || end.contains("%") ? words.about.formatted(text) : text;
        return end.contains("?") || end.contains("%") ? words.uncertain.formatted(text) : text;
    }

    /**
     * How a language writes dates and their doubts, and the labels it has written, by EDTF text, which alone decides
     * them: a page shows dozens of dates and a registry holds a few thousand different ones, each worked out (parsed,
     * its month named, its digits written) once.
     */
    private record Words(Cache<String, String> labels, List<String> months, String digits, String bc, String about, String uncertain,
            String onOrBefore, String onOrAfter, String between) {

        static final Words ENGLISH = new Words(newLabels(), List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                "Oct", "Nov", "Dec"), "0123456789", "%s BC", "about %s", "%s (uncertain)", "on or before %s",
                "on or after %s", "between %s and %s");
        static final Words ARABIC = new Words(newLabels(), List.of("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
                "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"), "٠١٢٣٤٥٦٧٨٩", "%s ق.م", "نحو %s",
                "%s (غير مؤكد)", "في %s أو قبله", "في %s أو بعده", "بين %s و%s");

        private static Cache<String, String> newLabels() {
            return Caffeine.newBuilder().maximumSize(10_000).build();
        }

        static Words of(Locale locale) {
            return locale != null && locale.getLanguage().equals("ar") ? ARABIC : ENGLISH;
        }

        String number(long n) {
            String latin = Long.toString(n);
            StringBuilder out = new StringBuilder(latin.length());
            for (char c : latin.toCharArray()) {
                out.append(c >= '0' && c <= '9' ? digits.charAt(c - '0') : c);
            }
            return out.toString();
        }

        String year(int year) {
            // astronomical year 0 is 1 BC
            return year > 0 ? number(year) : bc.formatted(number(1 - year));
        }

        String month(LocalDate day) {
            return months.get(day.getMonthValue() - 1) + " " + year(day.getYear());
        }

        String day(LocalDate day) {
            return number(day.getDayOfMonth()) + " " + month(day);
        }
    }

    /** A day as a person reads it ("1 Dec 2026", "١ كانون الأول ٢٠٢٦"). */
    public static String dayLabel(LocalDate day, Locale locale) {
        return Words.of(locale).day(day);
    }

    /** A whole number in the language's digits (Arabic-Indic in Arabic). */
    public static String number(long n, Locale locale) {
        return Words.of(locale).number(n);
    }

    private static String isoYear(int year) {
        return year < 0 ? String.format("-%04d", -year) : String.format("%04d", year);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UncertainDate other && edtf.equals(other.edtf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(edtf);
    }

    @Override
    public String toString() {
        return edtf;
    }
}
