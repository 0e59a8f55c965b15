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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/** The read-only JSON API: the same views the pages show, for programs. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@Tag(name = "Registry", description = "The published registry, as the pages show it")
public class RegistryApi {

    static final int DEFAULT_PAGE_SIZE = 20;

    @Inject
    Registry registry;

    @Inject
    SearchService search;

    @GET
    @Path("sites")
    @Operation(operationId = "listSites", summary = "Sites with their current status, a page at a time")
    public Page<PlaceRef> sites(@QueryParam("page") String page, @QueryParam("size") String size) {
        return registry.sites(Requests.paging(page, size, DEFAULT_PAGE_SIZE));
    }

    /** A site; {@code page}/{@code size} page its monuments, {@code events} (20 a page) its own events. */
    @GET
    @Path("sites/{slug}")
    @Operation(operationId = "getSite", summary = "A site: names, location, status timeline, monuments (worst condition first), events and claims")
    public SiteView site(@Parameter(example = "palmyra") @PathParam("slug") String slug, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("events") String events) {
        return registry.site(slug, Requests.paging(page, size, DEFAULT_PAGE_SIZE), Requests.paging(events, "events", null, DEFAULT_PAGE_SIZE))
                .orElseThrow(() -> Requests.notFound("site", slug));
    }

    @GET
    @Path("monuments")
    @Operation(operationId = "listMonuments", summary = "Monuments, by slug, a page at a time")
    public Page<PlaceRef> monuments(@QueryParam("page") String page, @QueryParam("size") String size) {
        return registry.monuments(Requests.paging(page, size, DEFAULT_PAGE_SIZE));
    }

    /** A monument or part; {@code page}/{@code size} page its events, {@code parts} (20 a page) its parts. */
    @GET
    @Path("monuments/{slug}")
    @Operation(operationId = "getMonument", summary = "A monument or part: names, location, status timeline, events with "
            + "the registry's reading of their claims and every claim with its source, and its parts")
    public MonumentView monument(@Parameter(example = "temple-of-bel") @PathParam("slug") String slug, @QueryParam("page") String page,
            @QueryParam("size") String size, @QueryParam("parts") String parts) {
        return registry.monument(slug, Requests.paging(page, size, DEFAULT_PAGE_SIZE), Requests.paging(parts, "parts", null, DEFAULT_PAGE_SIZE))
                .orElseThrow(() -> Requests.notFound("monument", slug));
    }

    /** Parameters and answers as documented in the README; the search page takes the same parameters. */
    @GET
    @Path("search")
    @Operation(operationId = "search", summary = "Places by any of their names, in any spelling or script, and by what is "
            + "written about them; filtered, counted by facet and paged")
    public SearchResult search(@Context UriInfo uri) {
        return search.search(SearchRequest.from(uri.getQueryParameters()));
    }

    @GET
    @Path("sources/{id}")
    @Operation(operationId = "getSource", summary = "An evidence source, its reliability and the claims it supports")
    public SourceView source(@Parameter(description = "The source's number", example = "1") @PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        return registry.source(Requests.parseId(id, "source"), Requests.paging(page, size, DEFAULT_PAGE_SIZE))
                .orElseThrow(() -> Requests.notFound("source", id));
    }
}
