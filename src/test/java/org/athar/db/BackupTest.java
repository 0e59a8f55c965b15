package org.athar.db;

import static org.athar.testsupport.Db.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A backup of the test registry (the seed, accounts, a change with its history) restored into a new, empty database
 * gives the same rows in every table; a restore refuses a database that holds records and a file that is not a
 * backup, and writes nothing then.
 */
@QuarkusTest
class BackupTest {

    @Inject
    DataSource dataSource;

    /** Every backed-up table's rows, as text, in a stable order. */
    private static Map<String, String> contents(Connection c) throws Exception {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : Backup.tablesInLoadOrder(c)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    // a change set's transaction number is not kept: the new server would reuse it
                    "select count(*) || ':' || md5(coalesce(string_agg((to_jsonb(t) - 'txid')::text, '|' order by (to_jsonb(t) - 'txid')::text), '')) from "
                            + table + " t")) {
                rs.next();
                tables.put(table, rs.getString(1));
            }
        }
        return tables;
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseGivesTheSameRegistryHistoryAndAccounts() throws Exception {
        execute(dataSource, "begin; select set_config('athar.actor', 'backup test', true); "
                + "update place set description = description || ' (checked)' where slug = 'palmyra'; commit;");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Map<String, String> original;
        try (Connection c = dataSource.getConnection()) {
            Backup.Summary written = Backup.write(c, file);
            assertTrue(written.rows().get("history") > 0 && written.rows().get("account") > 0 && written.rows().get("place") > 0);
            original = contents(c);
        } finally {
            execute(dataSource, "begin; select set_config('athar.actor', 'backup test', true); "
                    + "update place set description = replace(description, ' (checked)', '') where slug = 'palmyra'; commit;");
        }
        try (Connection restored = Db.newDatabase(dataSource, "backup_check")) {
            Backup.Summary read = Backup.restore(restored, new ByteArrayInputStream(file.toByteArray()));
            assertEquals(original, contents(restored));
            assertTrue(read.total() > 100);
            // so that a new transaction of this server never takes a restored change set for its own
            try (Statement s = restored.createStatement(); ResultSet rs = s.executeQuery("select count(*) from change_set where txid >= 0")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
            // new records continue after the restored ones
            try (Statement s = restored.createStatement()) {
                s.execute("insert into source (ref, kind, title, reliability, unlocatable_reason) values ('after-restore', 'NEWS_REPORT', 'New', 'UNASSESSED', 'A test fixture.')");
            }

            // a database that holds records is refused, and keeps what it holds
            Map<String, String> before = contents(restored);
            IllegalStateException full = assertThrows(IllegalStateException.class,
                    () -> Backup.restore(restored, new ByteArrayInputStream(file.toByteArray())));
            assertTrue(full.getMessage().startsWith("This database already holds records"), full.getMessage());
            assertEquals(before, contents(restored));
        } finally {
            execute(dataSource, "drop database if exists backup_check with (force)");
        }
        try (Connection empty = Db.newDatabase(dataSource, "backup_junk")) {
            IllegalStateException junk = assertThrows(IllegalStateException.class,
                    () -> Backup.restore(empty, new ByteArrayInputStream("not a zip".getBytes())));
            assertTrue(junk.getMessage().contains("not an Athar backup"), junk.getMessage());
        } finally {
            execute(dataSource, "drop database if exists backup_junk with (force)");
        }
    }
}
