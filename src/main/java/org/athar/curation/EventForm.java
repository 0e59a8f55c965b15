package org.athar.curation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.athar.damage.CauseCategory;
import org.athar.damage.CauseType;
import org.athar.damage.DamageEvent;
import org.athar.damage.EffectType;
import org.athar.damage.Extent;
import org.athar.place.Place;

/**
 * A damage event's own fields as typed: what happened, its cause and effects, and the places it affected.
 * Its date, severity, extent and actor are not here: they are what its claims say. New events come with their first claim,
 * through the damage report form.
 */
public record EventForm(String summary, String causeCategory, String causeType, List<String> effects,
        String places) implements Proposal {

    static EventForm of(DamageEvent e) {
        return new EventForm(e.summary, e.causeCategory.name(), e.causeType == null ? "" : e.causeType.name(),
                e.effects.stream().map(Enum::name).sorted().toList(),
                e.places.stream().map(p -> p.slug).sorted().collect(Collectors.joining(", ")));
    }

    @Override
    public String title() {
        return summary;
    }

    @Override
    public Map<String, String> problems(Long recordId) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (recordId == null || DamageEvent.findById(recordId) == null) {
            problems.put("recordId", Forms.say().problem_event_gone());
        }
        if (Forms.blank(summary)) {
            problems.put("summary", Forms.say().problem_summary());
        }
        Forms.known(problems, "causeCategory", CauseCategory.class, causeCategory, false, Forms.say().problem_cause_category());
        Forms.known(problems, "causeType", CauseType.class, causeType, true, Forms.say().problem_cause_type());
        for (String effect : effects()) {
            Forms.known(problems, "effects", EffectType.class, effect, false, Forms.say().problem_effects());
        }
        List<String> slugs = placeSlugs();
        if (slugs.isEmpty()) {
            problems.put("places", Forms.say().problem_event_places());
        } else {
            List<String> unknown = slugs.stream().filter(s -> Place.findBySlug(s).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                problems.put("places", Forms.say().problem_not_in_registry(String.join(", ", unknown)));
            }
        }
        return problems;
    }

    @Override
    public List<String> effects() {
        return effects == null ? List.of() : effects;
    }

    private List<String> placeSlugs() {
        return Forms.blank(places) ? List.of()
                : Arrays.stream(places.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
    }

    @Override
    public void publish(Long recordId, long draftId) {
        DamageEvent event = DamageEvent.findById(recordId);
        event.summary = summary.strip();
        event.causeCategory = CauseCategory.valueOf(causeCategory);
        event.causeType = Forms.enumOrNull(CauseType.class, causeType);
        List<EffectType> wantedEffects = effects().stream().map(EffectType::valueOf).toList();
        event.effects.retainAll(wantedEffects);
        event.effects.addAll(wantedEffects);
        List<Place> wantedPlaces = placeSlugs().stream().map(s -> Place.findBySlug(s).orElseThrow()).toList();
        event.places.retainAll(wantedPlaces);
        event.places.addAll(wantedPlaces);
    }
}
