package org.athar.testsupport;

import java.util.List;

/** The pages outside judges (the Nu HTML Checker, axe-core) look at, in the seed registry. */
public final class MainPages {

    /** What a visitor reads; each is checked in English and in Arabic. */
    public static final List<String> PUBLIC = List.of(
            "/",
            "/sites/palmyra",
            "/sites/palmyra?asOf=2015-08-29",
            "/monuments/temple-of-bel",
            "/monuments/roman-theatre",
            "/monuments/tower-of-elahbel",
            "/events/temple-of-bel-destroyed-2015",
            "/events/tower-tombs-destroyed-2015",
            "/sources/1",
            "/search",
            "/search?q=temple",
            "/search?q=tdmr",
            "/search?q=arch&asOf=2015-09-01&status=DESTROYED",
            "/search?from=2015-13-01",
            "/monuments/temple-of-bel/history",
            "/history/withdrawn",
            "/map",
            "/map?asOf=2015-09-01",
            "/actors",
            "/actors/islamic-state",
            "/login",
            "/monuments/no-such-monument");

    /** What a curator works in (signed in as a reviewer, who sees the review queue too). */
    public static final List<String> CURATOR = List.of(
            "/curate",
            "/curate/reports/new",
            "/curate/reports/new?place=temple-of-bel",
            "/curate/places/new",
            "/curate/places/temple-of-bel/edit",
            "/curate/sources/new",
            "/curate/sources/1/edit",
            "/curate/status/new",
            "/curate/events/temple-of-bel-destroyed-2015/edit",
            "/curate/review",
            "/curate/import",
            "/curate/triage",
            "/account/password",
            "/monuments/temple-of-bel");

    private MainPages() {
    }

    /** The address in a language. */
    public static String in(String path, String language) {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + language;
    }
}
