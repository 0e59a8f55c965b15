package org.athar.evidence;

import org.athar.vocabulary.Term;

/** What kind of document a source is. */
public enum SourceKind implements Term {
    NEWS_REPORT,
    IMAGERY_ANALYSIS,
    OFFICIAL_NOTICE,
    FIELD_REPORT,
    VIDEO,
    PHOTOGRAPH,
    SCHOLARLY_PUBLICATION
}
