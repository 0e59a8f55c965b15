package org.athar.status;

import java.util.List;
import java.util.stream.Collectors;

import org.athar.vocabulary.Term;

/** EAMENA overall condition state. */
public enum Condition implements Term {
    GOOD,
    FAIR,
    POOR,
    VERY_BAD,
    DESTROYED,
    UNKNOWN;

    /** Worst first, as pages, maps and charts rank places: what a visitor most needs to know first; unknown last. */
    public static final List<Condition> WORST_FIRST = List.of(DESTROYED, VERY_BAD, POOR, FAIR, GOOD, UNKNOWN);

    /**
     * {@link #WORST_FIRST} as a SQL array, for array_position(): a condition's rank from 1, null for none. Migration V25
     * repeats it, in the index and summary that keep each site's monuments worst first.
     */
    public static final String WORST_FIRST_SQL = WORST_FIRST.stream().map(c -> "'" + c.name() + "'")
            .collect(Collectors.joining(", ", "array[", "]"));
}
