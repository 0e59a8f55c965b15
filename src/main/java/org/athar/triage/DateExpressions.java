package org.athar.triage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date expressions of a news text, each resolved to an EDTF window: absolute ("30 August 2015", "August 30, 2015",
 * "22/03/2016", "August 2015", "2015", "٣٠ آب ٢٠١٥") and relative to the day the text was published ("last May", "on
 * Sunday", "last week", "this month", "last year", "yesterday") or to the date the text gave just before ("the
 * following month"). A weekday or a month without a year is the last one on or before publication, as news writes
 * of what has happened. Durations ("for 1,800 years", "three weeks") are not dates and are left out; so are times
 * counted back from when a page was read ("7 months ago"), which the publication day does not anchor.
 */
public final class DateExpressions {

    /** A date expression: where it stands (UTF-16 offsets, end exclusive), its words and its EDTF window. */
    public record Found(int start, int end, String text, String edtf) {
    }

    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
    private static final String AR_MONTH = "(كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني"
            + "|كانون الأول|يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)";
    private static final String DIGIT = "[0-9٠-٩]";
    private static final String WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String YEAR = "((?:1[89]|20)\\d\\d)";

    private enum Kind {
        DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC_DAY, AR_DAY, AR_MONTH_YEAR, MONTH_YEAR, MONTH_RELATIVE_YEAR, LAST_MONTH_NAMED,
        MONTH_DAY, IN_MONTH, WEEKDAY, LAST_WEEK, THIS_WEEK, LAST_MONTH, THIS_MONTH, LAST_YEAR, THIS_YEAR, YESTERDAY,
        TODAY, FOLLOWING_MONTH, FOLLOWING_YEAR, PREVIOUS_MONTH, YEAR
    }

    /** Tried in this order; a later pattern never takes words an earlier one took. */
    private static final List<Map.Entry<Kind, Pattern>> PATTERNS = List.of(
            p(Kind.DAY_MONTH_YEAR, "\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? " + MONTH + ",? " + YEAR + "\\b"),
            p(Kind.MONTH_DAY_YEAR, "\\b" + MONTH + " (\\d{1,2})(?:st|nd|rd|th)?,? " + YEAR + "\\b"),
            p(Kind.NUMERIC_DAY, "\\b(\\d{1,2})/(\\d{1,2})/" + YEAR + "\\b"),
            p(Kind.AR_DAY, "(" + DIGIT + "{1,2}) " + AR_MONTH + "(?: عام| سنة)? (" + DIGIT + "{4})"),
            p(Kind.AR_MONTH_YEAR, AR_MONTH + "(?: عام| سنة| من عام)? (" + DIGIT + "{4})"),
            p(Kind.MONTH_RELATIVE_YEAR, "\\b" + MONTH + " (last|this|next) year\\b"),
            p(Kind.MONTH_YEAR, "\\b" + MONTH + ",? (?:of )?" + YEAR + "\\b"),
            p(Kind.LAST_MONTH_NAMED, "\\blast " + MONTH + "\\b"),
            p(Kind.MONTH_DAY, "\\b" + MONTH + " (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? ?\\d)"),
            p(Kind.IN_MONTH, "\\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-?) " + MONTH + "\\b"),
            p(Kind.WEEKDAY, "\\b" + WEEKDAY + "\\b"),
            p(Kind.LAST_WEEK, "\\b[Ll]ast week\\b"),
            p(Kind.THIS_WEEK, "\\b[Tt]his week\\b"),
            p(Kind.LAST_MONTH, "\\b[Ll]ast month\\b"),
            p(Kind.THIS_MONTH, "\\b(?:[Tt]his|[Ee]arlier this|[Ll]ater this) month\\b"),
            p(Kind.LAST_YEAR, "\\b[Ll]ast year\\b"),
            p(Kind.THIS_YEAR, "\\b(?:[Tt]his|[Ee]arlier this) year\\b"),
            p(Kind.YESTERDAY, "\\b[Yy]esterday\\b"),
            p(Kind.TODAY, "\\b[Tt]oday\\b"),
            p(Kind.FOLLOWING_MONTH, "\\b(?:the (?:following|next) month|a month later)\\b"),
            p(Kind.FOLLOWING_YEAR, "\\b(?:the (?:following|next) year|a year later)\\b"),
            p(Kind.PREVIOUS_MONTH, "\\b(?:the (?:previous|preceding) month|a month (?:earlier|before))\\b"),
            p(Kind.YEAR, "(?<![\\d,.$£€])\\b" + YEAR + "\\b(?![\\d,.]\\d)(?! (?:years?|km|people|soldiers|fighters|civilians))"));

    private DateExpressions() {
    }

    private static Map.Entry<Kind, Pattern> p(Kind kind, String regex) {
        return Map.entry(kind, Pattern.compile(regex));
    }

    /** Every date expression of {@code text}, in reading order, resolved against the day it was published. */
    public static List<Found> in(String text, LocalDate published) {
        List<int[]> taken = new ArrayList<>();
        List<Raw> raw = new ArrayList<>();
        for (Map.Entry<Kind, Pattern> entry : PATTERNS) {
            Matcher m = entry.getValue().matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                if (taken.stream().anyMatch(t -> start < t[1] && t[0] < end)) {
                    continue;
                }
                taken.add(new int[] { start, end });
                raw.add(new Raw(entry.getKey(), m.toMatchResult(), start, end));
            }
        }
        raw.sort(Comparator.comparingInt(Raw::start));
        List<Found> found = new ArrayList<>();
        Window previous = null;
        for (Raw r : raw) {
            Window w = resolve(r, published, previous);
            if (w == null) {
                continue;
            }
            found.add(new Found(r.start, r.end, text.substring(r.start, r.end), w.edtf()));
            previous = w;
        }
        return found;
    }

    private record Raw(Kind kind, java.util.regex.MatchResult m, int start, int end) {
    }

    /** A resolved window and its precision, for expressions that count from it ("the following month"). */
    private record Window(LocalDate first, LocalDate last, char precision) {
        String edtf() {
            return switch (precision) {
                case 'D' -> first.toString();
                case 'M' -> YearMonth.from(first).toString();
                case 'Y' -> Integer.toString(first.getYear());
                default -> first + "/" + last;
            };
        }

        static Window day(LocalDate d) {
            return new Window(d, d, 'D');
        }

        static Window month(YearMonth m) {
            return new Window(m.atDay(1), m.atEndOfMonth(), 'M');
        }

        static Window year(int y) {
            return new Window(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), 'Y');
        }
    }

    private static Window resolve(Raw r, LocalDate pub, Window previous) {
        java.util.regex.MatchResult m = r.m;
        try {
            return switch (r.kind) {
                case DAY_MONTH_YEAR -> Window.day(LocalDate.of(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))));
                case MONTH_DAY_YEAR -> Window.day(LocalDate.of(year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2))));
                case NUMERIC_DAY -> Window.day(LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
                case AR_DAY -> Window.day(LocalDate.of(year(m.group(3)), month(m.group(2)), Integer.parseInt(latin(m.group(1)))));
                case AR_MONTH_YEAR -> Window.month(YearMonth.of(year(m.group(2)), month(m.group(1))));
                case MONTH_YEAR -> Window.month(YearMonth.of(year(m.group(2)), month(m.group(1))));
                case MONTH_RELATIVE_YEAR -> Window.month(YearMonth.of(pub.getYear()
                        + switch (m.group(2)) { case "last" -> -1; case "next" -> 1; default -> 0; }, month(m.group(1))));
                case LAST_MONTH_NAMED, IN_MONTH -> {
                    int month = month(m.group(1));
                    // "last May" written in May means May a year before; "in May" the May just past or current
                    int year = month < pub.getMonthValue() || month == pub.getMonthValue() && r.kind == Kind.IN_MONTH
                            ? pub.getYear() : pub.getYear() - 1;
                    yield Window.month(YearMonth.of(year, month));
                }
                case MONTH_DAY -> {
                    LocalDate d = LocalDate.of(pub.getYear(), month(m.group(1)), Integer.parseInt(m.group(2)));
                    yield Window.day(d.isAfter(pub) ? d.minusYears(1) : d);
                }
                case WEEKDAY -> Window.day(pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT)))));
                case LAST_WEEK -> {
                    LocalDate monday = pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                    yield new Window(monday, monday.plusDays(6), 'I');
                }
                case THIS_WEEK -> {
                    LocalDate monday = pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    yield monday.equals(pub) ? Window.day(pub) : new Window(monday, pub, 'I');
                }
                case LAST_MONTH -> Window.month(YearMonth.from(pub).minusMonths(1));
                case THIS_MONTH -> Window.month(YearMonth.from(pub));
                case LAST_YEAR -> Window.year(pub.getYear() - 1);
                case THIS_YEAR -> Window.year(pub.getYear());
                case YESTERDAY -> Window.day(pub.minusDays(1));
                case TODAY -> Window.day(pub);
                case FOLLOWING_MONTH -> previous == null ? null : Window.month(YearMonth.from(previous.last).plusMonths(1));
                case PREVIOUS_MONTH -> previous == null ? null : Window.month(YearMonth.from(previous.first).minusMonths(1));
                case FOLLOWING_YEAR -> previous == null ? null : Window.year(previous.last.getYear() + 1);
                case YEAR -> Window.year(Integer.parseInt(m.group(1)));
            };
        } catch (java.time.DateTimeException e) {
            return null; // "31 February": not a day
        }
    }

    private static int year(String digits) {
        return Integer.parseInt(latin(digits));
    }

    private static int month(String name) {
        Integer month = MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
        if (month == null) {
            throw new java.time.DateTimeException("no month " + name);
        }
        return month;
    }

    private static String latin(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            out.append(c >= '٠' && c <= '٩' ? (char) ('0' + c - '٠') : c);
        }
        return out.toString();
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[] english = { "january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december" };
        String[] levantine = { "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                "تشرين الأول", "تشرين الثاني", "كانون الأول" };
        String[] egyptian = { "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                "نوفمبر", "ديسمبر" };
        for (int i = 0; i < 12; i++) {
            m.put(english[i], i + 1);
            m.put(english[i].substring(0, 3), i + 1);
            m.put(levantine[i], i + 1);
            m.put(egyptian[i], i + 1);
        }
        m.put("sept", 9);
        m.put("إبريل", 4);
        return Map.copyOf(m);
    }
}
