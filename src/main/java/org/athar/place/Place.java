package org.athar.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A site, a monument of a site, or a part of a monument, with its names and authority identifiers. */
@Entity
public class Place extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    @Enumerated(EnumType.STRING)
    public PlaceLevel level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Place parent;

    // Copied from the parent so that the schema can check the hierarchy with a foreign key.
    @Enumerated(EnumType.STRING)
    @Column(name = "parent_level")
    PlaceLevel parentLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "place_type")
    public PlaceType placeType;

    @Enumerated(EnumType.STRING)
    public PlaceKind kind;

    public String description;

    public Double latitude;
    public Double longitude;

    @Enumerated(EnumType.STRING)
    @Column(name = "location_certainty")
    public org.athar.damage.Certainty locationCertainty;

    /** How much of the location the public sees; staff always see the point as recorded. */
    @Enumerated(EnumType.STRING)
    @Column(name = "location_sensitivity")
    public LocationSensitivity locationSensitivity = LocationSensitivity.EXACT;

    @OneToMany(mappedBy = "place", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<PlaceName> names = new ArrayList<>();

    @OneToMany(mappedBy = "place", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("scheme")
    public List<PlaceIdentifier> identifiers = new ArrayList<>();

    @Version
    public int version;

    @PrePersist
    @PreUpdate
    void copyParentLevel() {
        parentLevel = parent == null ? null : parent.level;
    }

    public static Optional<Place> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** A place with its names loaded, for pages that show them. */
    public static Optional<Place> findBySlugWithNames(String slug, PlaceLevel level) {
        return find("from Place p left join fetch p.names where p.slug = ?1 and p.level = ?2", slug, level)
                .singleResultOptional();
    }

    /** The name to show first: the English designation, else any designation, else the first name. */
    public String displayName() {
        return names.stream()
                .min(Comparator.comparingInt((PlaceName n) -> n.nameType == NameType.DESIGNATION ? 0 : 1)
                        .thenComparingInt(n -> n.language.equals("en") ? 0 : 1)
                        .thenComparing(n -> n.id == null ? Long.MAX_VALUE : n.id))
                .map(n -> n.name)
                .orElse(slug);
    }

    public PlaceName addName(String name, String language, NameType type) {
        PlaceName placeName = new PlaceName();
        placeName.place = this;
        placeName.name = name;
        placeName.language = language;
        placeName.nameType = type;
        placeName.direction = PlaceName.directionOf(language);
        names.add(placeName);
        return placeName;
    }
}
