package org.athar.search;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.athar.damage.CauseCategory;
import org.athar.damage.EffectType;
import org.athar.damage.Severity;
import org.athar.damage.Verification;
import org.athar.evidence.SourceKind;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceLevel;
import org.athar.place.PlaceType;
import org.athar.search.SearchResult.FacetValue;
import org.athar.search.SearchResult.Hit;
import org.athar.search.SearchResult.SiteRef;
import org.athar.status.Condition;
import org.athar.web.BadParameterException;
import org.athar.vocabulary.Term;

/**
 * Finds places by any of their names, in any spelling or script, and by what is written about them, then filters,
 * counts and pages the results, all in one SQL statement over place_name and place_search (migration V2).
 * <p>
 * Ranking: an exact name (after normalisation: case, diacritics, apostrophes, hyphens and spaces ignored, Arabic
 * variants folded) scores 3; a fuzzy match of the name's distinctive part (athar_core: "karran" of "Temple of
 * Karran") 1 + its trigram similarity (so between 1.4 and 2); a full-text match of all the query's words scores 0.5
 * when they are all in its names and 0.1 when only in its description, event summaries or claim quotes. Fixed scores
 * there keep broad queries ("temple") from ranking thousands of long documents. Equal scores put monuments before
 * parts and sites, then sort by name.
 */
@ApplicationScoped
public class SearchService {

    /** Trigram similarity a fuzzy name match needs: low enough for "Tadmor"/"Tadmur", high enough to stay precise. */
    static final String NAME_THRESHOLD = "0.4";
    /** Similarity for "did you mean": looser, since it only suggests. */
    static final String SUGGESTION_THRESHOLD = "0.3";

    /**
     * Facets count at most this many results, the best in the order asked for: counting filter values over every one
     * of eleven thousand places that mention "temple" costs a hundred times more than the page itself. The answer
     * says how many results its counts cover (facetBasis), and the page says so when that is not all of them.
     */
    static final int FACET_LIMIT = 1000;

    @Inject
    DataSource dataSource;

    private record Facet(String name, String column, boolean array, Function<String, Term> term) {
    }

    private static final List<Facet> FACETS = List.of(
            new Facet("site", "site_id", false, null),
            new Facet("placeType", "place_type", false, PlaceType::valueOf),
            new Facet("kind", "kind", false, PlaceKind::valueOf),
            new Facet("status", "status", false, Condition::valueOf),
            new Facet("cause", "causes", true, CauseCategory::valueOf),
            new Facet("effect", "effects", true, EffectType::valueOf),
            new Facet("severity", "severities", true, Severity::valueOf),
            new Facet("sourceKind", "source_kinds", true, SourceKind::valueOf),
            new Facet("verification", "verifications", true, Verification::valueOf));

    /** A facet value's label in a language: its vocabulary term's, or (for a site) the label it came with. */
    public static String label(String facet, SearchResult.FacetValue value, Locale locale) {
        return FACETS.stream().filter(f -> f.name.equals(facet) && f.term != null).findFirst()
                .map(f -> f.term.apply(value.value()).label(locale)).orElse(value.label());
    }

    @Inject
    BroadWords broadWords;

    @Inject
    NameTrigrams nameTrigrams;

    /** What a search found, however it was answered: the page, the counts, and the best name match before filters. */
    private record Answer(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, double bestName) {
    }

    @Transactional
    public SearchResult search(SearchRequest request) {
        return search(request, true);
    }

    /** A search answered by SQL alone, even for broad words: what {@link BroadWords} must agree with. */
    @Transactional
    SearchResult searchInSql(SearchRequest request) {
        return search(request, false);
    }

