package org.athar.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.athar.actor.Actor;
import org.athar.damage.Claim;
import org.athar.damage.DamageEvent;
import org.athar.damage.StoredReadings;
import org.athar.db.Sql;
import org.athar.evidence.FullText;
import org.athar.evidence.QuoteAnchor;
import org.athar.evidence.Refused;
import org.athar.evidence.Source;
import org.athar.evidence.SourceText;
import org.athar.history.History;
import org.athar.place.LocationSensitivity;
import org.athar.place.Place;
import org.athar.place.PlaceIdentifier;
import org.athar.place.PlaceName;
import org.athar.seed.SeedFiles.ActorNameSeed;
import org.athar.seed.SeedFiles.ActorSeed;
import org.athar.seed.SeedFiles.BasisSeed;
import org.athar.seed.SeedFiles.ClaimSeed;
import org.athar.seed.SeedFiles.EventSeed;
import org.athar.seed.SeedFiles.PlaceSeed;
import org.athar.seed.SeedFiles.SourceSeed;
import org.athar.seed.SeedFiles.StatusSeed;
import org.athar.status.StatusAssessment;
import org.athar.time.UncertainDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads a seed idempotently, in one transaction: records are matched by their stable keys (source ref, place and
 * event slug; a claim by its source and what it is about; an assessment by place and as-of date), created when
 * missing and updated when the file says otherwise. Loading the same files twice changes nothing, because fields are
 * only assigned and Hibernate writes only what differs. Embedded dates are assigned only when they differ: Hibernate
 * tracks any assignment of an embedded value as a change. The loader never deletes records, so that records curators
 * added to seeded places and events survive a reload; the sets an event or assessment is made of (affected places,
 * effects, basis) follow the file exactly.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    /** Where the seed sources' full texts are (not packaged: the registry keeps texts, it does not publish them). */
    @ConfigProperty(name = "athar.seed.texts", defaultValue = "../shared/seeds")
    String textsFolder;

    /** How many records of each kind the load created. */
    public record Report(int sources, int places, int events, int claims, int assessments) {
    }

    @Transactional
    public Report load(SeedFiles seed) {
        History.attributeTo("seed loader", "Loaded the seed dataset");
        int[] created = new int[5];
        seed.actors().forEach(SeedLoader::upsertActor);
        Map<String, Source> sources = seed.sources().stream()
                .collect(Collectors.toMap(SourceSeed::ref, s -> upsertSource(s, created)));
        seed.sources().forEach(s -> {
            if (s.repeats() != null) {
                sources.get(s.ref()).repeats = lookup(sources, s.repeats(), "source");
            }
        });
        attachTexts(seed, sources);
        Map<String, Place> places = new HashMap<>();
        for (PlaceSeed p : seed.places()) {
            places.put(p.slug(), upsertPlace(p, places, created));
        }
        Function<String, Place> place = slug -> lookup(places, slug, "place");
        Function<String, Source> source = ref -> lookup(sources, ref, "source");
        for (PlaceSeed p : seed.places()) {
            Place target = places.get(p.slug());
            List<Claim> existing = Claim.list("place = ?1", target);
            for (ClaimSeed c : nullToEmpty(p.claims())) {
                upsertClaim(existing, c, source.apply(c.source()), null, target, created);
            }
        }
        Map<String, DamageEvent> events = new HashMap<>();
        for (EventSeed e : seed.events()) {
            events.put(e.slug(), upsertEvent(e, place, source, created));
        }
        for (StatusSeed s : seed.status()) {
            upsertStatus(s, place, basis -> basisClaim(basis, events, place, source), created);
        }
        Sql.work(StoredReadings::refresh);
        Report report = new Report(created[0], created[1], created[2], created[3], created[4]);
        LOG.infof("Seed loaded; created %s", report);
        return report;
    }

    /**
     * Attaches the seed sources' full texts from the seed texts' folder, when it is there; without it their quotes
     * are loaded unchecked ("quote not checked"), as from any source without a text.
     */
    private void attachTexts(SeedFiles seed, Map<String, Source> sources) {
        Path folder = Path.of(textsFolder);
        int missing = 0;
        for (SourceSeed s : seed.sources()) {
            if (s.text() == null) {
                continue;
            }
            Path file = folder.resolve(s.text());
            if (!Files.isRegularFile(file)) {
                missing++;
                continue;
            }
            try {
                FullText text = FullText.uploaded(Files.readAllBytes(file), file.getFileName().toString(), null);
                Long id = sources.get(s.ref()).id;
                if (!text.body().equals(SourceText.of(id).orElse(null))) {
                    SourceText.attach(id, text.body(), text.mediaType());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (missing > 0) {
            LOG.warnf("%d seed source texts are not in %s (athar.seed.texts): their quotes are loaded unchecked",
                    missing, folder.toAbsolutePath().normalize());
        }
    }

    private static void upsertActor(ActorSeed a) {
        Actor actor = Actor.findBySlug(a.slug()).orElseGet(() -> {
            Actor fresh = new Actor();
            fresh.slug = a.slug();
            return fresh;
        });
        actor.kind = a.kind();
        actor.description = a.description();
        Set<String> known = actor.names.stream().map(n -> n.name).collect(Collectors.toSet());
        for (ActorNameSeed n : a.names()) {
            if (!known.contains(n.name())) {
                actor.addName(n.name(), n.lang());
            }
        }
        actor.persist();
    }

    private static Source upsertSource(SourceSeed s, int[] created) {
        Source source = Source.findByRef(s.ref()).orElseGet(() -> {
            created[0]++;
            Source fresh = new Source();
            fresh.ref = s.ref();
            return fresh;
        });
        source.kind = s.kind();
        source.title = s.title();
        source.publisher = s.publisher();
        source.author = s.author();
        UncertainDate published = date(s.published());
        if (!Objects.equals(source.published, published)) {
            source.published = published;
        }
        source.url = s.url();
        source.archivedUrl = s.archivedUrl();
        source.doi = s.doi();
        source.identifier = s.identifier();
        source.locator = s.locator();
        source.accessedOn = s.accessedOn() == null ? null : java.time.LocalDate.parse(s.accessedOn());
        source.unlocatableReason = s.unlocatableReason();
        source.language = s.language();
        source.reliability = s.reliability();
        source.reliabilityReason = s.reliabilityReason();
        source.persist();
        return source;
    }

    private static Place upsertPlace(PlaceSeed p, Map<String, Place> known, int[] created) {
        Place place = Place.findBySlug(p.slug()).orElseGet(() -> {
            created[1]++;
            Place fresh = new Place();
            fresh.slug = p.slug();
            return fresh;
        });
        place.level = p.level();
        place.parent = p.parent() == null ? null : lookup(known, p.parent(), "place");
        place.placeType = p.placeType();
        place.kind = p.kind();
        place.description = p.description();
        place.latitude = p.location() == null ? null : p.location().lat();
        place.longitude = p.location() == null ? null : p.location().lon();
        place.locationCertainty = p.location() == null ? null : p.location().certainty();
        place.locationSensitivity = p.location() == null || p.location().sensitivity() == null ? LocationSensitivity.EXACT
                : p.location().sensitivity();
        for (SeedFiles.NameSeed n : p.names()) {
            place.names.stream().filter(existing -> existing.language.equals(n.lang()) && existing.name.equals(n.name()))
                    .findFirst()
                    .ifPresentOrElse(existing -> existing.nameType = n.type(), () -> place.addName(n.name(), n.lang(), n.type()));
        }
        if (p.identifiers() != null) {
            p.identifiers().forEach((scheme, value) -> {
                if (place.identifiers.stream().noneMatch(i -> i.scheme == scheme && i.value.equals(value))) {
                    PlaceIdentifier identifier = new PlaceIdentifier();
                    identifier.place = place;
                    identifier.scheme = scheme;
                    identifier.value = value;
                    place.identifiers.add(identifier);
                }
            });
        }
        place.persist();
        return place;
    }

    private static DamageEvent upsertEvent(EventSeed e, Function<String, Place> place, Function<String, Source> source,
            int[] created) {
        DamageEvent event = DamageEvent.findBySlug(e.slug()).orElseGet(() -> {
            created[2]++;
            DamageEvent fresh = new DamageEvent();
            fresh.slug = e.slug();
            return fresh;
        });
        event.summary = e.summary();
        event.causeCategory = e.causeCategory();
        event.causeType = e.causeType();
        syncSet(event.effects, nullToEmpty(e.effects()));
        syncSet(event.places, e.places().stream().map(place).collect(Collectors.toSet()));
        event.persist();
        List<Claim> existing = Claim.list("event = ?1", event);
        for (ClaimSeed c : e.claims()) {
            upsertClaim(existing, c, source.apply(c.source()), event, null, created);
        }
        return event;
    }

    private static void upsertClaim(List<Claim> existing, ClaimSeed c, Source source, DamageEvent event, Place place,
            int[] created) {
        Claim claim = existing.stream().filter(x -> x.source == source).findFirst().orElseGet(() -> {
            created[3]++;
            Claim fresh = new Claim();
            fresh.source = source;
            fresh.event = event;
            fresh.place = place;
            existing.add(fresh);
            return fresh;
        });
        claim.quote = c.quote();
        UncertainDate date = date(c.date());
        if (!Objects.equals(claim.date, date)) {
            claim.date = date;
        }
        claim.severity = c.severity();
        claim.extent = c.extent();
        claim.condition = c.condition();
        claim.actor = c.actor();
        claim.namedActor = c.actorRef() == null ? null
                : Actor.findBySlug(c.actorRef()).orElseThrow(() -> new IllegalStateException("Seed claim of "
                        + source.ref + " names actor " + c.actorRef() + ", which actors.yaml does not have"));
        claim.certainty = c.certainty();
        claim.verification = c.verification();
        claim.disputedBy = c.disputedBy() == null ? null : Source.findByRef(c.disputedBy()).orElseThrow(
                () -> new IllegalStateException("Seed claim of " + source.ref + " is disputed by " + c.disputedBy()
                        + ", which sources.yaml does not have"));
        claim.note = c.note();
        try {
            claim.anchorQuote();
        } catch (Refused e) {
            throw new IllegalStateException("The quote of the seed claim of " + source.ref + " («" + c.quote()
                    + "») is not its source's words: " + e.getMessage(), e);
        }
        claim.persist();
    }

    private static void upsertStatus(StatusSeed s, Function<String, Place> place, Function<BasisSeed, Claim> basis,
            int[] created) {
        Place target = place.apply(s.place());
        UncertainDate asOf = UncertainDate.parse(s.asOf());
        StatusAssessment assessment = StatusAssessment
                .<StatusAssessment>find("place = ?1 and asOf.edtf = ?2", target, asOf.edtf).firstResultOptional()
                .orElseGet(() -> {
                    created[4]++;
                    StatusAssessment fresh = new StatusAssessment();
                    fresh.place = target;
                    return fresh;
                });
        if (!asOf.equals(assessment.asOf)) {
            assessment.asOf = asOf;
        }
        assessment.condition = s.condition();
        assessment.note = s.note();
        syncSet(assessment.basis, s.basis().stream().map(basis).collect(Collectors.toSet()));
        assessment.persist();
    }

    private static Claim basisClaim(BasisSeed b, Map<String, DamageEvent> events, Function<String, Place> place,
            Function<String, Source> source) {
        Source by = source.apply(b.source());
        List<Claim> candidates = b.event() != null
                ? Claim.list("event = ?1 and source = ?2", lookup(events, b.event(), "event"), by)
                : Claim.list("place = ?1 and source = ?2", place.apply(b.place()), by);
        if (candidates.size() != 1) {
            throw new IllegalStateException("Status basis " + b + " matches " + candidates.size() + " claims, not one");
        }
        return candidates.get(0);
    }

    private static UncertainDate date(String edtf) {
        return edtf == null ? null : UncertainDate.parse(edtf);
    }

    /** Makes {@code target} equal to {@code wanted} while touching it only if they differ. */
    private static <T> void syncSet(Set<T> target, Set<T> wanted) {
        if (!target.equals(wanted)) {
            target.retainAll(wanted);
            target.addAll(new HashSet<>(wanted));
        }
    }

    private static <T> T lookup(Map<String, T> known, String key, String what) {
        T value = known.get(key);
        if (value == null) {
            throw new IllegalStateException("The seed names " + what + " '" + key + "', which it does not define");
        }
        return value;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> Set<T> nullToEmpty(Set<T> set) {
        return set == null ? Set.of() : set;
    }
}
