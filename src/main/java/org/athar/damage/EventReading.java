package org.athar.damage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.athar.evidence.Source;
import org.athar.time.UncertainDate;

/**
 * The registry's reading of an event, derived from its claims and never stored: for each thing claimed (date
 * window, severity, actor) the distinct values with the claims behind each, best-supported first, and whether
 * the sources disagree. Dates are disputed when two claimed windows cannot both be true (they do not overlap);
 * severities and extents when claims give different grades.
 * <p>
 * What weighs: a claim marked disputed neither supports a value nor raises a dispute by itself (the page still lists
 * it, with who disputes it). Independent sources add up; a source that repeats another (a reprint, a wire copy) counts
 * with it, once, at the weight of its stronger claim. A window supports every narrower window inside it, so that the
 * reading is the most precise date the evidence agrees with; but a narrower window whose own sources weigh less than
 * half as much as a wider one's gives way to it: a weak "30 Aug" does not displace a strong "August". Claims naming an actor
 * in different words agree when the words name the same actor record.
 */
public record EventReading(List<Alternative<UncertainDate>> dates, List<Alternative<Severity>> severities,
        List<Alternative<Extent>> extents, List<Alternative<String>> actors, boolean datesDisputed,
        boolean severityDisputed) {

    /** One claimed value, the claims that state it, and the weight of all claims consistent with it. */
    public record Alternative<T>(T value, List<Claim> claims, int weight) {
    }

    public static EventReading of(List<Claim> all) {
        List<Claim> claims = all.stream().filter(c -> c.verification != Verification.DISPUTED).toList();
        var dates = preferStronger(alternatives(claims, c -> c.date, UncertainDate::contains,
                Comparator.comparingLong(UncertainDate::widthInDays)), UncertainDate::contains);
        var severities = alternatives(claims, c -> c.severity == Severity.UNKNOWN ? null : c.severity,
                Object::equals, Comparator.comparing(Severity::ordinal));
        var extents = alternatives(claims, c -> c.extent == Extent.UNKNOWN ? null : c.extent, Object::equals,
                Comparator.comparing(Extent::ordinal));
        var actors = alternatives(claims, c -> c.actorRecord != null ? c.actorRecord.name() : c.actor, Object::equals,
                Comparator.<String>naturalOrder());
        boolean datesDisputed = dates.stream().anyMatch(a -> dates.stream().anyMatch(b -> !a.value.overlaps(b.value)));
        return new EventReading(dates, severities, extents, actors, datesDisputed, severities.size() > 1);
    }

    public Optional<UncertainDate> date() {
        return dates.stream().findFirst().map(Alternative::value);
    }

    public Optional<Severity> severity() {
        return severities.stream().findFirst().map(Alternative::value);
    }

    public Optional<Extent> extent() {
        return extents.stream().findFirst().map(Alternative::value);
    }

    /** Sources give different extents. */
    public boolean extentDisputed() {
        return extents.size() > 1;
    }

    public Optional<String> actor() {
        return actors.stream().findFirst().map(Alternative::value);
    }

    public boolean disputed() {
        return datesDisputed || severityDisputed || extentDisputed();
    }

    /**
     * The weight of claims taken together: per independent source (a source and those repeating it) the weight of its
     * strongest claim, summed.
     */
    static int weigh(List<Claim> claims) {
        Map<Object, Integer> bySource = new LinkedHashMap<>();
        for (Claim c : claims) {
            Source original = c.source.original();
            Object key = original.id != null ? original.id : original;
            bySource.merge(key, c.weight(), Math::max);
        }
        return bySource.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Groups claims by the value they state. Each value weighs the claims whose own value supports it; heaviest
     * first, and among equals the tie-breaker decides (the narrower date window, the lesser severity), then the
     * order in which the claims were recorded.
     */
    private static <T> List<Alternative<T>> alternatives(List<Claim> claims, Function<Claim, T> value,
            BiPredicate<T, T> supports, Comparator<T> tieBreaker) {
        Map<T, List<Claim>> grouped = new LinkedHashMap<>();
        for (Claim claim : claims) {
            T v = value.apply(claim);
            if (v != null) {
                grouped.computeIfAbsent(v, k -> new ArrayList<>()).add(claim);
            }
        }
        List<Alternative<T>> result = new ArrayList<>();
        grouped.forEach((v, stating) -> result.add(new Alternative<>(v, stating, weigh(grouped.entrySet().stream()
                .filter(other -> supports.test(other.getKey(), v))
                .flatMap(other -> other.getValue().stream()).toList()))));
        result.sort(Comparator.comparingInt((Alternative<T> a) -> -a.weight)
                .thenComparing(Alternative::value, Objects.requireNonNull(tieBreaker)));
        return List.copyOf(result);
    }

    /**
     * Puts first, instead of the best-supported value, a wider one containing it whose own claims weigh more than twice
     * as much: support flows from wide windows to narrow ones, so a narrow window backed only by weak sources would
     * otherwise win.
     */
    private static <T> List<Alternative<T>> preferStronger(List<Alternative<T>> ranked, BiPredicate<T, T> contains) {
        if (ranked.isEmpty()) {
            return ranked;
        }
        Alternative<T> first = ranked.get(0);
        for (int round = 0; round < ranked.size(); round++) {
            Alternative<T> current = first;
            Optional<Alternative<T>> stronger = ranked.stream()
                    .filter(a -> a != current && contains.test(a.value, current.value) && weigh(a.claims) > 2 * weigh(current.claims))
                    .max(Comparator.comparingInt(a -> weigh(a.claims)));
            if (stronger.isEmpty()) {
                break;
            }
            first = stronger.get();
        }
        List<Alternative<T>> result = new ArrayList<>(ranked);
        result.remove(first);
        result.add(0, first);
        return List.copyOf(result);
    }
}
