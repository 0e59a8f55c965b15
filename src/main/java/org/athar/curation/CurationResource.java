package org.athar.curation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.athar.damage.CauseCategory;
import org.athar.damage.CauseType;
import org.athar.damage.Certainty;
import org.athar.damage.DamageEvent;
import org.athar.damage.EffectType;
import org.athar.damage.Extent;
import org.athar.damage.Severity;
import org.athar.damage.Verification;
import org.athar.evidence.Reliability;
import org.athar.evidence.SourceKind;
import org.athar.history.History;
import org.athar.place.IdentifierScheme;
import org.athar.place.LocationSensitivity;
import org.athar.place.NameType;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceLevel;
import org.athar.place.PlaceType;
import org.athar.status.Condition;
import org.athar.web.BadParameterException;
import org.athar.web.ConflictException;
import org.athar.web.Requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * What the curators' forms share (their templates, the vocabularies they offer, what every edit posts) and what
 * applies to any record: revising a draft sent back, withdrawing, restoring an earlier version. The forms of each
 * kind of record have their resource: {@link SourceProposals}, {@link PlaceProposals}, {@link EventProposals},
 * {@link ReportProposals}, {@link StatusProposals}. Every proposal becomes a draft that a reviewer publishes or sends
 * back ({@link ReviewResource}); every route is for signed-in curators (reviewers and administrators curate too).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
