package org.athar.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.athar.place.PlaceKind;
import org.athar.place.PlaceLevel;
import org.athar.place.PlaceType;
import org.athar.status.Condition;

/**
 * One page of search results, the counts of every filter value, and a suggestion if needed. The counts cover the
 * best {@code facetBasis} results: all of them, unless there are more than {@link SearchService#FACET_LIMIT}.
 */
public record SearchResult(long total, long facetBasis, int page, int size, int pages, LocalDate asOf, List<Hit> results,
        Map<String, List<FacetValue>> facets, String didYouMean) {

    public boolean facetsCapped() {
        return facetBasis < total;
    }

    /**
     * A place found. {@code status} is its current condition, or its condition on {@code asOf} when asked;
     * {@code matchedName} is the name that matched, when the match was on a name.
     */
    public record Hit(String slug, String name, PlaceLevel level, PlaceType type, PlaceKind kind, SiteRef site,
            Condition status, double score, String matchedName) {

        public String path() {
            return level.pagePath(slug);
        }
    }

    public record SiteRef(String slug, String name) {
    }

    /** A filter value and how many results have it; {@code value} is what the filter parameter takes. */
    public record FacetValue(String value, String label, long count) {
    }
}
