package org.athar.triage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.athar.evidence.SourceText;
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
        Triage.Analysis analysis = triage.analyse(checkedText(request.text()), publishedOn(request.publishedOn()));
        requireDate(analysis);
        return analysis;
    }

    static String checkedText(String text) {
        if (text.length() > SourceText.MAX_LENGTH) {
            throw new BadParameterException("text", String.format(java.util.Locale.ROOT, "The text is %,d characters long; "
                    + "triage reads articles up to %,d characters.", text.length(), SourceText.MAX_LENGTH));
        }
        return text;
    }

    static LocalDate publishedOn(String day) {
        if (day == null || day.isBlank()) {
            throw new BadParameterException("publishedOn", "Give the day the article was published (\"publishedOn\", "
                    + "YYYY-MM-DD): relative dates such as \"last May\" count from it.");
        }
        try {
            LocalDate published = LocalDate.parse(day.strip());
            if (published.isAfter(LocalDate.now().plusDays(1))) {
                throw new BadParameterException("publishedOn", "The publication day " + day.strip() + " is in the future.");
            }
            return published;
        } catch (DateTimeParseException e) {
            throw new BadParameterException("publishedOn", "'" + day.strip() + "' is not a day: write the publication day "
                    + "as YYYY-MM-DD, for example 2016-03-24.");
        }
    }

    /** An article with no date Athar can read cannot date the claims it makes: it is refused, saying so. */
    static void requireDate(Triage.Analysis analysis) {
        if (analysis.dates().isEmpty()) {
            throw new BadParameterException("text", "Athar finds no date in this article (no day, month or year, and "
                    + "nothing like \"last May\" or \"on Sunday\"): its claims could not be dated. Record it as a damage "
                    + "report instead, giving the date yourself.");
        }
    }
}
