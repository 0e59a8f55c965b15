package org.athar.curation;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.athar.account.Account;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A proposed new record or change, waiting for a reviewer; the registry is untouched until it is published. */
@Entity
public class Draft extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String SENT_BACK = "SENT_BACK";

    public static final String EDIT = "EDIT";
    public static final String WITHDRAW = "WITHDRAW";
    public static final String RESTORE = "RESTORE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "record_type")
    public String recordType;

    /** EDIT (the payload is the proposed record), WITHDRAW or RESTORE (migration V6). */
    public String action = EDIT;

    @Column(name = "record_id")
    public Long recordId;

    @Column(name = "base_version")
    public Integer baseVersion;

    /** The proposed record as its form's JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    public String comment;

    public String state = PENDING;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "author_id")
    public Account author;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "reviewer_id")
    public Account reviewer;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    /** Reviewed by its own author, where the installation lets administrators do so (a single curator). */
    @Column(name = "self_reviewed")
    public boolean selfReviewed;

    @Version
    public int version;

    public static List<Draft> pending() {
        return list("state = ?1 order by id", PENDING);
    }

    /** What the draft proposes, in a few words: "New place", "Withdraw a damage event". */
    public String heading() {
        String what = RecordType.valueOf(recordType).noun();
        return switch (action) {
            case WITHDRAW -> "Withdraw a " + what;
            case RESTORE -> "Restore an earlier version of a " + what;
            default -> (recordId == null ? "New " : "Change to a ") + what;
        };
    }

    /** The record's part of its history address (/history/events/12); only for drafts about an existing record. */
    public String historyPath() {
        return RecordType.valueOf(recordType).kind.path + "/" + recordId;
    }

    /**
     * Pending drafts that concern a place: its own record, its status entries, its events and their claims, claims
     * about it, new places inside it and damage reports naming it. Curators see them on the place's page.
     */
    public static List<Draft> pendingAbout(long placeId, String slug) {
        return getEntityManager().createNativeQuery("""
                select d.* from draft d where d.state = 'PENDING' and (
                  (d.record_type = 'PLACE' and (d.record_id = ?1 or d.payload ->> 'parent' = ?2))
                  or (d.record_type = 'STATUS' and (d.payload ->> 'place' = ?2
                      or d.record_id in (select s.id from status_assessment s where s.place_id = ?1)))
                  or (d.record_type = 'DAMAGE_REPORT' and (d.payload ->> 'place' = ?2 or d.payload ->> 'event' in
                      (select e.slug from damage_event e join damage_event_place p on p.event_id = e.id where p.place_id = ?1)))
                  or (d.record_type = 'EVENT' and d.record_id in (select p.event_id from damage_event_place p where p.place_id = ?1))
                  or (d.record_type = 'CLAIM' and d.record_id in (select c.id from claim c where c.place_id = ?1 or c.event_id in
                      (select p.event_id from damage_event_place p where p.place_id = ?1))))
                order by d.id""", Draft.class).setParameter(1, placeId).setParameter(2, slug).getResultList();
    }

    /** Starts a draft by {@code author}. */
    static Draft propose(Account author, RecordType type, String action, Long recordId, Integer baseVersion,
            String payload, String comment) {
        Draft draft = new Draft();
        draft.recordType = type.name();
        draft.action = action;
        draft.recordId = recordId;
        draft.baseVersion = baseVersion;
        draft.payload = payload;
        draft.comment = comment.strip();
        draft.author = author;
        draft.persist();
        return draft;
    }

    public static List<Draft> byAuthor(Account author) {
        return list("author = ?1 order by id desc", author);
    }
}
