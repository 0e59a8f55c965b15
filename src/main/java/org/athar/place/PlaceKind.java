package org.athar.place;

import org.athar.vocabulary.Term;

/** The finer kind of a place, below its EAMENA place type. */
public enum PlaceKind implements Term {
    ANCIENT_CITY,
    TEMPLE,
    ARCH,
    TETRAPYLON,
    THEATRE,
    TOWER_TOMB,
    NECROPOLIS,
    FUNERARY_TEMPLE,
    MUSEUM,
    PRISON,
    SHRINE,
    TOMB,
    COLONNADE,
    CITADEL,
    OTHER
}
