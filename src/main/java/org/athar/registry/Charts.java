package org.athar.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.athar.registry.Views.AlternativeView;
import org.athar.registry.Views.DateView;
import org.athar.registry.Views.EventView;
import org.athar.registry.Views.StatusView;
import org.athar.status.Condition;

import io.quarkus.qute.TemplateData;

/**
 * Pictures of time, drawn on the server as SVG by the templates from these models: a monument's timeline (its damage
 * events, each claimed date a point or, for an uncertain window, a bar, the registry's reading marked, competing dates
 * side by side; its status entries as bands) and a site's chart of how many monuments were in each condition over
 * time. Coordinates are in the SVG's own units; the templates add titles, descriptions and table equivalents.
 */
public final class Charts {

    static final int WIDTH = 800;
    static final int ROW = 30;
    /** One claimed date's line within an event. */
    static final int LINE = 12;
    static final int AXIS = 26;

    private Charts() {
    }

    /** A mark on the axis: the first of a year, or of a month when the chart spans a few years only. */
    @TemplateData
    public record Tick(double x, LocalDate day, boolean month) {
        /** The tick as EDTF, for its label in the page's language. */
        public DateView label() {
            return DateView.of(org.athar.time.UncertainDate.parse(month ? day.toString().substring(0, 7) : day.toString().substring(0, 4)));
        }
    }

    /** One claimed date of an event: a point for a day, else a bar over its window; open ends run to the chart's edge. */
    @TemplateData
    public record Mark(double x1, double x2, double y, boolean point, boolean open, boolean reading, boolean disputed,
            DateView date, int sources) {
        public double width() {
            return Math.max(x2 - x1, 2);
        }

        public double barY() {
            return y - 4;
        }
    }

    /** An event: its summary, then each claimed date on a line of its own, the registry's reading first. */
    @TemplateData
    public record EventRow(double y, String slug, String summary, List<Mark> marks) {
        public double labelY() {
            return y + 10;
        }
    }

    /** A status entry, from the day the registry counts it from to the next entry's (or today). */
    @TemplateData
    public record Band(double x1, double x2, Condition condition, DateView asOf) {
        public double width() {
            return Math.max(x2 - x1, 1);
        }
    }

    @TemplateData
    public record Timeline(int width, int height, List<Tick> ticks, List<EventRow> rows, double bandY, List<Band> bands,
            int firstYear, int lastYear) {
        public double bandTop() {
            return bandY + 8;
        }
    }

    /** The scale of a chart: days to x. */
    private record Scale(LocalDate from, LocalDate to) {
        double x(LocalDate day) {
            long span = Math.max(1, to.toEpochDay() - from.toEpochDay());
            double at = (day.toEpochDay() - from.toEpochDay()) / (double) span;
            return Math.round(Math.max(0, Math.min(1, at)) * WIDTH * 10) / 10.0;
        }

        /** Years, or for a span of up to four years every third month, at most a dozen or so. */
        List<Tick> ticks() {
            long months = java.time.temporal.ChronoUnit.MONTHS.between(from, to);
            boolean byMonth = months <= 48;
            int step = byMonth ? 3 : (int) Math.max(1, months / 12 / 12 + 1);
            List<Tick> ticks = new ArrayList<>();
            for (LocalDate day = byMonth ? from.withDayOfMonth(1) : from.withDayOfYear(1); !day.isAfter(to);
                    day = byMonth ? day.plusMonths(step) : day.plusYears(step)) {
                double x = x(day);
                // a label centred on its tick must fit inside the chart
                if (x >= 40 && x <= WIDTH - 40) {
                    ticks.add(new Tick(x, day, byMonth));
                }
            }
            return ticks;
        }

        /** Around every dated thing given, a quarter's margin each side so that nothing sits on an edge. */
        static Scale around(Stream<LocalDate> days, LocalDate today) {
            List<LocalDate> known = days.filter(Objects::nonNull).toList();
            if (known.isEmpty()) {
                return null;
            }
            LocalDate first = known.stream().min(LocalDate::compareTo).orElseThrow().minusMonths(3).withDayOfMonth(1);
            LocalDate last = known.stream().max(LocalDate::compareTo).orElseThrow().plusMonths(4).withDayOfMonth(1);
            return new Scale(first, last);
        }
    }

