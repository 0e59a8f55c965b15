package org.athar.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.athar.place.LocationSensitivity;
import org.athar.place.PlaceLevel;

/**
 * The registry's published records as tables, one row per record, for the CSV and GeoJSON exports: what each table
 * holds (its stable, documented columns) and the one query that reads it. Records refer to each other by their
 * stable keys (a place's slug, a source's ref, an event's slug, a claim's number), so that a table can be edited in a
 * spreadsheet and read back. {@code :places} in a query stands for the places an export's filters select.
 */
public enum Export {
    // Places (and what belongs to them) come sites first, then monuments, then parts, so that a parent always comes
    // before what lies in it and an import of the files gives the places ids in the same order.
    PLACES("places", "a place: a site, a monument or a part",
            List.of("slug", "level", "parent", "site", "place_type", "kind", "name", "name_ar", "description", "latitude",
                    "longitude", "location_certainty", "location_sensitivity", "status", "status_as_of",
                    "status_first_day", "status_last_day", "unesco_whs", "wikidata", "pleiades", "geonames", "url"),
            """
            select p.slug, p.level, parent.slug, site.slug, p.place_type, p.kind, s.display_name,
                   (select n.name from place_name n where n.place_id = p.id and n.language = 'ar'
                     and n.name_type = 'DESIGNATION'), p.description, p.latitude, p.longitude, p.location_certainty,
                   p.location_sensitivity, st.condition, st.as_of_edtf, st.as_of_earliest, st.as_of_latest,
                   i.unesco, i.wikidata, i.pleiades, i.geonames
            from place p join place_search s on s.place_id = p.id join place site on site.id = s.site_id
            left join place parent on parent.id = p.parent_id
            left join lateral (select a.condition, a.as_of_edtf, a.as_of_earliest, a.as_of_latest from status_assessment a
                                where a.place_id = p.id order by a.effective_on desc, a.id desc limit 1) st on true
            left join lateral (select max(value) filter (where scheme = 'UNESCO_WHS') as unesco,
                                      max(value) filter (where scheme = 'WIKIDATA') as wikidata,
                                      max(value) filter (where scheme = 'PLEIADES') as pleiades,
                                      max(value) filter (where scheme = 'GEONAMES') as geonames
                                from place_identifier x where x.place_id = p.id) i on true""",
            "p.id in (:places)",
            Order.LEVEL_FIRST + ", p.id"),
    NAMES("names", "a name of a place, in a language",
            List.of("place", "name", "language", "direction", "name_type"),
            """
            select p.slug, n.name, n.language, n.direction, n.name_type from place_name n join place p on p.id = n.place_id""",
            "n.place_id in (:places)",
            Order.LEVEL_FIRST + ", n.place_id, n.language, n.name"),
    EVENTS("events", "a damage event, with the registry's reading of its date from the claims",
            List.of("slug", "summary", "cause_category", "cause_type", "effects", "places", "date_first_day",
                    "date_last_day", "date_disputed"),
            """
            select e.slug, e.summary, e.cause_category, e.cause_type,
                   (select string_agg(x.effect_type, ';' order by x.effect_type) from damage_event_effect x where x.event_id = e.id),
                   (select string_agg(p.slug, ';' order by p.slug) from damage_event_place dp join place p on p.id = dp.place_id
                     where dp.event_id = e.id),
                   r.earliest, r.latest, r.disputed
            from damage_event e left join event_reading r on r.event_id = e.id""",
            """
            exists (select 1 from damage_event_place dp where dp.event_id = e.id and dp.place_id in (:places))""",
            "e.id"),
    SOURCES("sources", "an evidence source and how far it is trusted",
            List.of("ref", "kind", "title", "publisher", "author", "published", "published_first_day",
                    "published_last_day", "url", "language", "reliability", "reliability_reason", "archived_url", "doi",
                    "identifier", "locator", "accessed_on", "unlocatable_reason", "repeats"),
            """
            select s.ref, s.kind, s.title, s.publisher, s.author, s.published_edtf, s.published_earliest,
                   s.published_latest, s.url, s.language, s.reliability, s.reliability_reason, s.archived_url, s.doi,
                   s.identifier, s.locator, s.accessed_on, s.unlocatable_reason,
                   (select r.ref from source r where r.id = s.repeats_id)
            from source s""",
            """
            exists (select 1 from claim c where c.source_id = s.id and (c.place_id in (:places)
                   or c.event_id in (select dp.event_id from damage_event_place dp where dp.place_id in (:places))))""",
            "s.id"),
    CLAIMS("claims", "one source's statement about an event or a place",
            List.of("id", "source", "event", "place", "quote", "date", "date_first_day", "date_last_day", "severity",
                    "condition", "actor", "certainty", "verification", "note", "extent"),
            """
            select c.id, s.ref, e.slug, p.slug, c.quote, c.date_edtf, c.date_earliest, c.date_latest, c.severity,
                   c.condition, c.actor, c.certainty, c.verification, c.note, c.extent
            from claim c join source s on s.id = c.source_id left join damage_event e on e.id = c.event_id
            left join place p on p.id = c.place_id""",
            """
            c.place_id in (:places)
               or c.event_id in (select dp.event_id from damage_event_place dp where dp.place_id in (:places))""",
            "c.id"),
    STATUS("status", "a place's condition as of a date, with the claims it rests on",
            List.of("id", "place", "condition", "as_of", "as_of_first_day", "as_of_last_day", "note", "claims"),
            """
            select a.id, p.slug, a.condition, a.as_of_edtf, a.as_of_earliest, a.as_of_latest, a.note,
                   (select string_agg(b.claim_id::text, ';' order by b.claim_id) from status_assessment_claim b
                     where b.assessment_id = a.id)
            from status_assessment a join place p on p.id = a.place_id""",
            "a.place_id in (:places)",
            Order.LEVEL_FIRST + ", a.place_id, a.effective_on, a.id");

