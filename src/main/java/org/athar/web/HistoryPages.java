package org.athar.web;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.athar.damage.Claim;
import org.athar.damage.DamageEvent;
import org.athar.evidence.Source;
import org.athar.history.History;
import org.athar.place.LocationSensitivity;
import org.athar.place.Place;
import org.athar.place.PlaceLevel;
import org.athar.registry.Views.Page;
import org.athar.status.StatusAssessment;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * History pages: every change to a record and what belongs to it, with who made it and why. They work for
 * withdrawn records too (from the history alone), and signed-in curators can propose restoring the version
 * before any change.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class HistoryPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(Subject subject, Page<History.Change> changes, Set<Long> restorable,
                boolean curator);

        static native TemplateInstance withdrawn(Page<WithdrawnRecord> records);
    }

    /** The record a history page is about: how to name it, where it is shown (null once withdrawn), its addresses. */
    public record Subject(History.Kind kind, long id, String what, String title, String page) {

        public String restorePath() {
            return "/curate/restore/" + kind.path + "/" + id + "/";
        }

        public String historyPath() {
            return "/history/" + kind.path + "/" + id;
        }
    }

    public record WithdrawnRecord(Subject subject, History.Withdrawn withdrawal) {
    }

    /** Change sets a history page shows at a time. */
    static final int CHANGES = 50;

    @Inject
    History history;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("monuments/{slug}/history")
    public TemplateInstance monumentHistory(@PathParam("slug") String slug, @QueryParam("page") String page) {
        return placeHistory(slug, page, "monument", PlaceLevel.MONUMENT, PlaceLevel.PART);
    }

    @GET
    @Path("sites/{slug}/history")
    public TemplateInstance siteHistory(@PathParam("slug") String slug, @QueryParam("page") String page) {
        return placeHistory(slug, page, "site", PlaceLevel.SITE);
    }

    @GET
    @Path("events/{slug}/history")
    public TemplateInstance eventHistory(@PathParam("slug") String slug, @QueryParam("page") String page) {
        long id = DamageEvent.findBySlug(slug).map(e -> e.id)
                .or(() -> history.withdrawn("damage_event", "slug", slug))
                .orElseThrow(() -> Requests.notFound("damage event", slug));
        return page(History.Kind.EVENT, id, page);
    }

    @GET
    @Path("sources/{id}/history")
    public TemplateInstance sourceHistory(@PathParam("id") String id, @QueryParam("page") String page) {
        return page(History.Kind.SOURCE, Requests.parseId(id, "source"), page);
    }

    @GET
    @Path("claims/{id}/history")
    public TemplateInstance claimHistory(@PathParam("id") String id, @QueryParam("page") String page) {
        return page(History.Kind.CLAIM, Requests.parseId(id, "claim"), page);
    }

    /** Any record's history by kind and number: the address the review queue and the withdrawn list link to. */
    @GET
    @Path("history/{kind}/{id}")
    public TemplateInstance recordHistory(@PathParam("kind") String kind, @PathParam("id") String id, @QueryParam("page") String page) {
        History.Kind k = History.Kind.of(kind)
                .orElseThrow(() -> new RecordNotFoundException("There is no kind of record called '" + kind + "'."));
        return page(k, Requests.parseId(id, "record"), page);
    }

    @GET
    @Path("history/withdrawn")
    public TemplateInstance withdrawn(@QueryParam("page") String page) {
        Page<History.Withdrawn> records = history.withdrawn(Requests.paging(page, null, Pages.LIST));
        return Templates.withdrawn(new Page<>(records.page(), records.size(), records.total(), records.pages(),
                records.items().stream().map(w -> new WithdrawnRecord(
                        subject(History.Kind.of(w.table()).orElseThrow(), w.id(), w.row()), w)).toList()));
    }

    private TemplateInstance placeHistory(String slug, String page, String what, PlaceLevel... levels) {
        long id = Place.findBySlug(slug).filter(p -> List.of(levels).contains(p.level)).map(p -> p.id)
                .or(() -> history.withdrawn("place", "slug", slug))
                .orElseThrow(() -> Requests.notFound(what, slug));
        return page(History.Kind.PLACE, id, page);
    }

    private TemplateInstance page(History.Kind kind, long id, String page) {
        Page<History.Change> changes = history.of(kind, id, Requests.paging(page, null, CHANGES));
        JsonNode last = history.lastImage(kind.table, id).orElse(null);
        if (kind == History.Kind.PLACE && identity.isAnonymous()) {
            changes = History.locatedAs(changes, LocationSensitivity.of(last == null ? null : last.path("location_sensitivity").textValue()));
        }
        Subject subject = subject(kind, id, last);
        // each change set gets one button, on its first line; restoring to before a record existed is withdrawing it
        Set<Long> restorable = new HashSet<>();
        Set<Long> seen = new HashSet<>();
        for (History.Change c : changes.items()) {
            if (c.table().equals(kind.table) && c.operation().equals("INSERT")) {
                seen.add(c.changeSet());
            }
        }
        for (History.Change c : changes.items()) {
            if (seen.add(c.changeSet())) {
                restorable.add(c.id());
            }
        }
        return Templates.history(subject, changes, restorable, !identity.isAnonymous());
    }

    /** Names the record from the registry, or from its last row image once it is withdrawn. */
    private static Subject subject(History.Kind kind, long id, JsonNode last) {
        return live(kind, id).orElseGet(() -> {
            if (last == null) {
                throw Requests.notFound(kind.noun, Long.toString(id));
            }
            String title = switch (kind) {
                case PLACE -> last.path("slug").asText();
                case SOURCE -> last.path("title").asText();
                case EVENT -> last.path("summary").asText();
                case CLAIM -> "claim " + id;
                case STATUS -> "status as of " + last.path("as_of_edtf").asText();
            };
            return new Subject(kind, id, kind.noun, title, null);
        });
    }

    private static Optional<Subject> live(History.Kind kind, long id) {
        return switch (kind) {
            case PLACE -> Place.<Place>findByIdOptional(id)
                    .map(p -> new Subject(kind, id, p.level.name().toLowerCase(), p.displayName(), p.level.pagePath(p.slug)));
            case SOURCE -> Source.<Source>findByIdOptional(id).map(s -> new Subject(kind, id, kind.noun, s.title, "/sources/" + id));
            case EVENT -> DamageEvent.<DamageEvent>findByIdOptional(id).map(e -> new Subject(kind, id, kind.noun, e.summary,
                    e.places.stream().findFirst().map(p -> p.level.pagePath(p.slug) + "#event-" + e.slug).orElse(null)));
            case CLAIM -> Claim.<Claim>findByIdOptional(id).map(c -> new Subject(kind, id, kind.noun,
                    "claim " + id + " of “" + c.source.title + "”",
                    (c.place != null ? c.place.level.pagePath(c.place.slug)
                            : c.event.places.stream().findFirst().map(p -> p.level.pagePath(p.slug)).orElse(""))
                            + "#claim-" + id));
            case STATUS -> StatusAssessment.<StatusAssessment>findByIdOptional(id).map(s -> new Subject(kind, id, kind.noun,
                    "status of " + s.place.displayName() + " as of " + s.asOf.label(), s.place.level.pagePath(s.place.slug)));
        };
    }
}
