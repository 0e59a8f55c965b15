package org.athar.db;

import static org.athar.testsupport.Db.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.athar.testsupport.Db;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SchemaTest {

    @Inject
    DataSource dataSource;

    @Test
    void migrationsApplyToAnEmptyDatabase() throws SQLException {
        execute(dataSource, "drop database if exists migration_check");
        execute(dataSource, "create database migration_check");
        try {
            String url = Db.single(dataSource, "select 'jdbc:postgresql://localhost:' || current_setting('port') || '/migration_check'");
            Flyway flyway = Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").load();
            int applied = flyway.migrate().migrationsExecuted;
            assertTrue(applied >= 1);
            assertEquals(applied, flyway.info().applied().length);
            flyway.validate();
        } finally {
            execute(dataSource, "drop database if exists migration_check with (force)");
        }
    }

    /** Each statement breaks one rule; the database must refuse it with the matching SQLSTATE class 23. */
    private void assertRefused(String expectedState, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> execute(dataSource, sql), sql);
        assertEquals(expectedState, e.getSQLState(), e.getMessage());
    }

    @Test
    void databaseRefusesBrokenConstraintsEvenWithoutTheApplication() {
        String check = "23514", foreignKey = "23503", unique = "23505", notNull = "23502";
        assertRefused(check, "insert into place (slug, level, place_type, kind) values ('x', 'SITE', 'NOT_A_TYPE', 'TEMPLE')");
        assertRefused(check, "insert into place (slug, level, place_type, kind) values ('Bad Slug', 'SITE', 'URBAN_HERITAGE', 'TEMPLE')");
        assertRefused(unique, "insert into place (slug, level, place_type, kind) values ('palmyra', 'SITE', 'URBAN_HERITAGE', 'TEMPLE')");
        assertRefused(check, "insert into place (slug, level, place_type, kind) values ('orphan', 'MONUMENT', 'URBAN_HERITAGE', 'TEMPLE')");
        assertRefused(check, "insert into place (slug, level, place_type, kind, latitude) values ('half-located', 'SITE', 'URBAN_HERITAGE', 'TEMPLE', 34.5)");
        assertRefused(foreignKey, """
                insert into place (slug, level, place_type, kind, parent_id, parent_level)
                select 'wrong-parent', 'MONUMENT', 'URBAN_HERITAGE', 'TEMPLE', id, 'SITE' from place where slug = 'temple-of-bel'""");
        assertRefused(notNull, "insert into source (ref, kind, title, reliability, unlocatable_reason) values ('no-title', 'VIDEO', null, 'LOW', 'Unpublished.')");
        assertRefused(check, "insert into source (ref, kind, title, reliability, unlocatable_reason) values ('no-reason', 'VIDEO', 'A video', 'LOW', 'Unpublished.')");
        // a source says how to find it, or why it cannot be found
        assertRefused(check, "insert into source (ref, kind, title, reliability) values ('unfindable', 'VIDEO', 'A video', 'UNASSESSED')");
        assertRefused(check, "insert into source (ref, kind, title, reliability, doi) values ('bad-doi', 'VIDEO', 'A video', 'UNASSESSED', 'doi:10.1/x')");
        assertRefused(check, """
                insert into claim (source_id, event_id, date_edtf, date_earliest, date_latest, date_precision, certainty, verification)
                select (select min(id) from source), (select min(id) from damage_event), '2015-08-31/2015-08-27',
                       date '2015-08-31', date '2015-08-27', 'INTERVAL', 'HIGH', 'REPORTED'""");
        assertRefused(check, """
                insert into claim (source_id, event_id, place_id, quote, certainty, verification)
                select (select min(id) from source), (select min(id) from damage_event), (select min(id) from place),
                       'about two things at once', 'HIGH', 'REPORTED'""");
        assertRefused(check, """
                insert into claim (source_id, event_id, certainty, verification)
                select (select min(id) from source), (select min(id) from damage_event), 'HIGH', 'REPORTED'""");
        assertRefused(foreignKey, """
                insert into claim (source_id, event_id, quote, certainty, verification)
                values (999999999, (select min(id) from damage_event), 'from nowhere', 'HIGH', 'REPORTED')""");
        assertRefused(check, """
                insert into claim (source_id, event_id, quote, certainty, verification)
                select (select min(id) from source), (select min(id) from damage_event), 'q', 'SURE', 'REPORTED'""");
        assertRefused(check, """
                insert into damage_event_effect (event_id, effect_type) select min(id), 'SMASHED' from damage_event""");
    }
}
