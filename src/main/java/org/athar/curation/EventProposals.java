package org.athar.curation;

import java.util.LinkedHashMap;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.athar.damage.Claim;
import org.athar.damage.DamageEvent;
import org.athar.web.Requests;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Curators propose changes to damage events and claims; new ones come in damage reports. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
public class EventProposals {

    public static class EventFields extends CurationResource.Edit {
        @FormParam("summary") String summary;
        @FormParam("causeCategory") String causeCategory;
        @FormParam("causeType") String causeType;
        @FormParam("effects") List<String> effects;
        @FormParam("places") String places;

        EventForm form() {
            return new EventForm(summary, causeCategory, causeType, effects == null ? List.of() : effects, places);
        }
    }

    public static class ClaimFields extends CurationResource.Edit {
        @FormParam("sourceId") String sourceId;
        @FormParam("date") String date;
        @FormParam("dateFirstDay") String dateFirstDay;
        @FormParam("dateLastDay") String dateLastDay;
        @FormParam("severity") String severity;
        @FormParam("extent") String extent;
        @FormParam("condition") String condition;
        @FormParam("actor") String actor;
        @FormParam("quote") String quote;
        @FormParam("certainty") String certainty;
        @FormParam("verification") String verification;
        @FormParam("note") String note;

        ClaimForm form() {
            return new ClaimForm(sourceId, Forms.date(date, dateFirstDay, dateLastDay), severity, extent, condition, actor,
                    quote, certainty, verification, note);
        }
    }

    @Inject
    Drafting drafting;

    @GET
    @Path("curate/events/{slug}/edit")
    @Transactional
    public TemplateInstance editEvent(@PathParam("slug") String slug) {
        DamageEvent event = DamageEvent.findBySlug(slug).orElseThrow(() -> Requests.notFound("event", slug));
        return CurationResource.Templates.eventForm(EventForm.of(event), slug, event.id, event.version, "", Map.of(), CurationResource.Choices.ALL);
    }

    @POST
    @Path("curate/events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeEvent(@BeanParam EventFields fields) throws JsonProcessingException {
        EventForm form = fields.form();
        String slug = fields.recordId == null ? null
                : DamageEvent.<DamageEvent>findByIdOptional(fields.recordId).map(e -> e.slug).orElse(null);
        return drafting.propose(RecordType.EVENT, form, fields, Forms.say().problem_comment_change(),
                problems -> CurationResource.Templates.eventForm(form, slug, fields.recordId, fields.baseVersion, fields.comment, problems,
                        CurationResource.Choices.ALL));
    }

    @GET
    @Path("curate/claims/{id}/edit")
    @Transactional
    public TemplateInstance editClaim(@PathParam("id") String id) {
        Claim claim = Claim.<Claim>findByIdOptional(Requests.parseId(id, "claim"))
                .orElseThrow(() -> Requests.notFound("claim", id));
        return CurationResource.Templates.claimForm(ClaimForm.of(claim), claim.id, claim.version, "", Map.of(), CurationResource.Choices.ALL, null);
    }

    @POST
    @Path("curate/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeClaim(@BeanParam ClaimFields fields) throws JsonProcessingException {
        ClaimForm form = fields.form();
        return drafting.propose(RecordType.CLAIM, form, fields, Forms.say().problem_comment_claim(),
                problems -> CurationResource.Templates.claimForm(form, fields.recordId, fields.baseVersion, fields.comment, problems,
                        CurationResource.Choices.ALL, null));
    }

    /** "Check the date" on the claim form: the form again with the date as the registry will read it. */
    @POST
    @Path("curate/claims/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance previewClaim(@BeanParam ClaimFields fields) {
        Map<String, String> problems = new LinkedHashMap<>();
        ClaimForm form = fields.form();
        String preview = Drafting.datePreview(form.date(), problems);
        return CurationResource.Templates.claimForm(form, fields.recordId, fields.baseVersion, fields.comment, problems,
                CurationResource.Choices.ALL, preview);
    }
}
