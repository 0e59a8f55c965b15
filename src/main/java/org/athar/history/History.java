package org.athar.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    /** The row as it was before a change of a record of {@code table}, if that change exists and had a before. */
    public Optional<JsonNode> before(long changeId, String table, long ownerId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement s = connection.prepareStatement(
                "select before::text from history where id = ? and table_name = ? and owner_id = ? and before is not null")) {
            s.setLong(1, changeId);
            s.setString(2, table);
            s.setLong(3, ownerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(parse(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read history: " + e.getMessage(), e);
        }
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

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Changes to a place, its names, identifiers and status timeline, and to which events affect it. */
    public List<Change> forPlace(long placeId) {
        return read("""
                (h.owner_table = 'place' and h.owner_id = ?) or (h.table_name = 'damage_event_place'
                 and coalesce(h.after, h.before) ->> 'place_id' = ?::text)""", placeId, placeId);
    }

    public List<Change> forSource(long sourceId) {
        return read("h.owner_table = 'source' and h.owner_id = ?", sourceId);
    }

    private List<Change> read(String condition, Object... params) {
        String sql = "select h.id, c.id, c.made_at, c.actor, c.comment, h.table_name, h.operation, h.before::text, h.after::text"
                + " from history h join change_set c on c.id = h.change_set_id where " + condition
                + " order by h.id desc limit 500";
        try (Connection connection = dataSource.getConnection(); PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Change> changes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            diff(rs.getString(8), rs.getString(9))));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read history: " + e.getMessage(), e);
        }
    }

    private List<Field> diff(String beforeJson, String afterJson) {
        JsonNode before = parse(beforeJson);
        JsonNode after = parse(afterJson);
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

    private JsonNode parse(String text) {
        try {
            return text == null ? null : json.readTree(text);
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
