package org.athar.web;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.athar.history.History;
import org.athar.place.PlaceLevel;
import org.athar.registry.Registry;
import org.athar.registry.Views.EventSummary;
import org.athar.registry.Views.MonumentView;
import org.athar.registry.Views.PlaceRef;
import org.athar.registry.Views.SiteView;
import org.athar.registry.Views.SourceView;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** The public pages: server-rendered HTML that needs no JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class Pages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<PlaceRef> sites, List<EventSummary> recentEvents);

        static native TemplateInstance site(SiteView site);

        static native TemplateInstance monument(MonumentView monument);

        static native TemplateInstance source(SourceView source);

        static native TemplateInstance history(String title, String path, List<History.Change> changes,
                String restorePath);
    }

    @Inject
    Registry registry;

    @Inject
    History history;

    @GET
    public TemplateInstance home() {
        return Templates.home(registry.sites(), registry.recentEvents(8));
    }

    @GET
    @Path("sites/{slug}")
    public TemplateInstance site(@PathParam("slug") String slug) {
        return Templates.site(registry.site(slug).orElseThrow(() -> Requests.notFound("site", slug)));
    }

    @GET
    @Path("monuments/{slug}")
    public TemplateInstance monument(@PathParam("slug") String slug) {
        return Templates.monument(registry.monument(slug).orElseThrow(() -> Requests.notFound("monument", slug)));
    }

    @GET
    @Path("monuments/{slug}/history")
    public TemplateInstance monumentHistory(@PathParam("slug") String slug) {
        Registry.Named monument = registry.place(slug, PlaceLevel.MONUMENT, PlaceLevel.PART)
                .orElseThrow(() -> Requests.notFound("monument", slug));
        return Templates.history(monument.name(), "/monuments/" + slug, history.forPlace(monument.id()), null);
    }

    @GET
    @Path("sites/{slug}/history")
    public TemplateInstance siteHistory(@PathParam("slug") String slug) {
        Registry.Named site = registry.place(slug, PlaceLevel.SITE).orElseThrow(() -> Requests.notFound("site", slug));
        return Templates.history(site.name(), "/sites/" + slug, history.forPlace(site.id()), null);
    }

    @GET
    @Path("sources/{id}/history")
    public TemplateInstance sourceHistory(@PathParam("id") String id) {
        Registry.Named source = registry.source(id).orElseThrow(() -> Requests.notFound("source", id));
        return Templates.history(source.name(), "/sources/" + id, history.forSource(source.id()),
                "/curate/sources/" + source.id() + "/restore/");
    }

    @GET
    @Path("sources/{id}")
    public TemplateInstance source(@PathParam("id") String id) {
        return Templates.source(registry.source(Requests.parseId(id, "source")).orElseThrow(() -> Requests.notFound("source", id)));
    }
}
