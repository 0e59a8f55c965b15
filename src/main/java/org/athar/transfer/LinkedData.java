package org.athar.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
import org.athar.registry.Views.ClaimView;
import org.athar.registry.Views.DateView;
import org.athar.registry.Views.EventDetail;
import org.athar.registry.Views.EventView;
import org.athar.registry.Views.IdentifierView;
import org.athar.registry.Views.LocationView;
import org.athar.registry.Views.MonumentView;
import org.athar.registry.Views.NameView;
import org.athar.registry.Views.PlaceRef;
import org.athar.registry.Views.SiteView;
import org.athar.registry.Views.SourceRef;
import org.athar.registry.Views.SourceView;
import org.athar.registry.Views.StatusView;
import org.athar.status.Condition;
import org.athar.vocabulary.Term;

/**
 * The registry's records as JSON-LD modelled on CIDOC CRM the way Linked Art and EAMENA use it: a heritage place is
 * an E27 Site, a damage event an E5 Event, each claim an E13 Attribute Assignment that used its source (an E31
 * Document), a status an E3 Condition State, a date an E52 Time-Span with its EDTF text and its first and last
 * possible days. Built from the same views as the pages, so it shows what they show, locations included as the viewer
 * may see them. The terms are defined by the published, versioned context {@link #CONTEXT}; vocabulary values are E55
 * Types of {@link #VOCABULARY}.
 */
public final class LinkedData {

    public static final String MEDIA_TYPE = "application/ld+json";
    /** Published once, never changed: a new version gets a new address. */
    public static final String CONTEXT = "/ld/v1/context.jsonld";
    public static final String VOCABULARY = "/ld/v1/vocabulary";

    /** Every vocabulary the registry uses, as the vocabulary document lists them. */
    static final List<Class<? extends Term>> VOCABULARIES = List.of(PlaceLevel.class, PlaceType.class, PlaceKind.class,
            NameType.class, IdentifierScheme.class, LocationSensitivity.class, CauseCategory.class, CauseType.class,
            EffectType.class, Extent.class, Severity.class, Certainty.class, Verification.class, Condition.class,
            SourceKind.class, Reliability.class);

    private final String base;

    /** @param base the registry's address, without a trailing slash: the identifiers are its pages */
    public LinkedData(String base) {
        this.base = base;
    }

    public Map<String, Object> monument(MonumentView m) {
        Map<String, Object> ld = place(m.slug(), m.level().pagePath(m.slug()), m.name(), m.level(), m.placeType(), m.kind(),
                m.description(), m.names(), m.identifiers(), m.location(), m.statusTimeline());
        if (!m.ancestors().isEmpty()) {
            PlaceRef parent = m.ancestors().get(m.ancestors().size() - 1);
            ld.put("part_of", base + parent.path());
        }
        ld.put("present_at", m.events().items().stream().map(e -> base + "/events/" + e.slug()).toList());
        if (!m.claims().isEmpty()) {
            ld.put("attributed_by", m.claims().stream().map(c -> claim(c, base + m.level().pagePath(m.slug()))).toList());
        }
        return ld;
    }

    public Map<String, Object> site(SiteView s) {
        Map<String, Object> ld = place(s.slug(), PlaceLevel.SITE.pagePath(s.slug()), s.name(), PlaceLevel.SITE, s.placeType(),
                s.kind(), s.description(), s.names(), s.identifiers(), s.location(), s.statusTimeline());
        ld.put("present_at", s.events().items().stream().map(e -> base + "/events/" + e.slug()).toList());
        if (!s.claims().isEmpty()) {
            ld.put("attributed_by", s.claims().stream().map(c -> claim(c, base + PlaceLevel.SITE.pagePath(s.slug()))).toList());
        }
        return ld;
    }

    public Map<String, Object> event(EventDetail detail) {
        EventView e = detail.event();
        String page = "/events/" + e.slug();
        Map<String, Object> ld = document(page, "Event", e.summary());
        List<Object> types = new ArrayList<>();
        types.add(type(e.causeCategory()));
        types.add(type(e.causeType()));
        e.effects().stream().map(this::type).forEach(types::add);
        types.add(type(e.reading().extent()));
        types.add(type(e.reading().severity()));
        ld.put("classified_as", types.stream().filter(Objects::nonNull).toList());
        ld.put("occurred_in_the_presence_of", detail.places().stream().map(p -> base + p.path()).toList());
        put(ld, "timespan", timespan(e.reading().date()));
        if (e.reading().actor() != null) {
            ld.put("carried_out_by", List.of(node(null, "Actor", e.reading().actor())));
        }
        ld.put("attributed_by", e.claims().stream().map(c -> claim(c, base + page)).toList());
        return ld;
    }

    public Map<String, Object> source(SourceView s) {
        Map<String, Object> ld = document("/sources/" + s.id(), "Document", s.title());
        ld.put("identified_by", List.of(Map.of("type", "Name", "content", s.title())));
        ld.put("classified_as", List.of(type(s.kind()), type(s.reliability())));
        if (s.reliabilityReason() != null) {
            ld.put("note", s.reliabilityReason());
        }
        Map<String, Object> creation = node(null, "Creation", null);
        List<Object> by = new ArrayList<>();
        if (s.author() != null) {
            by.add(node(null, "Person", s.author()));
        }
        if (s.publisher() != null) {
            by.add(node(null, "Group", s.publisher()));
        }
        if (!by.isEmpty()) {
            creation.put("carried_out_by", by);
        }
        put(creation, "timespan", timespan(s.published()));
        if (creation.size() > 1) {
            ld.put("created_by", creation);
        }
        if (s.url() != null) {
            ld.put("access_point", List.of(s.url()));
        }
        if (s.language() != null) {
            ld.put("language", s.language());
        }
        ld.put("used_for", s.claims().items().stream().map(c -> claimId(c.claim())).toList());
        return ld;
    }

