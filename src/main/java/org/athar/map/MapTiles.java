package org.athar.map;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.athar.db.RegistryChanges;
import org.athar.db.Sql;
import org.athar.place.PlaceLevel;
import org.athar.status.Condition;

/**
 * The located places of one map tile, as GeoJSON, as the public may see them (generalised points at their cell's
 * centre, withheld ones not at all). A tile is the Web Mercator tile z/x/y that maps display; its places are gathered
 * into an 8 by 8 grid, and a cell holding several is one cluster with its count and its worst condition. So a tile
 * never carries more than 64 features, whether the registry holds a hundred places or a million, and the browser is
 * only ever sent the tiles it shows.
 */
@ApplicationScoped
@Transactional
public class MapTiles {

    public static final int MAX_ZOOM = 18;
    /** Cells a tile is divided into, each way. */
    static final int GRID = 8;

    /** Where the public sees a place (null when withheld): the rule of LocationSensitivity, in SQL (migration V16). */
    private static final String POINT = "athar_public_point(p.latitude, p.longitude, p.location_sensitivity)";

    /** The bounds of a tile, in degrees. */
    public record Bounds(double west, double south, double east, double north) {
        static Bounds of(int z, int x, int y) {
            double n = Math.pow(2, z);
            return new Bounds(x / n * 360 - 180, latitude(y + 1, n), (x + 1) / n * 360 - 180, latitude(y, n));
        }

        /** As a map's data-bounds attribute gives it: west,south,east,north. */
        public String text() {
            return west + "," + south + "," + east + "," + north;
        }

