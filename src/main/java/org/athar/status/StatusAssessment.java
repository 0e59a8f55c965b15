package org.athar.status;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.athar.damage.Claim;
import org.athar.place.Place;
import org.athar.time.UncertainDate;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A place's condition as of a date, resting on claims. A place's status timeline is its assessments ordered by the
 * day from which each is known to hold; the current status and the status on a given day are lookups on it.
 */
@Entity
@Table(name = "status_assessment")
public class StatusAssessment extends PanacheEntityBase {

    // The timeline's order, written once: the latest effective day wins, the later record breaks ties.
    private static final String LATEST_FIRST = " order by s.effectiveOn desc, s.id desc";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "place_id")
    public Place place;

    @Enumerated(EnumType.STRING)
    @Column(name = "condition")
    public Condition condition;

    @Embedded
    @EmbeddedColumnNaming("as_of_%s")
    public UncertainDate asOf;

    /** Computed by the database: the end of the as-of window, or its start when the window is open-ended. */
    @Generated
    @Column(name = "effective_on", insertable = false, updatable = false)
    public LocalDate effectiveOn;

    public String note;

    @ManyToMany
    @JoinTable(name = "status_assessment_claim", joinColumns = @JoinColumn(name = "assessment_id"),
            inverseJoinColumns = @JoinColumn(name = "claim_id"))
    public Set<Claim> basis = new LinkedHashSet<>();

    @Version
    public int version;

    /** The place's whole timeline, newest first, with the claims and sources behind each entry. */
    public static List<StatusAssessment> timelineFor(Place place) {
        return list("select s from StatusAssessment s left join fetch s.basis c left join fetch c.source"
                + " where s.place = ?1" + LATEST_FIRST, place);
    }

    public static Optional<StatusAssessment> asOf(Place place, LocalDate day) {
        return find("from StatusAssessment s where s.place = ?1 and s.effectiveOn <= ?2" + LATEST_FIRST, place, day)
                .firstResultOptional();
    }

    /** The current assessment of each of the given places that has one, in one query. */
    public static List<StatusAssessment> currentFor(Collection<Place> places) {
        return list("""
                from StatusAssessment s
                where s.place in ?1 and not exists (
                    select 1 from StatusAssessment later where later.place = s.place
                    and (later.effectiveOn > s.effectiveOn or (later.effectiveOn = s.effectiveOn and later.id > s.id)))
                """, places);
    }
}
