package org.athar.place;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A place's identifier in an authority file (UNESCO, Wikidata, Pleiades, GeoNames). */
@Entity
@Table(name = "place_identifier")
public class PlaceIdentifier extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "place_id")
    public Place place;

    @Enumerated(EnumType.STRING)
    public IdentifierScheme scheme;

    public String value;

    public String url() {
        return scheme.url(value);
    }
}