    private SearchResult search(SearchRequest request, boolean fromMemory) {
        Normalized text = request.hasQuery() ? normalize(request.query()) : new Normalized("", "", false, new String[0]);
        if (request.hasQuery() && text.normalized().isEmpty()) {
            throw new BadParameterException("q", "'" + request.query() + "' has no letters or digits to search for: "
                    + "search characters such as & | ! ( ) : * % _ \\ are ignored.");
        }
        try (Connection connection = dataSource.getConnection()) {
            Long siteId = request.site() == null ? null : siteId(connection, request.site());
            if (request.hasQuery()) {
                // A search with words is planned once per shape, not for each text: the plan is the same for every
                // text (the name and full-text indexes drive it), and planning its dozen branches cost as much as
                // running them (1.2 ms of 2.5 for a place's name, measured on the 100,000-place registry).
                setLocal(connection, "pg_trgm.similarity_threshold", NAME_THRESHOLD, "work_mem", "32MB",
                        "plan_cache_mode", "force_generic_plan");
            } else {
                setLocal(connection, "work_mem", "32MB");
            }
            BroadWords.Snapshot words = fromMemory && request.hasQuery() ? broadWords.current() : null;
            boolean broad = words != null && words.holds(text.words());
            long[] fuzzy = fromMemory && text.distinctive() ? nameTrigrams.candidates(text.core()) : null;
            Answer answer = broad ? inMemory(connection, words, request, text, siteId, fuzzy)
                    : inSql(connection, request, text, siteId, fuzzy);
            if (broad) {
                broadWords.answeredOne();
            }
            long total = answer.total();
            int pages = (int) ((total + request.size() - 1) / request.size());
            if (request.page() > Math.max(pages, 1)) {
                throw new BadParameterException("page", "Page " + request.page() + " is past the end: there "
                        + (pages == 1 ? "is 1 page" : "are " + pages + " pages") + " of results.");
            }
            // a near miss is worth a suggestion; a generic word with thousands of mentions is not
            String suggestion = request.hasQuery() && answer.bestName() < 1 && total < request.size()
                    ? suggestion(connection, text.normalized()) : null;
            return new SearchResult(total, Math.min(total, FACET_LIMIT), request.page(), request.size(), pages,
                    request.asOf(), answer.hits(), answer.facets(), suggestion);
        } catch (SQLException e) {
            throw new IllegalStateException("Search failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<FacetValue>> noFacets() {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        FACETS.forEach(f -> facets.put(f.name, new ArrayList<>()));
        return facets;
    }

    private static Answer inSql(Connection connection, SearchRequest request, Normalized text, Long siteId,
            long[] fuzzy) throws SQLException {
        Query sql = build(request, text, siteId, fuzzy);
        List<Hit> hits = new ArrayList<>();
        Map<String, List<FacetValue>> facets = noFacets();
        long total = 0;
        double bestName = 0; // the best name match before filters: nothing to suggest when a name matched
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String row = rs.getString("row_kind");
                if (row.equals("hit")) {
                    hits.add(new Hit(rs.getString("slug"), rs.getString("display_name"),
                            PlaceLevel.valueOf(rs.getString("level")), PlaceType.valueOf(rs.getString("place_type")),
                            PlaceKind.valueOf(rs.getString("kind")),
                            new SiteRef(rs.getString("site_slug"), rs.getString("site_name")),
                            rs.getString("status") == null ? null : Condition.valueOf(rs.getString("status")),
                            score(rs.getDouble("score")), rs.getString("matched_name")));
                } else if (row.equals("total")) {
                    total = rs.getLong("n");
                } else if (row.equals("best")) {
                    bestName = rs.getDouble("score");
                } else if (row.equals("site")) {
                    facets.get("site").add(new FacetValue(rs.getString("slug"), rs.getString("display_name"), rs.getLong("n")));
                } else {
                    facets.get(row).add(termValue(row, rs.getString("value"), rs.getLong("n")));
                }
            }
        }
        return new Answer(total, hits, facets, bestName);
    }

