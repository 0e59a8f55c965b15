package org.athar.curation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.athar.damage.CauseCategory;
import org.athar.damage.CauseType;
import org.athar.damage.Certainty;
import org.athar.damage.Claim;
import org.athar.damage.DamageEvent;
import org.athar.damage.EffectType;
import org.athar.damage.Extent;
import org.athar.damage.Severity;
import org.athar.damage.Verification;
import org.athar.evidence.Source;
import org.athar.place.Place;

/**
 * A damage report as typed into its form: what happened to which place, and the claim of one source about it,
 * that source being already in the registry ({@code sourceId}) or new ({@code newSource}). With {@code event} set,
 * the report adds the claim to that existing event instead ("another source says..."), and place, summary and
 * cause are not asked for.
 */
public record DamageReportForm(String event, String place, String summary, String causeCategory, String causeType,
        String date, String severity, String actor, String sourceId, SourceForm newSource, String quote,
        String certainty, String verification, String extent, List<String> effects, String furtherPlaces, String note)
        implements Proposal {

    public static DamageReportForm empty(String place, String event) {
        return new DamageReportForm(event, place, "", "MILITARY_ARMED_CONFLICT", "", "", "", "", "", SourceForm.empty(),
                "", "MEDIUM", "REPORTED", "", List.of(), "", "");
    }

    /** The effects ticked (none in drafts from before the form asked). */
    @Override
    public List<String> effects() {
        return effects == null ? List.of() : effects;
    }

    /** The other places the event struck, by slug. */
    List<String> further() {
        return Forms.blank(furtherPlaces) ? List.of()
                : Arrays.stream(furtherPlaces.split(",")).map(String::strip).filter(t -> !t.isBlank()).distinct().toList();
    }

    /** The report with places named by a name a person typed (a unique one) given by their slugs. */
    DamageReportForm resolved() {
        return new DamageReportForm(event, Pick.slug(place), summary, causeCategory, causeType, date, severity, actor,
                sourceId, newSource, quote, certainty, verification, extent, effects(),
                further().stream().map(Pick::slug).collect(Collectors.joining(", ")), note);
    }

    public boolean aboutExistingEvent() {
        return !Forms.blank(event);
    }

    /** The report as it is kept: a chosen existing source makes the new-source fields irrelevant. */
    DamageReportForm withoutUnusedSource() {
        return Forms.blank(sourceId) ? this : new DamageReportForm(event, place, summary, causeCategory, causeType, date,
                severity, actor, sourceId.strip(), null, quote, certainty, verification, extent, effects(), furtherPlaces, note);
    }

    @Override
    public String title() {
        return aboutExistingEvent() ? "new claim about " + event.strip() : summary;
    }

    @Override
    public String about() {
        if (aboutExistingEvent()) {
            return DamageEvent.findBySlug(event.strip()).map(e -> e.summary).orElse(event.strip());
        }
        return Place.findBySlug(place.strip()).map(Place::displayName).orElse(place.strip());
    }

    @Override
    public Map<String, String> problems(Long recordId) {
        return problems();
    }

    /** The report with empty new-source fields where it cites an existing source, for showing in its form. */
    DamageReportForm withNewSourceFields() {
        return newSource != null ? this : new DamageReportForm(event, place, summary, causeCategory, causeType, date,
                severity, actor, sourceId, SourceForm.empty(), quote, certainty, verification, extent, effects(), furtherPlaces, note);
    }

    /** Field name to what is wrong with it; fields of a new source are prefixed "source.". */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (aboutExistingEvent()) {
            if (DamageEvent.findBySlug(event.strip()).isEmpty()) {
                problems.put("event", Forms.say().problem_no_event(event.strip()));
            }
        } else {
            if (Forms.blank(place) || Place.findBySlug(place.strip()).isEmpty()) {
                problems.put("place", Pick.problem(place));
            }
            List<String> unknown = further().stream().filter(slug -> Place.findBySlug(slug).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                problems.put("furtherPlaces", unknown.stream().map(Pick::problem).collect(Collectors.joining(" ")));
            }
            for (String effect : effects()) {
                Forms.known(problems, "effects", EffectType.class, effect, false, "Choose effects from the list.");
            }
            if (Forms.blank(summary)) {
                problems.put("summary", Forms.say().problem_summary());
            }
            Forms.known(problems, "causeCategory", CauseCategory.class, causeCategory, false, "Choose a cause category.");
            Forms.known(problems, "causeType", CauseType.class, causeType, true, "Choose a cause type, or none.");
        }
        Forms.known(problems, "severity", Severity.class, severity, true, "Choose a severity, or none.");
        Forms.known(problems, "extent", Extent.class, extent, true, Forms.say().problem_extent());
        Forms.known(problems, "certainty", Certainty.class, certainty, false, "Choose how certain the source is.");
        Forms.known(problems, "verification", Verification.class, verification, false, "Choose how far it is checked.");
        Forms.date(problems, "date", date, false);
        Forms.claimStatement(problems, quote, date, severity, actor);
        if (Forms.blank(sourceId)) {
            newSource.problems().forEach((field, message) -> problems.put("source." + field, message));
        } else if (!sourceId.strip().matches("[1-9][0-9]{0,17}") || Source.findById(Long.parseLong(sourceId.strip())) == null) {
            problems.put("sourceId", Forms.say().problem_source_id());
        }
        Forms.quoteInText(problems, quote, Forms.blank(sourceId) ? newSource.text() : Forms.textOf(sourceId));
        return problems;
    }

    /** Writes the report into the registry; call only when {@link #problems()} is empty. */
    @Override
    public void publish(Long recordId, long draftId) {
        Source source;
        if (Forms.blank(sourceId)) {
            source = new Source();
            source.ref = CurationResource.ref(newSource.title(), draftId);
            newSource.applyTo(source);
            source.persist();
            newSource.keepText(source);
        } else {
            source = Source.findById(Long.parseLong(sourceId.strip()));
        }
        DamageEvent damage;
        if (aboutExistingEvent()) {
            damage = DamageEvent.findBySlug(event.strip()).orElseThrow();
        } else {
            damage = new DamageEvent();
            damage.slug = CurationResource.ref(summary, draftId);
            damage.summary = summary.strip();
            damage.causeCategory = CauseCategory.valueOf(causeCategory);
            damage.causeType = Forms.enumOrNull(CauseType.class, causeType);
            damage.effects.addAll(effects().stream().map(EffectType::valueOf).toList());
            damage.places.add(Place.findBySlug(place.strip()).orElseThrow());
            for (String slug : further()) {
                damage.places.add(Place.findBySlug(slug).orElseThrow());
            }
            damage.persist();
        }
        Claim claim = new Claim();
        claim.source = source;
        claim.event = damage;
        claim.quote = Forms.orNull(quote);
        claim.date = Forms.dateOrNull(date);
        claim.severity = Forms.enumOrNull(Severity.class, severity);
        claim.extent = Forms.enumOrNull(Extent.class, extent);
        claim.actor = Forms.orNull(actor);
        claim.certainty = Certainty.valueOf(certainty);
        claim.verification = Verification.valueOf(verification);
        claim.note = Forms.orNull(note);
        claim.anchorQuote();
        claim.persist();
    }
}