        private static double latitude(int y, double n) {
            return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))));
        }
    }

    /** The area a site's located places cover, as the public sees them (kept in its summary); null when none is located. */
    public Bounds extent(String siteSlug) {
        return Sql.query("select west, south, east, north from site_summary"
                + " where site_id = (select id from place where slug = ? and level = 'SITE') and west is not null",
                rs -> new Bounds(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)), siteSlug)
                .stream().findFirst().orElse(null);
    }

    /**
     * The tile's features. {@code asOf} colours each place by its condition on that day instead of now, and marks
     * those whose condition may already have changed by then (a status entry whose window holds the day).
     */
    public Map<String, Object> tile(int z, int x, int y, Long siteId, LocalDate asOf) {
        Bounds b = Bounds.of(z, x, y);
        double cellWidth = (b.east - b.west) / GRID;
        double cellHeight = (b.north - b.south) / GRID;
        if (z <= GRID_ZOOM && siteId == null && asOf == null) {
            return collection(grid().tile(b, cellWidth, cellHeight));
        }
        String condition = asOf == null ? CURRENT : "condition_on(s.status_days, s.status_conditions, ?::date)";
        String uncertain = asOf == null ? "false"
                : "exists (select 1 from status_assessment a where a.place_id = p.id"
                        + " and (a.as_of_earliest is null or a.as_of_earliest <= ?::date) and a.as_of_latest > ?::date)";
        List<Object> params = new ArrayList<>();
        if (asOf != null) {
            Date day = Date.valueOf(asOf);
            params.addAll(List.of(day, day, day));
        }
        params.addAll(List.of(b.west, b.south, b.east, b.north));
        if (siteId != null) {
            params.add(siteId);
        }
        params.addAll(List.of(b.west, cellWidth, b.south, cellHeight, b.east, b.north));
        // a point on a tile's east or north edge belongs to the next tile, so that no place is shown twice
        String sql = pts(condition, uncertain, POINT + " <@ box(point(?, ?), point(?, ?))" + (siteId == null ? "" : " and s.site_id = ?"))
                + "select " + CELL + " from pts where pt[0] < ? and pt[1] < ? group by 1, 2 order by 1, 2";
        return collection(Sql.query(sql, Cell::of, params.toArray()));
    }

    /** A place's current condition in the search index: the last entry of its timeline there. */
    private static final String CURRENT = "s.status_conditions[cardinality(s.status_conditions)]";

    /** The located places chosen by {@code where}, as pts (slug, level, name, kind, cond, uncertain, pt), for {@link #CELL}. */
    private static String pts(String condition, String uncertain, String where) {
        return "with pts as (select p.slug, p.level, s.display_name as name, s.kind, " + condition + " as cond, "
                + uncertain + " as uncertain, " + POINT + " as pt\n from place p join place_search s on s.place_id = p.id\n"
                + " where " + where + ")\n";
    }

    /** The places of one cell of a grid: how many, the sums of their coordinates, the worst condition, the one place's own fields. */
    record Cell(int column, int row, long count, double longitudes, double latitudes, int worst, String slug, String level,
            String name, String kind, long uncertain) {

        static Cell of(ResultSet rs) throws SQLException {
            return new Cell(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5), rs.getInt(6),
                    rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11));
        }

        /** Two cells' places as one (a group of several has no single place's fields). */
        Cell with(Cell other) {
            int w = worst == 0 ? other.worst : other.worst == 0 ? worst : Math.min(worst, other.worst);
            return new Cell(column, row, count + other.count, longitudes + other.longitudes, latitudes + other.latitudes, w,
                    null, null, null, null, uncertain + other.uncertain);
        }

        Map<String, Object> feature() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("count", count);
            properties.put("status", worst == 0 ? null : Condition.WORST_FIRST.get(worst - 1).name());
            properties.put("uncertain", uncertain);
            if (count == 1) {
                PlaceLevel placeLevel = PlaceLevel.valueOf(level);
                properties.put("slug", slug);
                properties.put("level", placeLevel.name());
                properties.put("name", name);
                properties.put("kind", kind);
                properties.put("path", placeLevel.pagePath(slug));
            }
            return Map.of("type", "Feature", "geometry", Map.of("type", "Point",
                    "coordinates", List.of(round(longitudes / count), round(latitudes / count))), "properties", properties);
        }
    }

    /** A cell's columns in SQL, over pts (slug, level, name, kind, cond, uncertain, pt), given its origin and size. */
    private static final String CELL = "floor((pt[0] - ?) / ?)::int, floor((pt[1] - ?) / ?)::int, count(*), sum(pt[0]), sum(pt[1]),\n"
            // a cell of one place takes that place's slug, level, name and kind: min() of one row is the row's
            + " coalesce(min(array_position(" + Condition.WORST_FIRST_SQL + ", cond)), 0), min(slug), min(level), min(name), min(kind),\n"
            + " count(*) filter (where uncertain)";

    private static Map<String, Object> collection(List<Cell> cells) {
        return Map.of("type", "FeatureCollection", "features", cells.stream().map(Cell::feature).toList());
    }

    /**
     * Maps far out (zoom 8 and less: a tile is at least 1.4° wide) would each count thousands of places; they are
     * answered instead from one grid of every located place in cells of {@link #GRID_DEGREES}, counted once and kept
     * until the registry changes (an announcement from any node drops it).
     */
    static final int GRID_ZOOM = 8;
    static final double GRID_DEGREES = 0.05;

    /** The registry's located places in small cells, as of one generation of changes. */
    record Grid(List<Cell> cells) {
        /** A tile's features: the grid's cells by where their places are on average, merged into the tile's own cells. */
        List<Cell> tile(Bounds b, double cellWidth, double cellHeight) {
            Map<Long, Cell> merged = new TreeMap<>();
            for (Cell c : cells) {
                double lon = c.longitudes / c.count;
                double lat = c.latitudes / c.count;
                if (lon < b.west || lon >= b.east || lat < b.south || lat >= b.north) {
                    continue;
                }
                int column = (int) Math.floor((lon - b.west) / cellWidth);
                int row = (int) Math.floor((lat - b.south) / cellHeight);
                Cell placed = new Cell(column, row, c.count, c.longitudes, c.latitudes, c.worst, c.slug, c.level, c.name,
                        c.kind, c.uncertain);
                merged.merge((long) column * GRID + row, placed, Cell::with);
            }
            return List.copyOf(merged.values());
        }
    }

    private final AtomicLong generation = new AtomicLong();
    private volatile Grid grid;
    private volatile long gridGeneration = -1;

    void changed(@Observes RegistryChanges.Changed change) {
        generation.incrementAndGet();
        grid = null;
    }

    @Inject
    RegistryChanges changes;

    private Grid grid() {
        Grid current = grid;
        long now = generation.get();
        if (current != null && gridGeneration == now && changes.listening()) {
            return current;
        }
        List<Cell> cells = Sql.query(pts(CURRENT, "false", POINT + " is not null") + "select " + CELL + " from pts group by 1, 2", Cell::of,
                -180.0, GRID_DEGREES, -90.0, GRID_DEGREES);
        Grid built = new Grid(cells);
        // kept only if no change came while it was counted (so that a grid counted before a change is never kept after
        // it), and only while this node hears the announcements of changes
        if (generation.get() == now && changes.listening()) {
            grid = built;
            gridGeneration = now;
        }
        return built;
    }

    /** Coordinates to about a metre: enough for a map, and a cluster's average says no more than its members. */
    private static double round(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }
}