    private static double score(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    private static FacetValue termValue(String facet, String value, long n) {
        Facet f = FACETS.stream().filter(x -> x.name.equals(facet)).findFirst().orElseThrow();
        return new FacetValue(value, f.term.apply(value).label(), n);
    }

    /**
     * A search whose words are all broad, answered from memory: SQL finds the names that match (a few rows, by index)
     * and, once the page is known, its rows' addresses; ranking, filtering and counting happen in the snapshot.
     */
    private static Answer inMemory(Connection connection, BroadWords.Snapshot words, SearchRequest r, Normalized text,
            Long siteId, long[] fuzzy) throws SQLException {
        Map<Long, BroadWords.Snapshot.NameMatch> names = new HashMap<>();
        float bestName = 0;
        try (PreparedStatement s = nameMatches(text, fuzzy).prepare(connection); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getLong(1), new BroadWords.Snapshot.NameMatch(rs.getFloat(2), rs.getString(3)));
                bestName = Math.max(bestName, rs.getFloat(2));
            }
        }
        long offset = (long) (r.page() - 1) * r.size();
        int wanted = (int) Math.min(Math.max(FACET_LIMIT, offset + r.size()), Integer.MAX_VALUE - 16);
        BroadWords.Snapshot.Results found = words.find(r, siteId, text.words(), names, wanted);
        List<BroadWords.Snapshot.Found> best = found.best();
        List<BroadWords.Snapshot.Found> page = offset >= best.size() ? List.of()
                : best.subList((int) offset, (int) Math.min(best.size(), offset + r.size()));
        List<BroadWords.Snapshot.Found> counted = best.subList(0, Math.min(best.size(), FACET_LIMIT));
        Map<String, List<BroadWords.Tally>> tallies = new LinkedHashMap<>();
        tallies.put("site", words.sites(counted));
        for (int f = 0; f < BroadWords.FACET_NAMES.size(); f++) {
            tallies.put(BroadWords.FACET_NAMES.get(f), words.count(counted, f, r.asOf()));
        }
        // the name that has the words, for the page's places found by their words
        List<Long> byWords = page.stream().filter(f -> f.matchedName() == null).map(f -> words.id(f.place())).toList();
        Map<Long, String> namesWithWords = new HashMap<>();
        if (!byWords.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("""
                    select n.place_id, (array_agg(n.name order by n.id))[1]
                    from place_name n, plainto_tsquery('english', athar_words(?)) query
                    where n.place_id = any(?) and n.words @@ query group by n.place_id""")) {
                s.setString(1, text.normalized());
                s.setArray(2, connection.createArrayOf("bigint", byWords.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        namesWithWords.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
        }
        List<Hit> hits = new ArrayList<>();
        Integer asOf = r.asOf() == null ? null : BroadWords.day(r.asOf());
        for (BroadWords.Snapshot.Found f : page) {
            int i = f.place();
            int site = words.ordinal(words.siteOf(i));
            hits.add(new Hit(words.slug(i), words.displayName(i), words.level(i),
                    (PlaceType) words.term(i, BroadWords.PLACE_TYPE), (PlaceKind) words.term(i, BroadWords.KIND),
                    new SiteRef(site < 0 ? null : words.siteSlug(site), site < 0 ? null : words.siteName(site)),
                    words.status(i, asOf), score(f.score()),
                    f.matchedName() != null ? f.matchedName() : namesWithWords.get(words.id(i))));
        }
        Map<String, List<FacetValue>> facets = noFacets();
        tallies.forEach((facet, counts) -> counts.forEach(t -> facets.get(facet).add(facet.equals("site")
                ? siteValue(words, t.value(), t.n()) : termValue(facet, t.value(), t.n()))));
        return new Answer(found.total(), hits, facets, bestName);
    }

    private static FacetValue siteValue(BroadWords.Snapshot words, String id, long n) {
        int site = words.ordinal(Long.parseLong(id));
        return new FacetValue(site < 0 ? null : words.siteSlug(site), site < 0 ? null : words.siteName(site), n);
    }

    /**
     * Places whose names match a search, with their score and the name: exactly (3), or (when it has a distinctive
     * part) fuzzily on that part (1 + similarity), among the places {@link NameTrigrams} proposes when it can (fuzzy
     * not null), else by the trigram index.
     */
    private static Query nameMatches(Normalized text, long[] fuzzy) {
        String compact = text.compact();
        Query q = new Query().append("""
                select n.place_id,
                       max(case when n.compact = ? then 3 else 1 + similarity(?, n.core) end) as score,
                       (array_agg(n.name order by n.compact = ? desc, similarity(?, n.core) desc))[1] as matched_name
                from place_name n where n.compact = ?""", compact, text.core(), compact, text.core(), compact);
        if (text.distinctive() && fuzzy == null) {
            q.append(" or ? % n.core", text.core());
        } else if (text.distinctive()) {
            // as % compares, without the index: the places proposed are few
            q.append(" or (n.place_id = any(?) and similarity(?, n.core) >= ?::float8)", fuzzy, text.core(),
                    Double.parseDouble(NAME_THRESHOLD));
        }
        return q.append(" group by n.place_id");
    }

    /** SQL selecting the ids of some places (null: every record), and its parameters in order. */
    public record Selection(String sql, List<Object> params) {
        /** Binds the parameters to a statement in which this selection appears {@code times} times, from 1. */
        public void bind(PreparedStatement statement, int times) throws SQLException {
            for (int t = 0; t < times; t++) {
                for (int i = 0; i < params.size(); i++) {
                    set(statement, t * params.size() + i + 1, params.get(i));
                }
            }
        }
    }

    /**
     * The places a request selects, unranked: those that pass its filters and, when it has words, whose names or
     * texts contain them all (full text, word forms matched). Exports read their records through it.
     */
    public Selection selection(Connection connection, SearchRequest r) throws SQLException {
        if (!r.hasQuery() && !r.hasFilters()) {
            return new Selection(null, List.of()); // everything, including what belongs to no place
        }
        Long siteId = r.site() == null ? null : siteId(connection, r.site());
        Query q = new Query().append("select s.place_id from place_search s where true");
        if (r.hasQuery()) {
            q.append(" and s.doc @@ plainto_tsquery('english', athar_words(athar_normalize(?)))", r.query());
        }
        q.append(filters(r, siteId, status(r)));
        return new Selection(q.sql.toString(), q.params);
    }

    /** A query as the index sees it: normalised, its fuzzy-matching core, and whether that core is distinctive. */
    private record Normalized(String normalized, String core, boolean distinctive, String[] words) {
        String compact() {
            return normalized.replace(" ", "");
        }
    }

    /**
     * The normalisation the index uses (SQL functions of migrations V2 and V9), so that queries and names meet. They
     * are functions of the text alone, so what they gave for a text is kept for the next search of it.
     */
    private Normalized normalize(String text) {
        return normalized.get(text, t -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement s = connection.prepareStatement(
                            "select athar_normalize(?), athar_core(?), athar_distinctive(?) <> '', "
                                    + "tsvector_to_array(to_tsvector('english', athar_words(athar_normalize(?))))")) {
                for (int i = 1; i <= 4; i++) {
                    s.setString(i, t);
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Normalized(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            (String[]) rs.getArray(4).getArray());
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private final Cache<String, Normalized> normalized = Caffeine.newBuilder().maximumSize(10_000).build();

    private static Long siteId(Connection connection, String slug) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select id from place where slug = ? and level = 'SITE'")) {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new BadParameterException("site", "There is no site '" + slug + "' in the registry.");
                }
                return rs.getLong(1);
            }
        }
    }

