package org.athar.place;

import org.athar.vocabulary.Term;

/** Authority files a place is linked to; each knows how to turn an identifier into a link. */
public enum IdentifierScheme implements Term {
    UNESCO_WHS("https://whc.unesco.org/en/list/"),
    WIKIDATA("https://www.wikidata.org/wiki/"),
    PLEIADES("https://pleiades.stoa.org/places/"),
    GEONAMES("https://www.geonames.org/");

    private final String baseUrl;

    IdentifierScheme(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String url(String value) {
        return baseUrl + value;
    }
}
