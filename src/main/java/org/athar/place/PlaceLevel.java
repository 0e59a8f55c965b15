package org.athar.place;

import org.athar.web.Term;

/** Where a place sits in the hierarchy: a site contains monuments, a monument may contain parts. */
public enum PlaceLevel implements Term {
    SITE,
    MONUMENT,
    PART
}
