package org.athar.evidence;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    /** "Publisher, date": the short citation shown beside a claim. */
    public String citation() {
        StringBuilder text = new StringBuilder(publisher == null ? title : publisher);
        if (published != null) {
            text.append(", ").append(published.label());
        }
        return text.toString();
    }
}
