package org.athar.history;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import org.athar.db.Sql;
import org.athar.history.Restore.Target;

import io.quarkus.qute.TemplateData;


/**
 * Revisions: a record as it was just after a change set of the registry (its number is the revision), so that a page
 * cited as {@code ?rev=N} reads as it did then. The record and what belongs to it (and, for a place, its events; for a
 * place or an event, the sources of their claims) are put back as they were by {@link Restore}, the page is read, and
 * the transaction is rolled back: nothing is written, and the page is built by the same code as the current one.
 * Records that a page only names (a place's parts, the places an event struck) keep their current names.
 */
@ApplicationScoped
public class Revisions {

    /** A revision of a record: the change set, when it was made, and whether it is the record's latest. */
    @TemplateData
    public record Revision(long number, OffsetDateTime madeAt, boolean latest) {
    }

    @Inject
    Restore restore;

    @Inject
    TransactionManager transactions;

    /** The registry's latest change set, 0 before the first. */
    private static final String LATEST = "select coalesce(max(id), 0) from change_set";

    /** When the registry reached revision %s: the time of its last change set up to that number. */
    private static final String MADE_AT = "select made_at from change_set where id <= %s order by id desc limit 1";

    /** The registry's latest change set, 0 before the first. */
    @Transactional // a transaction of its own, or the page's: see Pages#read
    public long latest() {
        return Sql.query(LATEST, rs -> rs.getLong(1)).get(0);
    }

    /**
     * The revision a record's page shows now: the last change set that changed it, or the registry's latest when its
     * history holds none (records loaded in bulk, which a change set has never touched since).
     */
    @Transactional // a transaction of its own, or the page's: see Pages#read
    public Revision current(History.Kind kind, long id) {
        // one statement, not three: every page asks
        return Sql.query("select n, (" + MADE_AT.formatted("n") + ") from (select coalesce((select max(h.change_set_id) "
                + "from history h where " + kind.parameterRows() + "), (" + LATEST + ")) as n) r",
                rs -> new Revision(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), true), kind.ids(id)).get(0);
    }

    /**
     * Revision {@code number}, if the registry has reached it: the registry after every change set up to that number
     * (numbers between change sets are the state the earlier one left).
     */
    @Transactional // a transaction of its own, or the page's: see Pages#read
    public Optional<Revision> of(long number, History.Kind kind, long id) {
        return number > latest() ? Optional.empty()
                : Optional.of(new Revision(number, madeAt(number), number >= current(kind, id).number()));
    }

    /** When the registry reached a revision: the time of its last change set up to that number. */
    private OffsetDateTime madeAt(long number) {
        return Sql.query(MADE_AT.formatted("?"), rs -> rs.getObject(1, OffsetDateTime.class), number).stream().findFirst().orElse(null);
    }

    /** Reads {@code read} with the record as it was just after change set {@code number}, then undoes everything. */
    public <T> T asOf(long number, History.Kind kind, long id, Supplier<T> read) {
        try {
            Transaction outer = transactions.suspend();
            transactions.begin();
            try {
                List<Target> targets = new ArrayList<>(List.of(new Target(kind, id)));
                if (kind == History.Kind.PLACE) {
                    // its events then: those linked now, and those whose link to it changed since
                    Sql.query("""
                            select event_id from damage_event_place where place_id = ?
                            union select (coalesce(h.before, h.after) ->> 'event_id')::bigint from history h
                             where h.table_name = 'damage_event_place' and coalesce(h.before, h.after) ->> 'place_id' = ?
                               and h.change_set_id > ?""", rs -> rs.getLong(1), id, Long.toString(id), number)
                            .forEach(event -> targets.add(new Target(History.Kind.EVENT, event)));
                }
                restore.apply(restore.plan(targets, number + 1));
                if (kind != History.Kind.SOURCE) {
                    // the sources their claims cite, as they were then
                    List<Long> events = targets.stream().filter(t -> t.kind() == History.Kind.EVENT).map(Target::id).toList();
                    List<Target> sources = Sql.query("select distinct source_id from claim where place_id = ? or event_id = any (?)",
                            rs -> new Target(History.Kind.SOURCE, rs.getLong(1)), kind == History.Kind.PLACE ? id : -1,
                            events.toArray(Long[]::new));
                    restore.apply(restore.plan(sources, number + 1));
                }
                return read.get();
            } finally {
                transactions.rollback();
                if (outer != null) {
                    transactions.resume(outer);
                }
            }
        } catch (SystemException | NotSupportedException | InvalidTransactionException e) {
            throw new IllegalStateException("No transaction to read revision " + number + " in: " + e.getMessage(), e);
        }
    }
}
