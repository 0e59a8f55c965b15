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

import org.athar.evidence.Source;
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

        SourceForm form() {
            return new SourceForm(kind, title, publisher, author, Forms.date(published, publishedFirstDay, publishedLastDay),
                    url, language, reliability, reliabilityReason);
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
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeSource(@BeanParam SourceFields fields) throws JsonProcessingException {
        SourceForm form = fields.form();
        return drafting.propose(RecordType.SOURCE, form, fields, Forms.say().problem_comment_change(),
                problems -> CurationResource.Templates.sourceForm(form, fields.recordId, fields.baseVersion, fields.comment, problems,
                        CurationResource.Choices.ALL));
    }
}
