package org.athar.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.athar.damage.CauseCategory;
import org.athar.damage.EffectType;
import org.athar.damage.Severity;
import org.athar.damage.Verification;
import org.athar.db.RegistryChanges;
import org.athar.db.RegistryChanges.SearchRowsChanged;
import org.athar.evidence.SourceKind;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceType;
import org.athar.status.Condition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;

/**
 * The search rows of broad words, in memory. A word found in thousands of places ("temple", "tomb", "معبد") costs
 * PostgreSQL thousands of wide rows to read, rank and count on every search; here each such word (its stem, as
 * full-text search indexes it) is a bit set over the places, and each place keeps what ranks and filters it, so that
 * such a search is an intersection, a sort of integers and a count, and the database is asked only for the names that
 * match and for the page's own rows ({@link SearchService}). Words found in fewer places than
 * {@code athar.search.broad-words.min-places} stay with PostgreSQL, whose index answers them well.
 * <p>
 * Never stale: every refresh of search rows is announced by the database (migration V24) and heard by
 * {@link RegistryChanges} before it drops cached pages; the rows announced are read again at once, and an
 * announcement of everything (a bulk load, a restore, or announcements missed while the connection was down) drops
 * the snapshot until it is read again in the background. Until then, while this node cannot hear announcements, and
 * for a moment after a write through this node (whose announcement may still be on its way), searches go to SQL.
 */
@ApplicationScoped
public class BroadWords {

    private static final Logger LOG = Logger.getLogger(BroadWords.class);

    /** How long after a write through this node searches go to SQL, in case its announcement is still on its way. */
    private static final long AFTER_WRITE_NANOS = 1_000_000_000L;

    @ConfigProperty(name = "athar.search.broad-words.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "athar.search.broad-words.min-places", defaultValue = "200")
    int minPlaces;

    @Inject
    DataSource dataSource;

    @Inject
    RegistryChanges changes;

    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "athar-broad-words");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private volatile Snapshot snapshot;
    /** Searches answered from memory (tests check that broad words were answered here). */
    final AtomicLong answered = new AtomicLong();
    private volatile long writtenAt = System.nanoTime() - AFTER_WRITE_NANOS;
    private boolean loading;
    private boolean loadAgain;
    private final Set<Long> changedWhileLoading = new HashSet<>();

    /** What searches may read now, or null when they must go to SQL. */
    public Snapshot current() {
        Snapshot s = snapshot;
        return s != null && changes.listening() && System.nanoTime() - writtenAt >= AFTER_WRITE_NANOS ? s : null;
    }

