package org.athar.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.athar.damage.CauseType;
import org.athar.damage.Certainty;
import org.athar.damage.EffectType;
import org.athar.damage.Severity;
import org.athar.damage.Claim;
import org.athar.damage.EventReading;
import org.athar.damage.Verification;
import org.athar.evidence.Reliability;
import org.athar.evidence.Source;
import org.athar.evidence.SourceKind;
import org.athar.place.LocationSensitivity;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceType;
import org.athar.status.Condition;
import org.athar.time.UncertainDate;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills the configured PostgreSQL with a realistic registry at scale, for benchmarks: sites of 200 places, each
 * place with four names (English and Arabic designations, a spelling variant, a transliterated toponym), ten events
 * with two claims each, two sources per place, and a status timeline. Rows go in with COPY, ids assigned here, and
 * the search index is rebuilt once at the end. Deterministic for a given seed.
 */
@ApplicationScoped
public class RegistryGenerator {

    private static final Logger LOG = Logger.getLogger(RegistryGenerator.class);
    private static final int PLACES_PER_SITE = 200;
    private static final int EVENTS_PER_PLACE = 10;
    private static final int CLAIMS_PER_EVENT = 2;
    private static final int SOURCES_PER_PLACE = 2;
    private static final int BATCH = 10_000;

    // Names are built from syllables (onset, vowel, optional coda) in Latin transliteration and Arabic script, about
    // 1,700 of them, so that names are as varied as a real gazetteer's rather than a few dozen sounds recombined.
    private static final String[][] ONSETS = { { "b", "ب" }, { "d", "د" }, { "f", "ف" }, { "g", "ج" }, { "h", "ه" },
            { "j", "ج" }, { "k", "ك" }, { "kh", "خ" }, { "l", "ل" }, { "m", "م" }, { "n", "ن" }, { "q", "ق" },
            { "r", "ر" }, { "s", "س" }, { "sh", "ش" }, { "t", "ت" }, { "th", "ث" }, { "w", "و" }, { "y", "ي" },
            { "z", "ز" }, { "dh", "ذ" }, { "gh", "غ" } };
    private static final String[][] VOWELS = { { "a", "" }, { "i", "" }, { "u", "" }, { "e", "" }, { "o", "" },
            { "aa", "ا" }, { "ii", "ي" }, { "uu", "و" } };
    private static final String[][] CODAS = { { "", "" }, { "n", "ن" }, { "r", "ر" }, { "l", "ل" }, { "m", "م" },
            { "s", "س" }, { "t", "ت" }, { "d", "د" }, { "b", "ب" }, { "k", "ك" } };

    private static final String[][] KINDS = { { "Temple of %s", "معبد %s", "TEMPLE" }, { "Tower of %s", "برج %s", "TOWER_TOMB" },
            { "Tomb of %s", "قبر %s", "TOMB" }, { "%s Arch", "قوس %s", "ARCH" }, { "Theatre of %s", "مسرح %s", "THEATRE" },
            { "Shrine of %s", "مقام %s", "SHRINE" }, { "%s Colonnade", "رواق %s", "COLONNADE" },
            { "Citadel of %s", "قلعة %s", "CITADEL" }, { "%s Museum", "متحف %s", "MUSEUM" } };

    private static final String[] VERBS = { "damaged", "destroyed", "looted", "shelled", "bulldozed", "burnt", "vandalised" };
    private static final String[] ACTORS = { "Islamic State", "ISIS", "armed groups", "government forces", "unknown" };

    @Inject
    DataSource dataSource;

    /** Counts of what was written. */
    public record Report(long places, long names, long events, long claims, long sources, long assessments, long millis) {
    }

