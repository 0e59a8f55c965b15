package org.athar.history;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.athar.db.Sql;
import org.athar.place.LocationSensitivity;
import org.athar.registry.Registry.Paging;
import org.athar.registry.Views.Page;

import io.quarkus.hibernate.orm.panache.Panache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the history that the database records (migration V3): every change to a record and to what belongs to it,
 * newest first, as field-by-field differences.
 */
@ApplicationScoped
public class History {

    /** Columns that change as a side effect of a change, not as one: they would only clutter a diff. */
    private static final Set<String> DERIVED = Set.of("id", "version", "norm", "compact", "core", "date_range",
            "effective_on", "parent_level");

    /** One changed row: what it was, what it became, field by field. */
    public record Change(long id, long changeSet, OffsetDateTime madeAt, String actor, String comment, String table,
            String operation, List<Field> fields) {
    }

    /** A field of a changed row; {@code before} is null for an insert, {@code after} for a delete. */
    public record Field(String name, String before, String after) {
    }

    /**
     * Names who makes the current transaction's changes and why, for the history triggers (migration V3). Call it
     * inside the transaction, before the writes.
     */
    public static void attributeTo(String actor, String comment) {
        Panache.getEntityManager()
                .createNativeQuery("select set_config('athar.actor', ?1, true), set_config('athar.comment', ?2, true)")
                .setParameter(1, actor)
                .setParameter(2, comment)
                .getSingleResult();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The records that have a history page, and which history rows belong to each: a place owns its names,
     * identifiers and status timeline; an event its effects, places and claims; a claim the status entries resting
     * on it. Restoring a record restores exactly these rows. {@code :id} stands for the record's id.
     */
    public enum Kind {
        PLACE("place", "places", "place", """
                (h.owner_table = 'place' and h.owner_id = :id)
                 or (h.owner_table = 'status_assessment' and h.owner_id = any (array(
                   select (coalesce(x.after, x.before) ->> 'id')::bigint from history x
                    where x.owner_table = 'place' and x.owner_id = :id and x.table_name = 'status_assessment')))"""),
        SOURCE("source", "sources", "source", "h.owner_table = 'source' and h.owner_id = :id"),
        EVENT("damage_event", "events", "damage event", """
                (h.owner_table = 'damage_event' and h.owner_id = :id)
                 or (h.table_name = 'claim' and coalesce(h.after, h.before) ->> 'event_id' = ':id')
                 or (h.table_name = 'status_assessment_claim' and coalesce(h.after, h.before) ->> 'claim_id' = any (array(
                   select x.owner_id::text from history x
                    where x.table_name = 'claim' and coalesce(x.after, x.before) ->> 'event_id' = ':id')))"""),
        CLAIM("claim", "claims", "claim", """
                (h.owner_table = 'claim' and h.owner_id = :id)
                 or (h.table_name = 'status_assessment_claim' and coalesce(h.after, h.before) ->> 'claim_id' = ':id')"""),
        STATUS("status_assessment", "status", "status entry", """
                (h.table_name = 'status_assessment' and coalesce(h.after, h.before) ->> 'id' = ':id')
                 or (h.owner_table = 'status_assessment' and h.owner_id = :id)""");

        public final String table;
        /** The kind in addresses: /history/events/12, /curate/restore/events/12/... */
        public final String path;
        /** The kind in words: "damage event". */
        public final String noun;
        private final String rows;

        Kind(String table, String path, String noun, String rows) {
            this.table = table;
            this.path = path;
            this.noun = noun;
            this.rows = rows;
        }

        /** The kind with this table, or this name in addresses. */
        public static Optional<Kind> of(String tableOrPath) {
            return Arrays.stream(values()).filter(k -> k.table.equals(tableOrPath) || k.path.equals(tableOrPath))
                    .findFirst();
        }

        /**
         * The SQL condition on history {@code h} selecting this record's rows (ids are numbers, never text). Each
         * branch is one that an index of migrations V3 and V11 answers, so a page reads only its record's rows.
         */
        String rows(long id) {
            return "(" + rows.replace(":id", Long.toString(id)) + ")";
        }

        /**
         * {@link #rows(long)} with the id as parameters, one per "?" ({@link #ids(long)} binds them): a statement that
         * is the same for every record, so that PostgreSQL plans it once instead of for every page (0.3 ms each).
         */
        String parameterRows() {
            return "(" + rows.replace("':id'", "?::text").replace(":id", "?::bigint") + ")";
        }

        /** The parameters of {@link #parameterRows()}. */
        Object[] ids(long id) {
            Object[] ids = new Object[rows.split(":id", -1).length - 1];
            Arrays.fill(ids, id);
            return ids;
        }
    }

    /**
     * Changes to a record and what belongs to it (for a place also which events were linked to it), a page of change
     * sets at a time, newest first: a change is never split across pages.
     */
    public Page<Change> of(Kind kind, long id, Paging paging) {
        String condition = kind.rows(id);
        if (kind == Kind.PLACE) {
            condition += " or (h.table_name = 'damage_event_place' and coalesce(h.after, h.before) ->> 'place_id' = '"
                    + id + "')";
        }
        long[] total = { 0 };
        // one row even when the page is empty, so that the total is always known
        List<Change> changes = Sql.query("with mine as materialized (select h.id, h.change_set_id from history h where "
                + condition + "), sets as (select change_set_id, max(id) as last from mine group by change_set_id),"
                + " shown as (select change_set_id from sets order by last desc limit ? offset ?)"
                + " select x.*, t.total from (select count(*) as total from sets) t left join (select h.id, c.id as set_id,"
                + " c.made_at, c.actor, c.comment, h.table_name, h.operation, h.before::text, h.after::text"
                + " from mine m join shown using (change_set_id) join history h on h.id = m.id"
                + " join change_set c on c.id = h.change_set_id) x on true order by x.id desc",
                rs -> {
                    total[0] = rs.getLong(10);
                    return rs.getObject(1) == null ? null : change(rs);
                }, paging.size(), paging.offset()).stream().filter(Objects::nonNull).toList();
        return Page.of(paging, total[0], changes);
    }

    /**
     * A place's changes as the public may see them: every coordinate in them as the place's sensitivity shows it, and
     * no field that then reads the same before and after.
     */
    public static Page<Change> locatedAs(Page<Change> changes, LocationSensitivity sensitivity) {
        List<Change> shown = changes.items().stream().map(c -> !c.table().equals("place") ? c
                : new Change(c.id(), c.changeSet(), c.madeAt(), c.actor(), c.comment(), c.table(), c.operation(),
                        c.fields().stream().map(f -> COORDINATES.contains(f.name())
                                ? new Field(f.name(), shown(f.before(), sensitivity), shown(f.after(), sensitivity)) : f)
                                .filter(f -> !Objects.equals(f.before(), f.after())).toList()))
                .toList();
        return new Page<>(changes.page(), changes.size(), changes.total(), changes.pages(), shown);
    }

    private static final Set<String> COORDINATES = Set.of("latitude", "longitude");

    private static String shown(String coordinate, LocationSensitivity sensitivity) {
        Double value = coordinate == null ? null : sensitivity.shown(Double.valueOf(coordinate));
        return value == null ? null : value.toString();
    }

    /** The changes one change set made to a record and what belongs to it. */
    public List<Change> of(Kind kind, long id, long changeSet) {
        return read(kind.rows(id) + " and h.change_set_id = " + changeSet);
    }

    /** The id of a withdrawn record of {@code table} that had {@code field} = {@code value}, if there is one. */
    @Transactional
    public Optional<Long> withdrawn(String table, String field, String value) {
        return Sql.query("""
                select (h.before ->> 'id')::bigint from history h where h.operation = 'DELETE' and h.table_name = ?
                 and h.before ->> ? = ? order by h.id desc limit 1""", rs -> rs.getLong(1), table, field, value)
                .stream().findFirst();
    }

    /** The latest image of a record's own row, whether it still exists or was withdrawn. */
    public Optional<JsonNode> lastImage(String table, long id) {
        return Sql.query("""
                select coalesce(h.after, h.before)::text from history h where h.table_name = ?
                 and coalesce(h.after, h.before) ->> 'id' = ? order by h.id desc limit 1""",
                rs -> parse(rs.getString(1)), table, Long.toString(id)).stream().findFirst();
    }

    /** A withdrawn record: its last row image and the change that removed it. */
    public record Withdrawn(String table, long id, JsonNode row, long changeSet, OffsetDateTime madeAt, String actor,
            String comment) {
    }

    /** Records withdrawn and not restored since, newest first, a page at a time. */
    public Page<Withdrawn> withdrawn(Paging paging) {
        long[] total = { 0 };
        List<Withdrawn> records = Sql.query("""
                with gone as (select h.id from history h where h.operation = 'DELETE'
                   and h.table_name in ('place', 'source', 'damage_event', 'claim', 'status_assessment')
                   and not exists (select 1 from history later where later.table_name = h.table_name and later.id > h.id
                                    and later.operation = 'INSERT'
                                    and coalesce(later.after, later.before) ->> 'id' = coalesce(h.after, h.before) ->> 'id')),
                shown as (select id from gone order by id desc limit ? offset ?)
                select x.*, t.total from (select count(*) as total from gone) t left join (
                  select h.table_name, (h.before ->> 'id')::bigint as id, h.before::text, c.id as set_id, c.made_at,
                         c.actor, c.comment, h.id as history_id
                    from shown join history h using (id) join change_set c on c.id = h.change_set_id) x on true
                 order by x.history_id desc""",
                rs -> {
                    total[0] = rs.getLong(9);
                    return rs.getString(1) == null ? null : new Withdrawn(rs.getString(1), rs.getLong(2),
                            parse(rs.getString(3)), rs.getLong(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                            rs.getString(7));
                }, paging.size(), paging.offset()).stream().filter(Objects::nonNull).toList();
        return Page.of(paging, total[0], records);
    }

    private List<Change> read(String condition) {
        return Sql.query("select h.id, c.id, c.made_at, c.actor, c.comment, h.table_name, h.operation,"
                + " h.before::text, h.after::text from history h join change_set c on c.id = h.change_set_id where "
                + condition + " order by h.id desc", History::change);
    }

    private static Change change(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Change(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), diff(parse(rs.getString(8)), parse(rs.getString(9))));
    }

    /** The fields that differ between two images of a row (either may be null), leaving out derived columns. */
    public static List<Field> diff(JsonNode before, JsonNode after) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode row : new JsonNode[] { before, after }) {
            if (row != null) {
                for (Iterator<String> it = row.fieldNames(); it.hasNext();) {
                    names.add(it.next());
                }
            }
        }
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            String was = text(before, name);
            String is = text(after, name);
            if (!DERIVED.contains(name) && !Objects.equals(was, is)) {
                fields.add(new Field(name, was, is));
            }
        }
        return fields;
    }

    static JsonNode parse(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode row, String name) {
        if (row == null || row.get(name) == null || row.get(name).isNull()) {
            return null;
        }
        JsonNode value = row.get(name);
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
