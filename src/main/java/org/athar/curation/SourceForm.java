package org.athar.curation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.athar.evidence.Reliability;
import org.athar.evidence.Source;
import org.athar.evidence.SourceKind;

/**
 * A source as typed into its form: every field a string, checked by {@link #problems()} with a message per field,
 * so that the form can be shown again as the person typed it, with the fields to fix marked.
 */
public record SourceForm(String kind, String title, String publisher, String author, String published, String url,
        String language, String reliability, String reliabilityReason) implements Proposal {

    public static SourceForm of(Source s) {
        return new SourceForm(s.kind.name(), s.title, s.publisher, s.author, s.published == null ? null : s.published.edtf,
                s.url, s.language, s.reliability.name(), s.reliabilityReason);
    }

    public static SourceForm empty() {
        return new SourceForm("NEWS_REPORT", "", "", "", "", "", "en", "UNASSESSED", "");
    }

    @Override
    public Map<String, String> problems(Long recordId) {
        Map<String, String> problems = problems();
        if (recordId != null && Source.findById(recordId) == null) {
            problems.put("recordId", Forms.say().problem_source_gone());
        }
        return problems;
    }

    /** Field name to what is wrong with it; empty when the form can be saved. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        Forms.known(problems, "kind", SourceKind.class, kind, false, Forms.say().problem_source_kind());
        if (Forms.blank(title)) {
            problems.put("title", Forms.say().problem_source_title());
        } else if (title.length() > 500) {
            problems.put("title", Forms.say().problem_source_title_long());
        }
        Forms.date(problems, "published", published, false);
        if (!Forms.blank(url) && !url.strip().matches("https?://\\S+")) {
            problems.put("url", Forms.say().problem_url());
        }
        if (!Forms.blank(language) && !language.strip().matches("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?")) {
            problems.put("language", Forms.say().problem_language());
        }
        Forms.known(problems, "reliability", Reliability.class, reliability, false, Forms.say().problem_reliability());
        if (!problems.containsKey("reliability") && !reliability.equals("UNASSESSED") && Forms.blank(reliabilityReason)) {
            problems.put("reliabilityReason", Forms.say().problem_reliability_reason());
        }
        return problems;
    }

    @Override
    public void publish(Long recordId, long draftId) {
        Source source = recordId == null ? new Source() : Source.findById(recordId);
        if (recordId == null) {
            source.ref = CurationResource.ref(title, draftId);
        }
        applyTo(source);
        source.persist();
    }

    /** Writes the form onto a source; call only when {@link #problems()} is empty. */
    void applyTo(Source source) {
        source.kind = SourceKind.valueOf(kind);
        source.title = title.strip();
        source.publisher = Forms.orNull(publisher);
        source.author = Forms.orNull(author);
        source.published = Forms.dateOrNull(published);
        source.url = Forms.orNull(url);
        source.language = Forms.orNull(language);
        source.reliability = Reliability.valueOf(reliability);
        source.reliabilityReason = Forms.orNull(reliabilityReason);
    }
}
