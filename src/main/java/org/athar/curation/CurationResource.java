package org.athar.curation;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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

import org.athar.account.Account;
import org.athar.damage.CauseCategory;
import org.athar.damage.CauseType;
import org.athar.damage.Certainty;
import org.athar.damage.Claim;
import org.athar.damage.DamageEvent;
import org.athar.damage.EffectType;
import org.athar.damage.Extent;
import org.athar.damage.Severity;
import org.athar.damage.Verification;
import org.athar.evidence.Reliability;
import org.athar.evidence.Source;
import org.athar.evidence.SourceKind;
import org.athar.history.History;
import org.athar.place.IdentifierScheme;
import org.athar.place.LocationSensitivity;
import org.athar.place.NameType;
import org.athar.place.Place;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceLevel;
import org.athar.place.PlaceType;
import org.athar.status.Condition;
import org.athar.status.StatusAssessment;
import org.athar.time.InvalidDateException;
import org.athar.time.UncertainDate;
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
 * The curators' forms: every proposal (a new or changed record, a withdrawal, a restored earlier version) becomes a
 * draft that a reviewer publishes or sends back ({@link ReviewResource}). A form with problems is shown again as
 * typed, each problem at its field, and nothing is saved. Every route is for signed-in curators (reviewers and
 * administrators curate too).
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

        DamageReportForm form() {
            return new DamageReportForm(event, place, summary, causeCategory, causeType,
                    Forms.date(date, dateFirstDay, dateLastDay), severity, actor, sourceId,
                    new SourceForm(kind, title, publisher, author,
                            Forms.date(published, publishedFirstDay, publishedLastDay), url, language, reliability,
                            reliabilityReason),
                    quote, certainty, verification);
        }
    }

    /** What every edit form posts besides its fields: the record edited and its version, and the reason. */
    public static class Edit {
        @FormParam("recordId") Long recordId;
        @FormParam("baseVersion") Integer baseVersion;
        @FormParam("comment") String comment;
    }

    public static class SourceFields extends Edit {
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

    public static class PlaceFields extends Edit {
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
            return new PlaceForm(level, parent, slug, placeType, kind, description, latitude, longitude,
                    locationCertainty, locationSensitivity, names, identifiers);
        }

        private static int size(List<String> list) {
            return list == null ? 0 : list.size();
        }

        private static String at(List<String> list, int i) {
            return list == null || i >= list.size() ? "" : list.get(i);
        }
    }

    public static class EventFields extends Edit {
        @FormParam("summary") String summary;
        @FormParam("causeCategory") String causeCategory;
        @FormParam("causeType") String causeType;
        @FormParam("extent") String extent;
        @FormParam("effects") List<String> effects;
        @FormParam("places") String places;

        EventForm form() {
            return new EventForm(summary, causeCategory, causeType, extent, effects == null ? List.of() : effects, places);
        }
    }

    public static class ClaimFields extends Edit {
        @FormParam("sourceId") String sourceId;
        @FormParam("date") String date;
        @FormParam("dateFirstDay") String dateFirstDay;
        @FormParam("dateLastDay") String dateLastDay;
        @FormParam("severity") String severity;
        @FormParam("condition") String condition;
        @FormParam("actor") String actor;
        @FormParam("quote") String quote;
        @FormParam("certainty") String certainty;
        @FormParam("verification") String verification;
        @FormParam("note") String note;

        ClaimForm form() {
            return new ClaimForm(sourceId, Forms.date(date, dateFirstDay, dateLastDay), severity, condition, actor, quote, certainty, verification, note);
        }
    }

    public static class StatusFields extends Edit {
        @FormParam("place") String place;
        @FormParam("condition") String condition;
        @FormParam("asOf") String asOf;
        @FormParam("asOfFirstDay") String asOfFirstDay;
        @FormParam("asOfLastDay") String asOfLastDay;
        @FormParam("note") String note;
        @FormParam("claims") String claims;

        StatusForm form() {
            return new StatusForm(place, condition, Forms.date(asOf, asOfFirstDay, asOfLastDay), note, claims);
        }
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    History history;

    private Account me() {
        return Account.findByUsername(identity.getPrincipal().getName()).orElseThrow();
    }

    // Sources

    @GET
    @Path("curate/sources/new")
    public TemplateInstance newSource() {
        return Templates.sourceForm(SourceForm.empty(), null, null, "", Map.of(), Choices.ALL);
    }

    @GET
    @Path("curate/sources/{id}/edit")
    @Transactional
    public TemplateInstance editSource(@PathParam("id") String id) {
        Source source = Source.<Source>findByIdOptional(Requests.parseId(id, "source"))
                .orElseThrow(() -> Requests.notFound("source", id));
        return Templates.sourceForm(SourceForm.of(source), source.id, source.version, "", Map.of(), Choices.ALL);
    }

    @POST
    @Path("curate/sources")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeSource(@BeanParam SourceFields fields) throws JsonProcessingException {
        SourceForm form = fields.form();
        return propose(RecordType.SOURCE, form, fields, "Say what this change is and where it comes from, for the reviewer.",
                problems -> Templates.sourceForm(form, fields.recordId, fields.baseVersion, fields.comment, problems,
                        Choices.ALL));
    }

    // Places

    @GET
    @Path("curate/places/new")
    @Transactional
    public TemplateInstance newPlace(@QueryParam("parent") String parent) {
        return Templates.placeForm(PlaceForm.empty(parent), null, null, "", Map.of(), Choices.ALL);
    }

    @GET
    @Path("curate/places/{slug}/edit")
    @Transactional
    public TemplateInstance editPlace(@PathParam("slug") String slug) {
        Place place = Place.findBySlug(slug).orElseThrow(() -> Requests.notFound("place", slug));
        return Templates.placeForm(PlaceForm.of(place).withBlankNames(), place.id, place.version, "", Map.of(),
                Choices.ALL);
    }

    @POST
    @Path("curate/places")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposePlace(@BeanParam PlaceFields fields) throws JsonProcessingException {
        PlaceForm form = fields.form();
        return propose(RecordType.PLACE, form, form.withoutBlankNames(), fields,
                "Say what this change is and where it comes from, for the reviewer.",
                problems -> Templates.placeForm(form, fields.recordId, fields.baseVersion, fields.comment, problems,
                        Choices.ALL));
    }

    // Events and claims: new ones come in damage reports; here they are changed

    @GET
    @Path("curate/events/{slug}/edit")
    @Transactional
    public TemplateInstance editEvent(@PathParam("slug") String slug) {
        DamageEvent event = DamageEvent.findBySlug(slug).orElseThrow(() -> Requests.notFound("event", slug));
        return Templates.eventForm(EventForm.of(event), slug, event.id, event.version, "", Map.of(), Choices.ALL);
    }

    @POST
    @Path("curate/events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeEvent(@BeanParam EventFields fields) throws JsonProcessingException {
        EventForm form = fields.form();
        String slug = fields.recordId == null ? null
                : DamageEvent.<DamageEvent>findByIdOptional(fields.recordId).map(e -> e.slug).orElse(null);
        return propose(RecordType.EVENT, form, fields, "Say what this change is and where it comes from, for the reviewer.",
                problems -> Templates.eventForm(form, slug, fields.recordId, fields.baseVersion, fields.comment, problems,
                        Choices.ALL));
    }

    @GET
    @Path("curate/claims/{id}/edit")
    @Transactional
    public TemplateInstance editClaim(@PathParam("id") String id) {
        Claim claim = Claim.<Claim>findByIdOptional(Requests.parseId(id, "claim"))
                .orElseThrow(() -> Requests.notFound("claim", id));
        return Templates.claimForm(ClaimForm.of(claim), claim.id, claim.version, "", Map.of(), Choices.ALL, null);
    }

    @POST
    @Path("curate/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeClaim(@BeanParam ClaimFields fields) throws JsonProcessingException {
        ClaimForm form = fields.form();
        return propose(RecordType.CLAIM, form, fields, "Say why the claim should read this way, for the reviewer.",
                problems -> Templates.claimForm(form, fields.recordId, fields.baseVersion, fields.comment, problems,
                        Choices.ALL, null));
    }

    /** "Check the date" on the claim form: the form again with the date as the registry will read it. */
    @POST
    @Path("curate/claims/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance previewClaim(@BeanParam ClaimFields fields) {
        Map<String, String> problems = new LinkedHashMap<>();
        ClaimForm form = fields.form();
        String preview = datePreview(form.date(), problems);
        return Templates.claimForm(form, fields.recordId, fields.baseVersion, fields.comment, problems,
                Choices.ALL, preview);
    }

    // Damage reports

    @GET
    @Path("curate/reports/new")
    public TemplateInstance newReport(@QueryParam("place") String place, @QueryParam("event") String event) {
        return Templates.reportForm(DamageReportForm.empty(place == null ? "" : place, event == null ? "" : event), "",
                Map.of(), Choices.ALL, null);
    }

    @POST
    @Path("curate/reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeReport(@BeanParam ReportFields fields) throws JsonProcessingException {
        DamageReportForm form = fields.form();
        Edit edit = new Edit();
        edit.comment = fields.comment;
        return propose(RecordType.DAMAGE_REPORT, form, form.withoutUnusedSource(), edit,
                "Say where this report comes from, for the reviewer.",
                problems -> Templates.reportForm(form, fields.comment, problems, Choices.ALL, null));
    }

    /** "Check the date": the form again, as typed, with the date as the registry will read it. Nothing is saved. */
    @POST
    @Path("curate/reports/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance previewReport(@BeanParam ReportFields fields) {
        Map<String, String> problems = new LinkedHashMap<>();
        DamageReportForm form = fields.form();
        String preview = datePreview(form.date(), problems);
        return Templates.reportForm(form, fields.comment, problems, Choices.ALL, preview);
    }

    private static String datePreview(String date, Map<String, String> problems) {
        try {
            return date == null || date.isBlank() ? "no date given" : UncertainDate.parse(date).label();
        } catch (InvalidDateException e) {
            problems.put("date", e.getMessage());
            return null;
        }
    }

    // Status entries

    @GET
    @Path("curate/status/new")
    public TemplateInstance newStatus(@QueryParam("place") String place) {
        return Templates.statusForm(StatusForm.empty(place == null ? "" : place), null, null, "", Map.of(), Choices.ALL);
    }

    @GET
    @Path("curate/status/{id}/edit")
    @Transactional
    public TemplateInstance editStatus(@PathParam("id") String id) {
        StatusAssessment status = StatusAssessment.<StatusAssessment>findByIdOptional(Requests.parseId(id, "status entry"))
                .orElseThrow(() -> Requests.notFound("status entry", id));
        return Templates.statusForm(StatusForm.of(status), status.id, status.version, "", Map.of(), Choices.ALL);
    }

    @POST
    @Path("curate/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeStatus(@BeanParam StatusFields fields) throws JsonProcessingException {
        StatusForm form = fields.form();
        return propose(RecordType.STATUS, form, fields, "Say why the condition is this, for the reviewer.",
                problems -> Templates.statusForm(form, fields.recordId, fields.baseVersion, fields.comment, problems,
                        Choices.ALL));
    }

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
            throw new BadParameterException("comment", "Say why this record should be withdrawn, for the reviewer.");
        }
        Draft.propose(me(), type, Draft.WITHDRAW, recordId, version, "{}", comment);
        return toWorkspace();
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
        Draft.propose(me(), type, Draft.RESTORE, recordId, type.versionOf(recordId), "{\"changeSet\": " + set + "}",
                "Restore the version before change " + set);
        return toWorkspace();
    }

    private Response propose(RecordType type, Proposal form, Edit edit, String commentHelp,
            Function<Map<String, String>, TemplateInstance> reshow) throws JsonProcessingException {
        return propose(type, form, form, edit, commentHelp, reshow);
    }

    /** Checks {@code form} as typed; when it has no problems, keeps {@code stored} (the form tidied) as a draft. */
    private Response propose(RecordType type, Proposal form, Proposal stored, Edit edit, String commentHelp,
            Function<Map<String, String>, TemplateInstance> reshow) throws JsonProcessingException {
        Map<String, String> problems = new LinkedHashMap<>(form.problems(edit.recordId));
        Forms.requireComment(problems, edit.comment, commentHelp);
        if ((edit.recordId == null) != (edit.baseVersion == null)) {
            problems.put("recordId", "The form lost track of the record it edits; open it again from the record's page.");
        }
        if (!problems.isEmpty()) {
            return Response.status(400).entity(reshow.apply(problems)).build();
        }
        if (edit.recordId != null && type.versionOf(edit.recordId) != edit.baseVersion) {
            // someone published a change since this form was opened: show both, keep nothing over it
            Proposal now = type.current(edit.recordId);
            return Response.status(409).entity(Templates.changedMeanwhile(type.noun(), now.title(),
                    FieldChange.between(json, now, stored), type.editPath(edit.recordId),
                    "/history/" + type.kind.path + "/" + edit.recordId)).build();
        }
        Draft.propose(me(), type, Draft.EDIT, edit.recordId, edit.baseVersion, json.writeValueAsString(stored), edit.comment);
        return toWorkspace();
    }

    private static Response toWorkspace() {
        return Response.seeOther(URI.create("/curate")).build();
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
