package org.athar.db;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A backup of the whole database as a zip: a manifest (format, schema version, tables, their columns and row counts)
 * and every table in PostgreSQL's COPY text format, read in one repeatable-read snapshot, so that a backup taken while
 * the application runs is consistent. It needs no PostgreSQL client programs (the embedded database ships none),
 * works the same on the embedded and an external database, and restores with the application itself: into an empty
 * database of the same schema version, in one transaction, in the order foreign keys need, with the history and
 * search triggers quiet (the history and derived tables are in the backup as they were).
 * <p>
 * Left out: sessions and sign-in failures (they expire), Flyway's own table (the migrations make it), and generated
 * columns (PostgreSQL computes them again).
 */
public final class Backup {

    static final int FORMAT = 1;
    private static final Set<String> LEFT_OUT = Set.of("flyway_schema_history", "account_session", "sign_in_failure", "site_summary_stale");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a file holds. */
    public enum Scope {
        /** The whole database but sessions and sign-in failures: the operator's backup, accounts and drafts included. */
        FULL,
        /**
         * The published registry and its history as anyone may read them (the public dump): no accounts, drafts or
         * their history, and every location, in the records and in their history, as its sensitivity lets the public
         * see it. Deterministic: the same registry always gives the same bytes.
         */
        PUBLIC;

        /** The registry's own tables, whose rows (and history) are published. */
        static final List<String> PUBLISHED = List.of("place", "place_name", "place_identifier", "actor", "actor_name", "source", "damage_event",
                "damage_event_effect", "damage_event_place", "claim", "status_assessment", "status_assessment_claim");
        private static final Set<String> PUBLIC_TABLES = Set.copyOf(concat(PUBLISHED,
                List.of("place_search", "site_summary", "event_reading", "change_set", "history")));

        boolean holds(String table) {
            return this == FULL || PUBLIC_TABLES.contains(table);
        }

        /** The rows of a table it holds: the history of published tables only, and the change sets behind them. */
        String where(String table) {
            String published = "array['" + String.join("', '", PUBLISHED) + "']";
            return this == FULL ? "" : switch (table) {
                case "history" -> " where table_name = any (" + published + ")";
                case "change_set" -> " where exists (select 1 from history h where h.change_set_id = change_set.id"
                        + " and h.table_name = any (" + published + "))";
                default -> "";
            };
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }

    private Backup() {
    }

