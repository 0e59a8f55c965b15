package org.athar.triage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.athar.web.BadParameterException;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;

/**
 * The triage of a new article as JSON, for curators' own tools: the places it mentions, its dates resolved to EDTF,
 * what it says happened and the claims Athar proposes from it. Offsets count UTF-16 code units of {@code text}, as
 * JavaScript does. Nothing is written.
 */
@Path("/api/triage")
@Blocking
@RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
public class TriageApi {

    /** {@code publishedOn}: YYYY-MM-DD, the day relative dates ("last May", "on Sunday") count from. */
    public record Request(String text, String publishedOn, String publisher) {
    }

    @Inject
    Triage triage;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.REQUIRED)
    @Operation(summary = "Triage an article", description = "Mentions of registry places, dates as EDTF windows and "
            + "proposed claims, from an article's text and publication day; for signed-in curators; writes nothing.")
    public Triage.Analysis analyse(Request request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new BadParameterException("text", "Give the article's text (\"text\").");
        }
        return triage.read(request.text(), request.publishedOn());
    }
}
