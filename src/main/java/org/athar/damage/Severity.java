package org.athar.damage;

import org.athar.vocabulary.Term;

/** EAMENA damage severity (detailed assessment); declared from least to most severe. */
public enum Severity implements Term {
    INTACT,
    SLIGHT,
    MODERATE,
    SEVERE,
    DESTROYED,
    UNKNOWN
}
