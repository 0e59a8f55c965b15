package org.athar.place;

import org.athar.vocabulary.Term;

/** EAMENA name types. */
public enum NameType implements Term {
    DESIGNATION,
    ALTERNATIVE,
    TOPONYM
}
