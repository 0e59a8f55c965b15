package org.athar.damage;

import org.athar.vocabulary.Term;

/** EAMENA damage extent. */
public enum Extent implements Term {
    NO_VISIBLE_KNOWN,
    PCT_1_10,
    PCT_11_30,
    PCT_31_60,
    PCT_61_90,
    PCT_91_100,
    UNKNOWN
}