    /**
     * Sets settings for this transaction, in one statement: names and values in turn. work_mem: a search's results are
     * gathered once and read by every count, so keep them in memory, not in a temporary file.
     */
    private static void setLocal(Connection connection, String... namesAndValues) throws SQLException {
        String calls = String.join(", ", Collections.nCopies(namesAndValues.length / 2, "set_config(?, ?, true)"));
        try (PreparedStatement s = connection.prepareStatement("select " + calls)) {
            for (int i = 0; i < namesAndValues.length; i++) {
                s.setString(i + 1, namesAndValues[i]);
            }
            s.execute();
        }
    }

    private static String suggestion(Connection connection, String normalized) throws SQLException {
        setLocal(connection, "pg_trgm.similarity_threshold", SUGGESTION_THRESHOLD);
        try (PreparedStatement s = connection.prepareStatement(
                "select name from place_name, athar_core(?) q where core % q order by similarity(core, q) desc, id limit 1")) {
            s.setString(1, normalized);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** SQL text and its parameters, in order. */
    private static final class Query {
        final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        Query append(String text, Object... values) {
            sql.append(text);
            params.addAll(Arrays.asList(values));
            return this;
        }

        Query append(Query fragment) {
            sql.append(fragment.sql);
            params.addAll(fragment.params);
            return this;
        }

        PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql.toString());
            for (int i = 0; i < params.size(); i++) {
                set(statement, i + 1, params.get(i));
            }
            return statement;
        }
    }

