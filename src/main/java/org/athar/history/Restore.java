package org.athar.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.athar.db.Sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts a record and what belongs to it (see {@link History.Kind}) back as they were just before a change set: every
 * row of it that this change set or a later one touched returns to its image from before, rows added since are
 * removed, rows removed since (the record itself, when it was withdrawn) come back with their ids. Restoring is a
 * new change: the history triggers record it like any other.
 */
@ApplicationScoped
public class Restore {

    /** Tables in the order their foreign keys need for inserting; deleting goes the other way. */
    private static final List<String> TABLES = List.of("place", "place_name", "place_identifier", "source",
            "damage_event", "damage_event_effect", "damage_event_place", "claim", "status_assessment",
            "status_assessment_claim");

    /** One row the restoring changes: as it is now (null: absent) and as it will be (null: removed). */
    public record RowChange(String table, JsonNode now, JsonNode restored) {

        public String operation() {
            return now == null ? "INSERT" : restored == null ? "DELETE" : "UPDATE";
        }

        public List<History.Field> fields() {
            return History.diff(now, restored);
        }
    }

    private record Table(List<String> key, List<String> columns, boolean versioned) {
    }

    private final Map<String, Table> tables = new HashMap<>();

    /** A record: what restoring puts back is it and what belongs to it. */
    public record Target(History.Kind kind, long id) {
    }

    /** What restoring {@code kind} {@code id} to before {@code changeSet} would change; empty when nothing. */
    public List<RowChange> plan(History.Kind kind, long id, long changeSet) {
        return plan(List.of(new Target(kind, id)), changeSet);
    }

    /** What restoring several records to before {@code changeSet} would change, each row once. */
    public List<RowChange> plan(List<Target> targets, long changeSet) {
        if (targets.isEmpty()) {
            return List.of();
        }
        Map<String, RowChange> byRow = new LinkedHashMap<>();
        String rows = String.join(" or ", targets.stream().map(t -> t.kind().rows(t.id())).toList());
        for (String[] row : Sql.query("select h.table_name, h.before::text, h.after::text from history h where h.change_set_id >= ? and ("
                + rows + ") order by h.id", rs -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) },
                changeSet)) {
            Table table = table(row[0]);
            JsonNode before = History.parse(row[1]);
            JsonNode image = before != null ? before : History.parse(row[2]);
            String key = row[0] + table.key.stream().map(c -> ":" + image.get(c)).reduce("", String::concat);
            // the first change since then holds the row as it was before it
            byRow.computeIfAbsent(key, k -> new RowChange(row[0], current(row[0], table, image), before));
        }
        List<RowChange> plan = new ArrayList<>();
        for (RowChange change : byRow.values()) {
            if (!same(table(change.table), change.now, change.restored)) {
                plan.add(change);
            }
        }
        return plan;
    }

    /**
     * Carries out a plan in the current transaction. A row that can no longer come back (a place it pointed to is
     * gone, a name now taken) makes the database refuse, and the whole transaction with it.
     */
    public void apply(List<RowChange> plan) {
        List<String> children = new ArrayList<>(TABLES);
        Collections.reverse(children);
        for (String name : children) {
            for (RowChange change : plan) {
                if (change.table.equals(name) && change.restored == null) {
                    Table table = table(name);
                    Sql.update("delete from " + name + " where " + keyMatch(table, name, name), change.now.toString());
                }
            }
        }
        for (String name : TABLES) {
            Table table = table(name);
            String columns = String.join(", ", table.columns);
            for (RowChange change : plan) {
                if (!change.table.equals(name) || change.restored == null) {
                    continue;
                }
                if (change.now == null) {
                    Sql.update("insert into " + name + " (" + columns + ") select " + columns
                            + " from jsonb_populate_record(null::" + name + ", ?::jsonb)", change.restored.toString());
                } else {
                    // the version moves on, so that drafts begun on the current version see that it changed
                    JsonNode restored = table.versioned
                            ? ((ObjectNode) change.restored.deepCopy()).put("version", change.now.get("version").asInt() + 1)
                            : change.restored;
                    Sql.update("update " + name + " set (" + columns + ") = (select " + columns
                            + " from jsonb_populate_record(null::" + name + ", ?::jsonb)) where " + keyMatch(table, name, name),
                            restored.toString(), change.now.toString());
                }
            }
        }
    }

    private JsonNode current(String name, Table table, JsonNode image) {
        return Sql.query("select to_jsonb(t)::text from " + name + " t where " + keyMatch(table, name, "t"),
                rs -> History.parse(rs.getString(1)), image.toString()).stream().findFirst().orElse(null);
    }

    /** "(key columns) = (key columns of the row image given as the next parameter)". */
    private static String keyMatch(Table table, String name, String alias) {
        return "(" + String.join(", ", table.key.stream().map(c -> alias + "." + c).toList()) + ") = (select "
                + String.join(", ", table.key) + " from jsonb_populate_record(null::" + name + ", ?::jsonb))";
    }

    private static boolean same(Table table, JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return table.columns.stream().filter(c -> !c.equals("version")).allMatch(c -> Objects.equals(a.get(c), b.get(c)));
    }

    private Table table(String name) {
        if (!TABLES.contains(name)) {
            throw new IllegalStateException("History names a table that cannot be restored: " + name);
        }
        synchronized (tables) {
            return tables.computeIfAbsent(name, n -> new Table(
                    Sql.query("""
                            select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid
                             and a.attnum = any (i.indkey) where i.indrelid = ?::regclass and i.indisprimary order by a.attnum""",
                            rs -> rs.getString(1), n),
                    Sql.query("""
                            select column_name from information_schema.columns where table_schema = current_schema()
                             and table_name = ? and is_generated = 'NEVER' order by ordinal_position""",
                            rs -> rs.getString(1), n),
                    Sql.query("""
                            select 1 from information_schema.columns where table_schema = current_schema()
                             and table_name = ? and column_name = 'version'""", rs -> 1, n).size() == 1));
        }
    }
}
