package org.athar.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

/** One field that a proposal would change: as published, as proposed (either may be empty). */
public record FieldChange(String field, String published, String proposed) {

    /** The fields that differ between a published record and a proposal, both as forms (either may be null). */
    @SuppressWarnings("unchecked")
    static List<FieldChange> between(ObjectMapper json, Proposal published, Proposal proposed) {
        Map<String, Object> before = published == null ? Map.of() : flatten(json.convertValue(published, Map.class), "");
        Map<String, Object> after = proposed == null ? Map.of() : flatten(json.convertValue(proposed, Map.class), "");
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            Object was = blankToNull(before.get(field));
            Object value = blankToNull(after.get(field));
            if (!Objects.equals(was, value)) {
                changes.add(new FieldChange(field, was == null ? null : was.toString(), value == null ? null : value.toString()));
            }
        }
        return changes;
    }

    /** Nested objects (a report's new source) become "source.title"; lists (a place's names) one line each. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(Map<String, Object> map, String prefix) {
        Map<String, Object> flat = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                // a source's locators read as fields of the source
                flat.putAll(flatten((Map<String, Object>) nested, key.equals("locators") ? prefix
                        : prefix + (key.equals("newSource") ? "source" : key) + "."));
            } else if (value instanceof List<?> list) {
                flat.put(prefix + key, String.join("; ", list.stream()
                        .map(e -> e instanceof Map<?, ?> m ? String.join(" / ", m.values().stream().map(String::valueOf).toList())
                                : String.valueOf(e))
                        .toList()));
            } else if (value instanceof String text && text.length() > 2000) {
                // a source's full text: its beginning and its length, not a page of it
                flat.put(prefix + key, text.substring(0, 600) + "… (" + text.length() + " characters, "
                        + Integer.toHexString(text.hashCode()) + ")");
            } else {
                flat.put(prefix + key, value);
            }
        });
        return flat;
    }

    private static Object blankToNull(Object value) {
        return value instanceof String s && s.isBlank() ? null : value;
    }
}
