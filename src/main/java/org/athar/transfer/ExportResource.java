package org.athar.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.athar.db.Backup;
import org.athar.search.SearchRequest;
import org.athar.search.SearchService;
import org.athar.search.SearchService.Selection;
import org.athar.web.BadParameterException;
import org.athar.web.RecordNotFoundException;
import org.athar.web.Requests;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The published registry as files: every table of {@link Export} as CSV (RFC 4180, UTF-8) and the located places as
 * GeoJSON (RFC 7946). Both are written while they are read, a thousand rows at a time, so memory stays flat whatever
 * the registry's size; the search's parameters select the places ("every destroyed monument of a site" is
 * {@code ?site=palmyra&status=DESTROYED}). Locations are shown as the public may see them, to everyone.
 */
@Path("/api/export")
@Blocking
@Tag(name = "Exports", description = "The published registry as files, for GIS, spreadsheets and scripts")
public class ExportResource {

    /** Rows fetched from the database at a time: the export holds no more than these in memory. */
    static final int FETCH = 1000;

    @Inject
    DataSource dataSource;

    @Inject
    SearchService search;

    @Inject
    ObjectMapper json;

    @GET
    @Path("{file}")
    @Operation(operationId = "export", summary = "A table of the published registry as CSV, or its located places as GeoJSON",
            description = "Streamed: memory stays flat whatever the size. The search's parameters select the places whose "
                    + "records are exported; without them everything is. Locations are shown as the public may see them.")
    public Response export(@PathParam("file") String file, @Context UriInfo uri) {
        if (file.equals(Export.DUMP)) {
            return dump(uri.getQueryParameters());
        }
        String name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        String format = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1) : "";
        Export export = Export.of(name).filter(e -> format.equals("csv") || (format.equals("geojson") && e == Export.PLACES))
                .orElseThrow(() -> new RecordNotFoundException("There is no export '" + file + "'. The exports are: "
                        + Export.files() + "."));
        SearchRequest request = request(uri.getQueryParameters());
        String base = Requests.base(uri);
        // the filters are checked (an unknown site is a 400) before the first byte is sent
        Selection places = selection(request);
        StreamingOutput body = format.equals("csv") ? out -> csv(export, places, base, out) : out -> geojson(places, base, out);
        return Response.ok(body, format.equals("csv") ? "text/csv; charset=UTF-8; header=present" : "application/geo+json")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"athar-" + file + "\"").build();
    }

    /** The public dump: everything needed to rebuild the published registry, history included, as one zip. */
    private Response dump(MultivaluedMap<String, String> params) {
        if (!params.isEmpty()) {
            String given = params.keySet().iterator().next();
            throw new BadParameterException(given, "The dump is the whole published registry: it takes no filters ('"
                    + given + "' given). Filter the CSV and GeoJSON exports instead.");
        }
        StreamingOutput body = out -> {
            try (Connection connection = dataSource.getConnection()) {
                Backup.write(connection, out, Backup.Scope.PUBLIC);
            } catch (SQLException e) {
                throw new IllegalStateException("The dump failed: " + e.getMessage(), e);
            }
        };
        return Response.ok(body, "application/zip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"athar-" + Export.DUMP + "\"").build();
    }

    /** The search's parameters that select places; anything else (a misspelt filter) is refused rather than ignored. */
    private static SearchRequest request(MultivaluedMap<String, String> params) {
        for (String given : params.keySet()) {
            if (!SearchRequest.SELECTING.contains(given)) {
                throw new BadParameterException(given, "'" + given + "' is not a filter of the exports. They take: "
                        + String.join(", ", SearchRequest.SELECTING) + ".");
            }
        }
        return SearchRequest.parse(params);
    }

    private Selection selection(SearchRequest request) {
        try (Connection connection = dataSource.getConnection()) {
            return search.selection(connection, request);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void csv(Export export, Selection places, String base, OutputStream out) {
        try (Connection connection = dataSource.getConnection()) {
            csv(connection, export, places, base, out);
        } catch (SQLException e) {
            throw new IllegalStateException("Export of " + export.file + " failed: " + e.getMessage(), e);
        }
    }

    /** Writes an export of the database behind the connection as CSV. */
    static void csv(Connection connection, Export export, Selection places, String base, OutputStream out) throws SQLException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(export.columns.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            read(connection, export, places, base, values -> {
                for (Object value : values) {
                    printer.print(cell(value));
                }
                printer.println();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object cell(Object value) {
        if (value instanceof String text) {
            return Export.asText(text);
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return value;
    }

    private void geojson(Selection places, String base, OutputStream out) {
        List<String> columns = Export.PLACES.columns;
        try (Connection connection = dataSource.getConnection();
                JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            read(connection, Export.PLACES, places, base, values -> {
                Double latitude = (Double) values[columns.indexOf("latitude")];
                if (latitude == null) {
                    return; // not located, or its location withheld
                }
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", (String) values[0]);
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "Point");
                g.writeArrayFieldStart("coordinates");
                g.writeNumber((Double) values[columns.indexOf("longitude")]); // RFC 7946: longitude first
                g.writeNumber(latitude);
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                for (int i = 0; i < columns.size(); i++) {
                    if (!columns.get(i).equals("latitude") && !columns.get(i).equals("longitude")) {
                        g.writeFieldName(columns.get(i));
                        if (values[i] == null) {
                            g.writeNull();
                        } else {
                            g.writeString(values[i].toString()); // dates as YYYY-MM-DD
                        }
                    }
                }
                g.writeEndObject();
                g.writeEndObject();
            });
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Export of places.geojson failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(Object[] values) throws IOException;
    }

    /**
     * Reads an export's rows in one read-only transaction (one snapshot, however long the writing takes), a cursor's
     * worth at a time, and hands each to {@code writer}.
     */
    private static void read(Connection connection, Export export, Selection places, String base, RowWriter writer)
            throws IOException, SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false); // PostgreSQL's driver streams rows only inside a transaction
        String sql = export.sql(places.sql() == null ? null : "(" + places.sql() + ")");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH);
            places.bind(statement, places.sql() == null ? 0 : export.selections());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    writer.write(export.row(rs, base));
                }
            }
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
