package org.athar.map;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.athar.registry.Registry;
import org.athar.registry.Views.Page;
import org.athar.registry.Views.PlaceRef;
import org.athar.web.Requests;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The registry on a map (the tiles it loads as the visitor moves come from {@link MapApi}). */
@Path("/map")
public class MapResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance map(Page<PlaceRef> sites, LocalDate asOf);
    }

    @Inject
    Registry registry;

    /** The map of every located place; without scripts, the sites it covers, each linking to its own page and map. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance map(@QueryParam("asOf") String asOf, @QueryParam("page") String page) {
        return Templates.map(registry.sites(Requests.paging(page, null, 50)), Requests.date(asOf, "asOf"));
    }
}
