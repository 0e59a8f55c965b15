package org.athar.curation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.athar.db.Sql;
import org.athar.transfer.Importer;
import org.athar.web.ConflictException;

/**
 * A bulk import waiting for review: the batch of files that were checked, and what they change table by table. Its
 * files are kept with the batch, so the reviewer publishes exactly the bytes that were checked; publishing reads them
 * again in the publishing transaction, against the registry as it is by then.
 */
public record ImportProposal(long batch, String files, Map<String, String> tables) implements Proposal {

    /** What a checked import changes, in words, table by table. */
    static Map<String, String> summary(Importer.Report report) {
        return report.tables().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().added()
                + " new, " + e.getValue().changed() + " changed, " + e.getValue().unchanged() + " unchanged",
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Override
    public Map<String, String> problems(Long recordId) {
        long files = Sql.query("select count(*) from import_file where batch_id = ?", rs -> rs.getLong(1), batch).get(0);
        return files == 0 ? Map.of("batch", "The files of import " + batch + " are no longer kept.") : Map.of();
    }

    @Override
    public void publish(Long recordId, long draftId) {
        List<Importer.Upload> uploads = ImportResource.uploads(batch);
        Importer.Report report = Sql.work(connection -> {
            try {
                return Importer.load(connection, uploads, current("athar.actor"),
                        current("athar.comment") + " [import " + batch + ": " + files + "]", null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!report.clean()) {
            throw new ConflictException("The registry changed since these files were checked, and " + report.badRows()
                    + " of their rows no longer fit: " + report.problems().stream().limit(5).map(p -> p.where() + ": " + p.reason())
                            .collect(Collectors.joining(" ")) + " Send it back, so that its author imports the files again.");
        }
    }

    /** Who the publishing transaction is attributed to, as History.attributeTo set it. */
    private static String current(String setting) {
        return Sql.query("select current_setting(?, true)", rs -> rs.getString(1), setting).get(0);
    }

    @Override
    public String title() {
        return "import " + batch + " (" + files + ")";
    }
}
