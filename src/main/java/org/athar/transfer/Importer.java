package org.athar.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.athar.damage.CauseCategory;
import org.athar.damage.CauseType;
import org.athar.damage.Certainty;
import org.athar.damage.EffectType;
import org.athar.damage.Extent;
import org.athar.damage.Severity;
import org.athar.damage.StoredReadings;
import org.athar.damage.Verification;
import org.athar.db.CopyText;
import org.athar.evidence.Reliability;
import org.athar.evidence.SourceKind;
import org.athar.place.LocationSensitivity;
import org.athar.place.NameType;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceLevel;
import org.athar.place.PlaceName;
import org.athar.place.PlaceType;
import org.athar.place.ScriptDirection;
import org.athar.status.Condition;
import org.athar.time.InvalidDateException;
import org.athar.time.UncertainDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk import of the registry's own tables, in the columns of the CSV exports ({@link Export}), so that an export
 * edited in a spreadsheet comes back. Records refer to each other by their stable keys (a place's slug, a source's
 * ref, an event's slug, a claim's or status entry's number), in the registry or in the same set of files.
 * <p>
 * It runs in the caller's transaction and either writes everything or reports why not: each file is streamed once,
 * every row checked on its own (vocabulary, dates, coordinates, keys' form) and the good ones copied (PostgreSQL
 * COPY) into temporary tables; then what needs every row (duplicate keys, references to records in the registry or
 * the files) is checked there in SQL, and only when nothing is wrong are the records merged into the registry: matched
 * by key, a row that says what the registry says writes nothing, one that differs is an update (and shows in the
 * history as a change), the rest are new. Nothing is ever deleted. A caller that only checks rolls back.
 */
public final class Importer {

    /** Problems kept to show; every bad row is counted. */
    public static final int MAX_PROBLEMS = 10_000;
    /** A column the importer ignores, so that a file of rejected rows (with their reasons) can be imported again. */
    public static final String REASON = "reason";

    private static final int COPY_BUFFER = 1 << 16;

    /** How files are read: RFC 4180, as the exports write them; blank lines are skipped. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** A file to import: its name (for the report) and its bytes. */
    public record Upload(String name, long size, Opener opener) {
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** Told how far the import has gone, every few thousand rows. */
    @FunctionalInterface
    public interface Progress {
        void at(long bytesRead, long rowsChecked, long badRows);
    }

    /** Something wrong with a row: the file (its position among the uploads and name), the line, the column. */
    public record Problem(int file, String fileName, long line, String column, String reason) {
        public String where() {
            return fileName + ", line " + line + (column == null ? "" : ", column " + column);
        }
    }

    /** What an import did (or would do) to a table: rows read, and of them how many are new and how many changed. */
    public record Count(long rows, long added, long changed) {
        public long unchanged() {
            return rows - added - changed;
        }
    }

    /** The result: rows read, bad rows (none when it wrote), the problems kept, and what changed per table. */
    public record Report(long rows, long badRows, List<Problem> problems, Map<String, Count> tables) {
        public boolean clean() {
            return badRows == 0;
        }

        /** The kept problems of one file, by line. */
        public Map<Long, List<String>> rejected(int file) {
            Map<Long, List<String>> lines = new TreeMap<>();
            problems.stream().filter(p -> p.file == file).forEach(p -> lines.computeIfAbsent(p.line, k -> new ArrayList<>())
                    .add((p.column == null ? "" : p.column + ": ") + p.reason));
            return lines;
        }
    }

    /** The tables an import reads, each with its staging table and the checks of a row. */
    enum Table {
        PLACES(Export.PLACES, List.of("slug", "level", "place_type", "kind"),
                "slug text, level text, parent text, place_type text, kind text, name text, name_ar text, description text, "
                        + "latitude float8, longitude float8, location_certainty text, location_sensitivity text, "
                        + "unesco_whs text, wikidata text, pleiades text, geonames text, depth int"),
        NAMES(Export.NAMES, List.of("place", "name", "language"),
                "place text, name text, language text, direction text, name_type text"),
        SOURCES(Export.SOURCES, List.of("ref", "kind", "title", "reliability"),
                "ref text, kind text, title text, publisher text, author text, published_edtf text, published_earliest date, "
                        + "published_latest date, published_precision text, url text, language text, reliability text, "
                        + "reliability_reason text, archived_url text, doi text, identifier text, locator text, "
                        + "accessed_on date, unlocatable_reason text, repeats text"),
        EVENTS(Export.EVENTS, List.of("slug", "summary", "cause_category", "places"),
                "slug text, summary text, cause_category text, cause_type text, effects text[], places text[]"),
        CLAIMS(Export.CLAIMS, List.of("source", "certainty", "verification"),
                "id bigint, source text, event text, place text, quote text, date_edtf text, date_earliest date, "
                        + "date_latest date, date_precision text, severity text, condition text, actor text, certainty text, "
                        + "verification text, note text, extent text"),
        STATUS(Export.STATUS, List.of("place", "condition"),
                "id bigint, place text, condition text, as_of_edtf text, as_of_earliest date, as_of_latest date, "
                        + "as_of_precision text, note text, claims bigint[]");

        final Export export;
        final List<String> required;
        final String columns;

        Table(Export export, List<String> required, String columns) {
            this.export = export;
            this.required = required;
            this.columns = columns;
        }

        String staging() {
            return "import_" + export.file;
        }

        /** The staging table's columns that rows fill, in order (after file and line). */
        List<String> stagedColumns() {
            return Arrays.stream(columns.split(", ")).map(c -> c.substring(0, c.indexOf(' ')))
                    .filter(c -> !c.equals("depth")).toList();
        }

        /** The table a header is of: the one whose required columns it has and whose columns include all of its. */
        static Table of(List<String> header) {
            List<Table> fitting = Arrays.stream(values()).filter(t -> header.containsAll(t.required)).toList();
            return fitting.size() == 1 ? fitting.get(0) : fitting.stream()
                    .filter(t -> t.export.columns.containsAll(header.stream().filter(c -> !c.equals(REASON)).toList()))
                    .findFirst().orElse(fitting.isEmpty() ? null : fitting.get(0));
        }
    }

    private final Connection connection;
    private final Progress progress;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Count> counts = new LinkedHashMap<>();
    private long rows;
    private long badRows;
    private long bytesRead;

    private Importer(Connection connection, Progress progress) {
        this.connection = connection;
        this.progress = progress;
    }

    /**
     * Checks the files and, when every row is right, merges them into the registry, all in the connection's current
     * transaction (which the caller commits, or rolls back to only check), attributed to {@code actor} with
     * {@code comment} in the history.
     */
    public static Report load(Connection connection, List<Upload> uploads, String actor, String comment, Progress progress)
            throws SQLException, IOException {
        Importer importer = new Importer(connection, progress == null ? (b, r, bad) -> { } : progress);
        return importer.run(uploads, actor, comment);
    }

    private Report run(List<Upload> uploads, String actor, String comment) throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            for (Table table : Table.values()) {
                s.execute("create temp table " + table.staging() + " (file int not null, line bigint not null, "
                        + table.columns + ") on commit drop");
            }
        }
        try (PreparedStatement s = connection.prepareStatement("select set_config('athar.actor', ?, true), "
                + "set_config('athar.comment', ?, true), set_config('athar.search_deferred', 'on', true)")) {
            s.setString(1, actor);
            s.setString(2, comment);
            s.execute();
        }
        for (int i = 0; i < uploads.size(); i++) {
            read(i, uploads.get(i));
        }
        progress.at(bytesRead, rows, badRows);
        // references are checked even when rows are wrong, so that one report says everything
        crossCheck(uploads);
        if (badRows == 0) {
            merge();
        }
        try (Statement s = connection.createStatement()) {
            s.execute("select set_config('athar.search_deferred', 'off', true)");
        }
        return new Report(rows, badRows, List.copyOf(problems), counts);
    }

    // ---- reading and checking each row ---------------------------------------------------------------------------

    private void problem(int file, String name, long line, String column, String reason) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(file, name, line, column, reason));
        }
    }

    private void read(int file, Upload upload) throws SQLException, IOException {
        String name = upload.name();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            badRows++;
            problem(file, name, 0, null, "Only CSV files are imported (the columns of the CSV exports): this file is not named .csv.");
            return;
        }
        try (InputStream raw = upload.opener().open()) {
            CountingStream counted = new CountingStream(raw);
            BufferedReader reader = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            long line = 1;
            try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
                Iterator<CSVRecord> records = parser.iterator();
                if (!records.hasNext()) {
                    badRows++;
                    problem(file, name, 1, null, "The file is empty: its first line should name the columns.");
                    return;
                }
                List<String> header = new ArrayList<>(records.next().toList());
                if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                    header.set(0, header.get(0).substring(1)); // a spreadsheet's byte order mark
                }
                header.replaceAll(String::strip);
                Table table = Table.of(header);
                if (table == null) {
                    badRows++;
                    problem(file, name, 1, null, notATable(header));
                    return;
                }
                List<String> unknown = header.stream().filter(c -> !table.export.columns.contains(c) && !c.equals(REASON)).toList();
                List<String> twice = header.stream().filter(c -> header.indexOf(c) != header.lastIndexOf(c)).distinct().toList();
                if (!unknown.isEmpty() || !twice.isEmpty()) {
                    badRows++;
                    problem(file, name, 1, unknown.isEmpty() ? twice.get(0) : unknown.get(0), (unknown.isEmpty()
                            ? "This column is named twice."
                            : "Unknown column" + (unknown.size() > 1 ? "s " + String.join(", ", unknown) : "") + ". The columns of "
                                    + table.export.file + " are: " + String.join(", ", table.export.columns) + "."));
                    return;
                }
                CopyIn copy = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI()
                        .copyIn("copy " + table.staging() + " (file, line, " + String.join(", ", table.stagedColumns())
                                + ") from stdin");
                StringBuilder buffer = new StringBuilder(COPY_BUFFER + 4096);
                try {
                    while (true) {
                        line = parser.getCurrentLineNumber() + 1;
                        if (!records.hasNext()) {
                            break;
                        }
                        CSVRecord record = records.next();
                        rows++;
                        Row row = new Row(file, name, line, header, record);
                        if (record.size() != header.size()) {
                            row.wrong(null, "This row has " + record.size() + " cells where the header names " + header.size()
                                    + " columns.");
                        } else {
                            List<Object> values = staged(table, row);
                            if (!row.bad) {
                                buffer.append(file).append('\t').append(line);
                                for (Object value : values) {
                                    buffer.append('\t').append(CopyText.escape(value));
                                }
                                buffer.append('\n');
                            }
                        }
                        if (row.bad) {
                            badRows++;
                        }
                        if (buffer.length() >= COPY_BUFFER) {
                            write(copy, buffer);
                        }
                        if (rows % 10_000 == 0) {
                            progress.at(bytesRead + counted.count, rows, badRows);
                        }
                    }
                } finally {
                    // what was good until a line that cannot be read stays staged (the batch is rejected anyway):
                    // cancelling the copy would end the whole transaction
                    if (copy.isActive()) {
                        write(copy, buffer);
                        copy.endCopy();
                    }
                }
            } catch (UncheckedIOException e) {
                badRows++;
                problem(file, name, line, null, e.getCause() instanceof CharacterCodingException
                        ? "This line is not UTF-8 text: save the file as CSV UTF-8."
                        : e.getMessage() != null && e.getMessage().contains("EOF reached before encapsulated token finished")
                                ? "A quoted cell that starts on this line is never closed: a double quote is missing."
                                : "The file cannot be read as CSV from this line: " + e.getCause().getMessage());
            } catch (IllegalStateException e) {
                badRows++;
                problem(file, name, line, null, "The file cannot be read as CSV from this line: " + e.getMessage());
            }
            bytesRead += counted.count;
        }
    }

    private static String notATable(List<String> header) {
        String first = String.join(",", header);
        if (first.startsWith("{") || first.startsWith("[")) {
            return "This is JSON; the import reads the CSV files of the exports.";
        }
        return "The first line should name the columns of one of the registry's tables, as the CSV exports do ("
                + Arrays.stream(Table.values()).map(t -> t.export.file + ".csv: " + String.join(", ", t.required) + ", ...")
                        .collect(Collectors.joining("; "))
                + ").";
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /** One row being read: its cells by column, and what is wrong with it. */
    private final class Row {
        final int file;
        final String name;
        final long line;
        final List<String> header;
        final CSVRecord record;
        boolean bad;

        Row(int file, String name, long line, List<String> header, CSVRecord record) {
            this.file = file;
            this.name = name;
            this.line = line;
            this.header = header;
            this.record = record;
        }

        void wrong(String column, String reason) {
            bad = true;
            problem(file, name, line, column, reason);
        }

        /**
         * A cell's text, stripped, or null when empty or absent. A cell the export wrote with an apostrophe before a
         * formula's first character (so that spreadsheets keep it as text) is read back without it.
         */
        String text(String column) {
            int i = header.indexOf(column);
            if (i < 0) {
                return null;
            }
            String value = Export.fromText(record.get(i).strip());
            return value.isEmpty() ? null : value;
        }

        String required(String column, String what) {
            String value = text(column);
            if (value == null) {
                wrong(column, "Give " + what + ".");
            }
            return value;
        }

        <E extends Enum<E>> String term(String column, Class<E> type, boolean required) {
            String value = text(column);
            if (value == null) {
                if (required) {
                    wrong(column, "Give a value: one of " + codes(type) + ".");
                }
                return null;
            }
            String code = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            try {
                return Enum.valueOf(type, code).name();
            } catch (IllegalArgumentException e) {
                wrong(column, "'" + value + "' is not a known " + column + ": use one of " + codes(type) + ".");
                return null;
            }
        }

        String key(String column, boolean required) {
            String value = required ? required(column, "the record's key (lower-case letters and digits joined by hyphens)")
                    : text(column);
            if (value != null && !(value.matches("[a-z0-9]+(-[a-z0-9]+)*") && value.length() <= 120)) {
                wrong(column, "'" + value + "' is not a key: keys are lower-case letters and digits joined by hyphens, "
                        + "at most 120 characters (temple-of-bel).");
                return null;
            }
            return value;
        }

        Long number(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            if (!value.matches("[1-9][0-9]{0,17}")) {
                wrong(column, "'" + value + "' is not a record number: numbers are positive whole numbers.");
                return null;
            }
            return Long.parseLong(value);
        }

        Double coordinate(String column, double limit) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                double number = Double.parseDouble(value);
                if (Math.abs(number) <= limit && Double.isFinite(number)) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            wrong(column, "'" + value + "' is not a " + column + ": decimal degrees from -" + (int) limit + " to " + (int) limit + ".");
            return null;
        }

        /** A date as EDTF, or the window its first and last possible days make; null when none is given. */
        UncertainDate date(String edtfColumn, String firstColumn, String lastColumn, boolean required) {
            String edtf = text(edtfColumn);
            String first = text(firstColumn);
            String last = text(lastColumn);
            if (edtf == null && (first != null || last != null)) {
                edtf = first != null && first.equals(last) ? first : (first == null ? ".." : first) + "/" + (last == null ? ".." : last);
            }
            if (edtf == null) {
                if (required) {
                    wrong(edtfColumn, "Give the date, in EDTF (2015-08-30, 2015-08, 2015-08-27/2015-08-31).");
                }
                return null;
            }
            try {
                return UncertainDate.parse(edtf);
            } catch (InvalidDateException e) {
                wrong(edtfColumn, e.getMessage());
                return null;
            }
        }

        /** A day, written YYYY-MM-DD. */
        java.time.LocalDate day(String column) {
            String value = text(column);
            try {
                return value == null ? null : java.time.LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                wrong(column, "'" + value + "' is not a day: write it as YYYY-MM-DD.");
                return null;
            }
        }

        List<String> list(String column) {
            String value = text(column);
            return value == null ? List.of() : Arrays.stream(value.split(";")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        }
    }

    private static String codes(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static final String LANGUAGE = "[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?";

    /** A row's values for its staging table, in {@link Table#stagedColumns()} order; problems are recorded on it. */
    private static List<Object> staged(Table table, Row r) {
        return switch (table) {
            case PLACES -> {
                String slug = r.key("slug", true);
                String level = r.term("level", PlaceLevel.class, true);
                String parent = r.key("parent", false);
                if ("SITE".equals(level) && parent != null) {
                    r.wrong("parent", "A site lies inside no other place: leave its parent empty.");
                } else if (level != null && !"SITE".equals(level) && parent == null) {
                    r.wrong("parent", "A " + level.toLowerCase(Locale.ROOT) + " lies inside another place: give its slug.");
                }
                Double latitude = r.coordinate("latitude", 90);
                Double longitude = r.coordinate("longitude", 180);
                if ((latitude == null) != (longitude == null) && (r.text("latitude") == null) != (r.text("longitude") == null)) {
                    r.wrong(latitude == null ? "latitude" : "longitude", "Give both latitude and longitude, or neither.");
                }
                String certainty = r.term("location_certainty", Certainty.class, false);
                if (certainty != null && r.text("latitude") == null) {
                    r.wrong("location_certainty", "A location's certainty needs the coordinates.");
                }
                String sensitivity = r.term("location_sensitivity", LocationSensitivity.class, false);
                String wikidata = r.text("wikidata");
                if (wikidata != null && !wikidata.matches("Q[1-9][0-9]*")) {
                    r.wrong("wikidata", "'" + wikidata + "' is not a Wikidata identifier (Q and digits, such as Q5753).");
                }
                for (String scheme : List.of("unesco_whs", "pleiades", "geonames")) {
                    String value = r.text(scheme);
                    if (value != null && !value.matches("[1-9][0-9]*")) {
                        r.wrong(scheme, "'" + value + "' is not a " + scheme + " identifier: it is a number.");
                    }
                }
                yield Arrays.asList(slug, level, parent, r.term("place_type", PlaceType.class, true),
                        r.term("kind", PlaceKind.class, true), r.text("name"), r.text("name_ar"), r.text("description"),
                        latitude, longitude, certainty, sensitivity == null ? LocationSensitivity.EXACT.name() : sensitivity,
                        r.text("unesco_whs"), wikidata, r.text("pleiades"), r.text("geonames"));
            }
            case NAMES -> {
                String name = r.required("name", "the name");
                if (name != null && name.length() > 300) {
                    r.wrong("name", "A name is at most 300 characters.");
                }
                String language = r.required("language", "the name's language as a BCP 47 code (en, ar, ar-Latn)");
                if (language != null && !language.matches(LANGUAGE)) {
                    r.wrong("language", "'" + language + "' is not a language code: write it as BCP 47 (en, ar, ar-Latn, fr-FR).");
                    language = null;
                }
                String direction = r.term("direction", ScriptDirection.class, false);
                String type = r.term("name_type", NameType.class, false);
                yield Arrays.asList(r.key("place", true), name, language,
                        direction != null ? direction : language == null ? null : PlaceName.directionOf(language).name(),
                        type == null ? NameType.ALTERNATIVE.name() : type);
            }
            case SOURCES -> {
                String reliability = r.term("reliability", Reliability.class, true);
                String reason = r.text("reliability_reason");
                if (reliability != null && !reliability.equals("UNASSESSED") && reason == null) {
                    r.wrong("reliability_reason", "A grade without its reason is an opinion nobody can check: give the reason.");
                }
                String url = r.text("url");
                if (url != null && !url.matches("https?://\\S+")) {
                    r.wrong("url", "'" + url + "' is not a web address: it starts with http:// or https://.");
                }
                String language = r.text("language");
                if (language != null && !language.matches(LANGUAGE)) {
                    r.wrong("language", "'" + language + "' is not a language code: write it as BCP 47 (en, ar).");
                }
                String archived = r.text("archived_url");
                if (archived != null && !archived.matches("https?://\\S+")) {
                    r.wrong("archived_url", "'" + archived + "' is not a web address: it starts with http:// or https://.");
                }
                String doi = r.text("doi");
                if (doi != null && !doi.matches("10\\.[0-9]{4,9}/\\S+")) {
                    r.wrong("doi", "'" + doi + "' is not a DOI: write it as 10.<number>/<suffix>, without https://doi.org/.");
                }
                String identifier = r.text("identifier");
                String unlocatable = r.text("unlocatable_reason");
                if (url == null && archived == null && doi == null && identifier == null && unlocatable == null) {
                    r.wrong("unlocatable_reason", "A reader must be able to find the source: give its url, archived_url, "
                            + "doi or identifier, or say in unlocatable_reason why it has none.");
                }
                String repeats = r.key("repeats", false);
                if (repeats != null && repeats.equals(r.text("ref"))) {
                    r.wrong("repeats", "A source cannot repeat itself: give the ref of the source it reprints or relays.");
                }
                java.time.LocalDate accessed = r.day("accessed_on");
                if (accessed != null && url == null && archived == null) {
                    r.wrong("accessed_on", "A day read belongs to an address: give the url or archived_url read that day.");
                }
                UncertainDate published = r.date("published", "published_first_day", "published_last_day", false);
                yield Arrays.asList(r.key("ref", true), r.term("kind", SourceKind.class, true), r.required("title", "the title"),
                        r.text("publisher"), r.text("author"), edtf(published), earliest(published), latest(published),
                        precision(published), url, language, reliability, reason, archived, doi, identifier,
                        r.text("locator"), accessed, unlocatable, repeats);
            }
            case EVENTS -> {
                String summary = r.required("summary", "a summary of what happened");
                List<String> effects = r.list("effects");
                for (String effect : effects) {
                    try {
                        EffectType.valueOf(effect);
                    } catch (IllegalArgumentException e) {
                        r.wrong("effects", "'" + effect + "' is not a known effect: use " + codes(EffectType.class) + ", separated by ;.");
                    }
                }
                List<String> places = r.list("places");
                if (places.isEmpty()) {
                    r.wrong("places", "Name the places it struck: their slugs, separated by ;.");
                }
                for (String place : places) {
                    if (!place.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                        r.wrong("places", "'" + place + "' is not a place's slug.");
                    }
                }
                yield Arrays.asList(r.key("slug", true), summary, r.term("cause_category", CauseCategory.class, true),
                        r.term("cause_type", CauseType.class, false), array(effects), array(places));
            }
            case CLAIMS -> {
                String event = r.key("event", false);
                String place = r.key("place", false);
                if ((event == null) == (place == null) && !r.bad) {
                    r.wrong(event == null ? "event" : "place", "A claim is about one thing: give its event or its place, not both.");
                }
                String quote = r.text("quote");
                if (quote != null && quote.length() > 600) {
                    r.wrong("quote", "Quote at most a sentence or two (600 characters); this one has " + quote.length() + ".");
                }
                String severity = r.term("severity", Severity.class, false);
                if (severity != null && place != null) {
                    r.wrong("severity", "A severity describes damage: it belongs to a claim about an event.");
                }
                String condition = r.term("condition", Condition.class, false);
                if (condition != null && event != null) {
                    r.wrong("condition", "A condition describes a place: it belongs to a claim about a place.");
                }
                UncertainDate date = r.date("date", "date_first_day", "date_last_day", false);
                String actor = r.text("actor");
                String extent = r.term("extent", Extent.class, false);
                if (extent != null && place != null) {
                    r.wrong("extent", "An extent describes damage: it belongs to a claim about an event.");
                }
                if (quote == null && date == null && severity == null && condition == null && actor == null && !r.bad) {
                    r.wrong("quote", "A claim states something: give a quote, a date, a severity, a condition or an actor.");
                }
                yield Arrays.asList(r.number("id"), r.key("source", true), event, place, quote, edtf(date), earliest(date),
                        latest(date), precision(date), severity, condition, actor, r.term("certainty", Certainty.class, true),
                        r.term("verification", Verification.class, true), r.text("note"), extent);
            }
            case STATUS -> {
                UncertainDate asOf = r.date("as_of", "as_of_first_day", "as_of_last_day", true);
                List<Long> claims = new ArrayList<>();
                for (String id : r.list("claims")) {
                    if (id.matches("[1-9][0-9]{0,17}")) {
                        claims.add(Long.parseLong(id));
                    } else {
                        r.wrong("claims", "'" + id + "' is not a claim's number: list the numbers, separated by ;.");
                    }
                }
                yield Arrays.asList(r.number("id"), r.key("place", true), r.term("condition", Condition.class, true),
                        edtf(asOf), earliest(asOf), latest(asOf), precision(asOf), r.text("note"), array(claims));
            }
        };
    }

    private static String edtf(UncertainDate date) {
        return date == null ? null : date.edtf;
    }

    private static Object earliest(UncertainDate date) {
        return date == null ? null : date.earliest;
    }

    private static Object latest(UncertainDate date) {
        return date == null ? null : date.latest;
    }

    private static Object precision(UncertainDate date) {
        return date == null ? null : date.precision.name();
    }

    /** A PostgreSQL array literal of keys or numbers (which need no quoting). */
    private static String array(List<?> values) {
        return "{" + values.stream().map(Object::toString).collect(Collectors.joining(",")) + "}";
    }

    // ---- checks across rows, in SQL -------------------------------------------------------------------------------

    /** A check over the staging tables: each row it selects is (file, line, column, reason). */
    private record Check(String column, String sql) {
    }

    private static final List<Check> CHECKS = List.of(
            duplicate("import_places", "slug", "slug", "Another row of the files has the same slug"),
            duplicate("import_names", "place, language, name", "name", "This place has this name in this language on another row too"),
            duplicate("import_events", "slug", "slug", "Another row of the files has the same slug"),
            duplicate("import_sources", "ref", "ref", "Another row of the files has the same ref"),
            new Check("id", "select s.file, s.line, 'Another row of the files has the same number ' || s.id from import_claims s"
                    + " where s.id in (select id from import_claims group by id having count(*) > 1)"),
            new Check("as_of", "select s.file, s.line, 'Another row gives this place''s status as of ' || s.as_of_edtf || ' too'"
                    + " from import_status s where (s.place, s.as_of_edtf) in (select place, as_of_edtf from import_status"
                    + " group by place, as_of_edtf having count(*) > 1)"),
            missing("import_places", "parent", "place", "import_places", "place", "slug"),
            new Check("parent", """
                    select s.file, s.line, 'A ' || lower(s.level) || ' lies inside ' || case s.level when 'MONUMENT' then 'a site'
                           else 'a monument or a part' end || ', and ''' || s.parent || ''' is a ' || lower(coalesce(f.level, p.level))
                    from import_places s left join import_places f on f.slug = s.parent left join place p on p.slug = s.parent
                    where s.parent is not null and coalesce(f.level, p.level) is not null
                      and not (s.level = 'MONUMENT' and coalesce(f.level, p.level) = 'SITE'
                               or s.level = 'PART' and coalesce(f.level, p.level) in ('MONUMENT', 'PART'))"""),
            new Check("level", """
                    select s.file, s.line, 'A place keeps its level: ''' || s.slug || ''' is a ' || lower(p.level)
                           || ' in the registry; import a new place instead'
                    from import_places s join place p on p.slug = s.slug where p.level <> s.level"""),
            new Check("parent", """
                    select s.file, s.line, 'The place would lie inside itself'
                    from import_places s where s.parent = s.slug"""),
            new Check(null, """
                    select s.file, s.line, 'The identifier ' || x.value || ' (' || x.scheme || ') already identifies '
                           || p.slug || ' in the registry'
                    from import_places s cross join lateral (values ('UNESCO_WHS', s.unesco_whs), ('WIKIDATA', s.wikidata),
                         ('PLEIADES', s.pleiades), ('GEONAMES', s.geonames)) x (scheme, value)
                    join place_identifier i on i.scheme = x.scheme and i.value = x.value join place p on p.id = i.place_id
                    where p.slug <> s.slug"""),
            missing("import_names", "place", "place", "import_places", "place", "slug"),
            new Check("name_type", """
                    select s.file, s.line, 'This place has another designation in ' || s.language || ' on another row'
                    from import_names s where s.name_type = 'DESIGNATION' and exists (select 1 from import_names o
                      where o.place = s.place and o.language = s.language and o.name_type = 'DESIGNATION' and o.name <> s.name)"""),
            new Check("name_type", """
                    select s.file, s.line, 'In the registry this place''s designation in ' || s.language || ' is ''' || n.name
                           || '''; make that name an ALTERNATIVE in the same file to give it this one'
                    from import_names s join place p on p.slug = s.place
                    join place_name n on n.place_id = p.id and n.language = s.language and n.name_type = 'DESIGNATION'
                    where s.name_type = 'DESIGNATION' and n.name <> s.name and not exists (select 1 from import_names o
                      where o.place = s.place and o.language = s.language and o.name = n.name and o.name_type <> 'DESIGNATION')"""),
            new Check("places", """
                    select s.file, s.line, 'There is no place ''' || x.slug || ''' in the registry or the files'
                    from import_events s cross join unnest(s.places) x (slug)
                    where not exists (select 1 from import_places p where p.slug = x.slug)
                      and not exists (select 1 from place p where p.slug = x.slug)"""),
            missing("import_claims", "source", "source", "import_sources", "source", "ref"),
            missing("import_sources", "repeats", "source", "import_sources", "source", "ref"),
            missing("import_claims", "event", "event", "import_events", "damage_event", "slug"),
            missing("import_claims", "place", "place", "import_places", "place", "slug"),
            missing("import_status", "place", "place", "import_places", "place", "slug"),
            new Check("claims", """
                    select s.file, s.line, 'There is no claim number ' || x.id || ' in the registry or the files'
                    from import_status s cross join unnest(s.claims) x (id)
                    where not exists (select 1 from import_claims c where c.id = x.id) and not exists (select 1 from claim c where c.id = x.id)"""),
            new Check("as_of", """
                    select s.file, s.line, 'Status entry ' || a.id || ' already gives this place''s status as of ' || s.as_of_edtf
                    from import_status s join place p on p.slug = s.place join status_assessment a on a.place_id = p.id
                    and a.as_of_edtf = s.as_of_edtf where s.id is not null and a.id <> s.id"""));

    /**
     * Rows of {@code staging} whose {@code column} names a {@code what} that is neither in the files ({@code files}) nor in
     * the registry ({@code registry}), both keyed by {@code key}.
     */
    private static Check missing(String staging, String column, String what, String files, String registry, String key) {
        String named = "s." + column;
        return new Check(column, "select s.file, s.line, 'There is no " + what + " ''' || " + named + " || ''' in the registry "
                + "or the files' from " + staging + " s where " + named + " is not null"
                + " and not exists (select 1 from " + files + " o where o." + key + " = " + named + ")"
                + " and not exists (select 1 from " + registry + " o where o." + key + " = " + named + ")");
    }

    private static Check duplicate(String table, String key, String column, String reason) {
        return new Check(column, "select s.file, s.line, '" + reason + "' from " + table + " s where (" + key + ") in (select "
                + key + " from " + table + " group by " + key + " having count(*) > 1)");
    }

    private void crossCheck(List<Upload> uploads) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String index : List.of("import_places (slug)", "import_places (parent)", "import_names (place)",
                    "import_events (slug)", "import_sources (ref)", "import_claims (id)", "import_claims (source)",
                    "import_claims (event)", "import_status (place)")) {
                s.execute("create index on " + index);
            }
            s.execute("analyze import_places, import_names, import_events, import_sources, import_claims, import_status");
        }
        java.util.Set<String> bad = new java.util.HashSet<>(problems.stream().map(p -> p.file + ":" + p.line).toList());
        for (Check check : CHECKS) {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(check.sql + " order by 1, 2 limit " + MAX_PROBLEMS)) {
                while (rs.next()) {
                    int file = rs.getInt(1);
                    long line = rs.getLong(2);
                    if (bad.add(file + ":" + line)) {
                        badRows++;
                    }
                    problem(file, uploads.get(file).name(), line, check.column, rs.getString(3) + ".");
                }
            }
        }
    }

    // ---- merging into the registry --------------------------------------------------------------------------------

    private void merge() throws SQLException {
        for (Table table : Table.values()) {
            counts.put(table.export.file, new Count(single("select count(*) from " + table.staging()), 0, 0));
        }
        String sourceColumns = "kind, title, publisher, author, published_edtf, published_earliest, published_latest, "
                + "published_precision, url, language, reliability, reliability_reason, archived_url, doi, identifier, "
                + "locator, accessed_on, unlocatable_reason";
        add("sources", upsert("source", "ref", "ref", sourceColumns,
                "select ref, " + sourceColumns + " from import_sources order by file, line"));
        // which source each repeats, once all of them are in (a file may list a reprint before its original)
        execute("""
                update source t set repeats_id = r.id
                from import_sources s left join source r on r.ref = s.repeats
                where t.ref = s.ref and t.repeats_id is distinct from r.id and (r.id is null or r.id <> t.id)""");
        mergePlaces();
        for (boolean designations : new boolean[] { false, true }) {
            // demoted designations first, so that a place never has two designations in one language
            add("names", """
                    insert into place_name as t (place_id, name, language, direction, name_type)
                    select p.id, s.name, s.language, s.direction, s.name_type from import_names s join place p on p.slug = s.place
                    where (s.name_type = 'DESIGNATION') = ? order by s.file, s.line
                    on conflict (place_id, language, name) do update set direction = excluded.direction, name_type = excluded.name_type
                    where (t.direction, t.name_type) is distinct from (excluded.direction, excluded.name_type)""", designations);
        }
        execute("""
                insert into place_name (place_id, name, language, direction, name_type)
                select p.id, x.name, x.language, x.direction, 'DESIGNATION' from import_places s join place p on p.slug = s.slug
                cross join lateral (values (s.name, 'en', 'LTR'), (s.name_ar, 'ar', 'RTL')) x (name, language, direction)
                where x.name is not null and not exists (select 1 from place_name n where n.place_id = p.id)""");
        String eventColumns = "summary, cause_category, cause_type";
        add("events", upsert("damage_event", "slug", "slug", eventColumns,
                "select slug, " + eventColumns + " from import_events order by file, line"));
        execute("""
                insert into damage_event_effect (event_id, effect_type)
                select e.id, x.effect from import_events s join damage_event e on e.slug = s.slug cross join unnest(s.effects) x (effect)
                on conflict do nothing""");
        execute("""
                insert into damage_event_place (event_id, place_id)
                select e.id, p.id from import_events s join damage_event e on e.slug = s.slug cross join unnest(s.places) x (slug)
                join place p on p.slug = x.slug on conflict do nothing""");
        String claimColumns = "source_id, event_id, place_id, quote, date_edtf, date_earliest, date_latest, date_precision, "
                + "severity, condition, actor, certainty, verification, note, extent";
        String claimValues = "src.id, e.id, p.id, s.quote, s.date_edtf, s.date_earliest, s.date_latest, s.date_precision, "
                + "s.severity, s.condition, s.actor, s.certainty, s.verification, s.note, s.extent";
        String claimJoins = " from import_claims s join source src on src.ref = s.source left join damage_event e on e.slug = s.event"
                + " left join place p on p.slug = s.place";
        add("claims", upsert("claim", "id", "id", claimColumns, "select s.id, " + claimValues + claimJoins + " where s.id is not null"));
        // a claim without a number is new unless the registry has one saying exactly the same
        add("claims", "insert into claim (" + claimColumns + ") select " + claimValues + claimJoins + " where s.id is null"
                + " and not exists (select 1 from claim c where c.source_id = src.id and (c.event_id = e.id or c.place_id = p.id)"
                + " and (" + prefixed("c.", claimColumns) + ") is not distinct from (" + claimValues + ")) order by s.file, s.line");
        execute("select setval(pg_get_serial_sequence('claim', 'id'), greatest(coalesce(max(id), 0), 1)) from claim");
        String statusColumns = "place_id, condition, as_of_edtf, as_of_earliest, as_of_latest, as_of_precision, note";
        String statusValues = "p.id, s.condition, s.as_of_edtf, s.as_of_earliest, s.as_of_latest, s.as_of_precision, s.note";
        String statusFrom = " from import_status s join place p on p.slug = s.place";
        add("status", upsert("status_assessment", "id", "id", statusColumns,
                "select s.id, " + statusValues + statusFrom + " where s.id is not null"));
        add("status", upsert("status_assessment", "", "place_id, as_of_edtf", statusColumns,
                "select " + statusValues + statusFrom + " where s.id is null"));
        execute("select setval(pg_get_serial_sequence('status_assessment', 'id'), greatest(coalesce(max(id), 0), 1)) from status_assessment");
        execute("""
                insert into status_assessment_claim (assessment_id, claim_id)
                select a.id, x.id from import_status s join place p on p.slug = s.place
                join status_assessment a on a.place_id = p.id and a.as_of_edtf = s.as_of_edtf cross join unnest(s.claims) x (id)
                on conflict do nothing""");
        // each place the files touched gets its search row rebuilt once, and each event its reading
        execute("select set_config('athar.search_deferred', 'off', true)");
        execute("""
                select refresh_place_search(array(
                  select p.id from import_places s join place p on p.slug = s.slug
                  union select c.id from import_places s join place p on p.slug = s.slug join place c on c.parent_id = p.id
                  union select p.id from import_names s join place p on p.slug = s.place
                  union select dp.place_id from import_events s join damage_event e on e.slug = s.slug
                        join damage_event_place dp on dp.event_id = e.id
                  union select dp.place_id from import_claims s join damage_event e on e.slug = s.event
                        join damage_event_place dp on dp.event_id = e.id
                  union select p.id from import_claims s join place p on p.slug = s.place
                  union select p.id from import_status s join place p on p.slug = s.place))""");
        StoredReadings.refresh(connection);
    }

    /** Places parents first: sites, then what lies in them, level by level of the files' own nesting. */
    private void mergePlaces() throws SQLException {
        execute("""
                with recursive d (slug, depth) as (
                    select s.slug, 0 from import_places s
                     where s.parent is null or not exists (select 1 from import_places p where p.slug = s.parent)
                    union all select s.slug, d.depth + 1 from import_places s join d on s.parent = d.slug where d.depth < 100)
                update import_places s set depth = d.depth from d where d.slug = s.slug""");
        int deepest = (int) single("select coalesce(max(depth), -1) from import_places");
        for (int depth = 0; depth <= deepest; depth++) {
            add("places", upsert("place", "slug, level", "slug", "parent_id, parent_level, place_type, kind, description, "
                    + "latitude, longitude, location_certainty, location_sensitivity", """
                    select s.slug, s.level, p.id, p.level, s.place_type, s.kind, s.description, s.latitude, s.longitude,
                        s.location_certainty, s.location_sensitivity
                    from import_places s left join place p on p.slug = s.parent where s.depth = ? order by s.file, s.line"""),
                    depth);
        }
        execute("""
                insert into place_identifier (place_id, scheme, value)
                select p.id, x.scheme, x.value from import_places s join place p on p.slug = s.slug
                cross join lateral (values ('UNESCO_WHS', s.unesco_whs), ('WIKIDATA', s.wikidata), ('PLEIADES', s.pleiades),
                    ('GEONAMES', s.geonames)) x (scheme, value)
                where x.value is not null on conflict (scheme, value) do nothing""");
    }

    /**
     * Inserts what {@code select} gives ({@code keys}, then {@code columns}) into {@code table}; a row whose
     * {@code conflict} key is taken updates the record there only where one of its columns differs, and moves its
     * version on (so that drafts begun on the old version see the change). An unchanged row writes nothing.
     */
    private static String upsert(String table, String keys, String conflict, String columns, String select) {
        return "insert into " + table + " as t (" + (keys.isEmpty() ? "" : keys + ", ") + columns + ") " + select
                + " on conflict (" + conflict + ") do update set " + set(columns) + ", version = t.version + 1"
                + " where (" + prefixed("t.", columns) + ") is distinct from (" + prefixed("excluded.", columns) + ")";
    }

    /** Runs an upsert and adds the rows it inserted and updated to the table's count. */
    private void add(String table, String upsert, Object... params) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("with w as (" + upsert + " returning (xmax = 0) as added) "
                + "select count(*) filter (where added), count(*) filter (where not added) from w")) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Count c = counts.get(table);
                counts.put(table, new Count(c.rows(), c.added() + rs.getLong(1), c.changed() + rs.getLong(2)));
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private long single(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String set(String columns) {
        return Arrays.stream(columns.split(", ")).map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
    }

    private static String prefixed(String prefix, String columns) {
        return Arrays.stream(columns.split(", ")).map(c -> prefix + c).collect(Collectors.joining(", "));
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
