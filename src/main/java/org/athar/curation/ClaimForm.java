package org.athar.curation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.athar.damage.Certainty;
import org.athar.damage.Claim;
import org.athar.damage.Extent;
import org.athar.damage.Severity;
import org.athar.damage.Verification;
import org.athar.evidence.Source;
import org.athar.status.Condition;

/**
 * A claim as typed: which source says it, what it asserts (a date, a severity for an event or a condition for a
 * place, an actor), its words, how certain and how far checked. What it is about does not change: a claim about
 * another event is another claim.
 */
public record ClaimForm(String sourceId, String date, String severity, String extent, String condition, String actor,
        String quote, String certainty, String verification, String note) implements Proposal {

    static ClaimForm of(Claim c) {
        return new ClaimForm(c.source.id.toString(), c.date == null ? "" : c.date.edtf,
                c.severity == null ? "" : c.severity.name(), c.extent == null ? "" : c.extent.name(),
                c.condition == null ? "" : c.condition.name(),
                c.actor, c.quote, c.certainty.name(), c.verification.name(), c.note);
    }

    @Override
    public String title() {
        return "claim of source " + sourceId;
    }

    @Override
    public Map<String, String> problems(Long recordId) {
        Map<String, String> problems = new LinkedHashMap<>();
        Claim claim = recordId == null ? null : Claim.findById(recordId);
        if (claim == null) {
            problems.put("recordId", Forms.say().problem_claim_gone());
        }
        if (Forms.blank(sourceId) || !sourceId.strip().matches("[1-9][0-9]{0,17}")
                || Source.findById(Long.parseLong(sourceId.strip())) == null) {
            problems.put("sourceId", Forms.say().problem_source_number());
        }
        Forms.date(problems, "date", date, false);
        Forms.known(problems, "severity", Severity.class, severity, true, Forms.say().problem_severity());
        Forms.known(problems, "extent", Extent.class, extent, true, Forms.say().problem_extent());
        Forms.known(problems, "condition", Condition.class, condition, true, Forms.say().problem_condition_or_none());
        if (claim != null && claim.event != null && !Forms.blank(condition)) {
            problems.put("condition", Forms.say().problem_condition_on_event());
        }
        if (claim != null && claim.place != null && !Forms.blank(extent)) {
            problems.put("extent", Forms.say().problem_severity_on_place());
        }
        if (claim != null && claim.place != null && !Forms.blank(severity)) {
            problems.put("severity", Forms.say().problem_severity_on_place());
        }
        Forms.known(problems, "certainty", Certainty.class, certainty, false, Forms.say().problem_certainty());
        Forms.known(problems, "verification", Verification.class, verification, false, Forms.say().problem_verification());
        Forms.claimStatement(problems, quote, date, severity, condition, actor);
        Forms.quoteInText(problems, quote, Forms.textOf(sourceId));
        return problems;
    }

    @Override
    public void publish(Long recordId, long draftId) {
        Claim claim = Claim.findById(recordId);
        claim.source = Source.findById(Long.parseLong(sourceId.strip()));
        claim.date = Forms.dateOrNull(date);
        claim.severity = Forms.enumOrNull(Severity.class, severity);
        claim.extent = Forms.enumOrNull(Extent.class, extent);
        claim.condition = Forms.enumOrNull(Condition.class, condition);
        claim.actor = Forms.orNull(actor);
        claim.quote = Forms.orNull(quote);
        claim.certainty = Certainty.valueOf(certainty);
        claim.verification = Verification.valueOf(verification);
        claim.note = Forms.orNull(note);
        claim.anchorQuote();
    }
}
