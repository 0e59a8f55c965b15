package org.athar.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.athar.actor.ActorKind;
import org.athar.damage.CauseCategory;
import org.athar.damage.CauseType;
import org.athar.damage.Certainty;
import org.athar.damage.EffectType;
import org.athar.damage.Extent;
import org.athar.damage.Severity;
import org.athar.damage.Verification;
import org.athar.evidence.Reliability;
import org.athar.evidence.SourceKind;
import org.athar.place.IdentifierScheme;
import org.athar.place.LocationSensitivity;
import org.athar.place.NameType;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceLevel;
import org.athar.place.PlaceType;
import org.athar.status.Condition;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The seed dataset as written in seed/*.yaml: actors, sources, places (with claims about them), events, status. */
public record SeedFiles(List<ActorSeed> actors, List<SourceSeed> sources, List<PlaceSeed> places,
        List<EventSeed> events, List<StatusSeed> status) {

    public record ActorSeed(String slug, ActorKind kind, String description, List<ActorNameSeed> names) {
    }

    public record ActorNameSeed(String name, String lang) {
    }

    /**
     * {@code text}: the file, in the seed texts' folder (athar.seed.texts), holding the source's full text; the seed
     * carries no article itself (copyright), and its quotes are checked against the texts when the folder is there.
     */
    public record SourceSeed(String ref, SourceKind kind, String title, String publisher, String author,
            String published, String url, String archivedUrl, String doi, String identifier, String locator,
            String accessedOn, String unlocatableReason, String repeats, String text, String language,
            Reliability reliability, String reliabilityReason) {
    }

    public record PlaceSeed(String slug, String parent, PlaceLevel level, PlaceType placeType, PlaceKind kind,
            String description, Location location, List<NameSeed> names, Map<IdentifierScheme, String> identifiers,
            List<ClaimSeed> claims) {
    }

    /** A point; {@code sensitivity} (exact unless given) is how much of it the public sees. */
    public record Location(double lat, double lon, Certainty certainty, LocationSensitivity sensitivity) {
    }

    public record NameSeed(String name, String lang, NameType type) {
    }

    public record EventSeed(String slug, String summary, List<String> places, CauseCategory causeCategory,
            CauseType causeType, Set<EffectType> effects, List<ClaimSeed> claims) {
    }

    /** {@code actorRef}: the actor's slug, when the source's words do not spell one of its names. */
    public record ClaimSeed(String source, String quote, String date, Severity severity, Extent extent, Condition condition,
            String actor, String actorRef, Certainty certainty, Verification verification, String disputedBy,
            String note) {
    }

    public record StatusSeed(String place, Condition condition, String asOf, String note, List<BasisSeed> basis) {
    }

    /** A claim a status rests on: the claim of {@code source} about {@code event}, or about {@code place}. */
    public record BasisSeed(String event, String place, String source) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The seed packaged with the application. */
    public static SeedFiles bundled() {
        return read(name -> SeedFiles.class.getClassLoader().getResourceAsStream("seed/" + name));
    }

    /** A seed in a directory, for trying out edits or loading another dataset. */
    public static SeedFiles fromDirectory(Path dir) {
        return read(name -> {
            try {
                return Files.newInputStream(dir.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private interface Opener {
        InputStream open(String name);
    }

    private static SeedFiles read(Opener opener) {
        return new SeedFiles(
                read(opener, "actors.yaml", new TypeReference<List<ActorSeed>>() {
                }),
                read(opener, "sources.yaml", new TypeReference<List<SourceSeed>>() {
                }),
                read(opener, "places.yaml", new TypeReference<List<PlaceSeed>>() {
                }),
                read(opener, "events.yaml", new TypeReference<List<EventSeed>>() {
                }),
                read(opener, "status.yaml", new TypeReference<List<StatusSeed>>() {
                }));
    }

    private static <T> List<T> read(Opener opener, String name, TypeReference<List<T>> type) {
        try (InputStream in = opener.open(name)) {
            if (in == null) {
                throw new IllegalStateException("Seed file " + name + " not found");
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("Seed file " + name + " cannot be read: " + e.getMessage(), e);
        }
    }
}
