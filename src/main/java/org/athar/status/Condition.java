package org.athar.status;

import org.athar.vocabulary.Term;

/** EAMENA overall condition state. */
public enum Condition implements Term {
    GOOD,
    FAIR,
    POOR,
    VERY_BAD,
    DESTROYED,
    UNKNOWN
}
