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
            return "Choose a place: type its name or its slug, for example Temple of Bel or temple-of-bel.";
        }
        List<String> named = Sql.query(SAME_NAME, rs -> rs.getString(1) + " (" + rs.getString(2)
                + (rs.getString(2).equals(rs.getString(3)) ? "" : ", " + rs.getString(3)) + ")", typed.strip());
        if (named.size() > 1) {
            return "Several places are called '" + typed.strip() + "': " + String.join("; ", named)
                    + ". Type the slug of the one you mean.";
        }
        return "There is no place '" + typed.strip() + "' in the registry: type its name or its slug, for example "
                + "temple-of-bel, or propose the place first.";
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
            case "places" -> {
                MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>(Map.of("q", text, "size", "8"));
                yield search.search(SearchRequest.parse(params)).results().stream()
                        .map(h -> new Choice(h.slug(), h.name() + " · " + h.level().label()
                                + (h.site() == null || h.site().slug().equals(h.slug()) ? "" : " · " + h.site().name())))
                        .collect(Collectors.toList());
            }
            case "sources" -> Sql.query("select id, title, publisher from source where id::text = ? or title ilike ? "
                    + "order by id::text = ? desc, id desc limit 8",
                    rs -> new Choice(Long.toString(rs.getLong(1)), rs.getString(2)
                            + (rs.getString(3) == null ? "" : " · " + rs.getString(3))),
                    text, "%" + text.replace("%", "\\%").replace("_", "\\_") + "%", text);
            default -> throw new BadParameterException("kind", "Pickers offer places or sources; not '" + kind + "'.");
        };
    }
}