    void install(@Observes Filters filters) {
        filters.register(context -> {
            HttpMethod method = context.request().method();
            if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
                context.addEndHandler(done -> writtenAt = System.nanoTime());
            }
            context.next();
        }, 90);
    }

    void stop(@Observes ShutdownEvent event) {
        loader.shutdownNow();
    }

    /** On the thread that hears announcements, before cached pages are dropped. */
    void rowsChanged(@Observes SearchRowsChanged change) {
        if (!enabled) {
            return;
        }
        synchronized (lock) {
            if (change.all()) {
                snapshot = null;
                if (loading) {
                    loadAgain = true;
                } else {
                    loading = true;
                    loader.execute(this::load);
                }
            } else if (loading) {
                changedWhileLoading.addAll(change.places());
            } else if (snapshot != null) {
                try {
                    snapshot = snapshot.with(read(change.places()));
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf("Broad words are off until they are read again: %s", e.getMessage());
                    snapshot = null;
                }
            }
        }
    }

    private void load() {
        while (true) {
            Snapshot fresh;
            try {
                fresh = readAll();
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Broad words are off until the next announcement: %s", e.getMessage());
                synchronized (lock) {
                    loading = false;
                    changedWhileLoading.clear();
                }
                return;
            }
            synchronized (lock) {
                if (loadAgain) {
                    loadAgain = false;
                    changedWhileLoading.clear();
                    continue;
                }
                try {
                    // rows announced while everything was read may or may not be in it: read them again
                    snapshot = changedWhileLoading.isEmpty() ? fresh : fresh.with(read(changedWhileLoading));
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf("Broad words are off until the next announcement: %s", e.getMessage());
                }
                changedWhileLoading.clear();
                loading = false;
                return;
            }
        }
    }

    // ---- reading search rows ------------------------------------------------------------------------------------

    private static final String COLUMNS = "s.place_id, s.site_id, s.level, s.place_type, s.kind, s.display_name, "
            + "s.latest_event, s.status_days, s.status_conditions, s.causes, s.effects, s.severities, s.source_kinds, "
            + "s.verifications, s.event_days::text, p.slug";
    private static final String ROWS = " from place_search s join place p on p.id = s.place_id";

    private Snapshot readAll() throws SQLException {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // rows and words of one moment
            Interner strings = new Interner();
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + ROWS + " order by s.place_id");
                    ResultSet rs = s.executeQuery()) {
                s.setFetchSize(5_000);
                while (rs.next()) {
                    entries.add(entry(rs, strings));
                }
            }
            Snapshot built = new Snapshot(entries);
            Map<String, long[]> doc = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select l, array_agg(s.place_id) from place_search s, unnest(tsvector_to_array(s.doc)) l
                    group by l having count(*) >= ?""")) {
                s.setInt(1, minPlaces);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        doc.put(rs.getString(1), built.bits(ids(rs.getArray(2))));
                    }
                }
            }
            Map<String, long[]> names = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select l, array_agg(s.place_id) from place_search s, unnest(tsvector_to_array(s.names_doc)) l
                    where l = any(?) group by l""")) {
                s.setArray(1, c.createArrayOf("text", doc.keySet().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getString(1), built.bits(ids(rs.getArray(2))));
                    }
                }
            }
            c.commit();
            built = built.withWords(doc, names);
            LOG.infof("Broad words in memory: %d words found in at least %d of %d places, read in %d ms", doc.size(),
                    minPlaces, entries.size(), (System.nanoTime() - started) / 1_000_000);
            return built;
        }
    }

    /** The current rows of some places (a place with no row any more is absent), and their broad words. */
    private Map<Long, Read> read(Collection<Long> places) throws SQLException {
        Map<Long, Read> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS
                        + ", tsvector_to_array(s.doc), tsvector_to_array(s.names_doc)" + ROWS + " where s.place_id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", places.toArray()));
            Interner strings = new Interner();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Entry e = entry(rs, strings);
                    rows.put(e.id, new Read(e, Set.of((String[]) rs.getArray(17).getArray()),
                            Set.of((String[]) rs.getArray(18).getArray())));
                }
            }
        }
        places.forEach(id -> rows.putIfAbsent(id, null));
        return rows;
    }

    private record Read(Entry entry, Set<String> doc, Set<String> names) {
    }

    private static Entry entry(ResultSet rs, Interner strings) throws SQLException {
        Date latest = rs.getDate(7);
        String level = strings.of(rs.getString(3));
        String[] conditions = texts(rs.getArray(9));
        byte[] statusCodes = new byte[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            statusCodes[i] = (byte) code(STATUS, conditions[i]);
        }
        long[] masks = new long[FACET_TYPES.size()];
        masks[PLACE_TYPE] = 1L << code(PLACE_TYPE, rs.getString(4));
        masks[KIND] = 1L << code(KIND, rs.getString(5));
        masks[STATUS] = conditions.length == 0 ? 0 : 1L << statusCodes[conditions.length - 1];
        for (int f = CAUSE; f < FACET_TYPES.size(); f++) {
            for (String v : texts(rs.getArray(10 + f - CAUSE))) {
                masks[f] |= v == null ? 0 : 1L << code(f, v);
            }
        }
        return new Entry(rs.getLong(1), rs.getLong(2), rs.getString(16), level, levelOrder(level),
                strings.of(rs.getString(4)), strings.of(rs.getString(5)), rs.getString(6),
                latest == null ? NO_DAY : day(latest.toLocalDate()), days(rs.getArray(8)), statusCodes, masks,
                ranges(rs.getString(15)));
    }

    /**
     * The facets after the site (SearchService.FACETS), each a vocabulary of at most 64 terms: a place's values of
     * one are the bits of one number, its terms' positions.
     */
    static final List<Class<? extends Enum<?>>> FACET_TYPES = List.of(PlaceType.class, PlaceKind.class,
            Condition.class, CauseCategory.class, EffectType.class, Severity.class, SourceKind.class, Verification.class);
    static final List<String> FACET_NAMES = List.of("placeType", "kind", "status", "cause", "effect", "severity",
            "sourceKind", "verification");
    static final int PLACE_TYPE = 0, KIND = 1, STATUS = 2, CAUSE = 3;

    private static int code(int facet, String value) {
        for (Enum<?> term : FACET_TYPES.get(facet).getEnumConstants()) {
            if (term.name().equals(value)) {
                return term.ordinal();
            }
        }
        throw new IllegalStateException("'" + value + "' is no " + FACET_NAMES.get(facet));
    }

    /** Equal strings of many rows (levels, kinds) kept once. */
    private static final class Interner {
        private final Map<String, String> seen = new HashMap<>();

        String of(String s) {
            return s == null ? null : seen.computeIfAbsent(s, k -> k);
        }
    }

    private static long[] ids(Array array) throws SQLException {
        Long[] boxed = (Long[]) array.getArray();
        long[] ids = new long[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            ids[i] = boxed[i];
        }
        return ids;
    }

    private static String[] texts(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    private static int[] days(Array array) throws SQLException {
        Date[] dates = (Date[]) array.getArray();
        int[] days = new int[dates.length];
        for (int i = 0; i < dates.length; i++) {
            days[i] = day(dates[i].toLocalDate());
        }
        return days;
    }

    /**
     * A datemultirange as PostgreSQL writes it, {[2015-08-23,2015-08-31),[2016-01-01,)}: [from, until) day pairs,
     * dates being discrete (PostgreSQL writes every date range so), NO_DAY and MAX_VALUE for open ends.
     */
    static int[] ranges(String text) {
        String inner = text.substring(1, text.length() - 1);
        if (inner.isEmpty()) {
            return new int[0];
        }
        String[] parts = inner.split("\\),?");
        int[] pairs = new int[parts.length * 2];
        for (int i = 0; i < parts.length; i++) {
            String lower = parts[i].substring(1, parts[i].indexOf(','));
            String upper = parts[i].substring(parts[i].indexOf(',') + 1);
            pairs[2 * i] = lower.isEmpty() || lower.equals("-infinity") ? NO_DAY : day(LocalDate.parse(lower));
            pairs[2 * i + 1] = upper.isEmpty() || upper.equals("infinity") ? Integer.MAX_VALUE : day(LocalDate.parse(upper));
        }
        return pairs;
    }

    // ---- what is kept --------------------------------------------------------------------------------------------

    /** No day: a place without events, or an unbounded start. */
    static final int NO_DAY = Integer.MIN_VALUE;

    static int day(LocalDate date) {
        return (int) date.toEpochDay();
    }

    private static int levelOrder(String level) {
        return switch (level) {
            case "MONUMENT" -> 0;
            case "PART" -> 1;
            default -> 2;
        };
    }

    /**
     * A place's search row: what ranks it, filters it and is counted of it. {@code masks} holds its values of each
     * of {@link #FACET_TYPES} (its status now), {@code statusCodes} its conditions from each of {@code statusDays}.
     */
    record Entry(long id, long siteId, String slug, String level, int levelOrder, String placeType, String kind,
            String displayName, int latest, int[] statusDays, byte[] statusCodes, long[] masks, int[] eventDays) {

        /** Its condition now, or on a day (as SQL's condition_on: the last entry that holds by then), or -1. */
        int status(Integer asOf) {
            if (asOf == null) {
                return masks[STATUS] == 0 ? -1 : Long.numberOfTrailingZeros(masks[STATUS]);
            }
            for (int i = statusDays.length - 1; i >= 0; i--) {
                if (statusDays[i] <= asOf) {
                    return statusCodes[i];
                }
            }
            return -1;
        }

        /** Its values of a facet, as bits: its condition on the day asked for, for status. */
        long values(int facet, Integer asOf) {
            if (facet != STATUS || asOf == null) {
                return masks[facet];
            }
            int status = status(asOf);
            return status < 0 ? 0 : 1L << status;
        }

        /** Whether an event of it falls in [from, to], either end open when null. */
        boolean eventsMeet(Integer from, Integer to) {
            long lo = from == null ? Long.MIN_VALUE : from;
            long hi = to == null ? Long.MAX_VALUE : to + 1L;
            for (int i = 0; i < eventDays.length; i += 2) {
                long start = eventDays[i] == NO_DAY ? Long.MIN_VALUE : eventDays[i];
                long end = eventDays[i + 1] == Integer.MAX_VALUE ? Long.MAX_VALUE : eventDays[i + 1];
                if (start < hi && lo < end) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Display names in the order of SQL's {@code collate "C"}: by code point. */
    static int compareNames(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Character.isSurrogate(x) || Character.isSurrogate(y)
                        ? Integer.compare(a.codePointAt(i), b.codePointAt(i)) : x - y;
            }
        }
        return a.length() - b.length();
    }

    /**
     * The search rows of every place at one moment, never changed once made: a change makes a new snapshot, and a
     * search reads the one it started with. Places are numbered in id order; each broad word is a bit set over those
     * numbers; {@code rank} orders the places by display name, then id.
     */
    public static final class Snapshot {
        final long[] ids;
        final Entry[] entries;
        final int[] order;
        final int[] rank;
        final Map<String, long[]> doc;
        final Map<String, long[]> names;

        private Snapshot(List<Entry> sorted) {
            this(sorted.stream().mapToLong(Entry::id).toArray(), sorted.toArray(Entry[]::new), null, Map.of(), Map.of());
        }

        private Snapshot(long[] ids, Entry[] entries, int[] order, Map<String, long[]> doc, Map<String, long[]> names) {
            this.ids = ids;
            this.entries = entries;
            this.order = order != null ? order : byName(entries);
            this.rank = new int[entries.length];
            for (int i = 0; i < this.order.length; i++) {
                rank[this.order[i]] = i;
            }
            this.doc = doc;
            this.names = names;
            // what a search reads of every place it finds, side by side rather than behind each place's entry
            int facets = FACET_TYPES.size();
            live = new long[(entries.length + 63) / 64];
            site = new long[entries.length];
            masks = new long[entries.length * facets];
            levels = new byte[entries.length];
            latest = new int[entries.length];
            for (int i = 0; i < entries.length; i++) {
                Entry e = entries[i];
                if (e != null) {
                    live[i >> 6] |= 1L << i;
                    site[i] = e.siteId;
                    levels[i] = (byte) e.levelOrder;
                    latest[i] = e.latest;
                    System.arraycopy(e.masks, 0, masks, i * facets, facets);
                }
            }
        }

        /** The places held (not removed), as bits; their sites, and their facets' values (FACET_TYPES per place). */
        private final long[] live;
        private final long[] site;
        private final long[] masks;
        private final byte[] levels;
        private final int[] latest;

        private static int[] byName(Entry[] entries) {
            return java.util.stream.IntStream.range(0, entries.length).filter(i -> entries[i] != null).boxed()
                    .sorted(nameOrder(entries)).mapToInt(Integer::intValue).toArray();
        }

        private static Comparator<Integer> nameOrder(Entry[] entries) {
            return (a, b) -> {
                int c = compareNames(entries[a].displayName, entries[b].displayName);
                return c != 0 ? c : Long.compare(entries[a].id, entries[b].id);
            };
        }

        Snapshot withWords(Map<String, long[]> doc, Map<String, long[]> names) {
            return new Snapshot(ids, entries, order, doc, names);
        }

        /** The number of a place, or -1. */
        int ordinal(long id) {
            int i = Arrays.binarySearch(ids, id);
            return i >= 0 && entries[i] != null ? i : -1;
        }

        Entry entry(long id) {
            int i = ordinal(id);
            return i < 0 ? null : entries[i];
        }

        long[] bits(long[] places) {
            long[] bits = new long[(ids.length + 63) / 64];
            for (long id : places) {
                int i = Arrays.binarySearch(ids, id);
                if (i >= 0) {
                    bits[i >> 6] |= 1L << i;
                }
            }
            return bits;
        }

        /** Whether every word (stem) is held here: only then can this snapshot answer the search. */
        public boolean holds(String[] words) {
            return words.length > 0 && Arrays.stream(words).allMatch(doc::containsKey);
        }

        /** The places of all the words, or of all the words in their names. */
        long[] all(Map<String, long[]> index, String[] words) {
            long[] result = Arrays.copyOf(index.getOrDefault(words[0], EMPTY), (ids.length + 63) / 64);
            for (int w = 1; w < words.length; w++) {
                long[] other = index.getOrDefault(words[w], EMPTY);
                for (int i = 0; i < result.length; i++) {
                    result[i] &= i < other.length ? other[i] : 0;
                }
            }
            return result;
        }

        private static final long[] EMPTY = new long[0];

        /** A new snapshot with some places' rows read again (null: the place has no row any more). */
        Snapshot with(Map<Long, Read> rows) {
            long[] newIds = ids;
            Entry[] newEntries = entries;
            List<Long> added = rows.keySet().stream().filter(id -> rows.get(id) != null && Arrays.binarySearch(ids, id) < 0)
                    .sorted().toList();
            if (!added.isEmpty()) {
                if (ids.length > 0 && added.get(0) < ids[ids.length - 1]) {
                    throw new IllegalStateException("a new place numbered below the last: read everything again");
                }
                newIds = Arrays.copyOf(ids, ids.length + added.size());
                for (int i = 0; i < added.size(); i++) {
                    newIds[ids.length + i] = added.get(i);
                }
            }
            newEntries = Arrays.copyOf(entries, newIds.length);
            Map<String, long[]> newDoc = copy(doc, newIds.length);
            Map<String, long[]> newNames = copy(names, newIds.length);
            boolean[] changed = new boolean[newIds.length];
            for (Map.Entry<Long, Read> row : rows.entrySet()) {
                int i = Arrays.binarySearch(newIds, row.getKey());
                if (i < 0) {
                    continue; // gone, and never held
                }
                changed[i] = true;
                Read read = row.getValue();
                newEntries[i] = read == null ? null : read.entry;
                set(newDoc, i, read == null ? Set.of() : read.doc);
                set(newNames, i, read == null ? Set.of() : read.names);
            }
            // the order by name: the unchanged places keep theirs, the changed ones are merged in
            Comparator<Integer> byName = nameOrder(newEntries);
            Entry[] finalEntries = newEntries;
            int[] kept = Arrays.stream(order).filter(i -> !changed[i]).toArray();
            int[] moved = java.util.stream.IntStream.range(0, changed.length)
                    .filter(i -> changed[i] && finalEntries[i] != null).boxed().sorted(byName)
                    .mapToInt(Integer::intValue).toArray();
            int[] merged = new int[kept.length + moved.length];
            for (int i = 0, k = 0, m = 0; i < merged.length; i++) {
                merged[i] = m == moved.length || (k < kept.length && byName.compare(kept[k], moved[m]) < 0)
                        ? kept[k++] : moved[m++];
            }
            return new Snapshot(newIds, newEntries, merged, newDoc, newNames);
        }

        private static Map<String, long[]> copy(Map<String, long[]> index, int places) {
            Map<String, long[]> copy = new HashMap<>();
            index.forEach((word, bits) -> copy.put(word, Arrays.copyOf(bits, (places + 63) / 64)));
            return copy;
        }

        private static void set(Map<String, long[]> index, int place, Set<String> words) {
            index.forEach((word, bits) -> {
                if (words.contains(word)) {
                    bits[place >> 6] |= 1L << place;
                } else {
                    bits[place >> 6] &= ~(1L << place);
                }
            });
        }

        /** A place a search found: its number here, its score, and the name that matched when a name did. */
        record Found(int place, double score, String matchedName) {
        }

        /** A match of the search's words on a place's name, as SQL scores it (exact 3, fuzzy 1 + similarity). */
        record NameMatch(float score, String name) {
        }

        /**
         * The places a search finds, best first in the order it asks for, and how many there are: those whose names
         * matched (scored by SQL), then those with all its words, each passing the search's filters. Only the first
         * {@code wanted} are ordered and returned.
         */
        record Results(long total, List<Found> best) {
        }

        Results find(SearchRequest r, Long siteId, String[] words, Map<Long, NameMatch> nameMatches, int wanted) {
            Integer asOf = r.asOf() == null ? null : day(r.asOf());
            Integer from = r.from() == null ? null : day(r.from());
            Integer to = r.to() == null ? null : day(r.to());
            boolean dated = from != null || to != null;
            // each filter asked for: the facet it is on, and its term's bit
            List<Enum<?>> asked = Arrays.asList(r.placeType(), r.kind(), r.status(), r.cause(), r.effect(), r.severity(),
                    r.sourceKind(), r.verification());
            int[] facets = java.util.stream.IntStream.range(0, asked.size()).filter(f -> asked.get(f) != null).toArray();
            long[] terms = Arrays.stream(facets).mapToLong(f -> 1L << asked.get(f).ordinal()).toArray();
            int stride = FACET_TYPES.size();
            boolean onDay = asOf != null;
            java.util.function.IntPredicate passes = i -> {
                if (siteId != null && site[i] != siteId) {
                    return false;
                }
                for (int f = 0; f < facets.length; f++) {
                    long values = onDay && facets[f] == STATUS ? entries[i].values(STATUS, asOf) : masks[i * stride + facets[f]];
                    if ((values & terms[f]) == 0) {
                        return false;
                    }
                }
                return !dated || entries[i].eventsMeet(from, to);
            };
            Map<Integer, NameMatch> byName = new HashMap<>();
            long[] withWords = all(doc, words);
            nameMatches.forEach((id, match) -> {
                int i = Arrays.binarySearch(ids, id);
                if (i >= 0) {
                    withWords[i >> 6] &= ~(1L << i); // found by name: not again by its words
                    if (entries[i] != null && passes.test(i)) {
                        byName.put(i, match);
                    }
                }
            });
            long[] inNames = all(names, words);
            for (int w = 0; w < withWords.length; w++) {
                withWords[w] &= live[w];
            }
            int n = 0;
            long[] keys = new long[Math.max(16, byName.size() + 64)];
            for (int w = 0; w < withWords.length; w++) {
                for (long bits = withWords[w]; bits != 0; bits &= bits - 1) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                    if (passes.test(i)) {
                        if (n == keys.length) {
                            keys = Arrays.copyOf(keys, n * 2);
                        }
                        keys[n++] = key(r, i, (inNames[w] & (1L << i)) != 0);
                    }
                }
            }
            List<Found> best = new ArrayList<>();
            if (r.sort() == SearchRequest.Sort.RELEVANCE) {
                // names first (scores 1 to 3), then words in names (0.5), then words elsewhere (0.1)
                byName.entrySet().stream().sorted(Comparator.<Map.Entry<Integer, NameMatch>>comparingDouble(m -> -m.getValue().score)
                        .thenComparingInt(m -> entries[m.getKey()].levelOrder).thenComparingInt(m -> rank[m.getKey()]))
                        .forEach(m -> best.add(new Found(m.getKey(), m.getValue().score, m.getValue().name)));
            } else {
                for (int i : byName.keySet()) {
                    if (n == keys.length) {
                        keys = Arrays.copyOf(keys, n * 2);
                    }
                    keys[n++] = key(r, i, false);
                }
            }
            smallestFirst(keys, n, wanted);
            for (int k = 0; k < n && best.size() < wanted; k++) {
                int i = order[(int) (keys[k] & 0x7FFFFFFFL)];
                NameMatch match = byName.get(i);
                best.add(match != null && r.sort() != SearchRequest.Sort.RELEVANCE ? new Found(i, match.score, match.name)
                        : new Found(i, (inNames[i >> 6] & (1L << i)) != 0 ? 0.5 : 0.1, null));
            }
            long total = r.sort() == SearchRequest.Sort.RELEVANCE ? n + byName.size() : n;
            return new Results(total, best.size() > wanted ? best.subList(0, wanted) : best);
        }

        /**
         * A found place's place in the order asked for, as one number whose low 31 bits are its rank by name.
         * Relevance (of a match on words): in its names before elsewhere, then monuments, parts, sites. Latest: the
         * latest event first, none last.
         */
        private long key(SearchRequest r, int place, boolean inNames) {
            long byName = rank[place];
            return switch (r.sort()) {
                case NAME -> byName;
                case RELEVANCE -> (inNames ? 0L : 1L) << 33 | (long) levels[place] << 31 | byName;
                case LATEST -> {
                    long after = latest[place] == NO_DAY ? 1L << 31 : (1L << 30) - latest[place];
                    yield after << 31 | byName;
                }
            };
        }

        /** Puts the {@code wanted} smallest of the first n keys first, in order (a quickselect, then a sort of those). */
        static void smallestFirst(long[] keys, int n, int wanted) {
            int lo = 0;
            int hi = n - 1;
            while (wanted < n && lo < hi) {
                long pivot = median(keys[lo], keys[(lo + hi) >>> 1], keys[hi]);
                int i = lo;
                int j = hi;
                while (i <= j) {
                    while (keys[i] < pivot) {
                        i++;
                    }
                    while (keys[j] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        long t = keys[i];
                        keys[i++] = keys[j];
                        keys[j--] = t;
                    }
                }
                // [lo, j] <= pivot <= [i, hi]: go on in the part that holds position wanted
                if (wanted <= j) {
                    hi = j;
                } else if (wanted >= i) {
                    lo = i;
                } else {
                    break;
                }
            }
            Arrays.sort(keys, 0, Math.min(n, wanted));
        }

        private static long median(long a, long b, long c) {
            return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        }

        /** How many of these places have each site, most first, then by the site's number as text (as SQL orders them). */
        List<Tally> sites(List<Found> found) {
            long[] sites = found.stream().mapToLong(f -> site[f.place]).sorted().toArray();
            List<Tally> tallies = new ArrayList<>();
            for (int i = 0, j; i < sites.length; i = j) {
                for (j = i; j < sites.length && sites[j] == sites[i]; j++) {
                    // the run of one site
                }
                tallies.add(new Tally(Long.toString(sites[i]), j - i));
            }
            tallies.sort(null);
            return tallies;
        }

        /** How many of these places have each value of one of {@link #FACET_TYPES}, most first, then by value. */
        List<Tally> count(List<Found> found, int facet, LocalDate asOf) {
            Integer day = asOf == null ? null : day(asOf);
            long[] counts = new long[64];
            int stride = FACET_TYPES.size();
            for (Found f : found) {
                long values = day != null && facet == STATUS ? entries[f.place].values(STATUS, day) : masks[f.place * stride + facet];
                for (long v = values; v != 0; v &= v - 1) {
                    counts[Long.numberOfTrailingZeros(v)]++;
                }
            }
            Enum<?>[] terms = FACET_TYPES.get(facet).getEnumConstants();
            List<Tally> tallies = new ArrayList<>();
            for (int i = 0; i < terms.length; i++) {
                if (counts[i] > 0) {
                    tallies.add(new Tally(terms[i].name(), counts[i]));
                }
            }
            tallies.sort(null);
            return tallies;
        }

        /** Places held, for the log and tests. */
        public int size() {
            return (int) Arrays.stream(entries).filter(e -> e != null).count();
        }
    }

    /** A facet value and how many places have it, in SQL's order for facets: most first, then by value. */
    record Tally(String value, long n) implements Comparable<Tally> {
        @Override
        public int compareTo(Tally other) {
            return n != other.n ? Long.compare(other.n, n) : compareNames(value, other.value);
        }
    }
}
