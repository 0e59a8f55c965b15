package org.athar.map;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    /** Worst first, as a site's page orders its monuments. */
    private static final String ORDER = "array['DESTROYED', 'VERY_BAD', 'POOR', 'FAIR', 'GOOD', 'UNKNOWN']";
    static final List<Condition> WORST_FIRST = List.of(Condition.DESTROYED, Condition.VERY_BAD, Condition.POOR,
            Condition.FAIR, Condition.GOOD, Condition.UNKNOWN);
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

    /** The area a site's located places cover, as the public sees them; null when none is located. */
    public Bounds extent(String siteSlug) {
        return Sql.query("select min(pt[0]), min(pt[1]), max(pt[0]), max(pt[1]) from (select " + POINT + " as pt"
                + " from place p join place_search s on s.place_id = p.id"
                + " where s.site_id = (select id from place where slug = ? and level = 'SITE')) located where pt is not null",
                rs -> rs.getObject(1) == null ? null : new Bounds(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)),
                siteSlug).get(0);
    }

    /**
     * The tile's features. {@code asOf} colours each place by its condition on that day instead of now, and marks
     * those whose condition may already have changed by then (a status entry whose window holds the day).
     */
    public Map<String, Object> tile(int z, int x, int y, Long siteId, LocalDate asOf) {
        Bounds b = Bounds.of(z, x, y);
        double cellWidth = (b.east - b.west) / GRID;
        double cellHeight = (b.north - b.south) / GRID;
        String condition = asOf == null ? "s.status_conditions[cardinality(s.status_conditions)]"
                : "condition_on(s.status_days, s.status_conditions, ?::date)";
        String uncertain = asOf == null ? "false"
                : "exists (select 1 from status_assessment a where a.place_id = p.id"
                        + " and (a.as_of_earliest is null or a.as_of_earliest <= ?::date) and a.as_of_latest > ?::date)";
        List<Object> params = new ArrayList<>();
        if (asOf != null) {
            Date day = Date.valueOf(asOf);
            params.add(day);
            params.add(day);
            params.add(day);
        }
        params.addAll(List.of(b.west, b.south, b.east, b.north));
        if (siteId != null) {
            params.add(siteId);
        }
        params.addAll(List.of(b.west, cellWidth, b.south, cellHeight, b.east, b.north));
        // a point on a tile's east or north edge belongs to the next tile, so that no place is shown twice
        String sql = "with pts as (select p.slug, p.level, s.display_name as name, s.kind, " + condition + " as cond, "
                + uncertain + " as uncertain, " + POINT + " as pt\n"
                + " from place p join place_search s on s.place_id = p.id\n"
                + " where " + POINT + " <@ box(point(?, ?), point(?, ?))" + (siteId == null ? "" : " and s.site_id = ?") + ")\n"
                + "select floor((pt[0] - ?) / ?)::int, floor((pt[1] - ?) / ?)::int, count(*), avg(pt[0]), avg(pt[1]),\n"
                // a cell of one place takes that place's slug, level, name and kind: min() of one row is the row's
                + " min(array_position(" + ORDER + ", cond)), min(slug), min(level), min(name), min(kind),\n"
                + " count(*) filter (where uncertain)\n"
                + "from pts where pt[0] < ? and pt[1] < ? group by 1, 2 order by 1, 2";
        List<Map<String, Object>> features = Sql.query(sql, rs -> {
            long count = rs.getLong(3);
            int worst = rs.getInt(6);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("count", count);
            properties.put("status", rs.wasNull() ? null : WORST_FIRST.get(worst - 1).name());
            properties.put("uncertain", rs.getLong(11));
            if (count == 1) {
                PlaceLevel level = PlaceLevel.valueOf(rs.getString(8));
                properties.put("slug", rs.getString(7));
                properties.put("level", level.name());
                properties.put("name", rs.getString(9));
                properties.put("kind", rs.getString(10));
                properties.put("path", level.pagePath(rs.getString(7)));
            }
            return Map.of("type", "Feature", "geometry", Map.of("type", "Point",
                    "coordinates", List.of(round(rs.getDouble(4)), round(rs.getDouble(5)))), "properties", properties);
        }, params.toArray());
        return Map.of("type", "FeatureCollection", "features", features);
    }

    /** Coordinates to about a metre: enough for a map, and a cluster's average says no more than its members. */
    private static double round(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }
}