    /** A monument's timeline, or null when nothing in it is dated. */
    public static Timeline timeline(List<EventView> events, List<StatusView> statusNewestFirst, LocalDate today) {
        List<StatusView> status = new ArrayList<>(statusNewestFirst);
        Collections.reverse(status);
        Scale scale = Scale.around(Stream.concat(
                events.stream().flatMap(e -> e.reading().dates().stream()).flatMap(a -> Stream.of(a.value().earliest(), a.value().latest())),
                status.stream().flatMap(s -> Stream.of(s.asOf().earliest(), s.asOf().latest()))), today);
        if (scale == null) {
            return null;
        }
        List<EventRow> rows = new ArrayList<>();
        double y = AXIS;
        for (EventView e : events) {
            List<AlternativeView<DateView>> dates = e.reading().dates();
            if (dates.isEmpty()) {
                continue;
            }
            List<Mark> marks = new ArrayList<>();
            for (int i = 0; i < dates.size(); i++) {
                DateView d = dates.get(i).value();
                double x1 = d.earliest() == null ? 0 : scale.x(d.earliest());
                double x2 = d.latest() == null ? WIDTH : scale.x(d.latest().plusDays(1));
                boolean point = d.earliest() != null && d.earliest().equals(d.latest());
                // the first alternative is the registry's reading; the others compete with it when dates are disputed
                marks.add(new Mark(x1, x2, y + 22 + i * LINE, point, d.earliest() == null || d.latest() == null, i == 0,
                        i > 0 && e.reading().datesDisputed(), d, dates.get(i).sources().size()));
            }
            rows.add(new EventRow(y, e.slug(), e.summary(), marks));
            y += 18 + dates.size() * LINE;
        }
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < status.size(); i++) {
            StatusView s = status.get(i);
            LocalDate from = StatusView.effectiveOn(s);
            LocalDate to = i + 1 < status.size() ? StatusView.effectiveOn(status.get(i + 1)) : scale.to();
            if (from != null) {
                bands.add(new Band(scale.x(from), scale.x(to), s.condition(), s.asOf()));
            }
        }
        return new Timeline(WIDTH, (int) y + (bands.isEmpty() ? 0 : ROW) + 4, scale.ticks(), rows, y, bands,
                scale.from().getYear(), scale.to().getYear());
    }

    /**
     * How many of a site's monuments were in a condition from one day on; or, when {@code period} is a month or a year,
     * at the end of that period (which starts on {@code day}).
     */
    @TemplateData
    public record Step(LocalDate day, List<Long> counts, Views.DateView period) {
    }

    /** The most steps a site's chart and its table show: more days of change are shown by month, or by year. */
    public static final int MAX_STEPS = 60; // as site summaries count them (migration V25)

    /** One condition's share of one stretch of time, as a rectangle. */
    @TemplateData
    public record Slice(double x, double y, double width, double height, Condition condition, long count) {
    }

    @TemplateData
    public record Stack(int width, int height, List<Tick> ticks, List<Slice> slices, List<Step> steps, long total,
            List<Condition> conditions) {
        /** "month" or "year" when the steps are periods, each counted at its end; null when they are days. */
        public String periods() {
            return steps.isEmpty() || steps.get(0).period() == null ? null
                    : steps.get(0).period().precision().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final int STACK_HEIGHT = 160;

    /**
     * A stacked chart of a site's monuments by condition over time, from the steps at which the counts change (counts in
     * {@link Condition#WORST_FIRST}; what is left of {@code total} is "not assessed"). Null when no monument has a status entry.
     */
    public static Stack stack(List<Step> steps, long total, LocalDate today) {
        if (steps.isEmpty() || total == 0) {
            return null;
        }
        Scale scale = Scale.around(Stream.concat(steps.stream().map(Step::day), Stream.of(today)), today);
        List<Slice> slices = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            double x1 = scale.x(step.day());
            double x2 = i + 1 < steps.size() ? scale.x(steps.get(i + 1).day()) : scale.x(today);
            double top = AXIS;
            for (int c = 0; c < Condition.WORST_FIRST.size(); c++) {
                long count = step.counts().get(c);
                if (count > 0) {
                    double height = (double) count / total * STACK_HEIGHT;
                    slices.add(new Slice(x1, Math.round(top * 10) / 10.0, Math.max(x2 - x1, 1), Math.round(height * 10) / 10.0,
                            Condition.WORST_FIRST.get(c), count));
                    top += height;
                }
            }
        }
        return new Stack(WIDTH, AXIS + STACK_HEIGHT + 4, scale.ticks(), slices, steps, total, Condition.WORST_FIRST);
    }
}
