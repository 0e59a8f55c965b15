package org.athar.curation;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.athar.account.Account;
import org.athar.db.Sql;
import org.athar.transfer.Importer;
import org.athar.web.Requests;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bulk import from the browser: a curator uploads CSV files (the columns of the exports), they are kept as a batch
 * and checked in the background while the batch's page shows how far it has got (it refreshes itself, no script);
 * then either every bad row is listed (and can be downloaded, with its reason, to fix in a spreadsheet) and nothing
 * is proposed, or the batch becomes one draft that a reviewer publishes in one transaction. Larger files go through
 * the {@code import} command.
 */
@Path("/curate/import")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
public class ImportResource {

    /** Problems a batch's page lists; the downloads hold every kept one. */
    static final int SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance importForm(String comment, Map<String, String> problems, List<Batch> batches);

        static native TemplateInstance batch(Batch batch, List<String> files, Importer.Report report, Progress progress);
    }

    /** A batch as its pages show it. */
    public record Batch(long id, String author, String comment, String state, long bytesTotal, long bytesRead,
            long rowsChecked, long badRows, Long draftId, String draftState, OffsetDateTime createdAt,
            OffsetDateTime finishedAt) {
        public boolean checking() {
            return state.equals("CHECKING");
        }
    }

    /** How far a check has got: the share read, the rate, and about how long it will still take. */
    public record Progress(int percent, long rowsPerSecond, long secondsLeft) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    DataSource dataSource;

    @Inject
    Checks checks;

    @Inject
    ObjectMapper json;

    /**
     * Where batches are checked: threads of their own, which carry nothing of the request that uploaded the files
     * (it has ended by the time they run), each check with a request context of its own.
     */
    @ApplicationScoped
    static class Checks {

        private static final Logger LOG = Logger.getLogger(Checks.class);

        private final ManagedExecutor executor = ManagedExecutor.builder().propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).maxAsync(2).build();

        @Inject
        DataSource dataSource;

        @Inject
        ObjectMapper json;

        @Inject
        Checks self;

        void start(long batch) {
            executor.runAsync(() -> self.check(batch));
        }

        @PreDestroy
        void stop() {
            executor.shutdownNow();
        }

        /** Checks a batch in the background, writing its progress to the batch (so that any node can show it). */
        @ActivateRequestContext
        void check(long batch) {
            List<Importer.Upload> uploads = QuarkusTransaction.requiringNew().call(() -> uploads(batch));
            long[] last = { 0 };
            Importer.Report report;
            try (Connection connection = dataSource.getConnection(); Connection progress = dataSource.getConnection()) {
                // the pool hands connections back as it got them: each is left in autocommit, as it came
                progress.setAutoCommit(true);
                connection.setAutoCommit(false);
                try {
                    report = Importer.load(connection, uploads, "import check", "checking import " + batch, (bytes, rows, bad) -> {
                        long now = System.nanoTime();
                        if (now - last[0] > 500_000_000L) {
                            last[0] = now;
                            try (PreparedStatement s = progress.prepareStatement(
                                    "update import_batch set bytes_read = ?, rows_checked = ?, bad_rows = ? where id = ?")) {
                                s.setLong(1, bytes);
                                s.setLong(2, rows);
                                s.setLong(3, bad);
                                s.setLong(4, batch);
                                s.executeUpdate();
                            } catch (SQLException e) {
                                LOG.warnf("Could not note the progress of import %d: %s", batch, e.getMessage());
                            }
                        }
                    });
                } finally {
                    connection.rollback(); // only a reviewer's publishing writes
                    connection.setAutoCommit(true);
                }
            } catch (SQLException | IOException | RuntimeException e) {
                LOG.errorf(e, "Checking import %d failed", batch);
                report = new Importer.Report(0, 1, List.of(new Importer.Problem(0, "", 0, null,
                        "The files could not be checked: " + (e instanceof SQLException ? Sql.refusal(e) : e.getMessage()) + ".")),
                        Map.of());
            }
            finish(batch, report);
        }

        private void finish(long batch, Importer.Report report) {
            QuarkusTransaction.requiringNew().run(() -> {
                String text;
                try {
                    text = json.writeValueAsString(report);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                long total = Sql.query("select bytes_total from import_batch where id = ?", rs -> rs.getLong(1), batch).get(0);
                if (report.clean()) {
                    Map<String, Object> row = Sql.query("select author_id, comment from import_batch where id = ?",
                            rs -> Map.<String, Object>of("author", rs.getLong(1), "comment", rs.getString(2)), batch).get(0);
                    String files = String.join(", ", files(batch));
                    Draft draft;
                    try {
                        draft = Draft.propose(Account.findById(row.get("author")), RecordType.IMPORT, Draft.EDIT, null, null,
                                json.writeValueAsString(new ImportProposal(batch, files, ImportProposal.summary(report))),
                                (String) row.get("comment"));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                    Draft.getEntityManager().flush();
                    Sql.update("update import_batch set state = 'PROPOSED', draft_id = ?, report = ?::jsonb, bytes_read = ?,"
                            + " rows_checked = ?, bad_rows = 0, finished_at = now() where id = ?", draft.id, text, total, report.rows(), batch);
                } else {
                    Sql.update("update import_batch set state = 'REJECTED', report = ?::jsonb, bytes_read = ?, rows_checked = ?,"
                            + " bad_rows = ?, finished_at = now() where id = ?", text, total, report.rows(), report.badRows(), batch);
                }
            });
        }


    }

    @GET
    public TemplateInstance form() {
        return Templates.importForm("", Map.of(), batches());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("files") List<FileUpload> files, @RestForm("comment") String comment) throws IOException {
        List<FileUpload> given = files == null ? List.of() : files.stream().filter(f -> f.fileName() != null
                && !f.fileName().isBlank()).toList();
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        if (given.isEmpty()) {
            problems.put("files", "Choose one or more CSV files to import.");
        }
        if (comment == null || comment.isBlank()) {
            problems.put("comment", Forms.say().problem_comment_files());
        }
        if (!problems.isEmpty()) {
            return Response.status(400).entity(Templates.importForm(comment == null ? "" : comment, problems, batches())).build();
        }
        long author = Account.findByUsername(identity.getPrincipal().getName()).orElseThrow().id;
        long total = given.stream().mapToLong(FileUpload::size).sum();
        long batch = QuarkusTransaction.requiringNew().call(() -> {
            long id = Sql.query("insert into import_batch (author_id, comment, bytes_total) values (?, ?, ?) returning id",
                    rs -> rs.getLong(1), author, comment.strip(), total).get(0);
            for (int i = 0; i < given.size(); i++) {
                Sql.update("insert into import_file (batch_id, position, name, content) values (?, ?, ?, ?)", id, i,
                        given.get(i).fileName(), Files.readAllBytes(given.get(i).uploadedFile()));
            }
            return id;
        });
        checks.start(batch);
        return Response.seeOther(URI.create("/curate/import/" + batch)).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance batch(@PathParam("id") String id) throws JsonProcessingException {
        Batch batch = find(Requests.parseId(id, "import"));
        String report = Sql.query("select report::text from import_batch where id = ?", rs -> rs.getString(1), batch.id()).get(0);
        Progress progress = null;
        if (batch.checking()) {
            double seconds = Math.max(0.001, Duration.between(batch.createdAt(), OffsetDateTime.now()).toMillis() / 1000.0);
            double share = batch.bytesTotal() == 0 ? 0 : (double) batch.bytesRead() / batch.bytesTotal();
            progress = new Progress((int) Math.round(share * 100), Math.round(batch.rowsChecked() / seconds),
                    share <= 0 ? -1 : Math.round(seconds / share - seconds));
        }
        return Templates.batch(batch, files(batch.id()), report == null ? null : json.readValue(report, Importer.Report.class),
                progress);
    }

    /** The rejected rows of one file, as they were, with a column saying why: to fix in a spreadsheet and import again. */
    @GET
    @Path("{id}/rejected/{file}")
    @Produces("text/csv")
    public Response rejected(@PathParam("id") String id, @PathParam("file") String file) throws JsonProcessingException {
        Batch batch = find(Requests.parseId(id, "import"));
        int position = (int) Requests.parseId(file.replaceFirst("\\.csv$", ""), "file");
        String report = Sql.query("select report::text from import_batch where id = ?", rs -> rs.getString(1), batch.id()).get(0);
        List<Importer.Upload> uploads = uploads(batch.id());
        if (report == null || position < 1 || position > uploads.size()) {
            throw Requests.notFound("file of import", id + "/" + file);
        }
        Map<Long, List<String>> rejected = json.readValue(report, Importer.Report.class).rejected(position - 1);
        Importer.Upload upload = uploads.get(position - 1);
        StreamingOutput body = out -> {
            CSVFormat format = Importer.FORMAT;
            try (CSVParser parser = CSVParser.parse(new InputStreamReader(upload.opener().open(), StandardCharsets.UTF_8), format);
                    CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), format)) {
                Iterator<CSVRecord> records = parser.iterator();
                boolean header = true;
                while (true) {
                    long line = parser.getCurrentLineNumber() + 1;
                    if (!records.hasNext()) {
                        break;
                    }
                    CSVRecord record = records.next();
                    List<String> cells = new ArrayList<>(record.toList());
                    cells.remove(Importer.REASON); // a file of rejected rows imported again, then rejected again
                    if (header) {
                        cells.add(Importer.REASON);
                        printer.printRecord(cells);
                        header = false;
                    } else if (rejected.containsKey(line)) {
                        cells.add(String.join(" ", rejected.get(line)));
                        printer.printRecord(cells);
                    }
                }
            } catch (UncheckedIOException e) {
                // a file that could not be read as CSV: its problem is on the batch's page
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8").header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"rejected-" + upload.name().replaceAll("[^A-Za-z0-9._-]", "_") + "\"").build();
    }

    /** A batch's files, read from where they are kept. */
    static List<Importer.Upload> uploads(long batch) {
        return Sql.query("select name, content from import_file where batch_id = ? order by position", rs -> {
            byte[] content = rs.getBytes(2);
            return new Importer.Upload(rs.getString(1), content.length, () -> new ByteArrayInputStream(content));
        }, batch);
    }

    private static List<String> files(long batch) {
        return Sql.query("select name from import_file where batch_id = ? order by position", rs -> rs.getString(1), batch);
    }

    private static final String BATCH = """
            select b.id, a.username, b.comment, b.state, b.bytes_total, b.bytes_read, b.rows_checked, b.bad_rows, b.draft_id,
                   d.state, b.created_at, b.finished_at
            from import_batch b join account a on a.id = b.author_id left join draft d on d.id = b.draft_id""";

    private static Batch batch(java.sql.ResultSet rs) throws SQLException {
        return new Batch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getLong(8), rs.getObject(9) == null ? null : rs.getLong(9), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class));
    }

    private Batch find(long id) {
        return Sql.query(BATCH + " where b.id = ?", ImportResource::batch, id).stream().findFirst()
                .orElseThrow(() -> Requests.notFound("import", Long.toString(id)));
    }

    private List<Batch> batches() {
        return Sql.query(BATCH + " where a.username = ? order by b.id desc limit 20", ImportResource::batch,
                identity.getPrincipal().getName());
    }
}
