package org.athar.curation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.athar.damage.Claim;
import org.athar.place.Place;
import org.athar.status.Condition;
import org.athar.status.StatusAssessment;
import org.athar.time.UncertainDate;

/** A status assessment as typed: a place's condition as of a date, resting on claims already in the registry. */
public record StatusForm(String place, String condition, String asOf, String note, String claims) implements Proposal {

    public static StatusForm empty(String place) {
        return new StatusForm(place, "", "", "", "");
    }

    static StatusForm of(StatusAssessment s) {
        return new StatusForm(s.place.slug, s.condition.name(), s.asOf.edtf, s.note,
                s.basis.stream().map(c -> c.id).sorted().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    @Override
    public String title() {
        return "status of " + place + ": " + condition + " as of " + asOf;
    }

    @Override
    public Map<String, String> problems(Long recordId) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (recordId != null && StatusAssessment.findById(recordId) == null) {
            problems.put("recordId", Forms.say().problem_status_gone());
        }
        if (Forms.blank(place) || Place.findBySlug(place.strip()).isEmpty()) {
            problems.put("place", Pick.problem(place));
        }
        Forms.known(problems, "condition", Condition.class, condition, false, Forms.say().problem_condition());
        Forms.date(problems, "asOf", asOf, true);
        List<Long> ids = claimIds();
        if (ids == null || ids.isEmpty()) {
            problems.put("claims", Forms.say().problem_status_claims());
        } else if (ids.stream().anyMatch(id -> Claim.findById(id) == null)) {
            problems.put("claims", Forms.say().problem_status_claims_unknown());
        }
        if (!problems.containsKey("place") && !problems.containsKey("asOf") && StatusAssessment.count(
                "place = ?1 and asOf.edtf = ?2 and id <> ?3", Place.findBySlug(place.strip()).orElseThrow(), asOf.strip(),
                recordId == null ? -1L : recordId) > 0) {
            problems.put("asOf", Forms.say().problem_status_exists(asOf.strip()));
        }
        return problems;
    }

    /** The claim numbers typed, or null when one is not a number. */
    List<Long> claimIds() {
        if (Forms.blank(claims)) {
            return List.of();
        }
        try {
            return Arrays.stream(claims.split("[,\\s]+")).filter(t -> !t.isBlank()).map(Long::valueOf).distinct().toList();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void publish(Long recordId, long draftId) {
        StatusAssessment assessment = recordId == null ? new StatusAssessment() : StatusAssessment.findById(recordId);
        assessment.place = Place.findBySlug(place.strip()).orElseThrow();
        assessment.condition = Condition.valueOf(condition);
        assessment.asOf = UncertainDate.parse(asOf);
        assessment.note = Forms.orNull(note);
        List<Claim> basis = claimIds().stream().map(id -> Claim.<Claim>findById(id)).toList();
        // keep the rows of claims that stay, so that the history shows only what changed
        assessment.basis.retainAll(basis);
        assessment.basis.addAll(basis);
        assessment.persist();
    }
}