public class CurationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sourceForm(SourceForm form, Long recordId, Integer baseVersion, String comment,
                Map<String, String> problems, Choices choices);

        static native TemplateInstance reportForm(DamageReportForm form, String comment, Map<String, String> problems,
                Choices choices, String datePreview);

        static native TemplateInstance statusForm(StatusForm form, Long recordId, Integer baseVersion, String comment,
                Map<String, String> problems, Choices choices);

        static native TemplateInstance placeForm(PlaceForm form, Long recordId, Integer baseVersion, String comment,
                Map<String, String> problems, Choices choices);

        static native TemplateInstance eventForm(EventForm form, String slug, Long recordId, Integer baseVersion,
                String comment, Map<String, String> problems, Choices choices);

        static native TemplateInstance claimForm(ClaimForm form, Long recordId, Integer baseVersion, String comment,
                Map<String, String> problems, Choices choices, String datePreview);

        static native TemplateInstance changedMeanwhile(String what, String title, List<FieldChange> changes,
                String editPath, String historyPath);
    }

    /** The vocabularies the forms offer. */
    public record Choices(List<CauseCategory> causeCategories, List<CauseType> causeTypes, List<Severity> severities,
            List<Certainty> certainties, List<Verification> verifications, List<SourceKind> kinds,
            List<Reliability> grades, List<Condition> conditions, List<Extent> extents, List<EffectType> effects,
            List<PlaceLevel> levels, List<PlaceType> placeTypes, List<PlaceKind> placeKinds, List<NameType> nameTypes,
            List<IdentifierScheme> schemes, List<LocationSensitivity> sensitivities) {
        static final Choices ALL = new Choices(List.of(CauseCategory.values()), List.of(CauseType.values()),
                List.of(Severity.values()), List.of(Certainty.values()), List.of(Verification.values()),
                List.of(SourceKind.values()), List.of(Reliability.values()), List.of(Condition.values()),
                List.of(Extent.values()), List.of(EffectType.values()), List.of(PlaceLevel.values()),
                List.of(PlaceType.values()), List.of(PlaceKind.values()), List.of(NameType.values()),
                List.of(IdentifierScheme.values()), List.of(LocationSensitivity.values()));
    }


    /** What every edit form posts besides its fields: the record edited and its version, and the reason. */
    public static class Edit {
        @FormParam("recordId") Long recordId;
        @FormParam("baseVersion") Integer baseVersion;
        @FormParam("comment") String comment;
    }






    @Inject
    SecurityIdentity identity;

    @Inject
    Drafting drafting;

    @Inject
    ObjectMapper json;

    @Inject
    History history;







    // Revising a draft that was sent back

    /**
     * A draft a reviewer sent back, in its form again, as its author left it and with the reviewer's words. Sending
     * it makes a new draft; it keeps the version the first one began from, so that a change published meanwhile
     * still shows as a conflict.
     */
    @GET
    @Path("curate/drafts/{id}/revise")
    @Transactional
    public TemplateInstance revise(@PathParam("id") String id) throws JsonProcessingException {
        Draft draft = Draft.<Draft>findByIdOptional(Requests.parseId(id, "draft"))
                .filter(d -> d.author.username.equals(identity.getPrincipal().getName()))
                .orElseThrow(() -> Requests.notFound("draft of yours", id));
        if (!Draft.SENT_BACK.equals(draft.state) || !Draft.EDIT.equals(draft.action)) {
            throw new ConflictException("Only a change sent back to you can be revised; this one is "
                    + draft.state.toLowerCase().replace('_', ' ') + ".");
        }
        Map<String, String> review = Map.of("review", draft.reviewer.username + " sent this back: " + draft.reviewComment);
        Proposal proposal = json.readValue(draft.payload, RecordType.valueOf(draft.recordType).form);
        Long recordId = draft.recordId;
        Integer base = draft.baseVersion;
        if (proposal instanceof SourceForm f) {
            return Templates.sourceForm(f, recordId, base, draft.comment, review, Choices.ALL);
        } else if (proposal instanceof PlaceForm f) {
            return Templates.placeForm(f.withBlankNames(), recordId, base, draft.comment, review, Choices.ALL);
        } else if (proposal instanceof EventForm f) {
            return Templates.eventForm(f, DamageEvent.<DamageEvent>findByIdOptional(recordId).map(e -> e.slug).orElse(null),
                    recordId, base, draft.comment, review, Choices.ALL);
        } else if (proposal instanceof ClaimForm f) {
            return Templates.claimForm(f, recordId, base, draft.comment, review, Choices.ALL, null);
        } else if (proposal instanceof StatusForm f) {
            return Templates.statusForm(f, recordId, base, draft.comment, review, Choices.ALL);
        }
        return Templates.reportForm(((DamageReportForm) proposal).withNewSourceFields(), draft.comment, review,
                Choices.ALL, null);
    }

    // Withdrawing and restoring any record

    /** Proposes withdrawing a record; the reviewer sees what would go, and publishing checks nothing rests on it. */
    @POST
    @Path("curate/withdraw/{type}/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response withdraw(@PathParam("type") String typePath, @PathParam("id") String id,
            @FormParam("comment") String comment) {
        RecordType type = RecordType.ofPath(typePath);
        long recordId = Requests.parseId(id, "record");
        int version = type.versionOf(recordId);
        if (version < 0) {
            throw Requests.notFound(type.noun(), id);
        }
        if (comment == null || comment.isBlank()) {
            throw new BadParameterException("comment", Forms.say().problem_comment_withdraw());
        }
        return Drafting.toWorkspace(Draft.propose(drafting.me(), type, Draft.WITHDRAW, recordId, version, "{}", comment));
    }

    /**
     * Restoring is itself a change: the record and what belongs to it as they were before a change set becomes a
     * draft, reviewed like any other. A withdrawn record comes back the same way.
     */
    @POST
    @Path("curate/restore/{type}/{id}/{changeSet}")
    @Transactional
    public Response restore(@PathParam("type") String typePath, @PathParam("id") String id,
            @PathParam("changeSet") String changeSet) {
        RecordType type = RecordType.ofPath(typePath);
        long recordId = Requests.parseId(id, "record");
        long set = Requests.parseId(changeSet, "change");
        List<History.Change> changes = history.of(type.kind, recordId, set);
        if (changes.isEmpty()) {
            throw Requests.notFound("change of this record", changeSet);
        }
        if (changes.stream().anyMatch(c -> c.table().equals(type.kind.table) && c.operation().equals("INSERT"))) {
            throw new BadParameterException("changeSet", "Before change " + set + " this " + type.noun()
                    + " was not in the registry: propose withdrawing it instead.");
        }
        Draft draft = Draft.propose(drafting.me(), type, Draft.RESTORE, recordId, type.versionOf(recordId), "{\"changeSet\": " + set + "}",
                "Restore the version before change " + set);
        return Drafting.toWorkspace(draft);
    }

    /** A stable key from the title: "The New Arab report" becomes "the-new-arab-report-12". */
    static String ref(String title, long draftId) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-$", "");
        }
        return (ascii.isEmpty() ? "source" : ascii) + "-" + draftId;
    }
}
