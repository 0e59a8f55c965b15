package org.athar.evidence;

import org.athar.vocabulary.Term;

/** How far a source is to be trusted, graded with a reason; declared from least to most trusted. */
public enum Reliability implements Term {
    UNASSESSED,
    LOW,
    MEDIUM,
    HIGH
}
