package org.athar.curation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.athar.damage.Claim;
import org.athar.place.Place;
import org.athar.status.Condition;
import org.athar.status.StatusAssessment;
import org.athar.time.InvalidDateException;
import org.athar.time.UncertainDate;

/** A status assessment as typed: a place's condition as of a date, resting on claims already in the registry. */
public record StatusForm(String place, String condition, String asOf, String note, String claims) {

    public static StatusForm empty(String place) {
        return new StatusForm(place, "", "", "", "");
    }

    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (place == null || place.isBlank() || Place.findBySlug(place.strip()).isEmpty()) {
            problems.put("place", "Give the slug of a place in the registry, for example temple-of-bel.");
        }
        Forms.known(problems, "condition", Condition.class, condition, false, "Choose the condition.");
        try {
            UncertainDate.parse(asOf);
        } catch (InvalidDateException e) {
            problems.put("asOf", e.getMessage());
        }
        List<Long> ids = claimIds();
        if (ids == null || ids.isEmpty()) {
            problems.put("claims", "A status rests on claims: give the numbers of one or more claims, separated by commas.");
        } else if (ids.stream().anyMatch(id -> Claim.findById(id) == null)) {
            problems.put("claims", "Some of these claim numbers are not in the registry.");
        }
        if (!problems.containsKey("place") && !problems.containsKey("asOf") && StatusAssessment
                .count("place = ?1 and asOf.edtf = ?2", Place.findBySlug(place.strip()).orElseThrow(), asOf.strip()) > 0) {
            problems.put("asOf", "This place already has a status as of " + asOf.strip() + ".");
        }
        return problems;
    }

    /** The claim numbers typed, or null when one is not a number. */
    List<Long> claimIds() {
        if (claims == null || claims.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(claims.split("[,\\s]+")).filter(t -> !t.isBlank()).map(Long::valueOf).distinct().toList();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    void publish() {
        StatusAssessment assessment = new StatusAssessment();
        assessment.place = Place.findBySlug(place.strip()).orElseThrow();
        assessment.condition = Condition.valueOf(condition);
        assessment.asOf = UncertainDate.parse(asOf);
        assessment.note = note == null || note.isBlank() ? null : note.strip();
        claimIds().forEach(id -> assessment.basis.add(Claim.findById(id)));
        assessment.persist();
    }
}
