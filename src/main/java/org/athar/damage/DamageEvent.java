package org.athar.damage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.athar.place.Place;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Something that happened to one or more places. Its date, severity and actor are not stored: they are read from
 * its claims by {@link EventReading}, so that disagreeing sources stay visible.
 */
@Entity
@Table(name = "damage_event")
public class DamageEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(name = "cause_category")
    public CauseCategory causeCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "cause_type")
    public CauseType causeType;

    @ElementCollection
    @CollectionTable(name = "damage_event_effect", joinColumns = @JoinColumn(name = "event_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "effect_type")
    public Set<EffectType> effects = EnumSet.noneOf(EffectType.class);

    @ManyToMany
    @JoinTable(name = "damage_event_place", joinColumns = @JoinColumn(name = "event_id"),
            inverseJoinColumns = @JoinColumn(name = "place_id"))
    public Set<Place> places = new LinkedHashSet<>();

    @OneToMany(mappedBy = "event")
    @OrderBy("id")
    public List<Claim> claims = new ArrayList<>();

    @Version
    public int version;

    public static Optional<DamageEvent> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public EventReading reading() {
        return EventReading.of(claims);
    }
}
