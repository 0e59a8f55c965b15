package org.athar.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Plain SQL on the connection of the current Hibernate session, so that it sees (and belongs to) the current
 * transaction, for the queries that work on rows as the database has them (history, restoring).
 */
public final class Sql {

    private Sql() {
    }

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> query(String sql, Row<T> row, Object... params) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                bind(s, params);
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row.map(rs));
                    }
                }
                return rows;
            }
        });
    }

    /** Runs a write; the caller's transaction commits or rolls it back. */
    public static int update(String sql, Object... params) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                bind(s, params);
                return s.executeUpdate();
            }
        });
    }

    /** Work on the current transaction's connection, seeing what entities changed so far. */
    public static <T> T work(ReturningWork<T> work) {
        return session().doReturningWork(work);
    }

    private static Session session() {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        if (session.isJoinedToTransaction()) {
            // let the SQL see what the transaction changed through entities so far
            session.flush();
        }
        return session;
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }
}
