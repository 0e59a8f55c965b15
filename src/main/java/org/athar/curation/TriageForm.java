package org.athar.curation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.athar.evidence.Source;

/**
 * An article triaged at /curate/triage: the article as a new source (its full text kept for checking quotes) and
 * the claims the curator accepted from it, each a damage report citing that source, reviewed and published as one
 * draft. A claim about a recorded event adds to it; any other makes a new event.
 */
public record TriageForm(SourceForm source, List<TriageClaim> claims) implements Proposal {

    /** One accepted claim, as the curator left it in the triage form. */
    public record TriageClaim(String place, String event, String summary, String causeType, String date, String severity,
            String actor, String quote, String certainty, String verification) {

        /** The claim as a damage report of the article (the source being written in the same draft). */
        DamageReportForm report(SourceForm article, String sourceId) {
            return new DamageReportForm(Forms.orNull(event), place, summary, "MILITARY_ARMED_CONFLICT", causeType, date,
                    severity, actor, sourceId == null ? "" : sourceId, sourceId == null ? article : null, quote,
                    certainty, verification, "", List.of(), "", "Triaged from the article.");
        }
    }

    @Override
    public String title() {
        return source.title() + " (" + claims.size() + " claims)";
    }

    @Override
    public Map<String, String> problems(Long recordId) {
        Map<String, String> problems = new LinkedHashMap<>();
        source.problems().forEach((field, message) -> problems.put("source." + field, message));
        if (claims.isEmpty()) {
            problems.put("claims", Forms.say().problem_triage_none());
        }
        Set<String> events = new HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            TriageClaim claim = claims.get(i);
            String prefix = "claims[" + i + "].";
            claim.report(source, null).problems().forEach((field, message) -> {
                if (!field.startsWith("source.")) {
                    problems.putIfAbsent(prefix + field, message);
                }
            });
            String event = Forms.blank(claim.event()) ? "new:" + claim.summary() : claim.event().strip();
            if (!events.add(event)) {
                problems.put(prefix + "event", Forms.say().problem_triage_twice());
            }
        }
        return problems;
    }

    @Override
    public void publish(Long recordId, long draftId) {
        Source article = new Source();
        article.ref = CurationResource.ref(source.title(), draftId);
        source.applyTo(article);
        article.persist();
        source.keepText(article);
        for (TriageClaim claim : claims) {
            claim.report(source, article.id.toString()).publish(null, draftId);
        }
    }
}
