package org.athar.damage;

import org.athar.vocabulary.Term;

/** How far a claim has been checked (EAMENA has no such field); declared from weakest to strongest, disputed first. */
public enum Verification implements Term {
    DISPUTED,
    REPORTED,
    CORROBORATED,
    IMAGERY_CONFIRMED,
    FIELD_CONFIRMED
}
