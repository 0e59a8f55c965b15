package org.athar.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.athar.place.Place;
import org.athar.web.Requests;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Curators propose new sites, monuments and parts, and changes to places (names, location and its sensitivity). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
public class PlaceProposals {

    public static class PlaceFields extends CurationResource.Edit {
        @FormParam("level") String level;
        @FormParam("parent") String parent;
        @FormParam("slug") String slug;
        @FormParam("placeType") String placeType;
        @FormParam("kind") String kind;
        @FormParam("description") String description;
        @FormParam("latitude") String latitude;
        @FormParam("longitude") String longitude;
        @FormParam("locationCertainty") String locationCertainty;
        @FormParam("locationSensitivity") String locationSensitivity;
        @FormParam("nameText") List<String> nameText;
        @FormParam("nameLanguage") List<String> nameLanguage;
        @FormParam("nameType") List<String> nameType;
        @FormParam("identifierScheme") List<String> identifierScheme;
        @FormParam("identifierValue") List<String> identifierValue;

        PlaceForm form() {
            List<PlaceForm.NameForm> names = new ArrayList<>();
            int rows = Math.max(size(nameText), Math.max(size(nameLanguage), size(nameType)));
            for (int i = 0; i < rows; i++) {
                names.add(new PlaceForm.NameForm(at(nameText, i), at(nameLanguage, i), at(nameType, i)));
            }
            List<PlaceForm.IdentifierForm> identifiers = new ArrayList<>();
            for (int i = 0; i < Math.max(size(identifierScheme), size(identifierValue)); i++) {
                identifiers.add(new PlaceForm.IdentifierForm(at(identifierScheme, i), at(identifierValue, i)));
            }
            return new PlaceForm(level, Pick.slug(parent), slug, placeType, kind, description, latitude, longitude,
                    locationCertainty, locationSensitivity, names, identifiers);
        }

        private static int size(List<String> list) {
            return list == null ? 0 : list.size();
        }

        private static String at(List<String> list, int i) {
            return list == null || i >= list.size() ? "" : list.get(i);
        }
    }

    @Inject
    Drafting drafting;

    @GET
    @Path("curate/places/new")
    @Transactional
    public TemplateInstance newPlace(@QueryParam("parent") String parent) {
        return CurationResource.Templates.placeForm(PlaceForm.empty(parent), null, null, "", Map.of(), CurationResource.Choices.ALL);
    }

    @GET
    @Path("curate/places/{slug}/edit")
    @Transactional
    public TemplateInstance editPlace(@PathParam("slug") String slug) {
        Place place = Place.findBySlug(slug).orElseThrow(() -> Requests.notFound("place", slug));
        return CurationResource.Templates.placeForm(PlaceForm.of(place).withBlankNames(), place.id, place.version, "", Map.of(),
                CurationResource.Choices.ALL);
    }

    @POST
    @Path("curate/places")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposePlace(@BeanParam PlaceFields fields) throws JsonProcessingException {
        PlaceForm form = fields.form();
        return drafting.propose(RecordType.PLACE, form, form.withoutBlankNames(), fields,
                Forms.say().problem_comment_change(), Map.of(),
                problems -> CurationResource.Templates.placeForm(form, fields.recordId, fields.baseVersion, fields.comment, problems,
                        CurationResource.Choices.ALL));
    }
}
