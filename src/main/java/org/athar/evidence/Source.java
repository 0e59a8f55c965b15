package org.athar.evidence;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.athar.time.UncertainDate;
import org.hibernate.annotations.EmbeddedColumnNaming;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A document that reports something: a news story, an imagery analysis, an official notice... */
@Entity
public class Source extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Stable key for the source, used by the seed files and imports. */
    public String ref;

    @Enumerated(EnumType.STRING)
    public SourceKind kind;

    public String title;
    public String publisher;
    public String author;

    @Embedded
    @EmbeddedColumnNaming("published_%s")
    public UncertainDate published;

    public String url;

    /** An archived copy's address (a web archive's), for when the page moves or goes. */
    @Column(name = "archived_url")
    public String archivedUrl;

    public String doi;

    /** Another identifier: ISBN, report number, archive shelfmark... */
    public String identifier;

    /** The page or section cited. */
    public String locator;

    @Column(name = "accessed_on")
    public LocalDate accessedOn;

    /** Why a source has no address or identifier (an unpublished talk, a copy received without one). */
    @Column(name = "unlocatable_reason")
    public String unlocatableReason;

    /** The source this one repeats (a reprint, a wire story): its weight is not counted twice. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "repeats_id")
    public Source repeats;
    public String language;

    @Enumerated(EnumType.STRING)
    public Reliability reliability;

    @Column(name = "reliability_reason")
    public String reliabilityReason;

    @Version
    public int version;

    public static Optional<Source> findByRef(String ref) {
        return find("ref", ref).firstResultOptional();
    }

    /** The source whose report this one is: itself, or the one it repeats (followed to the first). */
    public Source original() {
        Source s = this;
        for (int i = 0; s.repeats != null && i < 10; i++) {
            s = s.repeats;
        }
        return s;
    }

    /** "Publisher, date": the short citation shown beside a claim. */
    public String citation() {
        StringBuilder text = new StringBuilder(publisher == null ? title : publisher);
        if (published != null) {
            text.append(", ").append(published.label());
        }
        return text.toString();
    }
}