    private static Query build(SearchRequest r, Normalized text, Long siteId, long[] fuzzy) {
        Query q = new Query();
        String status = status(r);
        Object[] statusParam = r.asOf() == null ? new Object[0] : new Object[] { r.asOf() };
        Query filters = filters(r, siteId, status);
        // Every result carries only what ranks it: a broad word finds a ninth of the registry, and the rest (kinds,
        // arrays of causes and effects, the status on a day) is read for the page's rows and the counted ones only.
        String columns = "s.place_id, s.site_id, s.level, s.display_name, s.latest_event, ";
        q.append("with ");
        if (r.hasQuery()) {
            q.append("names as (").append(nameMatches(text, fuzzy)).append("),\n");
            // places found by name, then places whose names or texts have all the words, each filtered in its scan
            q.append("f as materialized (select " + columns + "nm.score, nm.matched_name from names nm "
                    + "join place_search s using (place_id) where true");
            q.append(filters);
            q.append(" union all select " + columns + "case when s.names_doc @@ query then 0.5 else 0.1 end, null "
                    + "from place_search s, plainto_tsquery('english', athar_words(?)) query where s.doc @@ query "
                    + "and not exists (select 1 from names nm where nm.place_id = s.place_id)");
            q.params.add(text.normalized());
            q.append(filters);
        } else {
            q.append("f as materialized (select " + columns + "0::real as score, null::text as matched_name "
                    + "from place_search s where true");
            q.append(filters);
        }
        // the best FACET_LIMIT results, what the facets count; a page among them is taken from them. Both are top-N
        // sorts: ordering every one of eleven thousand results to show twenty would cost more than finding them.
        long offset = (long) (r.page() - 1) * r.size();
        q.append("), best as materialized (select * from f order by " + order(r) + " limit " + FACET_LIMIT + ")\n");
        q.append(", page as (select b.*, row_number() over (order by " + order(r) + ") as rank from (select * from "
                + (offset + r.size() <= FACET_LIMIT ? "best" : "f") + " order by " + order(r) + " limit ? offset ?) b)\n",
                r.size(), offset);
        q.append(", fc as (select s.place_id, s.site_id, s.place_type, s.kind, s.causes, s.effects, s.severities, "
                + "s.source_kinds, s.verifications, " + status + " as status from best join place_search s using (place_id))\n",
                statusParam);
        // a full-text match in the names: show the name that has the words (looked up for this page's rows only)
        q.append("select * from (select 'hit' as row_kind, null as value, 0 as n, p.rank, p.score, ");
        if (r.hasQuery()) {
            q.append("coalesce(p.matched_name, (select n.name from place_name n where n.place_id = p.place_id and "
                    + "n.words @@ plainto_tsquery('english', athar_words(?)) order by n.id limit 1)) as matched_name,",
                    text.normalized());
        } else {
            q.append("null as matched_name,");
        }
        q.append("p.display_name, pl.slug, p.level, s.place_type, s.kind, " + status + " as status, ", statusParam);
        q.append("""
                site.slug as site_slug, ss.display_name as site_name
                from page p join place pl on pl.id = p.place_id join place_search s on s.place_id = p.place_id
                join place site on site.id = p.site_id join place_search ss on ss.place_id = p.site_id
                union all select 'total', null, count(*), null, null, null, null, null, null, null, null, null, null, null from f
                union all select 'site', g.site_id::text, g.n, null, null, null, ss.display_name, site.slug, null, null, null, null, null, null
                    from (select site_id, count(*) as n from fc group by site_id) g
                    join place site on site.id = g.site_id join place_search ss on ss.place_id = g.site_id
                """);
        if (r.hasQuery()) {
            q.append("union all select 'best', null, 0, null, (select max(score) from names), null, null, null, null, "
                    + "null, null, null, null, null\n");
        }
        for (Facet facet : FACETS.subList(1, FACETS.size())) {
            String value = facet.array ? "v" : "f." + facet.column;
            String from = facet.array ? "fc f, unnest(f." + facet.column + ") v" : "fc f";
            q.append("union all select '" + facet.name + "', " + value + ", count(*), null, null, null, null, null, "
                    + "null, null, null, null, null, null from " + from + " where " + value + " is not null group by "
                    + value + "\n");
        }
        q.append(") rows order by row_kind, rank, n desc, value collate \"C\"");
        return q;
    }

