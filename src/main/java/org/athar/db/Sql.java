package org.athar.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hibernate.FlushMode;
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
        if (session.isJoinedToTransaction() && session.getHibernateFlushMode() != FlushMode.MANUAL) {
            // let the SQL see what the transaction changed through entities so far (a read, whose session is never
            // flushed, changed nothing: checking the entities a page loaded took 3% of its time)
            session.flush();
        }
        return session;
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    /** The SQLSTATE of the database error behind an exception, if one is behind it. */
    public static Optional<String> sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** A failure that the same transaction, tried again, would likely not meet: a deadlock or serialisation failure. */
    public static boolean isTransient(Throwable e) {
        return sqlState(e).filter(state -> state.equals("40001") || state.equals("40P01")).isPresent();
    }

    /** What a rule of the database that refused a write means, in words for the person who asked for it. */
    public static String refusal(Throwable e) {
        return switch (sqlState(e).orElse("")) {
            case "23505" -> "another record already has the same key (a slug, a reference or a name in that language)";
            case "23503" -> "a record it refers to is no longer in the registry, or another record still refers to it";
            case "23514", "23502" -> "a value breaks a rule of the registry (a required field, a date window, a code)";
            case "40001", "40P01" -> "another change to the same records was being published at the same moment";
            default -> "the database refused it";
        };
    }
}
