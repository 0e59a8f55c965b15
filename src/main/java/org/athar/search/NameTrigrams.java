package org.athar.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.athar.db.RegistryChanges.SearchRowsChanged;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * The trigrams of every name's distinctive part (place_name.core), in memory, to narrow a fuzzy name match to the
 * few places that can meet it. PostgreSQL's trigram index answers {@code q % core} by reading and comparing every
 * name that shares two fifths of the query's trigrams: for a short core ("sibo") three thousand names, three quarters
 * of a name search's time on the 100,000-place registry. Here, for each trigram (as pg_trgm makes them: each word
 * lower-cased and padded with two spaces before and one after), the names that have it are listed, and each name's
 * number of trigrams is kept: counting a name in the query's lists gives the trigrams it shares, and so its
 * similarity exactly, for a few tenths of a millisecond.
 * <p>
 * It only proposes: {@link SearchService} asks PostgreSQL to compare the places proposed, with its own similarity and
 * threshold, and proposes at a lower threshold ({@link #THRESHOLD}) than the search's so that a difference in how a
 * character is classed can only add places, never lose one. It holds the names of one moment and, after that, the
 * places whose search rows were announced as changed (whose names may have changed), which are proposed too; when
 * they are many, or everything changed, everything is read again (the first time when a search first asks) and, until
 * then or while this node cannot hear announcements, {@link #candidates} answers null and the search asks
 * PostgreSQL's index.
 */
@ApplicationScoped
public class NameTrigrams {

    private static final Logger LOG = Logger.getLogger(NameTrigrams.class);

    /** Below the search's own threshold (SearchService.NAME_THRESHOLD): what is proposed is a superset. */
    static final double THRESHOLD = 0.3;

    /** Places changed since the names were read, beyond which they are read again. */
    static final int MAX_CHANGED = 500;

    @ConfigProperty(name = "athar.search.name-trigrams.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    DataSource dataSource;

    @Inject
    BroadWords broadWords;

    /** The names of one moment, and the places changed since then (a set that only grows until the next read). */
    private record State(Index index, Set<Long> changed) {
    }

    private volatile State state;
    private final Object lock = new Object();
    private boolean loading;
    private boolean loadAgain;
    private final ReadWhenAsked reads = new ReadWhenAsked();
    private Set<Long> changedWhileLoading;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "athar-name-trigrams");
        t.setDaemon(true);
        return t;
    });

    /**
     * The places whose names may be similar to a core (at least {@link #THRESHOLD}), or null when they are not known
     * here now (the names are being read, or announcements may be missing): then only SQL can tell.
     */
    public long[] candidates(String core) {
        State s = state;
        if (s == null) {
            readWhenAsked();
            return null;
        }
        if (!broadWords.settled()) {
            return null;
        }
        long[] found = s.index.similar(core, THRESHOLD);
        if (found == null || s.changed.isEmpty()) {
            return found;
        }
        long[] all = Arrays.copyOf(found, found.length + s.changed.size());
        int n = found.length;
        for (long id : s.changed) {
            if (n == all.length) {
                break; // changed meanwhile: what was added is proposed by the next search
            }
            all[n++] = id;
        }
        return Arrays.stream(all, 0, n).distinct().toArray();
    }

    /** On the thread that hears announcements. */
    void rowsChanged(@Observes SearchRowsChanged change) {
        if (!enabled) {
            return;
        }
        synchronized (lock) {
            if (change.all()) {
                state = null;
                if (reads.asked()) {
                    load();
                }
                return;
            }
            if (changedWhileLoading != null) {
                changedWhileLoading.addAll(change.places());
            }
            State s = state;
            if (s != null) {
                s.changed.addAll(change.places());
                if (s.changed.size() > MAX_CHANGED) {
                    load();
                }
            }
        }
    }

    /** The names are read when a search first asks for them (400,000 names took two seconds of a start). */
    private void readWhenAsked() {
        if (!enabled) {
            return;
        }
        synchronized (lock) {
            if (reads.ask() && state == null && !loading) {
                load();
            }
        }
    }

    /** Reads every name again in the background (under lock); announcements meanwhile are kept for the new names. */
    private void load() {
        if (loading) {
            loadAgain = true;
            return;
        }
        loading = true;
        changedWhileLoading = ConcurrentHashMap.newKeySet();
        loader.execute(() -> {
            while (true) {
                Index fresh;
                try {
                    fresh = readAll();
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf("Fuzzy names are matched by PostgreSQL alone until they can be read again: %s",
                            e.getMessage());
                    fresh = null;
                }
                synchronized (lock) {
                    if (loadAgain) {
                        loadAgain = false;
                        changedWhileLoading = ConcurrentHashMap.newKeySet();
                        state = null;
                        continue;
                    }
                    // names announced while everything was read may or may not be in it: propose them as changed
                    state = fresh == null ? null : new State(fresh, changedWhileLoading);
                    if (fresh == null) {
                        reads.failed();
                    }
                    changedWhileLoading = null;
                    loading = false;
                    return;
                }
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        loader.shutdownNow();
    }

    private Index readAll() throws SQLException {
        long started = System.nanoTime();
        Index.Builder names = new Index.Builder();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor, not every name at once
            try (PreparedStatement s = c.prepareStatement("select place_id, core from place_name order by id")) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            c.commit();
        }
        Index index = names.build();
        LOG.infof("Fuzzy names in memory: %d names, %d trigrams, read in %d ms", index.placeOf.length,
                index.postings.length, (System.nanoTime() - started) / 1_000_000);
        return index;
    }

    /**
     * A text's trigrams as pg_trgm makes them, each three code points in one number, sorted and distinct: every run
     * of letters and digits lower-cased, with two spaces before it and one after.
     */
    static long[] trigrams(String text) {
        int[] cps = text.codePoints().toArray();
        long[] grams = new long[cps.length * 3 + 3];
        int n = 0;
        for (int i = 0; i < cps.length;) {
            if (!Character.isLetterOrDigit(cps[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < cps.length && Character.isLetterOrDigit(cps[end])) {
                end++;
            }
            int[] word = new int[end - i + 3];
            word[0] = word[1] = word[word.length - 1] = ' ';
            for (int k = i; k < end; k++) {
                word[k - i + 2] = Character.toLowerCase(cps[k]);
            }
            for (int k = 0; k + 2 < word.length; k++) {
                grams[n++] = ((long) word[k] << 42) | ((long) word[k + 1] << 21) | word[k + 2];
            }
            i = end;
        }
        long[] sorted = Arrays.copyOf(grams, n);
        Arrays.sort(sorted);
        return Arrays.stream(sorted).distinct().toArray();
    }

    /**
     * Names numbered in the order read: each one's place and number of trigrams, and for each trigram the names that
     * have it.
     */
    static final class Index {
        final long[] placeOf;
        private final short[] size;
        private final Map<Long, Integer> numbers;
        /** For each trigram number, the names that have it, in order. */
        final int[][] postings;

        /** Name i's trigram numbers are grams[start[i]..start[i+1]). */
        private Index(long[] placeOf, int[] start, int[] grams, Map<Long, Integer> numbers) {
            this.placeOf = placeOf;
            this.numbers = numbers;
            size = new short[placeOf.length];
            for (int name = 0; name < placeOf.length; name++) {
                size[name] = (short) Math.min(Short.MAX_VALUE, start[name + 1] - start[name]);
            }
            int[] sizes = new int[numbers.size()];
            for (int g : grams) {
                sizes[g]++;
            }
            postings = new int[sizes.length][];
            for (int g = 0; g < sizes.length; g++) {
                postings[g] = new int[sizes[g]];
            }
            int[] filled = new int[sizes.length];
            for (int name = 0; name < placeOf.length; name++) {
                for (int k = start[name]; k < start[name + 1]; k++) {
                    postings[grams[k]][filled[grams[k]]++] = name;
                }
            }
        }

        static final class Builder {
            private final Map<Long, Integer> numbers = new HashMap<>();
            private long[] placeOf = new long[1024];
            private int[] start = new int[1025];
            private int[] grams = new int[8192];
            private int n;

            void add(long place, String core) {
                long[] own = trigrams(core);
                if (n + 1 == placeOf.length) {
                    placeOf = Arrays.copyOf(placeOf, placeOf.length * 2);
                    start = Arrays.copyOf(start, placeOf.length + 1);
                }
                if (start[n] + own.length > grams.length) {
                    grams = Arrays.copyOf(grams, Math.max(grams.length * 2, start[n] + own.length));
                }
                int at = start[n];
                for (long g : own) {
                    grams[at++] = numbers.computeIfAbsent(g, k -> numbers.size());
                }
                placeOf[n] = place;
                start[++n] = at;
            }

            Index build() {
                return new Index(Arrays.copyOf(placeOf, n), Arrays.copyOf(start, n + 1), Arrays.copyOf(grams, start[n]),
                        numbers);
            }
        }

        /**
         * Per thread, how many of the query's trigrams each name has: zero between searches. One array per thread
         * for every index, so that an index read again leaves no arrays behind in the threads that searched it.
         */
        private static final ThreadLocal<byte[]> COUNTS = ThreadLocal.withInitial(() -> new byte[0]);

        /**
         * The places with a name whose trigram similarity to a core is at least the threshold: shared trigrams over
         * the trigrams of either, as pg_trgm's similarity(). Each name in the query's trigrams is counted (a name
         * shares a trigram with the query once per list it is in), then the names counted often enough are compared.
         */
        long[] similar(String core, double threshold) {
            long[] query = trigrams(core);
            int k = query.length;
            int[][] lists = Arrays.stream(query).mapToObj(numbers::get).filter(g -> g != null)
                    .map(g -> postings[g]).toArray(int[][]::new);
            // a similar name shares at least `least` of the query's trigrams: c >= t (k + |name| - c) >= t k
            int least = Math.max(1, (int) Math.ceil(threshold * k - 1e-9));
            if (k == 0 || lists.length < least || k > Byte.MAX_VALUE) {
                return k > Byte.MAX_VALUE ? null : new long[0];
            }
            byte[] count = COUNTS.get();
            if (count.length < placeOf.length) {
                count = new byte[placeOf.length + placeOf.length / 8]; // room for names added before the next read
                COUNTS.set(count);
            }
            long[] found = new long[16];
            int n = 0;
            for (int[] list : lists) {
                for (int name : list) {
                    count[name]++;
                }
            }
            for (int[] list : lists) {
                for (int name : list) {
                    int c = count[name];
                    if (c >= least && c >= threshold * (k + size[name] - c)) {
                        if (n == found.length) {
                            found = Arrays.copyOf(found, n * 2);
                        }
                        found[n++] = placeOf[name];
                    }
                    count[name] = 0; // each name once: the first of its lists
                }
            }
            return Arrays.stream(found, 0, n).distinct().toArray();
        }
    }
}
