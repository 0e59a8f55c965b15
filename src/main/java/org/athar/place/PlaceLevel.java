package org.athar.place;

import org.athar.vocabulary.Term;

/** Where a place sits in the hierarchy: a site contains monuments, a monument may contain parts. */
public enum PlaceLevel implements Term {
    SITE,
    MONUMENT,
    PART;

    /** The public page of a place of this level: sites have theirs, monuments and parts share one kind. */
    public String pagePath(String slug) {
        return (this == SITE ? "/sites/" : "/monuments/") + slug;
    }
}