    /** A place's condition as the request reads it, in SQL on place_search s: now, or on the day asOf (a parameter). */
    private static String status(SearchRequest r) {
        return r.asOf() == null ? "s.status_conditions[cardinality(s.status_conditions)]"
                : "condition_on(s.status_days, s.status_conditions, ?::date)";
    }

    private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setObject(index, value instanceof java.time.LocalDate d ? Date.valueOf(d) : value);
    }

    /** The filters, as SQL conditions on place_search s, each starting with " and". */
    private static Query filters(SearchRequest r, Long siteId, String status) {
        Query q = new Query();
        filter(q, siteId, "s.site_id = ?");
        filter(q, r.placeType(), "s.place_type = ?");
        filter(q, r.kind(), "s.kind = ?");
        if (r.status() != null) {
            q.append(" and " + status + " = ?");
            if (r.asOf() != null) {
                q.params.add(r.asOf());
            }
            q.params.add(r.status().name());
        }
        filter(q, r.cause(), "? = any(s.causes)");
        filter(q, r.effect(), "? = any(s.effects)");
        filter(q, r.severity(), "? = any(s.severities)");
        filter(q, r.sourceKind(), "? = any(s.source_kinds)");
        filter(q, r.verification(), "? = any(s.verifications)");
        if (r.from() != null || r.to() != null) {
            q.append(" and s.event_days && daterange(?::date, ?::date, '[]')", r.from(), r.to());
        }
        return q;
    }

    private static String order(SearchRequest r) {
        // by code point whatever the database's collation, as BroadWords orders them too
        String byName = "display_name collate \"C\", place_id";
        return switch (r.sort()) {
            case NAME -> byName;
            case LATEST -> "latest_event desc nulls last, " + byName;
            case RELEVANCE -> "score desc, case level when 'MONUMENT' then 0 when 'PART' then 1 else 2 end, " + byName;
        };
    }

    private static void filter(Query q, Object value, String condition) {
        if (value != null) {
            q.append(" and " + condition, value instanceof Term t ? t.name() : value);
        }
    }
}
