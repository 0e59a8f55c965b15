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

import org.athar.time.UncertainDate;

/**
 * The registry's reading of an event, derived from its claims and never stored: for each thing claimed (date
 * window, severity, actor) the distinct values with the claims behind each, best-supported first, and whether
 * the sources disagree. Dates are disputed when two claimed windows cannot both be true (they do not overlap);
 * severities when claims give different grades.
 */
public record EventReading(List<Alternative<UncertainDate>> dates, List<Alternative<Severity>> severities,
        List<Alternative<String>> actors, boolean datesDisputed, boolean severityDisputed) {

    /** One claimed value, the claims that state it, and the weight of all claims consistent with it. */
    public record Alternative<T>(T value, List<Claim> claims, int weight) {
    }

    public static EventReading of(List<Claim> claims) {
        // A claimed window also supports every narrower window inside it ("2015" backs "30 Aug 2015"), so the
        // reading is the most precise date that the weightiest evidence agrees with.
        var dates = alternatives(claims, c -> c.date, UncertainDate::contains,
                Comparator.comparingLong(UncertainDate::widthInDays));
        var severities = alternatives(claims, c -> c.severity == Severity.UNKNOWN ? null : c.severity,
                Object::equals, Comparator.comparing(Severity::ordinal));
        var actors = alternatives(claims, c -> c.actor, Object::equals, Comparator.<String>naturalOrder());
        boolean datesDisputed = dates.stream().anyMatch(a -> dates.stream().anyMatch(b -> !a.value.overlaps(b.value)));
        return new EventReading(dates, severities, actors, datesDisputed, severities.size() > 1);
    }

    public Optional<UncertainDate> date() {
        return dates.stream().findFirst().map(Alternative::value);
    }

    public Optional<Severity> severity() {
        return severities.stream().findFirst().map(Alternative::value);
    }

    public Optional<String> actor() {
        return actors.stream().findFirst().map(Alternative::value);
    }

    public boolean disputed() {
        return datesDisputed || severityDisputed;
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
        grouped.forEach((v, stating) -> result.add(new Alternative<>(v, stating, grouped.entrySet().stream()
                .filter(other -> supports.test(other.getKey(), v))
                .flatMap(other -> other.getValue().stream())
                .mapToInt(Claim::weight).sum())));
        result.sort(Comparator.comparingInt((Alternative<T> a) -> -a.weight)
                .thenComparing(Alternative::value, Objects.requireNonNull(tieBreaker)));
        return List.copyOf(result);
    }
}
