package org.athar.registry;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.athar.damage.CauseCategory;
import org.athar.damage.CauseType;
import org.athar.damage.Certainty;
import org.athar.damage.Claim;
import org.athar.damage.DamageEvent;
import org.athar.damage.EffectType;
import org.athar.damage.EventReading;
import org.athar.damage.Extent;
import org.athar.damage.Severity;
import org.athar.damage.Verification;
import org.athar.evidence.Reliability;
import org.athar.evidence.Source;
import org.athar.evidence.SourceKind;
import org.athar.place.IdentifierScheme;
import org.athar.place.LocationSensitivity;
import org.athar.place.NameType;
import org.athar.place.Place;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceLevel;
import org.athar.place.PlaceName;
import org.athar.place.PlaceType;
import org.athar.place.ScriptDirection;
import org.athar.status.Condition;
import org.athar.status.StatusAssessment;
import org.athar.time.DatePrecision;
import org.athar.time.UncertainDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.qute.TemplateData;

/**
 * What the registry shows, as records built from loaded entities: the JSON API serialises them and the pages render
 * them, so both always say the same. Vocabulary values serialise as their codes; pages show their labels.
 */
public final class Views {

    private Views() {
    }

    @TemplateData
    public record DateView(String edtf, LocalDate earliest, LocalDate latest, DatePrecision precision,
            boolean approximate, boolean uncertain, String label) {
        static DateView of(UncertainDate date) {
            return date == null ? null
                    : new DateView(date.edtf, date.earliest, date.latest, date.precision, date.approximate(),
                            date.uncertain(), date.label());
        }

        /**
         * The date as HTML's {@code <time datetime>} can state it (a day, a month or a year of four digits), or null
         * for what it cannot: windows, open ends, approximate and uncertain dates.
         */
        public String datetime() {
            if (approximate || uncertain || earliest == null || earliest.getYear() < 1000 || earliest.getYear() > 9999) {
                return null;
            }
            return switch (precision) {
                case DAY -> earliest.toString();
                case MONTH -> earliest.toString().substring(0, 7);
                case YEAR -> earliest.toString().substring(0, 4);
                case INTERVAL -> null;
            };
        }
    }

    @TemplateData
    public record NameView(String name, String language, ScriptDirection direction, NameType type) {
        static NameView of(PlaceName n) {
            return new NameView(n.name, n.language, n.direction, n.nameType);
        }
    }

    /**
     * Where a place lies, as the viewer may see it: staff the point as recorded, the public what its
     * {@link LocationSensitivity} shows (a generalised point, or no coordinates at all when withheld).
     */
    @TemplateData
    public record LocationView(Double latitude, Double longitude, Certainty certainty, LocationSensitivity sensitivity) {
        static LocationView of(Place p, boolean staff) {
            if (p.latitude == null) {
                return null;
            }
            LocationSensitivity shown = staff ? LocationSensitivity.EXACT : p.locationSensitivity;
            return shown == LocationSensitivity.WITHHELD ? new LocationView(null, null, null, p.locationSensitivity)
                    : new LocationView(shown.shown(p.latitude), shown.shown(p.longitude), p.locationCertainty,
                            p.locationSensitivity);
        }

        /** Whether coordinates are given. */
        public boolean located() {
            return latitude != null;
        }
    }

    @TemplateData
    public record IdentifierView(IdentifierScheme scheme, String value, String url) {
    }

    /** A place named in passing: enough to link to it. */
    @TemplateData
    public record PlaceRef(String slug, String name, PlaceLevel level, PlaceKind kind, Condition status) {
        static PlaceRef of(Place p, Condition status) {
            return new PlaceRef(p.slug, p.displayName(), p.level, p.kind, status);
        }

        public String path() {
            return level.pagePath(slug);
        }
    }

    @TemplateData
    public record SourceRef(long id, String title, String publisher, SourceKind kind, DateView published,
            Reliability reliability, String url, String citation, String language) {
        static SourceRef of(Source s) {
            return new SourceRef(s.id, s.title, s.publisher, s.kind, DateView.of(s.published), s.reliability, s.url,
                    s.citation(), s.language);
        }
    }