    public Report generate(int places, long seed) throws SQLException, IOException {
        long started = System.currentTimeMillis();
        Random random = new Random(seed);
        int sourceCount = places * SOURCES_PER_PLACE;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                // the triggers would refresh the search index row by row; it is rebuilt once below instead
                s.execute("set local athar.bulk_load = 'on'");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long placeBase = max(connection, "place"), nameBase = max(connection, "place_name");
            long sourceBase = max(connection, "source"), eventBase = max(connection, "damage_event");
            long claimBase = max(connection, "claim"), statusBase = max(connection, "status_assessment");
            int sites = Math.max(1, places / PLACES_PER_SITE);

            Table placeRows = new Table(copy, "place (id, slug, level, parent_id, parent_level, place_type, kind, description, latitude, longitude, location_certainty, location_sensitivity)");
            Table nameRows = new Table(copy, "place_name (id, place_id, name, language, direction, name_type)", placeRows);
            long nameId = nameBase;
            List<String> placeNames = new ArrayList<>(places);
            for (int i = 0; i < places; i++) {
                long id = placeBase + 1 + i;
                boolean site = i < sites;
                String[] generated = name(random);
                String root = generated[0];
                String[] kind = KINDS[random.nextInt(KINDS.length)];
                String english = site ? root : String.format(kind[0], root);
                String arabic = site ? generated[1] : String.format(kind[1], generated[1]);
                long parent = placeBase + 1 + (i % sites);
                placeRows.row(id, "g-" + id, site ? "SITE" : "MONUMENT", site ? null : parent, site ? null : "SITE",
                        site ? "ARCHAEOLOGICAL_SITE" : pick(random, PlaceType.values()).name(),
                        site ? PlaceKind.ANCIENT_CITY.name() : kind[2],
                        "A generated " + (site ? "site" : kind[2].toLowerCase().replace('_', ' ')) + " known as " + english + ".",
                        30 + random.nextDouble() * 8, 35 + random.nextDouble() * 8, "MEDIUM",
                        // one place in twenty generalised and one in a hundred withheld, as an inventory protects its sites
                        (i % 100 == 99 ? LocationSensitivity.WITHHELD : i % 20 == 19 ? LocationSensitivity.GENERALISED
                                : LocationSensitivity.EXACT).name());
                nameRows.row(++nameId, id, english, "en", "LTR", "DESIGNATION");
                nameRows.row(++nameId, id, arabic, "ar", "RTL", "DESIGNATION");
                nameRows.row(++nameId, id, variant(english, random), "en", "LTR", "ALTERNATIVE");
                nameRows.row(++nameId, id, transliteration(root), "ar-Latn", "LTR", "TOPONYM");
                placeNames.add(english);
                placeRows.flushIfFull();
                nameRows.flushIfFull();
            }
            placeRows.close();
            nameRows.close();

            Table sourceRows = new Table(copy, "source (id, ref, kind, title, publisher, published_edtf, published_earliest, published_latest, published_precision, url, language, reliability, reliability_reason)");
            // kept to read each generated event as the registry does (EventReading weighs claims by their source)
            Source[] sources = new Source[sourceCount];
            for (int i = 0; i < sourceCount; i++) {
                long id = sourceBase + 1 + i;
                LocalDate day = LocalDate.of(2011, 1, 1).plusDays(random.nextInt(14 * 365));
                sources[i] = new Source();
                sources[i].reliability = pick(random, Reliability.values());
                sourceRows.row(id, "gen-" + id, pick(random, SourceKind.values()).name(), "Generated report no. " + id,
                        "Generated Press", day, day, day, "DAY", "https://example.org/generated/" + id, "en",
                        sources[i].reliability.name(),
                        "Generated for benchmarks.");
                sourceRows.flushIfFull();
            }
            sourceRows.close();

            Table eventRows = new Table(copy, "damage_event (id, slug, summary, cause_category, cause_type)");
            Table effectRows = new Table(copy, "damage_event_effect (event_id, effect_type)", eventRows);
            Table eventPlaceRows = new Table(copy, "damage_event_place (event_id, place_id)", eventRows);
            Table claimRows = new Table(copy, "claim (id, source_id, event_id, quote, date_edtf, date_earliest, date_latest, date_precision, severity, actor, certainty, verification)", eventRows);
            Table readingRows = new Table(copy, "event_reading (event_id, earliest, latest, disputed, stale)", eventRows);
            Table statusRows = new Table(copy, "status_assessment (id, place_id, condition, as_of_edtf, as_of_earliest, as_of_latest, as_of_precision)");
            long eventId = eventBase, claimId = claimBase, statusId = statusBase;
            for (int i = 0; i < places; i++) {
                long place = placeBase + 1 + i;
                String name = placeNames.get(i);
                LocalDate last = null;
                for (int e = 0; e < EVENTS_PER_PLACE; e++) {
                    long event = ++eventId;
                    String verb = VERBS[random.nextInt(VERBS.length)];
                    eventRows.row(event, "g-event-" + event, name + " " + verb + ".",
                            random.nextInt(10) < 8 ? "MILITARY_ARMED_CONFLICT" : "LOOTING_ILLEGAL_ACTIVITIES",
                            pick(random, CauseType.values()).name());
                    effectRows.row(event, pick(random, EffectType.values()).name());
                    eventPlaceRows.row(event, place);
                    LocalDate day = LocalDate.of(2011, 3, 1).plusDays(random.nextInt(13 * 365));
                    last = last == null || day.isAfter(last) ? day : last;
                    List<Claim> claims = new ArrayList<>(CLAIMS_PER_EVENT);
                    for (int c = 0; c < CLAIMS_PER_EVENT; c++) {
                        int sourceIndex = random.nextInt(sourceCount);
                        Claim claim = new Claim();
                        claim.source = sources[sourceIndex];
                        claim.actor = ACTORS[random.nextInt(ACTORS.length)];
                        // the second claim often disagrees by a few days, as real reports do
                        LocalDate claimed = c == 0 ? day : day.plusDays(random.nextInt(8) - 4);
                        boolean month = random.nextInt(4) == 0;
                        claim.date = UncertainDate.parse(month ? String.format("%04d-%02d", claimed.getYear(), claimed.getMonthValue())
                                : claimed.toString());
                        String quote = random.nextBoolean() ? "Witnesses said the " + name + " was " + verb + " by " + claim.actor + "." : null;
                        claim.severity = pick(random, Severity.values());
                        claim.certainty = pick(random, Certainty.values());
                        claim.verification = pick(random, Verification.values());
                        claims.add(claim);
                        claimRows.row(++claimId, sourceBase + 1 + sourceIndex, event, quote, claim.date.edtf,
                                claim.date.earliest, claim.date.latest, claim.date.precision, claim.severity.name(),
                                claim.actor, claim.certainty.name(), claim.verification.name());
                    }
                    EventReading reading = EventReading.of(claims);
                    // every claim of an event may be disputed: it then has no reading of its date
                    UncertainDate read = reading.date().orElse(null);
                    readingRows.row(event, read == null ? null : read.earliest, read == null ? null : read.latest,
                            reading.disputed(), false);
                    eventRows.flushIfFull();
                    effectRows.flushIfFull();
                    eventPlaceRows.flushIfFull();
                    claimRows.flushIfFull();
                    readingRows.flushIfFull();
                }
                LocalDate before = LocalDate.of(2010, 1, 1).plusDays(random.nextInt(365));
                statusRows.row(++statusId, place, "GOOD", before, before, before, "DAY");
                statusRows.row(++statusId, place, pick(random, Condition.values()).name(), last, last, last, "DAY");
                statusRows.flushIfFull();
            }
            for (Table t : List.of(eventRows, effectRows, eventPlaceRows, claimRows, readingRows, statusRows)) {
                t.close();
            }
            try (Statement s = connection.createStatement()) {
                for (String table : List.of("place", "place_name", "source", "damage_event", "claim", "status_assessment")) {
                    s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
                }
                LOG.infof("Rows written in %d s; indexing for search", (System.currentTimeMillis() - started) / 1000);
                // statistics of the rows just written (this transaction's own), so that indexing is planned for them
                s.execute("analyze place, place_name, source, damage_event, damage_event_effect, damage_event_place, claim, status_assessment");
                for (long from = placeBase + 1; from <= placeBase + places; from += BATCH) {
                    s.execute("select refresh_place_search(array(select generate_series(" + from + "::bigint, "
                            + Math.min(from + BATCH - 1, placeBase + places) + "::bigint)))");
                }
            }
            try (Statement s = connection.createStatement()) {
                // bulk loading wrote no history and so announced nothing: tell running nodes once
                s.execute("select pg_notify('athar_change', 'generated')");
            }
            connection.commit();
            try (Statement s = connection.createStatement()) {
                connection.setAutoCommit(true);
                // now rather than by autovacuum in the middle of the first benchmark
                s.execute("vacuum analyze");
            }
        }
        return new Report(places, places * 4L, (long) places * EVENTS_PER_PLACE,
                (long) places * EVENTS_PER_PLACE * CLAIMS_PER_EVENT, sourceCount, places * 2L,
                System.currentTimeMillis() - started);
    }

    /** A name of two or three syllables, in Latin transliteration and in Arabic script. */
    static String[] name(Random random) {
        StringBuilder latin = new StringBuilder();
        StringBuilder arabic = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            for (String[][] part : new String[][][] { ONSETS, VOWELS, CODAS }) {
                String[] piece = part[random.nextInt(part.length)];
                latin.append(piece[0]);
                arabic.append(piece[1]);
            }
        }
        latin.setCharAt(0, Character.toUpperCase(latin.charAt(0)));
        return new String[] { latin.toString(), arabic.toString() };
    }

    /** How another source spells it: hyphenated, with an apostrophe, or with a vowel changed. */
    static String variant(String english, Random random) {
        String variant = switch (random.nextInt(3)) {
            case 0 -> english.replaceFirst("([aeiou])([bcdfghjklmnpqrstvwxyz])", "$1-$2");
            case 1 -> english.replaceFirst("([aeiou])", "$1'");
            default -> english.replaceFirst("a", "e");
        };
        return variant.equals(english) ? english + "h" : variant;
    }

    static String transliteration(String root) {
        return root.replace("u", "o").replace("sh", "ch");
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static long max(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows of one table in COPY text format, sent in batches; the tables it refers to are sent first. */
    private static final class Table {
        private final CopyManager copy;
        private final String target;
        private final Table[] parents;
        private final StringBuilder buffer = new StringBuilder();
        private int rows;

        Table(CopyManager copy, String target, Table... parents) {
            this.copy = copy;
            this.target = target;
            this.parents = parents;
        }

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object v = values[i];
                buffer.append(v == null ? "\\N" : v.toString().replace("\\", "\\\\").replace("\t", " ").replace("\n", " "));
            }
            buffer.append('\n');
            rows++;
        }

        void flushIfFull() throws SQLException, IOException {
            if (rows >= BATCH) {
                flush();
            }
        }

        private void flush() throws SQLException, IOException {
            for (Table parent : parents) {
                parent.flush();
            }
            if (rows > 0) {
                try (Reader reader = new StringReader(buffer.toString())) {
                    copy.copyIn("COPY " + target + " FROM STDIN", reader);
                }
                buffer.setLength(0);
                rows = 0;
            }
        }

        void close() throws SQLException, IOException {
            flush();
        }
    }
}
