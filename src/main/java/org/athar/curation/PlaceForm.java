package org.athar.curation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.athar.damage.Certainty;
import org.athar.place.IdentifierScheme;
import org.athar.place.LocationSensitivity;
import org.athar.place.NameType;
import org.athar.place.Place;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceLevel;
import org.athar.place.PlaceIdentifier;
import org.athar.place.PlaceName;
import org.athar.place.PlaceType;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * A place as typed: where it sits (level and parent), what it is, where it lies, and its names, each in a language
 * (BCP 47, so "ar" for Arabic script and "ar-Latn" for a transliteration) with its type.
 */
public record PlaceForm(String level, String parent, String slug, String placeType, String kind, String description,
        String latitude, String longitude, String locationCertainty, String locationSensitivity, List<NameForm> names,
        List<IdentifierForm> identifiers) implements Proposal {

    /** One authority identifier row (UNESCO, Wikidata, Pleiades, GeoNames); rows without a value are ignored. */
    public record IdentifierForm(String scheme, String value) {

        boolean unfilled() {
            return Forms.blank(value);
        }
    }

    /** One name row of the form; rows left empty are ignored. */
    public record NameForm(String name, String language, String type) {

        boolean unfilled() {
            return Forms.blank(name) && Forms.blank(language);
        }
    }

    /** A name row as the form shows it: its position and what is wrong with it, if anything. */
    public record NameRow(int index, NameForm name, String problem) {
    }

    public List<NameRow> rows(Map<String, String> problems) {
        List<NameRow> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(new NameRow(i, names.get(i), problems.get("name-" + i)));
        }
        return rows;
    }

    /** Blank name rows the form offers besides the names a place has. */
    static final int BLANK_NAME_ROWS = 3;

    static PlaceForm empty(String parent) {
        Place inside = Forms.blank(parent) ? null : Place.findBySlug(parent.strip()).orElse(null);
        String level = inside == null ? "SITE" : inside.level == PlaceLevel.SITE ? "MONUMENT" : "PART";
        return new PlaceForm(level, parent, "", inside == null ? "ARCHAEOLOGICAL_SITE" : "STRUCTURAL_HERITAGE", "OTHER",
                "", "", "", "", "EXACT", List.of(new NameForm("", "en", "DESIGNATION"), new NameForm("", "ar", "DESIGNATION")),
                List.of()).withBlankNames();
    }

    static PlaceForm of(Place p) {
        return new PlaceForm(p.level.name(), p.parent == null ? "" : p.parent.slug, p.slug, p.placeType.name(),
                p.kind.name(), p.description, p.latitude == null ? "" : p.latitude.toString(),
                p.longitude == null ? "" : p.longitude.toString(),
                p.locationCertainty == null ? "" : p.locationCertainty.name(), p.locationSensitivity.name(),
                p.names.stream().map(n -> new NameForm(n.name, n.language, n.nameType.name())).toList(),
                p.identifiers.stream().map(i -> new IdentifierForm(i.scheme.name(), i.value)).toList());
    }

    /** The names and identifiers typed, without empty rows: what a draft keeps. */
    PlaceForm withoutBlankNames() {
        return new PlaceForm(level, parent, slug, placeType, kind, description, latitude, longitude, locationCertainty, locationSensitivity,
                names.stream().filter(n -> !n.unfilled()).toList(),
                identifiers().stream().filter(i -> !i.unfilled()).toList());
    }

    /** The form with a few empty name and identifier rows added, for typing further ones. */
    PlaceForm withBlankNames() {
        List<NameForm> nameRows = new ArrayList<>(names);
        List<IdentifierForm> identifierRows = new ArrayList<>(identifiers());
        for (int i = 0; i < BLANK_NAME_ROWS; i++) {
            nameRows.add(new NameForm("", "", "ALTERNATIVE"));
        }
        identifierRows.add(new IdentifierForm("WIKIDATA", ""));
        identifierRows.add(new IdentifierForm("PLEIADES", ""));
        return new PlaceForm(level, parent, slug, placeType, kind, description, latitude, longitude, locationCertainty, locationSensitivity,
                nameRows, identifierRows);
    }

    @Override
    public List<IdentifierForm> identifiers() {
        return identifiers == null ? List.of() : identifiers;
    }

    @Override
    public String title() {
        return names.stream().filter(n -> !n.unfilled()).findFirst().map(NameForm::name).orElse(slug);
    }

    @Override
    public Map<String, String> problems(Long recordId) {
        Map<String, String> problems = new LinkedHashMap<>();
        Place edited = recordId == null ? null : Place.findById(recordId);
        if (recordId != null && edited == null) {
            problems.put("recordId", Forms.say().problem_place_gone());
        }
        Forms.known(problems, "level", PlaceLevel.class, level, false, Forms.say().problem_level());
        if (edited != null && !edited.level.name().equals(level)) {
            problems.put("level", Forms.say().problem_level_kept());
        }
        if (!problems.containsKey("level")) {
            checkParent(problems, PlaceLevel.valueOf(level), edited);
        }
        if (edited != null) {
            if (!edited.slug.equals(Forms.orNull(slug))) {
                problems.put("slug", Forms.say().problem_slug_kept(edited.slug));
            }
        } else if (Forms.blank(slug) || !slug.strip().matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.strip().length() > 120) {
            problems.put("slug", Forms.say().problem_slug());
        } else if (Place.findBySlug(slug.strip()).isPresent()) {
            problems.put("slug", Forms.say().problem_slug_taken(slug.strip()));
        }
        Forms.known(problems, "placeType", PlaceType.class, placeType, false, Forms.say().problem_place_type());
        Forms.known(problems, "kind", PlaceKind.class, kind, false, Forms.say().problem_place_kind());
        Double lat = coordinate(problems, "latitude", latitude, 90);
        Double lon = coordinate(problems, "longitude", longitude, 180);
        if (!problems.containsKey("latitude") && !problems.containsKey("longitude") && (lat == null) != (lon == null)) {
            problems.put(lat == null ? "latitude" : "longitude", Forms.say().problem_coordinates());
        }
        Forms.known(problems, "locationCertainty", Certainty.class, locationCertainty, true, Forms.say().problem_location_certainty());
        if (!Forms.blank(locationCertainty) && lat == null && !problems.containsKey("latitude")) {
            problems.put("locationCertainty", Forms.say().problem_certainty_needs_point());
        }
        Forms.known(problems, "locationSensitivity", LocationSensitivity.class, locationSensitivity, true,
                "Choose how much of the location the public may see: exact, generalised or withheld.");
        checkNames(problems);
        checkIdentifiers(problems, edited);
        return problems;
    }

    private void checkIdentifiers(Map<String, String> problems, Place edited) {
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (IdentifierForm i : identifiers()) {
            if (i.unfilled()) {
                continue;
            }
            String value = i.value.strip();
            IdentifierScheme scheme = Stream.of(IdentifierScheme.values()).filter(s -> s.name().equals(i.scheme))
                    .findFirst().orElse(null);
            if (scheme == null || !value.matches(scheme == IdentifierScheme.WIKIDATA ? "Q[1-9][0-9]*" : "[1-9][0-9]*")) {
                wrong.add(value + " is not a " + (scheme == null ? "known" : scheme.label()) + " identifier"
                        + (scheme == IdentifierScheme.WIKIDATA ? " (Q and a number, such as Q5859)" : " (a number)"));
            } else if (!seen.add(scheme + value)) {
                wrong.add(value + " is given twice");
            } else {
                PlaceIdentifier.<PlaceIdentifier>find("scheme = ?1 and value = ?2", scheme, value).firstResultOptional()
                        .filter(taken -> edited == null || !taken.place.id.equals(edited.id))
                        .ifPresent(taken -> wrong.add(value + " already identifies " + taken.place.slug));
            }
        }
        if (!wrong.isEmpty()) {
            problems.put("identifiers", String.join("; ", wrong) + ".");
        }
    }

    private void checkParent(Map<String, String> problems, PlaceLevel placeLevel, Place edited) {
        if (placeLevel == PlaceLevel.SITE) {
            if (!Forms.blank(parent)) {
                problems.put("parent", Forms.say().problem_site_alone());
            }
            return;
        }
        Place inside = Forms.blank(parent) ? null : Place.findBySlug(parent.strip()).orElse(null);
        Set<PlaceLevel> allowed = placeLevel == PlaceLevel.MONUMENT ? Set.of(PlaceLevel.SITE)
                : Set.of(PlaceLevel.MONUMENT, PlaceLevel.PART);
        if (inside == null || !allowed.contains(inside.level)) {
            problems.put("parent", placeLevel == PlaceLevel.MONUMENT ? "Give the slug of the site this monument belongs to, for example palmyra."
                    : "Give the slug of the monument (or larger part) this part belongs to.");
            return;
        }
        for (Place p = inside; edited != null && p != null; p = p.parent) {
            if (p.id.equals(edited.id)) {
                problems.put("parent", Forms.say().problem_inside_itself());
                return;
            }
        }
    }

    private static Double coordinate(Map<String, String> problems, String field, String value, double limit) {
        if (Forms.blank(value)) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (Math.abs(number) <= limit) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.put(field, "Give the " + field + " in decimal degrees, from -" + (int) limit + " to " + (int) limit + ", for example "
                + (limit == 90 ? "34.5547" : "38.2690") + ".");
        return null;
    }

    private void checkNames(Map<String, String> problems) {
        Set<String> designations = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            NameForm n = names.get(i);
            if (n.unfilled()) {
                continue;
            }
            String field = "name-" + i;
            if (Forms.blank(n.name) || n.name.strip().length() > 300) {
                problems.put(field, Forms.say().problem_name());
            } else if (Forms.blank(n.language) || !n.language.strip().matches("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?")) {
                problems.put(field, Forms.say().problem_name_language());
            } else if (!Stream.of(NameType.values()).map(Enum::name).toList().contains(n.type)) {
                problems.put(field, Forms.say().problem_name_type());
            } else if (!seen.add(n.language.strip() + "|" + n.name.strip())) {
                problems.put(field, Forms.say().problem_name_twice());
            } else if (n.type.equals("DESIGNATION") && !designations.add(n.language.strip())) {
                problems.put(field, Forms.say().problem_one_designation());
            }
        }
        if (names.stream().allMatch(NameForm::unfilled)) {
            problems.put("names", Forms.say().problem_no_name());
        }
    }

    @Override
    public void publish(Long recordId, long draftId) {
        Place place = recordId == null ? new Place() : Place.findById(recordId);
        if (recordId == null) {
            place.slug = slug.strip();
            place.level = PlaceLevel.valueOf(level);
        }
        place.parent = Forms.blank(parent) ? null : Place.findBySlug(parent.strip()).orElseThrow();
        place.placeType = PlaceType.valueOf(placeType);
        place.kind = PlaceKind.valueOf(kind);
        place.description = Forms.orNull(description);
        place.latitude = Forms.blank(latitude) ? null : Double.valueOf(latitude.strip());
        place.longitude = Forms.blank(longitude) ? null : Double.valueOf(longitude.strip());
        place.locationCertainty = Forms.enumOrNull(Certainty.class, locationCertainty);
        // drafts from before sensitivity existed say nothing: the place stays as the public saw it
        place.locationSensitivity = LocationSensitivity.of(Forms.orNull(locationSensitivity));
        place.persist();
        syncNames(place);
        syncIdentifiers(place);
    }

    /** Keeps the identifiers typed and only those; an identifier that stays keeps its row. */
    private void syncIdentifiers(Place place) {
        List<IdentifierForm> wanted = identifiers().stream().filter(i -> !i.unfilled())
                .map(i -> new IdentifierForm(i.scheme, i.value.strip())).distinct().toList();
        place.identifiers.removeIf(i -> !wanted.contains(new IdentifierForm(i.scheme.name(), i.value)));
        Panache.getEntityManager().flush();
        for (IdentifierForm i : wanted) {
            if (place.identifiers.stream().noneMatch(e -> e.scheme.name().equals(i.scheme) && e.value.equals(i.value))) {
                PlaceIdentifier identifier = new PlaceIdentifier();
                identifier.place = place;
                identifier.scheme = IdentifierScheme.valueOf(i.scheme);
                identifier.value = i.value;
                place.identifiers.add(identifier);
            }
        }
    }

    /**
     * Brings the place's names to the rows typed, touching only names that changed: a name kept in the same
     * language keeps its row, so that its history stays one line. Names leave before new ones come and
     * designations step down before others step up, so that "one designation per language" holds at every step.
     */
    private void syncNames(Place place) {
        List<NameForm> wanted = names.stream().filter(n -> !n.unfilled())
                .map(n -> new NameForm(n.name.strip(), n.language.strip(), n.type)).toList();
        List<NameForm> unmatched = new ArrayList<>(wanted);
        List<PlaceName> kept = new ArrayList<>();
        for (PlaceName existing : List.copyOf(place.names)) {
            NameForm match = unmatched.stream()
                    .filter(n -> n.name.equals(existing.name) && n.language.equals(existing.language)).findFirst().orElse(null);
            if (match == null) {
                place.names.remove(existing);
            } else {
                unmatched.remove(match);
                kept.add(existing);
            }
        }
        Panache.getEntityManager().flush();
        for (boolean promote : new boolean[] { false, true }) {
            for (PlaceName existing : kept) {
                NameType type = wanted.stream().filter(n -> n.name.equals(existing.name) && n.language.equals(existing.language))
                        .map(n -> NameType.valueOf(n.type)).findFirst().orElseThrow();
                if (!Objects.equals(existing.nameType, type) && (type == NameType.DESIGNATION) == promote) {
                    existing.nameType = type;
                }
            }
            Panache.getEntityManager().flush();
        }
        unmatched.forEach(n -> place.addName(n.name, n.language, NameType.valueOf(n.type)));
    }
}
