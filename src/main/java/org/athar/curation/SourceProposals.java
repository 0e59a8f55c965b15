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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.athar.evidence.FullText;
import org.athar.evidence.Source;
import org.athar.evidence.SourceText;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.athar.web.Requests;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** Curators propose new sources and changes to sources. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
public class SourceProposals {

    public static class SourceFields extends CurationResource.Edit {
        @FormParam("kind") String kind;
        @FormParam("title") String title;
        @FormParam("publisher") String publisher;
        @FormParam("author") String author;
        @FormParam("published") String published;
        @FormParam("publishedFirstDay") String publishedFirstDay;
        @FormParam("publishedLastDay") String publishedLastDay;
        @FormParam("url") String url;
        @FormParam("language") String language;
        @FormParam("reliability") String reliability;
        @FormParam("reliabilityReason") String reliabilityReason;
        @FormParam("archivedUrl") String archivedUrl;
        @FormParam("doi") String doi;
        @FormParam("identifier") String identifier;
        @FormParam("locator") String locator;
        @FormParam("accessedOn") String accessedOn;
        @FormParam("unlocatableReason") String unlocatableReason;
        @FormParam("repeats") String repeats;
        @FormParam("text") String text;
        @RestForm("textFile") FileUpload textFile;

        /** The form as typed, and the problem with its text when the text cannot be read. */
        SourceForm form(Map<String, String> problems) {
            FullText full = Forms.fullText(problems, "text", text, textFile);
            if (full == null && text == null && recordId != null && (textFile == null || textFile.size() == 0)) {
                // a form or client that does not send the text leaves the one kept as it is
                SourceText kept = SourceText.findById(recordId);
                return form(kept == null ? null : new FullText(kept.body, kept.mediaType));
            }
            return form(full);
        }

        private SourceForm form(FullText full) {
            return new SourceForm(kind, title, publisher, author, Forms.date(published, publishedFirstDay, publishedLastDay),
                    url, language, reliability, reliabilityReason,
                    new SourceForm.Locators(archivedUrl, doi, identifier, locator, accessedOn, unlocatableReason, repeats),
                    full == null ? text : full.body(), full == null ? null : full.mediaType());
        }
    }

    @Inject
    Drafting drafting;

    @GET
    @Path("curate/sources/new")
    public TemplateInstance newSource() {
        return CurationResource.Templates.sourceForm(SourceForm.empty(), null, null, "", Map.of(), CurationResource.Choices.ALL);
    }

    @GET
    @Path("curate/sources/{id}/edit")
    @Transactional
    public TemplateInstance editSource(@PathParam("id") String id) {
        Source source = Source.<Source>findByIdOptional(Requests.parseId(id, "source"))
                .orElseThrow(() -> Requests.notFound("source", id));
        return CurationResource.Templates.sourceForm(SourceForm.of(source), source.id, source.version, "", Map.of(), CurationResource.Choices.ALL);
    }

    @POST
    @Path("curate/sources")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    @Transactional
    public Response proposeSource(@BeanParam SourceFields fields) throws JsonProcessingException {
        Map<String, String> unreadable = new java.util.LinkedHashMap<>();
        SourceForm form = fields.form(unreadable);
        return drafting.propose(RecordType.SOURCE, form, form, fields, Forms.say().problem_comment_change(), unreadable,
                problems -> CurationResource.Templates.sourceForm(form, fields.recordId, fields.baseVersion, fields.comment, problems,
                        CurationResource.Choices.ALL));
    }
}
