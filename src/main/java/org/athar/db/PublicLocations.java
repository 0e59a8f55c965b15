package org.athar.db;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.athar.place.LocationSensitivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Locations in a public dump as the public may see them: every place row and every row image of a place in the history
 * has its coordinates shown as the place's sensitivity allows ({@link LocationSensitivity#shown}), rewritten line by
 * line as PostgreSQL's COPY writes them, so that the dump stays streamed. A withdrawn place keeps the sensitivity it
 * had last.
 */
final class PublicLocations {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The places whose location is not shown exactly, by id. */
    private final Map<Long, LocationSensitivity> sensitive;

    private PublicLocations(Map<Long, LocationSensitivity> sensitive) {
        this.sensitive = sensitive;
    }

    static PublicLocations read(Connection connection) throws SQLException {
        Map<Long, LocationSensitivity> sensitive = new HashMap<>();
        // the places now, and the withdrawn ones as they were last
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select id, location_sensitivity from place where location_sensitivity <> 'EXACT'
                union all
                select * from (select distinct on (h.owner_id) h.owner_id, h.before ->> 'location_sensitivity' as s
                  from history h where h.table_name = 'place' and h.operation = 'DELETE'
                   and not exists (select 1 from place p where p.id = h.owner_id) order by h.owner_id, h.id desc) last
                 where coalesce(s, 'EXACT') <> 'EXACT'""")) {
            while (rs.next()) {
                sensitive.put(rs.getLong(1), LocationSensitivity.valueOf(rs.getString(2)));
            }
        }
        return new PublicLocations(sensitive);
    }

    boolean rewrites(String table) {
        return table.equals("place") || table.equals("history");
    }

    /** A stream that takes a table's COPY lines and hands them on to {@code out} with their locations rewritten. */
    OutputStream rewriting(String table, List<String> columns, OutputStream out) {
        return new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                int start = offset;
                for (int i = offset; i < offset + length; i++) {
                    if (bytes[i] == '\n') {
                        line.write(bytes, start, i + 1 - start);
                        out.write(rewrite(table, columns, line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(bytes, start, offset + length - start);
            }

            @Override
            public void close() throws IOException {
                if (line.size() > 0) {
                    out.write(rewrite(table, columns, line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                }
            }
        };
    }

    /** One COPY line (tab-separated, ending in a newline); tabs inside values are escaped, so a tab always separates. */
    private String rewrite(String table, List<String> columns, String copyLine) {
        String[] fields = copyLine.substring(0, copyLine.length() - 1).split("\t", -1);
        if (table.equals("place")) {
            LocationSensitivity sensitivity = LocationSensitivity.valueOf(fields[columns.indexOf("location_sensitivity")]);
            coordinate(fields, columns.indexOf("latitude"), sensitivity);
            coordinate(fields, columns.indexOf("longitude"), sensitivity);
            if (sensitivity == LocationSensitivity.WITHHELD) {
                fields[columns.indexOf("location_certainty")] = CopyText.NULL;
            }
            return String.join("\t", fields) + "\n";
        }
        LocationSensitivity sensitivity = fields[columns.indexOf("table_name")].equals("place")
                ? sensitive.get(Long.parseLong(fields[columns.indexOf("owner_id")])) : null;
        if (sensitivity == null) {
            return copyLine; // most history: nothing of a sensitive place's location in it
        }
        for (String image : List.of("before", "after")) {
            int i = columns.indexOf(image);
            if (!fields[i].equals(CopyText.NULL)) {
                fields[i] = CopyText.escape(image(CopyText.unescape(fields[i]), sensitivity));
            }
        }
        return String.join("\t", fields) + "\n";
    }

    private static void coordinate(String[] fields, int i, LocationSensitivity sensitivity) {
        if (!fields[i].equals(CopyText.NULL)) {
            Double shown = sensitivity.shown(Double.valueOf(fields[i]));
            fields[i] = shown == null ? CopyText.NULL : shown.toString();
        }
    }

    private static String image(String json, LocationSensitivity sensitivity) {
        try {
            ObjectNode row = (ObjectNode) JSON.readTree(json);
            for (String name : List.of("latitude", "longitude")) {
                JsonNode value = row.get(name);
                if (value != null && value.isNumber()) {
                    Double shown = sensitivity.shown(value.asDouble());
                    if (shown == null) {
                        row.putNull(name);
                    } else {
                        row.put(name, shown);
                    }
                }
            }
            if (sensitivity == LocationSensitivity.WITHHELD && row.has("location_certainty")) {
                row.putNull("location_certainty");
            }
            return JSON.writeValueAsString(row);
        } catch (IOException e) {
            throw new IllegalStateException("A history row image is not JSON: " + e.getMessage(), e);
        }
    }
}
