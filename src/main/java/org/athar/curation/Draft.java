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

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "record_type")
    public String recordType;

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

    @Version
    public int version;

    public static List<Draft> pending() {
        return list("state = ?1 order by id", PENDING);
    }

    public static List<Draft> byAuthor(Account author) {
        return list("author = ?1 order by id desc", author);
    }
}
