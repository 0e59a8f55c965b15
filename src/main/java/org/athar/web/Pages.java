package org.athar.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.athar.curation.Draft;
import org.athar.db.Sql;
import org.athar.history.History;
import org.athar.place.Place;
import org.athar.registry.Registry;
import org.athar.registry.Views.EventDetail;
import org.athar.registry.Views.EventSummary;
import org.athar.registry.Views.MonumentView;
import org.athar.registry.Views.Page;
import org.athar.registry.Views.PlaceRef;
import org.athar.registry.Views.SiteView;
import org.athar.registry.Views.SourceView;
import org.athar.transfer.LinkedData;

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

        static native TemplateInstance event(EventDetail event, Curation curation);

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
    @Path("events/{slug}")
    public TemplateInstance event(@PathParam("slug") String slug) {
        return Templates.event(registry.event(slug).orElseThrow(() -> missing("damage event", "damage_event", "slug", slug, "/events/")),
                identity.isAnonymous() ? new Curation(false, List.of()) : new Curation(true, List.of()));
    }

    /** A claim's address, as linked data names it: its place on the page of its event, or of the place it is about. */
    @GET
    @Path("claims/{id}")
    public Response claim(@PathParam("id") String id) {
        long claim = Requests.parseId(id, "claim");
        String page = Sql.query("""
                select coalesce('/events/' || e.slug, case p.level when 'SITE' then '/sites/' else '/monuments/' end || p.slug)
                from claim c left join damage_event e on e.id = c.event_id left join place p on p.id = c.place_id
                where c.id = ?""", rs -> rs.getString(1), claim).stream().findFirst()
                .orElseThrow(() -> missing("claim", "claim", "id", id, "/claims/"));
        return Response.seeOther(URI.create(page + "#claim-" + claim)).build();
    }

    // The same records as linked data (JSON-LD, CIDOC CRM), for clients that ask for it with Accept.

    @GET
    @Path("monuments/{slug}")
    @Produces(LinkedData.MEDIA_TYPE)
    public Map<String, Object> monumentLd(@PathParam("slug") String slug, @QueryParam("page") String page,
            @QueryParam("parts") String parts, @Context UriInfo uri) {
        return linked(uri).monument(registry.monument(slug, Requests.paging(page, null, EVENTS), Requests.paging(parts, "parts", null, LIST))
                .orElseThrow(() -> missing("monument", "place", "slug", slug, "/monuments/")));
    }

    @GET
    @Path("sites/{slug}")
    @Produces(LinkedData.MEDIA_TYPE)
    public Map<String, Object> siteLd(@PathParam("slug") String slug, @QueryParam("page") String page,
            @QueryParam("events") String events, @Context UriInfo uri) {
        return linked(uri).site(registry.site(slug, Requests.paging(page, null, LIST), Requests.paging(events, "events", null, EVENTS))
                .orElseThrow(() -> missing("site", "place", "slug", slug, "/sites/")));
    }

    @GET
    @Path("events/{slug}")
    @Produces(LinkedData.MEDIA_TYPE)
    public Map<String, Object> eventLd(@PathParam("slug") String slug, @Context UriInfo uri) {
        return linked(uri).event(registry.event(slug).orElseThrow(() -> missing("damage event", "damage_event", "slug", slug, "/events/")));
    }

    @GET
    @Path("sources/{id}")
    @Produces(LinkedData.MEDIA_TYPE)
    public Map<String, Object> sourceLd(@PathParam("id") String id, @QueryParam("page") String page, @Context UriInfo uri) {
        return linked(uri).source(registry.source(Requests.parseId(id, "source"), Requests.paging(page, null, LIST))
                .orElseThrow(() -> missing("source", "source", "id", id, "/sources/")));
    }

    private static LinkedData linked(UriInfo uri) {
        return new LinkedData(Requests.base(uri));
    }

    @GET
    @Path("sources/{id}")
    public TemplateInstance source(@PathParam("id") String id, @QueryParam("page") String page) {
        return Templates.source(registry.source(Requests.parseId(id, "source"), Requests.paging(page, null, LIST))
                .orElseThrow(() -> missing("source", "source", "id", id, "/sources/")));
    }
}
