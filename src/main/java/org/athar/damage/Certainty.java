package org.athar.damage;

import org.athar.vocabulary.Term;

/** EAMENA certainty of a claim (CRMinf belief value); declared from weakest to strongest. */
public enum Certainty implements Term {
    NEGLIGIBLE,
    LOW,
    MEDIUM,
    HIGH,
    DEFINITE
}
