package org.athar.curation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.athar.damage.Claim;
import org.athar.evidence.QuoteAnchor;
import org.athar.evidence.SourceText;
import org.athar.evidence.Reliability;
import org.athar.evidence.Source;
import org.athar.evidence.SourceKind;

/**
 * A source as typed into its form: every field a string, checked by {@link #problems()} with a message per field,
 * so that the form can be shown again as the person typed it, with the fields to fix marked.
 */
public record SourceForm(String kind, String title, String publisher, String author, String published, String url,
        String language, String reliability, String reliabilityReason, Locators locators, String text, String textType)
        implements Proposal {

    /**
     * How a reader finds the source beyond its address: an archived copy, a DOI or other identifier, the page or section
     * cited, the day it was read; or why it has none of these. {@code repeats}: the number of a source it repeats.
     */
    public record Locators(String archivedUrl, String doi, String identifier, String locator, String accessedOn,
            String unlocatableReason, String repeats) {

        static final Locators NONE = new Locators("", "", "", "", "", "", "");

        static Locators of(Source s) {
            return new Locators(s.archivedUrl, s.doi, s.identifier, s.locator,
                    s.accessedOn == null ? null : s.accessedOn.toString(), s.unlocatableReason,
                    s.repeats == null ? null : s.repeats.id.toString());
        }
    }

    public static SourceForm of(Source s) {
        SourceText text = SourceText.findById(s.id);
        return new SourceForm(s.kind.name(), s.title, s.publisher, s.author, s.published == null ? null : s.published.edtf,
                s.url, s.language, s.reliability.name(), s.reliabilityReason, Locators.of(s),
                text == null ? "" : text.body, text == null ? null : text.mediaType);
    }

    public static SourceForm empty() {
        return new SourceForm("NEWS_REPORT", "", "", "", "", "", "en", "UNASSESSED", "", Locators.NONE, "", null);
    }

    public Locators locators() {
        return locators == null ? Locators.NONE : locators;
    }

    @Override
    public Map<String, String> problems(Long recordId) {
        Map<String, String> problems = problems();
        Source source = recordId == null ? null : Source.findById(recordId);
        if (recordId != null && source == null) {
            problems.put("recordId", Forms.say().problem_source_gone());
        }
        Locators l = locators();
        if (source != null && !Forms.blank(l.repeats()) && l.repeats().strip().equals(source.id.toString())) {
            problems.put("repeats", Forms.say().problem_source_repeats_itself());
        }
        String body = Forms.orNull(text);
        if (source != null && !problems.containsKey("text") && body != null && textChanges(source)) {
            // a new text must still hold every quote the source's claims take from it
            List<String> lost = Claim.listQuoting(source).stream()
                    .filter(c -> !QuoteAnchor.isIn(body, c.quote))
                    .map(c -> Forms.say().problem_text_loses_quote(c.id, c.quote)).toList();
            if (!lost.isEmpty()) {
                problems.put("text", String.join(" ", lost));
            }
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
        Locators l = locators();
        if (!Forms.blank(l.archivedUrl()) && !l.archivedUrl().strip().matches("https?://\\S+")) {
            problems.put("archivedUrl", Forms.say().problem_url());
        }
        if (!Forms.blank(l.doi()) && !l.doi().strip().matches("10\\.[0-9]{4,9}/\\S+")) {
            problems.put("doi", Forms.say().problem_doi());
        }
        if (!Forms.blank(l.accessedOn())) {
            try {
                if (java.time.LocalDate.parse(l.accessedOn().strip()).isAfter(java.time.LocalDate.now())) {
                    problems.put("accessedOn", Forms.say().problem_accessed_future());
                }
            } catch (java.time.format.DateTimeParseException e) {
                problems.put("accessedOn", Forms.say().problem_accessed_day());
            }
            if (Forms.blank(url) && Forms.blank(l.archivedUrl())) {
                problems.put("accessedOn", Forms.say().problem_accessed_without_address());
            }
        }
        if (Forms.blank(url) && Forms.blank(l.archivedUrl()) && Forms.blank(l.doi()) && Forms.blank(l.identifier())
                && Forms.blank(l.unlocatableReason())) {
            problems.put("unlocatableReason", Forms.say().problem_source_unlocatable());
        }
        if (!Forms.blank(l.locator()) && l.locator().strip().length() > 200) {
            problems.put("locator", Forms.say().problem_locator_long());
        }
        if (!Forms.blank(l.repeats()) && (!l.repeats().strip().matches("[1-9][0-9]{0,17}")
                || Source.findById(Long.parseLong(l.repeats().strip())) == null)) {
            problems.put("repeats", Forms.say().problem_source_number());
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
        keepText(source);
    }

    /** Whether the form's full text is not the one the source has (none where it has one counts). */
    private boolean textChanges(Source source) {
        return !java.util.Objects.equals(Forms.orNull(text), source.id == null ? null : SourceText.of(source.id).orElse(null));
    }

    /** Keeps the form's full text as the source's (none removes it) and, when it changed, anchors the quotes again. */
    void keepText(Source source) {
        if (!textChanges(source)) {
            return;
        }
        String body = Forms.orNull(text);
        SourceText.attach(source.id, body, body == null ? null : textType == null ? "text/plain" : textType);
        SourceText.flush();
        Claim.listQuoting(source).forEach(Claim::anchorQuote);
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
        Locators l = locators();
        source.archivedUrl = Forms.orNull(l.archivedUrl());
        source.doi = Forms.orNull(l.doi());
        source.identifier = Forms.orNull(l.identifier());
        source.locator = Forms.orNull(l.locator());
        source.accessedOn = Forms.blank(l.accessedOn()) ? null : java.time.LocalDate.parse(l.accessedOn().strip());
        source.unlocatableReason = Forms.orNull(l.unlocatableReason());
        source.repeats = Forms.blank(l.repeats()) ? null : Source.findById(Long.parseLong(l.repeats().strip()));
    }
}
