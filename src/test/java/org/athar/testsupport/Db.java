package org.athar.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** Plain JDBC against the test database, bypassing the application's Java checks. */
public final class Db {

    public static final List<String> TABLES = List.of("place", "place_name", "place_identifier", "source", "place_search",
            "damage_event", "damage_event_effect", "damage_event_place", "claim", "status_assessment",
            "status_assessment_claim");

    private Db() {
    }

    public static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** {@link #execute} for use inside lambdas. */
    public static void runUnchecked(DataSource dataSource, String sql) {
        try {
            execute(dataSource, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String single(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A new, empty, migrated database on the test server (dropped first if a test left it), and a connection to it. */
    public static Connection newDatabase(DataSource dataSource, String name) throws Exception {
        execute(dataSource, "drop database if exists " + name + " with (force)");
        execute(dataSource, "create database " + name);
        String url = single(dataSource, "select 'jdbc:postgresql://localhost:' || current_setting('port') || '/" + name + "'");
        Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").load().migrate();
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        return DriverManager.getConnection(url, props);
    }

    /** Takes away a registry the generator added (its keys start with g- and gen-), without history. */
    public static void removeGenerated(DataSource dataSource) throws SQLException {
        execute(dataSource, """
                begin;
                set local athar.bulk_load = 'on';
                delete from damage_event where slug like 'g-event-%';
                delete from place where slug like 'g-%' and level = 'MONUMENT';
                delete from place where slug like 'g-%';
                delete from source where ref like 'gen-%';
                commit;
                """);
    }

    /** A monument of Palmyra with one English designation, made with plain SQL for a test to change. */
    public static String monument(DataSource dataSource, String slug, String name) throws SQLException {
        execute(dataSource, """
                insert into place (slug, level, parent_id, parent_level, place_type, kind)
                  select '%1$s', 'MONUMENT', id, 'SITE', 'STRUCTURAL_HERITAGE', 'TOWER_TOMB' from place where slug = 'palmyra';
                insert into place_name (place_id, name, language, direction, name_type)
                  select id, '%2$s', 'en', 'LTR', 'DESIGNATION' from place where slug = '%1$s';
                """.formatted(slug, name));
        return single(dataSource, "select id from place where slug = '" + slug + "'");
    }

    /**
     * Waits until the application has recomputed the event readings that plain SQL left stale (it does so on hearing
     * the change announced), for tests that order events after writing claims behind its back.
     */
    public static void awaitReadings(DataSource dataSource) throws SQLException {
        long until = System.currentTimeMillis() + 10_000;
        while (!"0".equals(single(dataSource, "select count(*) from event_reading where stale"))) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("event readings still stale after 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A digest of every row of every registry table: equal digests mean nothing was written. */
    public static Map<String, String> fingerprint(DataSource dataSource) throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : TABLES) {
            digests.put(table, single(dataSource,
                    "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t"));
        }
        return digests;
    }
}
