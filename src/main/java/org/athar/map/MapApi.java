package org.athar.map;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.athar.place.Place;
import org.athar.place.PlaceLevel;
import org.athar.web.BadParameterException;
import org.athar.web.Requests;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tiles of located places that maps load as the visitor moves. */
@Path("/api/map")
public class MapApi {

    @Inject
    MapTiles tiles;

    @GET
    @Path("{z}/{x}/{y}")
    @Produces("application/geo+json")
    @Tag(name = "Map")
    @Operation(operationId = "mapTile", summary = "The located places of one map tile, clustered",
            description = "The places in Web Mercator tile z/x/y (as slippy maps number them), as a GeoJSON FeatureCollection "
                    + "of at most 64 points: the tile is cut into an 8 by 8 grid, and a cell holding several places is one "
                    + "feature with their count and the worst condition among them. Locations are shown as the public may "
                    + "see them (generalised to their 0.1° cell's centre, or left out when withheld). `site` keeps one site's "
                    + "places; `asOf` colours them by their condition on that day and counts, in `uncertain`, those whose "
                    + "condition may already have changed by then.")
    public Map<String, Object> tile(@PathParam("z") String z, @PathParam("x") String x, @PathParam("y") String y,
            @QueryParam("site") String site, @QueryParam("asOf") String asOf) {
        int zoom = Requests.wholeNumber(z, "z", -1, 0, MapTiles.MAX_ZOOM);
        int across = 1 << zoom;
        int column = Requests.wholeNumber(x, "x", -1, 0, across - 1);
        int row = Requests.wholeNumber(y, "y", -1, 0, across - 1);
        Long siteId = null;
        if (site != null && !site.isBlank()) {
            siteId = Place.findBySlug(site.strip()).filter(p -> p.level == PlaceLevel.SITE).map(p -> p.id)
                    .orElseThrow(() -> new BadParameterException("site", "There is no site '" + site + "' in the registry."));
        }
        return tiles.tile(zoom, column, row, siteId, Requests.date(asOf, "asOf"));
    }
}
