package org.athar.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.athar.damage.Claim;
import org.athar.damage.DamageEvent;
import org.athar.evidence.Source;
import org.athar.place.Place;
import org.athar.place.PlaceLevel;
import org.athar.registry.Views.ClaimView;
import org.athar.registry.Views.EventSummary;
import org.athar.registry.Views.EventView;
import org.athar.registry.Views.LocationView;
import org.athar.registry.Views.MonumentView;
import org.athar.registry.Views.Page;
import org.athar.registry.Views.PlaceRef;
import org.athar.registry.Views.ReadingView;
import org.athar.registry.Views.SiteView;
import org.athar.registry.Views.SourceView;
import org.athar.registry.Views.StatusGroup;
import org.athar.registry.Views.StatusView;
import org.athar.registry.Views.SupportedClaim;
import org.athar.status.Condition;
import org.athar.status.StatusAssessment;
import org.athar.web.Requests;

/**
 * The read side of the registry: loads what a page or an API response shows, in a handful of queries, and turns it
 * into {@link Views}. Everything is read inside one transaction so that no view is built from half a change.
 */
@ApplicationScoped
@Transactional
public class Registry {

    public List<PlaceRef> sites() {
        List<Place> sites = Place.listSites();
        Map<Place, Condition> status = currentStatus(sites);
        return sites.stream().map(p -> PlaceRef.of(p, status.get(p))).toList();
    }

    public List<EventSummary> recentEvents(int count) {
        return DamageEvent.listRecent(count).stream()
                .map(e -> new EventSummary(e.slug, e.summary, ReadingView.of(e.reading()),
                        e.places.stream().map(p -> PlaceRef.of(p, null)).sorted(Comparator.comparing(PlaceRef::slug))
                                .toList()))
                .sorted(Comparator.comparing((EventSummary e) -> e.reading().day(),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    public Optional<SiteView> site(String slug) {
        return Place.findBySlugWithNames(slug, PlaceLevel.SITE).map(site -> {
            List<Place> monuments = site.children();
            Map<Place, Condition> status = currentStatus(monuments);
            Map<Condition, List<PlaceRef>> grouped = new LinkedHashMap<>();
            // worst condition first: what a visitor most needs to know
            monuments.stream()
                    .sorted(Comparator.comparing((Place p) -> rank(status.get(p))).thenComparing(Place::displayName))
                    .forEach(p -> grouped.computeIfAbsent(status.get(p), c -> new ArrayList<>())
                            .add(PlaceRef.of(p, status.get(p))));
            List<StatusView> timeline = timeline(site);
            return new SiteView(site.slug, site.displayName(), site.placeType, site.kind, site.description,
                    Views.names(site), LocationView.of(site), Views.identifiers(site), first(timeline), timeline,
                    grouped.entrySet().stream().map(e -> new StatusGroup(e.getKey(), e.getValue())).toList(),
                    events(site), claimsAbout(site));
        });
    }

    public Optional<MonumentView> monument(String slug) {
        return Place.findBySlugWithNames(slug, PlaceLevel.MONUMENT)
                .or(() -> Place.findBySlugWithNames(slug, PlaceLevel.PART))
                .map(place -> {
                    List<StatusView> timeline = timeline(place);
                    List<Place> parts = place.children();
                    Map<Place, Condition> partStatus = currentStatus(parts);
                    return new MonumentView(place.slug, place.displayName(), place.level, place.placeType, place.kind,
                            place.description, ancestors(place), Views.names(place),
                            LocationView.of(place), Views.identifiers(place), first(timeline), timeline,
                            events(place), claimsAbout(place),
                            parts.stream().map(p -> PlaceRef.of(p, partStatus.get(p))).toList());
                });
    }

    public Optional<SourceView> source(long id) {
        return Source.<Source>findByIdOptional(id).map(s -> new SourceView(s.id, s.ref, s.kind, s.title, s.publisher,
                s.author, Views.DateView.of(s.published), s.url, s.language, s.reliability, s.reliabilityReason,
                Claim.listForSource(s).stream().map(c -> {
                    List<Place> about = c.event != null ? List.copyOf(c.event.places) : List.of(c.place);
                    return new SupportedClaim(ClaimView.of(c), c.event == null ? null : c.event.slug,
                            c.event == null ? null : c.event.summary,
                            about.stream().map(p -> PlaceRef.of(p, null)).sorted(Comparator.comparing(PlaceRef::slug))
                                    .toList());
                }).toList()));
    }

    /** Monuments (not sites or parts), by slug, one page at a time; page numbers start at 1. */
    public Page<PlaceRef> monuments(int page, int size) {
        long total = Place.count("level", PlaceLevel.MONUMENT);
        List<Place> places = Place.<Place>find("level = ?1 order by slug", PlaceLevel.MONUMENT)
                .page(page - 1, size).list();
        Map<Place, Condition> status = currentStatus(places);
        return new Page<>(page, size, total, (int) ((total + size - 1) / size),
                places.stream().map(p -> PlaceRef.of(p, status.get(p))).toList());
    }

    /** The places containing this one, outermost first: a part's monument and site. */
    private static List<PlaceRef> ancestors(Place place) {
        LinkedList<PlaceRef> chain = new LinkedList<>();
        for (Place p = place.parent; p != null; p = p.parent) {
            chain.addFirst(PlaceRef.of(p, null));
        }
        return chain;
    }

    private static List<EventView> events(Place place) {
        return DamageEvent.listForPlace(place).stream().map(EventView::of).sorted(EventView.CHRONOLOGICAL).toList();
    }

    private static List<ClaimView> claimsAbout(Place place) {
        return Claim.listAboutPlace(place).stream().map(ClaimView::of).toList();
    }

    private static List<StatusView> timeline(Place place) {
        return StatusAssessment.timelineFor(place).stream().map(StatusView::of).toList();
    }

    private static Map<Place, Condition> currentStatus(List<Place> places) {
        if (places.isEmpty()) {
            return Map.of();
        }
        return StatusAssessment.currentFor(places).stream()
                .collect(Collectors.toMap(s -> s.place, s -> s.condition, (a, b) -> a));
    }

    /** Destroyed first, then worse to better; unknown and unassessed last. */
    private static int rank(Condition condition) {
        if (condition == null) {
            return Integer.MAX_VALUE;
        }
        return condition == Condition.UNKNOWN ? Integer.MAX_VALUE - 1 : Condition.DESTROYED.ordinal() - condition.ordinal();
    }

    private static <T> T first(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
