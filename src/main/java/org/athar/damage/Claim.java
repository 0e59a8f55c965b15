package org.athar.damage;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.athar.evidence.Source;
import org.athar.place.Place;
import org.athar.status.Condition;
import org.athar.time.UncertainDate;
import org.hibernate.annotations.EmbeddedColumnNaming;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One source's statement about an event or a place: what it asserts (a date window, a severity or condition, an
 * actor), the words it used, how certain it is and how far it has been checked. Claims are never edited to agree.
 */
@Entity
public class Claim extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    public DamageEvent event;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "place_id")
    public Place place;

    public String quote;

    @Embedded
    @EmbeddedColumnNaming("date_%s")
    public UncertainDate date;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "condition")
    public Condition condition;

    public String actor;

    @Enumerated(EnumType.STRING)
    public Certainty certainty;

    @Enumerated(EnumType.STRING)
    public Verification verification;

    public String note;

    @Version
    public int version;

    /**
     * How much weight the claim carries when sources disagree: the source's reliability, the claim's verification
     * and its certainty, each counted by its rank, multiplied so that a weak link weakens the whole.
     */
    public int weight() {
        return (source.reliability.ordinal() + 1) * (verification.ordinal() + 1) * (certainty.ordinal() + 1);
    }

    public static List<Claim> listForSource(Source source) {
        return list("""
                select c from Claim c
                left join fetch c.event e left join fetch e.places left join fetch c.place
                where c.source = ?1 order by c.id
                """, source);
    }

    /** Claims made directly about a place (not through an event), with their sources. */
    public static List<Claim> listAboutPlace(Place place) {
        return list("from Claim c join fetch c.source where c.place = ?1 order by c.id", place);
    }
}
