package org.athar.api;

import java.util.List;

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

    static final int MAX_PAGE_SIZE = 100;

    @Inject
    Registry registry;

    @Inject
    SearchService search;

    @GET
    @Path("sites")
    public List<PlaceRef> sites() {
        return registry.sites();
    }

    @GET
    @Path("sites/{slug}")
    public SiteView site(@PathParam("slug") String slug) {
        return registry.site(slug).orElseThrow(() -> Requests.notFound("site", slug));
    }

    @GET
    @Path("monuments")
    public Page<PlaceRef> monuments(@QueryParam("page") String page, @QueryParam("size") String size) {
        int pageNumber = Requests.wholeNumber(page, "page", 1, 1, Integer.MAX_VALUE);
        int pageSize = Requests.wholeNumber(size, "size", 20, 1, MAX_PAGE_SIZE);
        return registry.monuments(pageNumber, pageSize);
    }

    @GET
    @Path("monuments/{slug}")
    public MonumentView monument(@PathParam("slug") String slug) {
        return registry.monument(slug).orElseThrow(() -> Requests.notFound("monument", slug));
    }

    /** Parameters and answers as documented in the README; the search page takes the same parameters. */
    @GET
    @Path("search")
    public SearchResult search(@Context UriInfo uri) {
        return search.search(SearchRequest.from(uri.getQueryParameters()));
    }

    @GET
    @Path("sources/{id}")
    public SourceView source(@PathParam("id") String id) {
        return registry.source(Requests.parseId(id, "source"))
                .orElseThrow(() -> Requests.notFound("source", id));
    }
}