    /** What a backup holds or a restore wrote: rows per table. */
    public record Summary(String schemaVersion, Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Writes a consistent backup of the database behind the connection to {@code out} (left open). */
    public static Summary write(Connection connection, OutputStream out) throws SQLException, IOException {
        return write(connection, out, Scope.FULL);
    }

    /** Writes what {@code scope} holds of the database, consistently, to {@code out} (left open). */
    public static Summary write(Connection connection, OutputStream out, Scope scope) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = connection.createStatement()) {
            s.execute("set transaction read only");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            ZipOutputStream zip = new ZipOutputStream(out);
            // the manifest first, so that a restore can stream the tables; their row counts last
            List<String> order = tablesInLoadOrder(connection, scope);
            Map<String, List<String>> columns = new LinkedHashMap<>();
            for (String table : order) {
                columns.put(table, columns(connection, table));
            }
            ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT).put("application", "Athar")
                    .put("scope", scope.name()).put("schemaVersion", schemaVersion(connection));
            if (scope == Scope.FULL) {
                manifest.put("createdAt", OffsetDateTime.now().toString());
            } else {
                // the revision it shows rather than the time it was made, so that the same registry gives the same file
                try (ResultSet rs = s.executeQuery("select coalesce(max(change_set_id), 0) from history h" + scope.where("history"))) {
                    rs.next();
                    manifest.put("revision", rs.getLong(1));
                }
            }
            ArrayNode tables = manifest.putArray("tables");
            columns.forEach((table, names) -> {
                ArrayNode list = tables.addObject().put("name", table).putArray("columns");
                names.forEach(list::add);
            });
            PublicLocations locations = scope == Scope.PUBLIC ? PublicLocations.read(connection) : null;
            entry(zip, "manifest.json", scope);
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : order) {
                entry(zip, "tables/" + table + ".copy", scope);
                // a restored change set keeps its id, never its transaction's number, which a new server reuses
                String select = String.join(", ", columns.get(table).stream()
                        .map(c -> table.equals("change_set") && c.equals("txid") ? "-id" : c).toList());
                String sql = "copy (select " + select + " from " + table + scope.where(table) + " order by "
                        + String.join(", ", primaryKey(connection, table, columns.get(table))) + ") to stdout";
                if (locations != null && locations.rewrites(table)) {
                    try (OutputStream lines = locations.rewriting(table, columns.get(table), zip)) {
                        rows.put(table, copy.copyOut(sql, lines));
                    }
                } else {
                    rows.put(table, copy.copyOut(sql, zip));
                }
                zip.closeEntry();
            }
            entry(zip, "rows.json", scope);
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(rows));
            zip.closeEntry();
            zip.finish();
            return new Summary(manifest.get("schemaVersion").asText(), rows);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
            connection.setTransactionIsolation(isolation);
        }
    }

    /** Entries of a public dump carry a fixed time, so that its bytes depend on the registry alone. */
    private static void entry(ZipOutputStream zip, String name, Scope scope) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        if (scope == Scope.PUBLIC) {
            entry.setTime(315532800000L); // 1980-01-01, the earliest time a zip can hold
        }
        zip.putNextEntry(entry);
    }

    /**
     * Restores a backup into the database behind the connection, which must be migrated to the backup's schema
     * version and hold no records; all or nothing.
     */
    public static Summary restore(Connection connection, InputStream in) throws SQLException, IOException {
        return restore(connection, in, Scope.FULL);
    }

    /** Restores a file of the given scope (a backup, or a public dump) into the empty database; all or nothing. */
    public static Summary restore(Connection connection, InputStream in, Scope scopeAsked) throws SQLException, IOException {
        ZipInputStream zip = new ZipInputStream(in);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            ZipEntry first = zip.getNextEntry();
            JsonNode manifest = first != null && first.getName().equals("manifest.json") ? JSON.readTree(keepOpen(zip)) : null;
            if (manifest == null || manifest.path("format").asInt() != FORMAT) {
                throw new IllegalStateException("This file is not an Athar backup (no manifest of format " + FORMAT + ").");
            }
            Scope scope = Scope.valueOf(manifest.path("scope").asText(Scope.FULL.name()));
            if (scope != scopeAsked) {
                throw new IllegalStateException(scope == Scope.PUBLIC
                        ? "This file is a public dump: load it with restore-dump."
                        : "This file is a full backup: restore it with restore.");
            }
            List<String> order = tablesInLoadOrder(connection, scope);
            String version = schemaVersion(connection);
            List<String> notEmpty = new ArrayList<>();
            for (String table : order) {
                try (ResultSet rs = s.executeQuery("select exists (select 1 from " + table + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        notEmpty.add(table);
                    }
                }
            }
            if (!notEmpty.isEmpty()) {
                throw new IllegalStateException("This database already holds records (" + String.join(", ", notEmpty)
                        + "). Restore into a new, empty database: a new ATHAR_EMBEDDED_DB_DATA_DIR, or an empty external "
                        + "database.");
            }
            if (!manifest.path("schemaVersion").asText().equals(version)) {
                throw new IllegalStateException("This backup is of schema version " + manifest.path("schemaVersion").asText()
                        + " and this Athar's is " + version + ". Restore it with the Athar that made it, then start this "
                        + "one, which upgrades the database.");
            }
            Map<String, List<String>> columns = new LinkedHashMap<>();
            manifest.path("tables").forEach(t -> {
                List<String> names = new ArrayList<>();
                t.path("columns").forEach(c -> names.add(c.asText()));
                columns.put(t.path("name").asText(), names);
            });
            if (!columns.keySet().equals(new LinkedHashSet<>(order))) {
                throw new IllegalStateException("The backup's tables " + columns.keySet() + " are not this schema's " + order + ".");
            }
            // quiet the history, search and reading triggers: those tables come from the backup as they were
            s.execute("set local athar.bulk_load = 'on'");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Map<String, Long> rows = new LinkedHashMap<>();
            JsonNode expected = null;
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                String name = entry.getName();
                if (name.equals("rows.json")) {
                    expected = JSON.readTree(keepOpen(zip));
                } else if (name.startsWith("tables/") && name.endsWith(".copy")) {
                    String table = name.substring("tables/".length(), name.length() - ".copy".length());
                    if (!columns.containsKey(table)) {
                        throw new IllegalStateException("The backup holds an unknown table " + table + ".");
                    }
                    rows.put(table, copy.copyIn("copy " + table + " (" + String.join(", ", columns.get(table))
                            + ") from stdin", keepOpen(zip)));
                }
            }
            if (expected == null || !rows.keySet().equals(columns.keySet())) {
                throw new IllegalStateException("The backup is incomplete: it ends before all its tables.");
            }
            for (Map.Entry<String, Long> r : rows.entrySet()) {
                if (expected.path(r.getKey()).asLong(-1) != r.getValue()) {
                    throw new IllegalStateException("Table " + r.getKey() + ": " + r.getValue() + " rows read, the backup "
                            + "says " + expected.path(r.getKey()).asLong(-1) + ".");
                }
            }
            resetIdentities(connection);
            s.execute("select pg_notify('athar_change', 'restore')");
            connection.commit();
            return new Summary(version, rows);
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The version of the last migration applied. */
    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("This database has no Athar schema.");
            }
            return rs.getString(1);
        }
    }

    /** The tables backed up, each after the tables its foreign keys point to. */
    static List<String> tablesInLoadOrder(Connection connection) throws SQLException {
        return tablesInLoadOrder(connection, Scope.FULL);
    }

    /** The tables a scope holds, each after the tables its foreign keys point to. */
    static List<String> tablesInLoadOrder(Connection connection, Scope scope) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select table_name from information_schema.tables
                 where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")) {
            while (rs.next()) {
                if (!LEFT_OUT.contains(rs.getString(1)) && scope.holds(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        tables.forEach(t -> needs.put(t, new LinkedHashSet<>()));
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint c
                 where c.contype = 'f' and c.connamespace = current_schema()::regnamespace""")) {
            while (rs.next()) {
                if (needs.containsKey(rs.getString(1)) && tables.contains(rs.getString(2))
                        && !rs.getString(1).equals(rs.getString(2))) {
                    needs.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (!needs.isEmpty()) {
            String next = needs.entrySet().stream().filter(e -> order.containsAll(e.getValue())).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new IllegalStateException("Foreign keys form a cycle: " + needs.keySet()));
            order.add(next);
            needs.remove(next);
        }
        return order;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select column_name from information_schema.columns
                 where table_schema = current_schema() and table_name = ? and is_generated = 'NEVER'
                 order by ordinal_position""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** The primary key's columns, or every column when there is none: the order rows are written in. */
    private static List<String> primaryKey(Connection connection, String table, List<String> columns) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
                 where i.indrelid = ?::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        return key.isEmpty() ? columns : key;
    }

    /** Identity columns continue after the highest value restored. */
    private static void resetIdentities(Connection connection) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select table_name, column_name from information_schema.columns
                 where table_schema = current_schema() and is_identity = 'YES'""")) {
            while (rs.next()) {
                identities.add(new String[] { rs.getString(1), rs.getString(2) });
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String[] id : identities) {
                s.execute("select setval(pg_get_serial_sequence('" + id[0] + "', '" + id[1] + "'), coalesce((select max("
                        + id[1] + ") from " + id[0] + "), 0) + 1, false)");
            }
        }
    }

    /** An input stream whose close leaves the underlying stream open. */
    static InputStream keepOpen(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }
}
