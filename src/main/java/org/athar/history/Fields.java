package org.athar.history;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.athar.time.UncertainDate;
import org.athar.vocabulary.Term;

/**
 * A record's fields as people read them, for the review queue and the history pages: a column or form field by its
 * label (fields.properties, fields_ar.properties), a vocabulary code by its term's label, a date written out. The raw
 * names and values stay available beside them.
 */
public final class Fields {

    private static final Map<String, Function<String, Term>> TERMS = Map.ofEntries(
            Map.entry("cause_category", CauseCategory::valueOf), Map.entry("cause_type", CauseType::valueOf),
            Map.entry("extent", Extent::valueOf), Map.entry("severity", Severity::valueOf),
            Map.entry("certainty", Certainty::valueOf), Map.entry("location_certainty", Certainty::valueOf),
            Map.entry("verification", Verification::valueOf), Map.entry("condition", Condition::valueOf),
            Map.entry("level", PlaceLevel::valueOf), Map.entry("parent_level", PlaceLevel::valueOf),
            Map.entry("place_type", PlaceType::valueOf), Map.entry("name_type", NameType::valueOf),
            Map.entry("reliability", Reliability::valueOf), Map.entry("location_sensitivity", LocationSensitivity::valueOf),
            Map.entry("effect_type", EffectType::valueOf), Map.entry("effects", EffectType::valueOf),
            Map.entry("scheme", IdentifierScheme::valueOf));

    private Fields() {
    }

    private static ResourceBundle bundle(Locale locale) {
        return Term.Labels.bundle("fields", locale);
    }

    /** The key of a column or form field: "causeCategory", "source.kind", "names[1].name" become "cause_category", "kind", "name". */
    static String key(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        return last.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    public static String label(String field, Locale locale) {
        try {
            return bundle(locale).getString(key(field));
        } catch (MissingResourceException e) {
            return key(field).replace('_', ' ');
        }
    }

    public static String table(String table, Locale locale) {
        try {
            return bundle(locale).getString("table." + table);
        } catch (MissingResourceException e) {
            return table.replace('_', ' ');
        }
    }

    /** A value as people read it; {@code table} tells a source's kind from a place's. Unknown codes stay as they are. */
    public static String value(String raw, String field, String table, Locale locale) {
        if (raw == null || raw.isBlank()) {
            return raw;
        }
        String key = key(field);
        try {
            if (key.equals("kind")) {
                boolean source = "source".equals(table) || field.contains("ource.");
                return (source ? SourceKind.valueOf(raw) : (Term) PlaceKind.valueOf(raw)).label(locale);
            }
            Function<String, Term> term = TERMS.get(key);
            if (term != null) {
                return Arrays.stream(raw.split(",\\s*")).map(code -> term.apply(code.strip()).label(locale))
                        .collect(Collectors.joining(", "));
            }
            if (key.equals("date") || key.equals("as_of") || key.equals("published") || key.endsWith("_edtf")) {
                return UncertainDate.parse(raw).label(locale);
            }
            if (key.endsWith("_earliest") || key.endsWith("_latest")) {
                return UncertainDate.dayLabel(LocalDate.parse(raw), locale);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // not a code or date of its kind (an old value, a typo in a draft; InvalidDateException is one): shown as it is
        }
        return raw;
    }
}
