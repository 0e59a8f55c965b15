package org.athar.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;

import org.athar.damage.CauseCategory;
import org.athar.damage.EffectType;
import org.athar.damage.Severity;
import org.athar.damage.Verification;
import org.athar.evidence.SourceKind;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceType;
import org.athar.status.Condition;
import org.athar.web.BadParameterException;
import org.athar.web.Requests;

import io.quarkus.qute.TemplateData;

/**
 * A search as asked for in a URL, checked: every problem becomes a {@link BadParameterException} naming the parameter
 * and saying what would be accepted, so that pages can mark the field and the API can answer 400.
 */
@TemplateData(namespace = TemplateData.SIMPLENAME) // the search box's maxlength is MAX_QUERY_LENGTH
public record SearchRequest(String query, String site, PlaceType placeType, PlaceKind kind, Condition status,
        CauseCategory cause, EffectType effect, Severity severity, SourceKind sourceKind, Verification verification,
        LocalDate from, LocalDate to, LocalDate asOf, Sort sort, int page, int size) {

    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_PAGE_SIZE = 100;

    public enum Sort {
        RELEVANCE, NAME, LATEST
    }

    public boolean hasQuery() {
        return !query.isEmpty();
    }

    public boolean hasFilters() {
        return site != null || placeType != null || kind != null || status != null || cause != null || effect != null
                || severity != null || sourceKind != null || verification != null || from != null || to != null;
    }

    public static SearchRequest from(MultivaluedMap<String, String> params) {
        SearchRequest request = parse(params);
        if (!request.hasQuery() && !request.hasFilters()) {
            throw new BadParameterException("q", "Type a name or words to search for, or choose at least one filter.");
        }
        return request;
    }

    /** The parameters that select places (the words and every filter), the same for search and exports. */
    public static final List<String> SELECTING = List.of("q", "site", "placeType", "kind", "status", "cause", "effect",
            "severity", "sourceKind", "verification", "from", "to", "asOf");

    /** A search as asked for, checked, which may select everything (an export of the whole registry). */
    public static SearchRequest parse(MultivaluedMap<String, String> params) {
        String q = text(params, "q");
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new BadParameterException("q", "The search text is " + q.length() + " characters long; at most "
                    + MAX_QUERY_LENGTH + " are searched. Shorten it to the names or words you are looking for.");
        }
        String site = text(params, "site");
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameterException("from", "The date window starts (" + from + ") after it ends (" + to
                    + "): put the earlier date in 'from'.");
        }
        return new SearchRequest(q, site.isEmpty() ? null : site,
                term(params, "placeType", PlaceType.class), term(params, "kind", PlaceKind.class),
                term(params, "status", Condition.class), term(params, "cause", CauseCategory.class),
                term(params, "effect", EffectType.class), term(params, "severity", Severity.class),
                term(params, "sourceKind", SourceKind.class), term(params, "verification", Verification.class),
                from, to, date(params, "asOf"), sort(params),
                Requests.wholeNumber(params.getFirst("page"), "page", 1, 1, Integer.MAX_VALUE),
                Requests.wholeNumber(params.getFirst("size"), "size", 20, 1, MAX_PAGE_SIZE));
    }

    /** The parameters of this search, for links that change one of them (paging, filters). */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", query.isEmpty() ? null : query);
        put(p, "site", site);
        put(p, "placeType", placeType);
        put(p, "kind", kind);
        put(p, "status", status);
        put(p, "cause", cause);
        put(p, "effect", effect);
        put(p, "severity", severity);
        put(p, "sourceKind", sourceKind);
        put(p, "verification", verification);
        put(p, "from", from);
        put(p, "to", to);
        put(p, "asOf", asOf);
        put(p, "sort", sort == Sort.RELEVANCE ? null : sort.name().toLowerCase(Locale.ROOT));
        put(p, "size", size == 20 ? null : size);
        return p;
    }

    private static void put(Map<String, String> p, String name, Object value) {
        if (value != null) {
            p.put(name, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }

    private static String text(MultivaluedMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static <E extends Enum<E>> E term(MultivaluedMap<String, String> params, String name, Class<E> type) {
        String value = text(params, name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(name, "'" + value + "' is not a known " + name + ". Use one of: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    private static LocalDate date(MultivaluedMap<String, String> params, String name) {
        String value = text(params, name);
        return Requests.date(value, name);
    }

    private static Sort sort(MultivaluedMap<String, String> params) {
        String value = text(params, "sort");
        if (value.isEmpty()) {
            return Sort.RELEVANCE;
        }
        try {
            return Sort.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("sort", "'" + value + "' is not a sort order: use relevance, name or latest.");
        }
    }
}
