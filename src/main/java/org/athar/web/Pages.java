package org.athar.web;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.athar.curation.Draft;
import org.athar.history.History;
import org.athar.place.Place;
import org.athar.registry.Registry;
import org.athar.registry.Views.EventSummary;
import org.athar.registry.Views.MonumentView;
import org.athar.registry.Views.Page;
import org.athar.registry.Views.PlaceRef;
import org.athar.registry.Views.SiteView;
import org.athar.registry.Views.SourceView;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/** The public pages: server-rendered HTML that needs no JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class Pages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page<PlaceRef> sites, List<EventSummary> recentEvents);

        static native TemplateInstance site(SiteView site, Curation curation);

        static native TemplateInstance monument(MonumentView monument, Curation curation);

        static native TemplateInstance source(SourceView source);

    }

    /** What signed-in curators see on a place's page besides the public view: the drafts waiting about it. */
    public record Curation(boolean signedIn, List<Draft> drafts) {
    }

    /** How many places or claims a page lists at a time, and how many events (which are longer). */
    static final int LIST = 50;
    static final int EVENTS = 20;

    @Inject
    Registry registry;

    @Inject
    SecurityIdentity identity;

    @Inject
    History history;

    /** Not found (404), or Gone (410) with the way to its history when the record was withdrawn. */
    private RuntimeException missing(String what, String table, String field, String key, String path) {
        if (history.withdrawn(table, field, key).isPresent()) {
            return new RecordWithdrawnException("The " + what + " '" + key + "' has been withdrawn from the registry. "
                    + "Its history, from which a curator can restore it, is at " + path + key + "/history.");
        }
        return Requests.notFound(what, key);
    }

    /** Visitors see published data only; curators also see what is waiting for review about the place. */
    private Curation curation(String slug) {
        if (identity.isAnonymous()) {
            return new Curation(false, List.of());
        }
        return new Curation(true, Place.findBySlug(slug).map(p -> Draft.pendingAbout(p.id, slug)).orElse(List.of()));
    }

    @GET
    public TemplateInstance home(@QueryParam("page") String page) {
        return Templates.home(registry.sites(Requests.paging(page, null, LIST)), registry.recentEvents(8));
    }

    @GET
    @Path("sites/{slug}")
    public TemplateInstance site(@PathParam("slug") String slug, @QueryParam("page") String page,
            @QueryParam("events") String events) {
        return Templates.site(registry.site(slug, Requests.paging(page, null, LIST), Requests.paging(events, "events", null, EVENTS))
                .orElseThrow(() -> missing("site", "place", "slug", slug, "/sites/")), curation(slug));
    }

    @GET
    @Path("monuments/{slug}")
    public TemplateInstance monument(@PathParam("slug") String slug, @QueryParam("page") String page,
            @QueryParam("parts") String parts) {
        return Templates.monument(registry.monument(slug, Requests.paging(page, null, EVENTS), Requests.paging(parts, "parts", null, LIST))
                .orElseThrow(() -> missing("monument", "place", "slug", slug, "/monuments/")), curation(slug));
    }

    @GET
    @Path("sources/{id}")
    public TemplateInstance source(@PathParam("id") String id, @QueryParam("page") String page) {
        return Templates.source(registry.source(Requests.parseId(id, "source"), Requests.paging(page, null, LIST))
                .orElseThrow(() -> missing("source", "source", "id", id, "/sources/")));
    }
}