    /**
     * A claim as a page shows it. {@code quoteChecked}: its quote is anchored in its source's full text; {@code actorRef}
     * the actor its words name, when known; {@code disputedBy} the source that disputes it.
     */
    @TemplateData
    public record ClaimView(long id, SourceRef source, String quote, boolean quoteChecked, DateView date,
            Severity severity, Extent extent, Condition condition, String actor, ActorRef actorRef, Certainty certainty,
            Verification verification, SourceRef disputedBy, String note) {
        static ClaimView of(Claim c) {
            return new ClaimView(c.id, SourceRef.of(c.source), c.quote, c.quoteChecked(), DateView.of(c.date), c.severity,
                    c.extent, c.condition, c.actor, c.actorRecord == null ? null : ActorRef.of(c.actorRecord), c.certainty,
                    c.verification, c.disputedBy == null ? null : SourceRef.of(c.disputedBy), c.note);
        }
    }

    /** An actor named in passing: enough to link to it. */
    @TemplateData
    public record ActorRef(String slug, String name) {
        static ActorRef of(org.athar.actor.Actor a) {
            return new ActorRef(a.slug, a.name());
        }

        public String path() {
            return "/actors/" + slug;
        }
    }

    /** One value the sources claim: the sources and claims that state it, and the weight of evidence for it. */
    @TemplateData
    public record AlternativeView<T>(T value, int weight, List<SourceRef> sources, List<Long> claimIds) {
        static <V, T> AlternativeView<T> of(EventReading.Alternative<V> a, Function<V, T> map) {
            return new AlternativeView<>(map.apply(a.value()), a.weight(),
                    a.claims().stream().map(c -> c.source).distinct().map(SourceRef::of).toList(),
                    a.claims().stream().map(c -> c.id).toList());
        }
    }

    /** The registry's reading of an event (the best-supported value of each) and every alternative claimed. */
    @TemplateData
    public record ReadingView(DateView date, Severity severity, Extent extent, String actor, boolean disputed,
            boolean datesDisputed, boolean severityDisputed, List<AlternativeView<DateView>> dates,
            List<AlternativeView<Severity>> severities, List<AlternativeView<Extent>> extents,
            List<AlternativeView<String>> actors) {
        static ReadingView of(EventReading r) {
            return new ReadingView(r.date().map(DateView::of).orElse(null), r.severity().orElse(null),
                    r.extent().orElse(null), r.actor().orElse(null), r.disputed(), r.datesDisputed(), r.severityDisputed(),
                    r.dates().stream().map(a -> AlternativeView.of(a, DateView::of)).toList(),
                    r.severities().stream().map(a -> AlternativeView.of(a, s -> s)).toList(),
                    r.extents().stream().map(a -> AlternativeView.of(a, s -> s)).toList(),
                    r.actors().stream().map(a -> AlternativeView.of(a, s -> s)).toList());
        }

    }

    @TemplateData
    public record EventView(String slug, String summary, CauseCategory causeCategory, CauseType causeType,
            Set<EffectType> effects, ReadingView reading, List<ClaimView> claims) {
        static EventView of(DamageEvent e) {
            return new EventView(e.slug, e.summary, e.causeCategory, e.causeType, Set.copyOf(e.effects),
                    ReadingView.of(e.reading()), e.claims.stream().map(ClaimView::of).toList());
        }
    }

    @TemplateData
    public record StatusView(long id, Condition condition, DateView asOf, String note, List<ClaimView> basis) {
        static StatusView of(StatusAssessment s) {
            return new StatusView(s.id, s.condition, DateView.of(s.asOf), s.note,
                    s.basis.stream().sorted(Comparator.comparing(c -> c.id)).map(ClaimView::of).toList());
        }

        /** The day the registry counts the entry from (its window's last day, or its first for an open end). */
        static LocalDate effectiveOn(StatusView v) {
            return v.asOf.latest() != null ? v.asOf.latest() : v.asOf.earliest();
        }
    }

    /** A status entry that may already hold on the day asked about: its window holds the day, it is counted from later. */
    @TemplateData
    public record PendingChange(String slug, Condition condition, DateView window, LocalDate from, LocalDate to) {
        /** The change came between {@code from} (the day the condition before it was last known) and {@code to}. */
        public boolean bounded() {
            return from != null && to != null;
        }
    }

    /** A monument (or part) with everything known about it. */
    @TemplateData
    public record MonumentView(@JsonIgnore long id, String slug, String name, PlaceLevel level, PlaceType placeType, PlaceKind kind,
            String description, List<PlaceRef> ancestors, List<NameView> names, LocationView location,
            List<IdentifierView> identifiers, StatusView status, List<StatusView> statusTimeline,
            Page<EventView> events, List<ClaimView> claims, Page<PlaceRef> parts) {
    }