    /** The table's name in addresses: /api/export/places.csv. */
    public final String file;
    public final String description;
    public final List<String> columns;
    private final String select;
    private final String where;
    private final String order;

    Export(String file, String description, List<String> columns, String select, String where, String order) {
        this.file = file;
        this.description = description;
        this.columns = columns;
        this.select = select;
        this.where = where;
        this.order = order;
    }

    private static final class Order {
        static final String LEVEL_FIRST = "case p.level when 'SITE' then 0 when 'MONUMENT' then 1 else 2 end";
    }

    /** The whole published registry with its history, which restore-dump loads into an empty database. */
    public static final String DUMP = "dump.zip";

    public static Optional<Export> of(String file) {
        return Arrays.stream(values()).filter(e -> e.file.equals(file.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String files() {
        return Arrays.stream(values()).map(e -> e.file + ".csv").collect(Collectors.joining(", ")) + ", places.geojson, "
                + DUMP;
    }

    /** The query: every record, or those of the places that {@code places} (SQL selecting place ids) selects. */
    String sql(String places) {
        return select + (places == null ? "" : " where (" + where.replace(":places", places) + ")") + " order by " + order;
    }

    /** Spreadsheets run a cell that begins with one of these as a formula (=HYPERLINK(…)). */
    private static final String FORMULA = "=+-@\t\r";

    /** Text as a CSV cell: a leading apostrophe keeps a spreadsheet from running what looks like a formula. */
    static String asText(String text) {
        return !text.isEmpty() && FORMULA.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** A CSV cell as text: the apostrophe {@link #asText} put before a formula taken away again. */
    static String fromText(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA.indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    /** How many times the query reads the selected places (each needs the selection's parameters). */
    int selections() {
        return where.split(":places", -1).length - 1;
    }

    /**
     * One record's values, in the order of {@link #columns}, as the public may see them: a place's coordinates as
     * its sensitivity allows, and the address of its page.
     */
    Object[] row(ResultSet rs, String baseUrl) throws SQLException {
        Object[] values = new Object[columns.size()];
        int read = this == PLACES ? columns.size() - 1 : columns.size();
        for (int i = 0; i < read; i++) {
            values[i] = rs.getObject(i + 1);
        }
        switch (this) {
            case PLACES -> {
                LocationSensitivity sensitivity = LocationSensitivity.valueOf(rs.getString(13));
                values[9] = sensitivity.shown((Double) values[9]);
                values[10] = sensitivity.shown((Double) values[10]);
                if (values[9] == null) {
                    values[11] = null; // no certainty of a location not given
                }
                values[values.length - 1] = baseUrl + PlaceLevel.valueOf(rs.getString(2)).pagePath(rs.getString(1));
            }
            default -> {
            }
        }
        return values;
    }
}
