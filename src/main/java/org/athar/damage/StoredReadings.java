package org.athar.damage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.athar.evidence.Reliability;
import org.athar.evidence.Source;
import org.athar.time.UncertainDate;

/**
 * Keeps each event's reading window in event_reading, where pages order events by it with an index. The reading is
 * computed by {@link EventReading} alone; the database only marks an event stale when one of its claims (or a
 * claim's source) changes, whichever program changed it (migration V7). This recomputes what is stale.
 */
public final class StoredReadings {

    private static final int BATCH = 5_000;

    private StoredReadings() {
    }

    /**
     * Recomputes every stale reading this connection's transaction can see and lock, in batches; returns how many.
     * Rows another transaction is writing are skipped: that transaction recomputes them before it commits.
     */
    public static int refresh(Connection connection) throws SQLException {
        int done = 0;
        long after = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            // forward by id: rows recomputed by this transaction stay in the index as dead entries until it ends
            try (PreparedStatement s = connection.prepareStatement("select event_id from event_reading where stale"
                    + " and event_id > ? order by event_id limit " + BATCH + " for update skip locked")) {
                s.setLong(1, after);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return done;
            }
            Map<Long, List<Claim>> claims = claimsOf(connection, ids);
            try (PreparedStatement update = connection.prepareStatement(
                    "update event_reading set earliest = ?, latest = ?, disputed = ?, stale = false where event_id = ?")) {
                for (Long id : ids) {
                    EventReading reading = EventReading.of(claims.getOrDefault(id, List.of()));
                    UncertainDate date = reading.date().orElse(null);
                    update.setObject(1, date == null || date.earliest == null ? null : Date.valueOf(date.earliest));
                    update.setObject(2, date == null || date.latest == null ? null : Date.valueOf(date.latest));
                    update.setBoolean(3, reading.disputed());
                    update.setLong(4, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
            done += ids.size();
            after = ids.get(ids.size() - 1);
        }
    }

    /** The claims of these events with what their weight needs, as detached entities, in recording order. */
    private static Map<Long, List<Claim>> claimsOf(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, List<Claim>> claims = new LinkedHashMap<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select c.event_id, c.id, c.date_edtf, c.severity, c.actor, c.certainty, c.verification, s.reliability,
                       coalesce(s.repeats_id, s.id)
                from claim c join source s on s.id = c.source_id where c.event_id = any (?) order by c.event_id, c.id""")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Claim c = new Claim();
                    c.id = rs.getLong(2);
                    c.date = rs.getString(3) == null ? null : UncertainDate.parse(rs.getString(3));
                    c.severity = rs.getString(4) == null ? null : Severity.valueOf(rs.getString(4));
                    c.actor = rs.getString(5);
                    c.certainty = Certainty.valueOf(rs.getString(6));
                    c.verification = Verification.valueOf(rs.getString(7));
                    // a claim's weight needs its source's grade and which report it is (the one it repeats, if any)
                    long original = rs.getLong(9);
                    String grade = rs.getString(8);
                    c.source = sources.computeIfAbsent(grade + "/" + original, key -> {
                        Source source = new Source();
                        source.id = original;
                        source.reliability = Reliability.valueOf(grade);
                        return source;
                    });
                    claims.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(c);
                }
            }
        }
        return claims;
    }
}
