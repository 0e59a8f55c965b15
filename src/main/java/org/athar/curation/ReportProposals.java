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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.athar.evidence.FullText;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Damage reports: an event, its place and a source's claim (with a new source if need be), in one form. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
public class ReportProposals {

    /** The damage report form's fields, as posted; the new source's fields are prefixed "source.". */
    public static class ReportFields {
        @FormParam("event") String event;
        @FormParam("place") String place;
        @FormParam("summary") String summary;
        @FormParam("causeCategory") String causeCategory;
        @FormParam("causeType") String causeType;
        @FormParam("date") String date;
        @FormParam("dateFirstDay") String dateFirstDay;
        @FormParam("dateLastDay") String dateLastDay;
        @FormParam("severity") String severity;
        @FormParam("actor") String actor;
        @FormParam("sourceId") String sourceId;
        @FormParam("quote") String quote;
        @FormParam("certainty") String certainty;
        @FormParam("verification") String verification;
        @FormParam("extent") String extent;
        @FormParam("effects") List<String> effects;
        @FormParam("furtherPlaces") String furtherPlaces;
        @FormParam("note") String note;
        @FormParam("comment") String comment;
        @FormParam("source.kind") String kind;
        @FormParam("source.title") String title;
        @FormParam("source.publisher") String publisher;
        @FormParam("source.author") String author;
        @FormParam("source.published") String published;
        @FormParam("source.publishedFirstDay") String publishedFirstDay;
        @FormParam("source.publishedLastDay") String publishedLastDay;
        @FormParam("source.url") String url;
        @FormParam("source.language") String language;
        @FormParam("source.reliability") String reliability;
        @FormParam("source.reliabilityReason") String reliabilityReason;
        @FormParam("source.archivedUrl") String archivedUrl;
        @FormParam("source.unlocatableReason") String unlocatableReason;
        @FormParam("source.text") String text;

        DamageReportForm form(Map<String, String> unreadable) {
            FullText full = Forms.fullText(unreadable, "source.text", text, null);
            return new DamageReportForm(event, place, summary, causeCategory, causeType,
                    Forms.date(date, dateFirstDay, dateLastDay), severity, actor, sourceId,
                    new SourceForm(kind, title, publisher, author,
                            Forms.date(published, publishedFirstDay, publishedLastDay), url, language, reliability,
                            reliabilityReason, new SourceForm.Locators(archivedUrl, "", "", "", "", unlocatableReason, ""),
                            full == null ? text : full.body(), full == null ? null : full.mediaType()),
                    quote, certainty, verification, extent, effects == null ? List.of() : effects, furtherPlaces, note);
        }
    }

    @Inject
    Drafting drafting;

    @GET
    @Path("curate/reports/new")
    public TemplateInstance newReport(@QueryParam("place") String place, @QueryParam("event") String event) {
        return CurationResource.Templates.reportForm(DamageReportForm.empty(place == null ? "" : place, event == null ? "" : event), "",
                Map.of(), CurationResource.Choices.ALL, null);
    }

    @POST
    @Path("curate/reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeReport(@BeanParam ReportFields fields) throws JsonProcessingException {
        Map<String, String> unreadable = new java.util.LinkedHashMap<>();
        DamageReportForm form = fields.form(unreadable).resolved();
        CurationResource.Edit edit = new CurationResource.Edit();
        edit.comment = fields.comment;
        return drafting.propose(RecordType.DAMAGE_REPORT, form, form.withoutUnusedSource(), edit,
                Forms.say().problem_comment_report(), unreadable,
                problems -> CurationResource.Templates.reportForm(form, fields.comment, problems, CurationResource.Choices.ALL, null));
    }

    /** "Check the date": the form again, as typed, with the date as the registry will read it. Nothing is saved. */
    @POST
    @Path("curate/reports/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance previewReport(@BeanParam ReportFields fields) {
        Map<String, String> problems = new LinkedHashMap<>();
        DamageReportForm form = fields.form(problems);
        String preview = Drafting.datePreview(form.date(), problems);
        return CurationResource.Templates.reportForm(form, fields.comment, problems, CurationResource.Choices.ALL, preview);
    }
}
