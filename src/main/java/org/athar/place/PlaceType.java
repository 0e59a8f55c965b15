package org.athar.place;

import org.athar.vocabulary.Term;

/** EAMENA place types. */
public enum PlaceType implements Term {
    ARCHAEOLOGICAL_SITE,
    FEATURE_COMPONENT,
    STRUCTURAL_HERITAGE,
    URBAN_HERITAGE,
    LANDSCAPE_SEASCAPE
}