    /** The vocabulary document: every value the registry uses, as an E55 Type with its label. */
    public Map<String, Object> vocabulary() {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", base + CONTEXT);
        List<Object> graph = new ArrayList<>();
        for (Class<? extends Term> vocabulary : VOCABULARIES) {
            for (Term term : vocabulary.getEnumConstants()) {
                graph.add(type(term));
            }
        }
        ld.put("@graph", graph);
        return ld;
    }

    private Map<String, Object> place(String slug, String page, String name, PlaceLevel level, PlaceType placeType,
            PlaceKind kind, String description, List<NameView> names, List<IdentifierView> identifiers,
            LocationView location, List<StatusView> timeline) {
        Map<String, Object> ld = document(page, "Site", name);
        ld.put("classified_as", List.of(type(level), type(placeType), type(kind)));
        List<Object> identifiedBy = new ArrayList<>();
        for (NameView n : names) {
            Map<String, Object> appellation = node(null, "Name", null);
            appellation.put("content", Map.of("@value", n.name(), "@language", n.language()));
            appellation.put("classified_as", List.of(type(n.type())));
            identifiedBy.add(appellation);
        }
        for (IdentifierView i : identifiers) {
            Map<String, Object> identifier = node(null, "Identifier", null);
            identifier.put("content", i.value());
            identifier.put("classified_as", List.of(type(i.scheme())));
            identifiedBy.add(identifier);
        }
        identifiedBy.add(Map.of("type", "Identifier", "content", slug, "_label", "Athar slug"));
        ld.put("identified_by", identifiedBy);
        if (!identifiers.isEmpty()) {
            ld.put("equivalent", identifiers.stream().map(IdentifierView::url).toList());
        }
        if (description != null) {
            ld.put("note", description);
        }
        if (location != null) {
            Map<String, Object> where = node(null, "Place", null);
            where.put("classified_as", List.of(type(location.sensitivity())));
            if (location.located()) {
                // WKT is longitude first
                where.put("defined_by", "POINT(" + location.longitude() + " " + location.latitude() + ")");
            }
            ld.put("location", where);
        }
        ld.put("has_condition", timeline.stream().map(st -> {
            Map<String, Object> state = node(base + page + "#status-" + st.id(), "ConditionState", st.condition().label());
            state.put("classified_as", List.of(type(st.condition())));
            put(state, "timespan", timespan(st.asOf()));
            if (st.note() != null) {
                state.put("note", st.note());
            }
            if (!st.basis().isEmpty()) {
                state.put("attributed_by", st.basis().stream().map(c -> claim(c, null)).toList());
            }
            return state;
        }).toList());
        return ld;
    }

    /**
     * A claim: a source's assignment of a date, a severity or condition and an actor to what it is about (the event,
     * when given), with its quote, certainty and verification.
     */
    private Map<String, Object> claim(ClaimView c, String about) {
        Map<String, Object> ld = node(claimId(c), "AttributeAssignment", null);
        if (about != null) {
            ld.put("assigned_to", about);
        }
        List<Object> assigned = new ArrayList<>();
        Map<String, Object> span = timespan(c.date());
        if (span != null) {
            assigned.add(span);
        }
        assigned.add(type(c.severity()));
        assigned.add(type(c.condition()));
        if (c.actor() != null) {
            assigned.add(node(null, "Actor", c.actor()));
        }
        ld.put("assigned", assigned.stream().filter(Objects::nonNull).toList());
        ld.put("classified_as", List.of(type(c.certainty()), type(c.verification())));
        SourceRef s = c.source();
        ld.put("used_specific_object", List.of(node(base + "/sources/" + s.id(), "Document", s.title())));
        if (c.quote() != null) {
            ld.put("content", c.quote());
        }
        if (c.note() != null) {
            ld.put("note", c.note());
        }
        return ld;
    }

    /** A claim's identifier, wherever it is shown: /claims/N, which leads to it on its event's or place's page. */
    private String claimId(ClaimView c) {
        return base + "/claims/" + c.id();
    }

    /** A date as an E52 Time-Span: its EDTF text, and its first and last possible days where it has them. */
    private static Map<String, Object> timespan(DateView date) {
        if (date == null) {
            return null;
        }
        Map<String, Object> span = node(null, "TimeSpan", date.label());
        span.put("edtf", date.edtf());
        if (date.earliest() != null) {
            span.put("begin_of_the_begin", date.earliest().toString());
        }
        if (date.latest() != null) {
            span.put("end_of_the_end", date.latest().toString());
        }
        return span;
    }

    private Map<String, Object> type(Term term) {
        if (term == null) {
            return null;
        }
        Map<String, Object> type = node(base + VOCABULARY + "#" + term.getClass().getSimpleName() + "." + term.name(), "Type",
                term.label());
        return type;
    }

    /** A record of its own: its context, then the node its page is about. */
    private Map<String, Object> document(String page, String type, String label) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", base + CONTEXT);
        ld.putAll(node(base + page, type, label));
        return ld;
    }

    private static Map<String, Object> node(String id, String type, String label) {
        Map<String, Object> node = new LinkedHashMap<>();
        if (id != null) {
            node.put("id", id);
        }
        node.put("type", type);
        if (label != null) {
            node.put("_label", label);
        }
        return node;
    }

    private static void put(Map<String, Object> ld, String key, Object value) {
        if (value != null) {
            ld.put(key, value);
        }
    }
}
