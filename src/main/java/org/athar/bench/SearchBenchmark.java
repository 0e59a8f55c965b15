package org.athar.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.athar.search.SearchRequest;
import org.athar.search.SearchService;

/**
 * The search benchmark: a fixed mix of query kinds, each filled with terms drawn from the database in a fixed
 * (seeded) order, run round after round through the search service, reporting p50, p95 and p99 per kind. The
 * service is called in process, so the figures cover SQL, the database and result mapping, not HTTP.
 */
@ApplicationScoped
public class SearchBenchmark {

    static final int TERMS_PER_KIND = 20;

    @Inject
    SearchService search;

    @Inject
    DataSource dataSource;

    public record Figures(String kind, int runs, double p50, double p95, double p99, double max) {
    }

    public List<Figures> run(int rounds, String seed) throws SQLException {
        List<String> english = sample("en", seed);
        List<String> arabic = sample("ar", seed);
        List<String> sites = column("select slug from place where level = 'SITE' order by md5(slug || ?) limit "
                + TERMS_PER_KIND, seed);
        Map<String, List<String>> mix = new LinkedHashMap<>();
        mix.put("exact", map(english, name -> "q=" + name));
        mix.put("fuzzy", map(english, name -> "q=" + spacedDifferently(name)));
        mix.put("typo", map(english, name -> "q=" + typo(name)));
        mix.put("arabic", map(arabic, name -> "q=" + name));
        List<String> words = distinctive(english);
        mix.put("filtered", map(words, word -> "q=" + word + "&kind=TEMPLE&cause=MILITARY_ARMED_CONFLICT"));
        mix.put("as-of", map(words, word -> "q=" + word + "&asOf=2016-01-01"));
        mix.put("empty-with-filters", map(sites, site -> "site=" + site + "&kind=TEMPLE&status=DESTROYED"));
        // a generic word shared by a ninth of all names, with a filter: the widest result sets people ask for
        mix.put("broad", map(sites, site -> "q=temple&status=DESTROYED"));

        run(mix, 1); // warm-up: plans cached, pages read once
        Map<String, List<Long>> timings = run(mix, rounds);
        List<Figures> figures = new ArrayList<>();
        timings.forEach((kind, nanos) -> {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            figures.add(new Figures(kind, sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                    ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1])));
        });
        return figures;
    }

    private Map<String, List<Long>> run(Map<String, List<String>> mix, int rounds) {
        Map<String, List<Long>> timings = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            // kinds interleaved, so that no kind runs alone on a warm cache
            for (int i = 0; i < TERMS_PER_KIND; i++) {
                for (var kind : mix.entrySet()) {
                    List<String> queries = kind.getValue();
                    SearchRequest request = SearchRequest.from(params(queries.get(i % queries.size())));
                    long start = System.nanoTime();
                    search.search(request);
                    timings.computeIfAbsent(kind.getKey(), k -> new ArrayList<>()).add(System.nanoTime() - start);
                }
            }
        }
        return timings;
    }

    private List<String> sample(String language, String seed) throws SQLException {
        return column("select name from place_name where language = '" + language + "' and name_type = 'DESIGNATION'"
                + " and place_id in (select id from place where level = 'MONUMENT') order by md5(id::text || ?) limit "
                + TERMS_PER_KIND, seed);
    }

    /** The distinctive word of each name ("Karran" of "Shrine of Karran"), as search itself sees it. */
    private List<String> distinctive(List<String> names) throws SQLException {
        List<String> words = new ArrayList<>();
        for (String name : names) {
            words.add(root(column("select athar_core(?)", name).get(0)));
        }
        return words;
    }

    private List<String> column(String sql, String seed) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, seed);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            if (values.isEmpty()) {
                throw new IllegalStateException("No data to benchmark: run the generator first");
            }
            return values;
        }
    }

    private static List<String> map(List<String> values, Function<String, String> query) {
        return values.stream().map(query).toList();
    }

    /** The longest word of a name: what a person would type when unsure of the rest. */
    static String root(String name) {
        return Arrays.stream(name.split(" ")).max(Comparator.comparingInt(String::length)).orElse(name);
    }

    /** Lower case, with a hyphen inside the name's main word: "Temple of Baalshamin" becomes "temple of baal-shamin". */
    static String spacedDifferently(String name) {
        String root = root(name);
        int middle = root.length() / 2;
        return name.replace(root, root.substring(0, middle) + "-" + root.substring(middle)).toLowerCase();
    }

    /** One letter of the main word replaced by the next letter of the alphabet: "tetrapylon" becomes "tetrapzlon". */
    static String typo(String name) {
        String root = root(name);
        int at = root.length() / 2;
        char replaced = root.charAt(at) == 'z' ? 'a' : (char) (root.charAt(at) + 1);
        return name.replace(root, root.substring(0, at) + replaced + root.substring(at + 1));
    }

    private static MultivaluedMap<String, String> params(String query) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (String pair : query.split("&")) {
            String[] nv = pair.split("=", 2);
            params.add(nv[0], nv[1]);
        }
        return params;
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
