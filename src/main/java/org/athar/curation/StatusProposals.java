package org.athar.curation;

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

import org.athar.status.StatusAssessment;
import org.athar.web.Requests;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Curators propose a place's condition as of a date, resting on claims, and changes to status entries. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
public class StatusProposals {

    public static class StatusFields extends CurationResource.Edit {
        @FormParam("place") String place;
        @FormParam("condition") String condition;
        @FormParam("asOf") String asOf;
        @FormParam("asOfFirstDay") String asOfFirstDay;
        @FormParam("asOfLastDay") String asOfLastDay;
        @FormParam("note") String note;
        @FormParam("claims") String claims;

        StatusForm form() {
            return new StatusForm(Pick.slug(place), condition, Forms.date(asOf, asOfFirstDay, asOfLastDay), note, claims);
        }
    }

    @Inject
    Drafting drafting;

    @GET
    @Path("curate/status/new")
    public TemplateInstance newStatus(@QueryParam("place") String place) {
        return CurationResource.Templates.statusForm(StatusForm.empty(place == null ? "" : place), null, null, "", Map.of(), CurationResource.Choices.ALL);
    }

    @GET
    @Path("curate/status/{id}/edit")
    @Transactional
    public TemplateInstance editStatus(@PathParam("id") String id) {
        StatusAssessment status = StatusAssessment.<StatusAssessment>findByIdOptional(Requests.parseId(id, "status entry"))
                .orElseThrow(() -> Requests.notFound("status entry", id));
        return CurationResource.Templates.statusForm(StatusForm.of(status), status.id, status.version, "", Map.of(), CurationResource.Choices.ALL);
    }

    @POST
    @Path("curate/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeStatus(@BeanParam StatusFields fields) throws JsonProcessingException {
        StatusForm form = fields.form();
        return drafting.propose(RecordType.STATUS, form, fields, Forms.say().problem_comment_status(),
                problems -> CurationResource.Templates.statusForm(form, fields.recordId, fields.baseVersion, fields.comment, problems,
                        CurationResource.Choices.ALL));
    }
}
