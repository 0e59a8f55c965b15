package org.athar.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Parses an EDTF date or interval; throws {@link InvalidDateException} with a readable message. */
    public static UncertainDate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidDateException("A date is required.");
        }
        String edtf = text.strip();
        int slash = edtf.indexOf('/');
        if (slash < 0) {
            Single single = single(edtf);
            return new UncertainDate(edtf, single.start, single.end, single.precision);
        }
        if (edtf.indexOf('/', slash + 1) >= 0) {
            throw new InvalidDateException("'" + edtf + "' has more than one '/': an interval has exactly two ends.");
        }
        String from = edtf.substring(0, slash);
        String to = edtf.substring(slash + 1);
        LocalDate earliest = openEnd(from) ? null : single(from).start;
        LocalDate latest = openEnd(to) ? null : single(to).end;
        if (earliest == null && latest == null) {
            throw new InvalidDateException("'" + edtf + "' is open at both ends: give at least one of them.");
        }
        if (earliest != null && latest != null && earliest.isAfter(latest)) {
            throw new InvalidDateException("'" + edtf + "' starts after it ends: put the earlier date first.");
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
                    + "(for example 2015-08-30), optionally followed by ? (uncertain) or ~ (approximate).");
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) == null) {
                return new Single(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), DatePrecision.YEAR);
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return new Single(month.atDay(1), month.atEndOfMonth(), DatePrecision.MONTH);
            }
            LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
            return new Single(day, day, DatePrecision.DAY);
        } catch (java.time.DateTimeException e) {
            throw new InvalidDateException("'" + text + "' is not a real calendar date.");
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

    /** The date as a person reads it: "30 Aug 2015", "Aug 2015", "27 Aug 2015 – 31 Aug 2015", "by 2 Sep 2015". */
    public String label() {
        String qualifier = approximate() ? "c. " : "";
        String doubt = uncertain() ? " (uncertain)" : "";
        String text = switch (precision) {
            case DAY -> dayLabel(earliest);
            case MONTH -> earliest.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + yearLabel(earliest.getYear());
            case YEAR -> yearLabel(earliest.getYear());
            case INTERVAL -> intervalLabel();
        };
        return qualifier + text + doubt;
    }

    private String intervalLabel() {
        String[] ends = edtf.replaceAll("[?~%]", "").split("/", -1);
        if (earliest == null) {
            return "on or before " + endLabel(ends[1]);
        }
        if (latest == null) {
            return "on or after " + endLabel(ends[0]);
        }
        return "between " + endLabel(ends[0]) + " and " + endLabel(ends[1]);
    }

    private static String endLabel(String end) {
        Single single = single(end);
        return switch (single.precision) {
            case DAY -> dayLabel(single.start);
            case MONTH -> single.start.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + yearLabel(single.start.getYear());
            default -> yearLabel(single.start.getYear());
        };
    }

    private static String dayLabel(LocalDate day) {
        return day.getDayOfMonth() + " " + day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + yearLabel(day.getYear());
    }

    private static String yearLabel(int year) {
        // astronomical year 0 is 1 BC
        return year > 0 ? Integer.toString(year) : (1 - year) + " BC";
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
