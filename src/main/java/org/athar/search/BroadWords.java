package org.athar.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicReferenceArray;

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
import org.athar.place.PlaceLevel;
import org.athar.place.PlaceType;
import org.athar.status.Condition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
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
 * the snapshot until it is read again in the background. It is first read when a search asks for it
 * ({@link ReadWhenAsked}). Until then, while this node cannot hear announcements, and for a moment after a write
 * through this node (whose announcement may still be on its way), searches go to SQL.
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
    /** Searches answered from memory; /q/metrics: athar_search_broad_words_total (tests check that they were). */
    private final AtomicLong answered = new AtomicLong();

    /** Counts a search answered from memory (a method: a field read through the bean's proxy would be the proxy's). */
    void answeredOne() {
        answered.incrementAndGet();
    }

    long answered() {
        return answered.get();
    }

    @Inject
    MeterRegistry metrics;

    @jakarta.annotation.PostConstruct
    void measure() {
        metrics.more().counter("athar.search.broad.words", List.of(), answered);
        metrics.gauge("athar.search.broad.words.places", this, b -> b.snapshot == null ? 0 : b.snapshot.size());
    }
    private volatile long writtenAt = System.nanoTime() - AFTER_WRITE_NANOS;
    private boolean loading;
    private boolean loadAgain;
    private final ReadWhenAsked reads = new ReadWhenAsked();
    private final Set<Long> changedWhileLoading = new HashSet<>();

    /** What searches may read now, or null when they must go to SQL. */
    public Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            readWhenAsked();
        }
        return s != null && settled() ? s : null;
    }

    /** The snapshot is read when a search first asks for it (by 0.7-1 s of an 8-9 s start, it delayed the first page). */
    private void readWhenAsked() {
        if (!enabled) {
            return;
        }
        synchronized (lock) {
            if (reads.ask() && snapshot == null && !loading) {
                loading = true;
                loader.execute(this::load);
            }
        }
    }

    /**
     * Whether what this node holds in memory of the search rows can be trusted now: it hears announcements, and no
     * write through it is so recent that its announcement may still be on its way.
     */
    boolean settled() {
        return changes.listening() && System.nanoTime() - writtenAt >= AFTER_WRITE_NANOS;
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
                } else if (reads.asked()) {
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
                LOG.warnf("Broad words are off until they are read again: %s", e.getMessage());
                synchronized (lock) {
                    reads.failed();
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
                    LOG.warnf("Broad words are off until they are read again: %s", e.getMessage());
                    reads.failed();
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
            Snapshot.Builder rows = new Snapshot.Builder();
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + ROWS + " order by s.place_id")) {
                s.setFetchSize(5_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            Snapshot built = rows.build(null);
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
                    minPlaces, built.size(), (System.nanoTime() - started) / 1_000_000);
            return built;
        }
    }

    /** The current rows of some places (a place with no row any more maps to null), and their broad words. */
    private Map<Long, Read> read(Collection<Long> places) throws SQLException {
        Map<Long, Read> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS
                        + ", tsvector_to_array(s.doc), tsvector_to_array(s.names_doc)" + ROWS + " where s.place_id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", places.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Row row = row(rs);
                    rows.put(row.id, new Read(row, Set.of((String[]) rs.getArray(17).getArray()),
                            Set.of((String[]) rs.getArray(18).getArray())));
                }
            }
        }
        places.forEach(id -> rows.putIfAbsent(id, null));
        return rows;
    }

    private record Read(Row row, Set<String> doc, Set<String> names) {
    }

    /** One place's search row as read, before it is packed into a snapshot's arrays. */
    record Row(long id, long siteId, PlaceLevel level, byte[] displayName, byte[] slug, int latest, int[] statusDays,
            byte[] statusCodes, long[] masks, int[] eventDays) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        Date latest = rs.getDate(7);
        String[] conditions = texts(rs.getArray(9));
        byte[] statusCodes = new byte[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            statusCodes[i] = (byte) code(STATUS, conditions[i]);
        }
        long[] masks = new long[FACETS];
        masks[PLACE_TYPE] = 1L << code(PLACE_TYPE, rs.getString(4));
        masks[KIND] = 1L << code(KIND, rs.getString(5));
        masks[STATUS] = conditions.length == 0 ? 0 : 1L << statusCodes[conditions.length - 1];
        for (int f = CAUSE; f < FACETS; f++) {
            for (String v : texts(rs.getArray(10 + f - CAUSE))) {
                masks[f] |= v == null ? 0 : 1L << code(f, v);
            }
        }
        return new Row(rs.getLong(1), rs.getLong(2), PlaceLevel.valueOf(rs.getString(3)),
                rs.getString(6).getBytes(StandardCharsets.UTF_8), rs.getString(16).getBytes(StandardCharsets.UTF_8),
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
    private static final int FACETS = FACET_TYPES.size();

    private static int code(int facet, String value) {
        for (Enum<?> term : FACET_TYPES.get(facet).getEnumConstants()) {
            if (term.name().equals(value)) {
                return term.ordinal();
            }
        }
        throw new IllegalStateException("'" + value + "' is no " + FACET_NAMES.get(facet));
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

    private static int levelOrder(PlaceLevel level) {
        return switch (level) {
            case MONUMENT -> 0;
            case PART -> 1;
            default -> 2;
        };
    }

    /** UTF-8 bytes in code point order, which is SQL's {@code collate "C"} order of the same text. */
    static int compareUtf8(byte[] a, int from, int to, byte[] b, int bFrom, int bTo) {
        return Arrays.compareUnsigned(a, from, to, b, bFrom, bTo);
    }

    /** Text in code point order (SQL's {@code collate "C"}). */
    static int compareNames(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return compareUtf8(x, 0, x.length, y, 0, y.length);
    }

    /**
     * The search rows of every place at one moment, never changed once made: a change makes a new snapshot, and a
     * search reads the one it started with. Places are numbered in id order; everything about them is kept in a few
     * arrays of numbers and bytes indexed by that number (so that a collector has a few objects to trace, not a
     * hundred thousand), each broad word a bit set over them; {@code rank} orders them by display name, then id.
     */
    public static final class Snapshot {
        final long[] ids;
        private final long[] live;
        private final long[] site;
        private final byte[] level;
        private final byte[] levelOrder;
        private final int[] latest;
        private final long[] masks;
        private final int[] statusAt;
        private final int[] statusDays;
        private final byte[] statusCodes;
        private final int[] eventsAt;
        private final int[] eventDays;
        private final int[] nameAt;
        private final byte[] names;
        private final int[] slugAt;
        private final byte[] slugs;
        final int[] order;
        final int[] rank;
        final Map<String, long[]> doc;
        final Map<String, long[]> inNames;
        /**
         * Sites' slugs and display names by their number here, each decoded when first asked: a broad search's site
         * facet names hundreds of sites. An array, not a map: looking up a boxed number in a map was as costly as
         * decoding.
         */
        private final AtomicReferenceArray<String[]> siteTexts;

        /** Packs rows, in id order, into a snapshot's arrays; a removed place is a row of null. */
        static final class Builder {
            private int n;
            private long[] ids = new long[1024];
            private long[] site = new long[1024];
            private byte[] level = new byte[1024];
            private int[] latest = new int[1024];
            private long[] masks = new long[1024 * FACETS];
            private final Ints statusAt = new Ints();
            private final Ints statusDays = new Ints();
            private final Bytes statusCodes = new Bytes();
            private final Ints eventsAt = new Ints();
            private final Ints eventDays = new Ints();
            private final Ints nameAt = new Ints();
            private final Bytes names = new Bytes();
            private final Ints slugAt = new Ints();
            private final Bytes slugs = new Bytes();
            private final Bytes live = new Bytes();

            Builder() {
                statusAt.add(0);
                eventsAt.add(0);
                nameAt.add(0);
                slugAt.add(0);
            }

            void add(Row r) {
                grow();
                ids[n] = r.id;
                live.add((byte) 1);
                site[n] = r.siteId;
                level[n] = (byte) r.level.ordinal();
                latest[n] = r.latest;
                System.arraycopy(r.masks, 0, masks, n * FACETS, FACETS);
                statusDays.add(r.statusDays, 0, r.statusDays.length);
                statusCodes.add(r.statusCodes, 0, r.statusCodes.length);
                eventDays.add(r.eventDays, 0, r.eventDays.length);
                names.add(r.displayName, 0, r.displayName.length);
                slugs.add(r.slug, 0, r.slug.length);
                close();
            }

            /** Place i of an earlier snapshot, as it was there (alive or removed). */
            void copy(Snapshot s, int i, long id) {
                grow();
                ids[n] = id;
                boolean alive = i >= 0 && s.alive(i);
                live.add((byte) (alive ? 1 : 0));
                if (alive) {
                    site[n] = s.site[i];
                    level[n] = s.level[i];
                    latest[n] = s.latest[i];
                    System.arraycopy(s.masks, i * FACETS, masks, n * FACETS, FACETS);
                    statusDays.add(s.statusDays, s.statusAt[i], s.statusAt[i + 1] - s.statusAt[i]);
                    statusCodes.add(s.statusCodes, s.statusAt[i], s.statusAt[i + 1] - s.statusAt[i]);
                    eventDays.add(s.eventDays, s.eventsAt[i], s.eventsAt[i + 1] - s.eventsAt[i]);
                    names.add(s.names, s.nameAt[i], s.nameAt[i + 1] - s.nameAt[i]);
                    slugs.add(s.slugs, s.slugAt[i], s.slugAt[i + 1] - s.slugAt[i]);
                }
                close();
            }

            private void grow() {
                if (n == ids.length) {
                    int size = n * 2;
                    ids = Arrays.copyOf(ids, size);
                    site = Arrays.copyOf(site, size);
                    level = Arrays.copyOf(level, size);
                    latest = Arrays.copyOf(latest, size);
                    masks = Arrays.copyOf(masks, size * FACETS);
                }
            }

            private void close() {
                statusAt.add(statusDays.n);
                eventsAt.add(eventDays.n);
                nameAt.add(names.n);
                slugAt.add(slugs.n);
                n++;
            }

            Snapshot build(int[] order) {
                return new Snapshot(this, order, Map.of(), Map.of());
            }
        }

        private Snapshot(Builder b, int[] order, Map<String, long[]> doc, Map<String, long[]> inNames) {
            int n = b.n;
            ids = Arrays.copyOf(b.ids, n);
            live = new long[(n + 63) / 64];
            for (int i = 0; i < n; i++) {
                live[i >> 6] |= b.live.values[i] == 1 ? 1L << i : 0;
            }
            site = Arrays.copyOf(b.site, n);
            level = Arrays.copyOf(b.level, n);
            levelOrder = new byte[n];
            for (int i = 0; i < n; i++) {
                levelOrder[i] = (byte) levelOrder(PlaceLevel.values()[level[i]]);
            }
            latest = Arrays.copyOf(b.latest, n);
            masks = Arrays.copyOf(b.masks, n * FACETS);
            statusAt = b.statusAt.array();
            statusDays = b.statusDays.array();
            statusCodes = b.statusCodes.array();
            eventsAt = b.eventsAt.array();
            eventDays = b.eventDays.array();
            nameAt = b.nameAt.array();
            names = b.names.array();
            slugAt = b.slugAt.array();
            slugs = b.slugs.array();
            this.order = order != null ? order : java.util.stream.IntStream.range(0, n).filter(this::alive).boxed()
                    .sorted(this::compareByName).mapToInt(Integer::intValue).toArray();
            rank = ranks(this.order, n);
            this.doc = doc;
            this.inNames = inNames;
            siteTexts = new AtomicReferenceArray<>(n);
        }

        /** The same places in another order by name, or with other words. */
        private Snapshot(Snapshot s, int[] order, Map<String, long[]> doc, Map<String, long[]> inNames) {
            ids = s.ids;
            live = s.live;
            site = s.site;
            level = s.level;
            levelOrder = s.levelOrder;
            latest = s.latest;
            masks = s.masks;
            statusAt = s.statusAt;
            statusDays = s.statusDays;
            statusCodes = s.statusCodes;
            eventsAt = s.eventsAt;
            eventDays = s.eventDays;
            nameAt = s.nameAt;
            names = s.names;
            slugAt = s.slugAt;
            slugs = s.slugs;
            this.order = order;
            rank = order == s.order ? s.rank : ranks(order, s.ids.length);
            this.doc = doc;
            this.inNames = inNames;
            siteTexts = s.siteTexts;
        }

        Snapshot withWords(Map<String, long[]> doc, Map<String, long[]> inNames) {
            return new Snapshot(this, order, doc, inNames);
        }

        /** Each place's position in an order. */
        private static int[] ranks(int[] order, int places) {
            int[] rank = new int[places];
            for (int i = 0; i < order.length; i++) {
                rank[order[i]] = i;
            }
            return rank;
        }

        /** By display name in code point order, then by id. */
        private int compareByName(int a, int b) {
            int c = compareUtf8(names, nameAt[a], nameAt[a + 1], names, nameAt[b], nameAt[b + 1]);
            return c != 0 ? c : Long.compare(ids[a], ids[b]);
        }

        boolean alive(int i) {
            return (live[i >> 6] & (1L << i)) != 0;
        }

        /** The number of a place held here, or -1. */
        int ordinal(long id) {
            int i = Arrays.binarySearch(ids, id);
            return i >= 0 && alive(i) ? i : -1;
        }

        long id(int i) {
            return ids[i];
        }

        long siteOf(int i) {
            return site[i];
        }

        String displayName(int i) {
            return new String(names, nameAt[i], nameAt[i + 1] - nameAt[i], StandardCharsets.UTF_8);
        }

        String slug(int i) {
            return new String(slugs, slugAt[i], slugAt[i + 1] - slugAt[i], StandardCharsets.UTF_8);
        }

        /** The slug of a site held here (by its number). */
        String siteSlug(int site) {
            return siteTexts(site)[0];
        }

        /** The display name of a site held here (by its number). */
        String siteName(int site) {
            return siteTexts(site)[1];
        }

        private String[] siteTexts(int site) {
            String[] texts = siteTexts.get(site);
            if (texts == null) {
                // two searches may both decode a site: the same texts, either kept
                texts = new String[] { slug(site), displayName(site) };
                siteTexts.set(site, texts);
            }
            return texts;
        }

        PlaceLevel level(int i) {
            return PlaceLevel.values()[level[i]];
        }

        /** The one term of a single-valued facet (place type, kind). */
        Enum<?> term(int i, int facet) {
            return FACET_TYPES.get(facet).getEnumConstants()[Long.numberOfTrailingZeros(masks[i * FACETS + facet])];
        }

        /** Its condition now, or on a day (as SQL's condition_on: the last entry that holds by then), or null. */
        Condition status(int i, Integer asOf) {
            int code = statusCode(i, asOf);
            return code < 0 ? null : Condition.values()[code];
        }

        private int statusCode(int i, Integer asOf) {
            if (asOf == null) {
                long now = masks[i * FACETS + STATUS];
                return now == 0 ? -1 : Long.numberOfTrailingZeros(now);
            }
            for (int k = statusAt[i + 1] - 1; k >= statusAt[i]; k--) {
                if (statusDays[k] <= asOf) {
                    return statusCodes[k];
                }
            }
            return -1;
        }

        /** A place's values of a facet, as bits: its condition on the day asked for, for status. */
        private long values(int i, int facet, Integer asOf) {
            if (facet != STATUS || asOf == null) {
                return masks[i * FACETS + facet];
            }
            int code = statusCode(i, asOf);
            return code < 0 ? 0 : 1L << code;
        }

        /** Whether an event of a place falls in [from, to], either end open when null. */
        private boolean eventsMeet(int i, Integer from, Integer to) {
            long lo = from == null ? Long.MIN_VALUE : from;
            long hi = to == null ? Long.MAX_VALUE : to + 1L;
            for (int k = eventsAt[i]; k < eventsAt[i + 1]; k += 2) {
                long start = eventDays[k] == NO_DAY ? Long.MIN_VALUE : eventDays[k];
                long end = eventDays[k + 1] == Integer.MAX_VALUE ? Long.MAX_VALUE : eventDays[k + 1];
                if (start < hi && lo < end) {
                    return true;
                }
            }
            return false;
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
        private long[] all(Map<String, long[]> index, String[] words) {
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
            List<Long> added = rows.keySet().stream().filter(id -> rows.get(id) != null && Arrays.binarySearch(ids, id) < 0)
                    .sorted().toList();
            if (!added.isEmpty() && ids.length > 0 && added.get(0) < ids[ids.length - 1]) {
                throw new IllegalStateException("a new place numbered below the last: read everything again");
            }
            Builder b = new Builder();
            int total = ids.length + added.size();
            boolean[] changed = new boolean[total];
            for (int i = 0; i < total; i++) {
                long id = i < ids.length ? ids[i] : added.get(i - ids.length);
                if (rows.containsKey(id)) {
                    changed[i] = true;
                    Read read = rows.get(id);
                    if (read == null) {
                        b.copy(this, -1, id); // gone
                    } else {
                        b.add(read.row);
                    }
                } else {
                    b.copy(this, i, id);
                }
            }
            Snapshot packed = b.build(new int[0]); // its order by name is merged below
            Map<String, long[]> newDoc = copy(doc, total);
            Map<String, long[]> newNames = copy(inNames, total);
            for (int i = 0; i < total; i++) {
                if (changed[i]) {
                    Read read = rows.get(packed.ids[i]);
                    set(newDoc, i, read == null ? Set.of() : read.doc);
                    set(newNames, i, read == null ? Set.of() : read.names);
                }
            }
            // the order by name: the unchanged places keep theirs, the changed ones are merged in
            int[] kept = Arrays.stream(order).filter(i -> !changed[i]).toArray();
            int[] moved = java.util.stream.IntStream.range(0, total).filter(i -> changed[i] && packed.alive(i)).boxed()
                    .sorted(packed::compareByName).mapToInt(Integer::intValue).toArray();
            int[] merged = new int[kept.length + moved.length];
            for (int i = 0, k = 0, m = 0; i < merged.length; i++) {
                merged[i] = m == moved.length || (k < kept.length && packed.compareByName(kept[k], moved[m]) < 0)
                        ? kept[k++] : moved[m++];
            }
            return new Snapshot(packed, merged, newDoc, newNames);
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

        /** How many places a search found, and the first {@code wanted} of them in the order it asks for. */
        record Results(long total, List<Found> best) {
        }

        /**
         * The places a search finds, best first in the order it asks for: those whose names matched (scored by SQL),
         * then those with all its words, each passing the search's filters. Only the first {@code wanted} are ordered
         * and returned.
         */
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
            java.util.function.IntPredicate passes = i -> {
                if (siteId != null && site[i] != siteId) {
                    return false;
                }
                for (int f = 0; f < facets.length; f++) {
                    if ((values(i, facets[f], asOf) & terms[f]) == 0) {
                        return false;
                    }
                }
                return !dated || eventsMeet(i, from, to);
            };
            Map<Integer, NameMatch> byName = new HashMap<>();
            long[] withWords = all(doc, words);
            for (int w = 0; w < withWords.length; w++) {
                withWords[w] &= live[w];
            }
            nameMatches.forEach((id, match) -> {
                int i = Arrays.binarySearch(ids, id);
                if (i >= 0) {
                    withWords[i >> 6] &= ~(1L << i); // found by name: not again by its words
                    if (alive(i) && passes.test(i)) {
                        byName.put(i, match);
                    }
                }
            });
            long[] wordsInNames = all(inNames, words);
            int n = 0;
            long[] keys = new long[Math.max(16, byName.size() + 64)];
            for (int w = 0; w < withWords.length; w++) {
                for (long bits = withWords[w]; bits != 0; bits &= bits - 1) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                    if (passes.test(i)) {
                        if (n == keys.length) {
                            keys = Arrays.copyOf(keys, n * 2);
                        }
                        keys[n++] = key(r, i, (wordsInNames[w] & (1L << i)) != 0);
                    }
                }
            }
            List<Found> best = new ArrayList<>();
            if (r.sort() == SearchRequest.Sort.RELEVANCE) {
                // names first (scores 1 to 3), then words in names (0.5), then words elsewhere (0.1)
                byName.entrySet().stream().sorted(Comparator.<Map.Entry<Integer, NameMatch>>comparingDouble(m -> -m.getValue().score)
                        .thenComparingInt(m -> levelOrder[m.getKey()]).thenComparingInt(m -> rank[m.getKey()]))
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
                        : new Found(i, (wordsInNames[i >> 6] & (1L << i)) != 0 ? 0.5 : 0.1, null));
            }
            long total = r.sort() == SearchRequest.Sort.RELEVANCE ? n + byName.size() : n;
            return new Results(total, best.size() > wanted ? best.subList(0, wanted) : best);
        }

        /**
         * A found place's place in the order asked for, as one number whose low 31 bits are its rank by name.
         * Relevance (of a match on words): in its names before elsewhere, then monuments, parts, sites. Latest: the
         * latest event first, none last.
         */
        private long key(SearchRequest r, int place, boolean wordsInName) {
            long byName = rank[place];
            return switch (r.sort()) {
                case NAME -> byName;
                case RELEVANCE -> (wordsInName ? 0L : 1L) << 33 | (long) levelOrder[place] << 31 | byName;
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
            for (Found f : found) {
                for (long v = values(f.place, facet, day); v != 0; v &= v - 1) {
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

        /** Places held, for the log. */
        public int size() {
            return (int) Arrays.stream(live).map(Long::bitCount).sum();
        }
    }

    /** A facet value and how many places have it, in SQL's order for facets: most first, then by value. */
    record Tally(String value, long n) implements Comparable<Tally> {
        @Override
        public int compareTo(Tally other) {
            return n != other.n ? Long.compare(other.n, n) : compareNames(value, other.value);
        }
    }

    /** A growing array of ints. */
    private static final class Ints {
        int[] values = new int[1024];
        int n;

        void add(int v) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = v;
        }

        void add(int[] from, int start, int length) {
            if (n + length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, n + length));
            }
            System.arraycopy(from, start, values, n, length);
            n += length;
        }

        int[] array() {
            return Arrays.copyOf(values, n);
        }
    }

    /** A growing array of bytes. */
    private static final class Bytes {
        byte[] values = new byte[4096];
        int n;

        void add(byte v) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = v;
        }

        void add(byte[] from, int start, int length) {
            if (n + length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, n + length));
            }
            System.arraycopy(from, start, values, n, length);
            n += length;
        }

        byte[] array() {
            return Arrays.copyOf(values, n);
        }
    }
}