    /** How many monuments of a site are in a condition now (null: not yet assessed). */
    @TemplateData
    public record StatusCount(Condition status, long count) {
        /** Label for a group; monuments with no assessment yet are "not assessed". */
        public String label() {
            return status == null ? "Not yet assessed" : status.label();
        }
    }

    /** The monuments of one page that share a current condition, and how many of the site's do. */
    @TemplateData
    public record StatusGroup(StatusCount total, List<PlaceRef> monuments) {
    }

    /** A site; its monuments come a page at a time, worst condition first, with counts for every condition. */
    @TemplateData
    public record SiteView(@JsonIgnore long id, String slug, String name, PlaceType placeType, PlaceKind kind, String description,
            List<NameView> names, LocationView location, List<IdentifierView> identifiers, StatusView status,
            List<StatusView> statusTimeline, List<StatusCount> monumentCounts, Page<PlaceRef> monuments,
            Page<EventView> events, List<ClaimView> claims, LocalDate asOf, List<PendingChange> pending) {

        /** What may already have changed for a place on the day asked about. */
        public List<PendingChange> pendingFor(String slug) {
            return pending.stream().filter(c -> c.slug().equals(slug)).toList();
        }

        /** This page's monuments grouped by condition, for the page. */
        public List<StatusGroup> monumentsByStatus() {
            return monumentCounts.stream()
                    .map(c -> new StatusGroup(c, monuments.items().stream().filter(m -> m.status() == c.status()).toList()))
                    .filter(g -> !g.monuments().isEmpty()).toList();
        }
    }

    @TemplateData
    public record SourceView(long id, String ref, SourceKind kind, String title, String publisher, String author,
            DateView published, String url, String language, Reliability reliability, String reliabilityReason,
            Finding finding, Page<SupportedClaim> claims) {
    }

    /**
     * How a reader finds a source, besides its address: an archived copy, a DOI, another identifier, the page or section,
     * the day it was read, or why it has none; the source it repeats and those repeating it; and how long a full text
     * the registry keeps of it for checking quotes (never shown: copyright).
     */
    @TemplateData
    public record Finding(String archivedUrl, String doi, String identifier, String locator, LocalDate accessedOn,
            String unlocatableReason, SourceRef repeats, List<SourceRef> repeatedBy, Integer textLength) {
        static Finding of(Source s, List<Source> repeatedBy, Integer textLength) {
            return new Finding(s.archivedUrl, s.doi, s.identifier, s.locator, s.accessedOn, s.unlocatableReason,
                    s.repeats == null ? null : SourceRef.of(s.repeats), repeatedBy.stream().map(SourceRef::of).toList(),
                    textLength);
        }
    }

    /** An actor: its names, and the claims that say what it did. */
    /** {@code more}: more claims name it than are counted (the page lists the newest of them). */
    @TemplateData
    public record ActorView(String slug, String name, org.athar.actor.ActorKind kind, String description,
            List<ActorNameView> names, Page<SupportedClaim> claims, boolean more) {
    }

    @TemplateData
    public record ActorNameView(String name, String language) {
    }

    /** A claim of a source, with what it is about. */
    @TemplateData
    public record SupportedClaim(ClaimView claim, String eventSlug, String eventSummary, List<PlaceRef> places) {
    }

    /** An event on a page of its own: everything about it, and the places it struck. */
    @TemplateData
    public record EventDetail(@JsonIgnore long id, EventView event, List<PlaceRef> places) {
    }

    @TemplateData
    public record EventSummary(String slug, String summary, ReadingView reading, List<PlaceRef> places) {
    }

    /** One page of a longer list: which, of how many, and its items. Page numbers start at 1. */
    @TemplateData
    public record Page<T>(int page, int size, long total, int pages, List<T> items) {
        public static <T> Page<T> of(Registry.Paging paging, long total, List<T> items) {
            return new Page<>(paging.page(), paging.size(), total, (int) ((total + paging.size() - 1) / paging.size()), items);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    static List<NameView> names(Place p) {
        return p.names.stream().map(NameView::of).toList();
    }

    static List<IdentifierView> identifiers(Place p) {
        return p.identifiers.stream().map(i -> new IdentifierView(i.scheme, i.value, i.url())).toList();
    }
}
