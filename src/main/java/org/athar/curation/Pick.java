package org.athar.curation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;

import org.athar.db.Sql;
import org.athar.place.Place;
import org.athar.search.SearchRequest;
import org.athar.search.SearchResult;
import org.athar.search.SearchService;
import org.athar.web.BadParameterException;

/**
 * Choosing a record in a form without knowing its slug or number. A place field takes a slug or any of the place's
 * names (one place by that name is enough; several are listed for the curator to choose from), so the forms work
 * without script; with script, {@code js/pick.js} offers matches as the curator types, from {@code /curate/pick/...}.
 */
@Path("/curate/pick")
@RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
public class Pick {

    /** A record a picker offers: what the field takes, and how a person recognises it. */
    public record Choice(String value, String label) {
    }

    private static final String SAME_NAME = "select distinct p.slug, s.display_name, site.display_name from place_name n "
            + "join place p on p.id = n.place_id join place_search s on s.place_id = p.id "
            + "join place_search site on site.place_id = s.site_id "
            + "where n.compact = replace(athar_normalize(?), ' ', '') order by 1 limit 10";

    /**
     * The events of the places typed (or the event whose slug it is), each with a place it struck. Each branch is one
     * indexed lookup: an OR across them would read every event of the registry.
     */
    private static final String EVENTS = """
            select slug, summary, place from (
              select e.slug, e.summary, s.display_name as place from damage_event_place dp
              join damage_event e on e.id = dp.event_id join place_search s on s.place_id = dp.place_id
              where dp.place_id in (select id from place where slug = any (?))
              union
              select e.slug, e.summary, s.display_name from damage_event e
              join damage_event_place dp on dp.event_id = e.id join place_search s on s.place_id = dp.place_id
              where e.slug = ?) found
            order by 1 limit 8""";

    /** The claims about the places typed or about their events (or the claim whose number it is), each once. */
    private static final String CLAIMS = """
            with wanted as (
              select c.id from claim c where c.place_id in (select id from place where slug = any (?))
              union
              select c.id from claim c join damage_event_place dp on dp.event_id = c.event_id
              where dp.place_id in (select id from place where slug = any (?))
              union
              select id from claim where id = ?)
            select c.id, src.title, c.date_edtf, coalesce(e.summary, s.display_name) from wanted w
            join claim c on c.id = w.id join source src on src.id = c.source_id
            left join damage_event e on e.id = c.event_id
            join place_search s on s.place_id = coalesce(c.place_id,
              (select dp.place_id from damage_event_place dp where dp.event_id = c.event_id order by dp.place_id limit 1))
            order by c.id limit 8""";

    @Inject
    SearchService search;

    /** The slug of the place typed: itself when it is a slug, the place's when it is the name of one place only. */
    static String slug(String typed) {
        if (Forms.blank(typed) || Place.findBySlug(typed.strip()).isPresent()) {
            return typed == null ? null : typed.strip();
        }
        List<String> named = Sql.query(SAME_NAME, rs -> rs.getString(1), typed.strip());
        return named.size() == 1 ? named.get(0) : typed.strip();
    }

    /** Why the place typed cannot be used, naming the places it could mean. */
    static String problem(String typed) {
        if (Forms.blank(typed)) {
            return Forms.say().problem_choose_place();
        }
        List<String> named = Sql.query(SAME_NAME, rs -> rs.getString(1) + " (" + rs.getString(2)
                + (rs.getString(2).equals(rs.getString(3)) ? "" : ", " + rs.getString(3)) + ")", typed.strip());
        if (named.size() > 1) {
            return Forms.say().problem_several_places(typed.strip(), String.join("; ", named));
        }
        return Forms.say().problem_no_such_place(typed.strip());
    }

    @GET
    @Path("{kind}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public List<Choice> choices(@PathParam("kind") String kind, @QueryParam("q") String q) {
        if (q == null || q.strip().length() < 2) {
            return List.of();
        }
        String text = q.strip();
        return switch (kind) {
            case "places" -> places(text).stream()
                    .map(h -> new Choice(h.slug(), h.name() + " · " + h.level().label()
                            + (h.site() == null || h.site().slug().equals(h.slug()) ? "" : " · " + h.site().name())))
                    .collect(Collectors.toList());
            // events and claims are found through the places they concern (or by their own slug or number)
            case "events" -> Sql.query(EVENTS, rs -> new Choice(rs.getString(1), rs.getString(2) + " · " + rs.getString(3)),
                    slugs(text), text);
            case "claims" -> {
                String[] near = slugs(text);
                yield Sql.query(CLAIMS, rs -> new Choice(Long.toString(rs.getLong(1)), rs.getLong(1) + ": " + rs.getString(2)
                        + (rs.getString(3) == null ? "" : ", " + rs.getString(3)) + " · " + rs.getString(4)),
                        near, near, number(text));
            }
            // the source of that number first, then the newest whose title has the words: each branch stops at 8 rows
            case "sources" -> Sql.query("select id, title, publisher from ("
                    + "(select id, title, publisher from source where id = ?) union "
                    + "(select id, title, publisher from source where title ilike ? order by id desc limit 8)) found "
                    + "order by id = ? desc, id desc limit 8",
                    rs -> new Choice(Long.toString(rs.getLong(1)), rs.getString(2)
                            + (rs.getString(3) == null ? "" : " · " + rs.getString(3))),
                    number(text), "%" + text.replace("%", "\\%").replace("_", "\\_") + "%", number(text));
            default -> throw new BadParameterException("kind", "Pickers offer places, sources, events or claims; not '" + kind + "'.");
        };
    }

    private List<SearchResult.Hit> places(String text) {
        return search.search(SearchRequest.parse(new MultivaluedHashMap<>(Map.of("q", text, "size", "8")))).results();
    }

    /** The record number typed, or -1 (no record) for anything else. */
    private static long number(String text) {
        return text.matches("[0-9]{1,18}") ? Long.parseLong(text) : -1L;
    }

    /** The slugs of the best three places matching the words typed, as a SQL array. */
    private String[] slugs(String text) {
        return places(text).stream().limit(3).map(SearchResult.Hit::slug).toArray(String[]::new);
    }
}
