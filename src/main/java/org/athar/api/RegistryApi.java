package org.athar.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.athar.registry.Registry;
import org.athar.registry.Views.MonumentView;
import org.athar.registry.Views.Page;
import org.athar.registry.Views.PlaceRef;
import org.athar.registry.Views.SiteView;
import org.athar.registry.Views.SourceView;
import org.athar.search.SearchRequest;
import org.athar.search.SearchResult;
import org.athar.search.SearchService;
import org.athar.web.Requests;

import io.smallrye.common.annotation.Blocking;

/** The read-only JSON API: the same views the pages show, for programs. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RegistryApi {

    static final int DEFAULT_PAGE_SIZE = 20;

    @Inject
    Registry registry;

    @Inject
    SearchService search;

    @GET
    @Path("sites")
    public Page<PlaceRef> sites(@QueryParam("page") String page, @QueryParam("size") String size) {
        return registry.sites(Requests.paging(page, size, DEFAULT_PAGE_SIZE));
    }

    /** A site; {@code page}/{@code size} page its monuments, {@code events} (20 a page) its own events. */
    @GET
    @Path("sites/{slug}")
    public SiteView site(@PathParam("slug") String slug, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("events") String events) {
        return registry.site(slug, Requests.paging(page, size, DEFAULT_PAGE_SIZE), Requests.paging(events, "events", null, DEFAULT_PAGE_SIZE))
                .orElseThrow(() -> Requests.notFound("site", slug));
    }

    @GET
    @Path("monuments")
    public Page<PlaceRef> monuments(@QueryParam("page") String page, @QueryParam("size") String size) {
        return registry.monuments(Requests.paging(page, size, DEFAULT_PAGE_SIZE));
    }

    /** A monument or part; {@code page}/{@code size} page its events, {@code parts} (20 a page) its parts. */
    @GET
    @Path("monuments/{slug}")
    public MonumentView monument(@PathParam("slug") String slug, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("parts") String parts) {
        return registry.monument(slug, Requests.paging(page, size, DEFAULT_PAGE_SIZE), Requests.paging(parts, "parts", null, DEFAULT_PAGE_SIZE))
                .orElseThrow(() -> Requests.notFound("monument", slug));
    }

    /** Parameters and answers as documented in the README; the search page takes the same parameters. */
    @GET
    @Path("search")
    public SearchResult search(@Context UriInfo uri) {
        return search.search(SearchRequest.from(uri.getQueryParameters()));
    }

    @GET
    @Path("sources/{id}")
    public SourceView source(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        return registry.source(Requests.parseId(id, "source"), Requests.paging(page, size, DEFAULT_PAGE_SIZE))
                .orElseThrow(() -> Requests.notFound("source", id));
    }
}
