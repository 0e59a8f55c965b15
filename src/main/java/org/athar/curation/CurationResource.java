package org.athar.curation;

import java.net.URI;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
import org.athar.damage.Severity;
import org.athar.damage.Verification;
import org.athar.evidence.Reliability;
import org.athar.history.History;
import org.athar.status.Condition;
import org.athar.evidence.Source;
import org.athar.evidence.SourceKind;
import org.athar.time.InvalidDateException;
import org.athar.time.UncertainDate;
import org.athar.web.BadParameterException;
import org.athar.web.Requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * Curation of sources: curators propose new sources and changes as drafts, reviewers publish them or send them back
 * with a comment. Publishing checks that the record has not changed since the draft began (optimistic locking) and
 * is recorded in the history under the reviewer's name with the author's reason.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class CurationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sourceForm(SourceForm form, Long recordId, Integer baseVersion, String comment,
                Map<String, String> problems, List<SourceKind> kinds, List<Reliability> grades);

        static native TemplateInstance reportForm(DamageReportForm form, String comment, Map<String, String> problems,
                Choices choices, String datePreview);

        static native TemplateInstance statusForm(StatusForm form, String comment, Map<String, String> problems,
                List<Condition> conditions);

        static native TemplateInstance review(List<Pending> drafts, String me);

        static native TemplateInstance conflict(Pending draft, SourceForm current);
    }

    /** A pending draft: its title, what it changes field by field, and for a source the proposed source. */
    public record Pending(Draft draft, String title, List<FieldChange> changes, SourceForm proposed) {
    }

    /** The vocabularies the report form offers. */
    public record Choices(List<CauseCategory> causeCategories, List<CauseType> causeTypes, List<Severity> severities,
            List<Certainty> certainties, List<Verification> verifications, List<SourceKind> kinds,
            List<Reliability> grades) {
        static final Choices ALL = new Choices(List.of(CauseCategory.values()), List.of(CauseType.values()),
                List.of(Severity.values()), List.of(Certainty.values()), List.of(Verification.values()),
                List.of(SourceKind.values()), List.of(Reliability.values()));
    }

    /** The damage report form's fields, as posted; the new source's fields are prefixed "source.". */
    public static class ReportFields {
        @FormParam("event") String event;
        @FormParam("place") String place;
        @FormParam("summary") String summary;
        @FormParam("causeCategory") String causeCategory;
        @FormParam("causeType") String causeType;
        @FormParam("date") String date;
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
        @FormParam("source.url") String url;
        @FormParam("source.language") String language;
        @FormParam("source.reliability") String reliability;
        @FormParam("source.reliabilityReason") String reliabilityReason;

        DamageReportForm form() {
            return new DamageReportForm(event, place, summary, causeCategory, causeType, date, severity, actor, sourceId,
                    new SourceForm(kind, title, publisher, author, published, url, language, reliability,
                            reliabilityReason),
                    quote, certainty, verification);
        }
    }

    public record FieldChange(String field, String published, String proposed) {
    }

    /** The source form's fields, as posted. */
    public static class SourceFields {
        @FormParam("kind") String kind;
        @FormParam("title") String title;
        @FormParam("publisher") String publisher;
        @FormParam("author") String author;
        @FormParam("published") String published;
        @FormParam("url") String url;
        @FormParam("language") String language;
        @FormParam("reliability") String reliability;
        @FormParam("reliabilityReason") String reliabilityReason;
        @FormParam("recordId") Long recordId;
        @FormParam("baseVersion") Integer baseVersion;
        @FormParam("comment") String comment;

        SourceForm form() {
            return new SourceForm(kind, title, publisher, author, published, url, language, reliability, reliabilityReason);
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

    @GET
    @Path("curate/sources/new")
    @RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
    public TemplateInstance newSource() {
        return form(SourceForm.empty(), null, null, "", Map.of());
    }

    @GET
    @Path("curate/sources/{id}/edit")
    @RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
    @Transactional
    public TemplateInstance editSource(@PathParam("id") String id) {
        Source source = Source.<Source>findByIdOptional(Requests.parseId(id, "source"))
                .orElseThrow(() -> Requests.notFound("source", id));
        return form(SourceForm.of(source), source.id, source.version, "", Map.of());
    }

    @POST
    @Path("curate/sources")
    @RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeSource(@BeanParam SourceFields fields) throws JsonProcessingException {
        SourceForm form = fields.form();
        Map<String, String> problems = new LinkedHashMap<>(form.problems());
        Forms.requireComment(problems, fields.comment, "Say what this change is and where it comes from, for the reviewer.");
        if ((fields.recordId == null) != (fields.baseVersion == null)
                || (fields.recordId != null && Source.findById(fields.recordId) == null)) {
            problems.put("recordId", "The source being edited no longer exists.");
        }
        if (!problems.isEmpty()) {
            return Response.status(400).entity(form(form, fields.recordId, fields.baseVersion, fields.comment, problems))
                    .build();
        }
        saveDraft("SOURCE", fields.recordId, fields.baseVersion, json.writeValueAsString(form), fields.comment);
        return toWorkspace();
    }

    /** Restoring is itself a change: the version before a recorded change becomes a draft, reviewed like any other. */
    @POST
    @Path("curate/sources/{id}/restore/{change}")
    @RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
    @Transactional
    public Response restoreSource(@PathParam("id") String id, @PathParam("change") String change)
            throws JsonProcessingException {
        long sourceId = Requests.parseId(id, "source");
        Source source = Source.<Source>findByIdOptional(sourceId).orElseThrow(() -> Requests.notFound("source", id));
        JsonNode before = history.before(Requests.parseId(change, "change"), "source", sourceId)
                .orElseThrow(() -> Requests.notFound("change of this source", change));
        SourceForm form = new SourceForm(text(before, "kind"), text(before, "title"), text(before, "publisher"),
                text(before, "author"), text(before, "published_edtf"), text(before, "url"), text(before, "language"),
                text(before, "reliability"), text(before, "reliability_reason"));
        saveDraft("SOURCE", sourceId, source.version, json.writeValueAsString(form),
                "Restore the version before change " + change);
        return toWorkspace();
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @GET
    @Path("curate/reports/new")
    @RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
    public TemplateInstance newReport(@QueryParam("place") String place,
            @QueryParam("event") String event) {
        return Templates.reportForm(DamageReportForm.empty(place == null ? "" : place, event == null ? "" : event), "",
                Map.of(), Choices.ALL, null);
    }

    @POST
    @Path("curate/reports")
    @RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeReport(@BeanParam ReportFields fields) throws JsonProcessingException {
        DamageReportForm form = fields.form();
        Map<String, String> problems = new LinkedHashMap<>(form.problems());
        Forms.requireComment(problems, fields.comment, "Say where this report comes from, for the reviewer.");
        if (!problems.isEmpty()) {
            return Response.status(400).entity(Templates.reportForm(form, fields.comment, problems, Choices.ALL, null))
                    .build();
        }
        saveDraft("DAMAGE_REPORT", null, null, json.writeValueAsString(form.withoutUnusedSource()), fields.comment);
        return toWorkspace();
    }

    /** "Check the date": the form again, as typed, with the date as the registry will read it. Nothing is saved. */
    @POST
    @Path("curate/reports/preview")
    @RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance previewReport(@BeanParam ReportFields fields) {
        DamageReportForm form = fields.form();
        try {
            String preview = form.date() == null || form.date().isBlank() ? "no date given"
                    : UncertainDate.parse(form.date()).label();
            return Templates.reportForm(form, fields.comment, Map.of(), Choices.ALL, preview);
        } catch (InvalidDateException e) {
            return Templates.reportForm(form, fields.comment, Map.of("date", e.getMessage()), Choices.ALL, null);
        }
    }

    @GET
    @Path("curate/status/new")
    @RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
    public TemplateInstance newStatus(@QueryParam("place") String place) {
        return Templates.statusForm(StatusForm.empty(place == null ? "" : place), "", Map.of(),
                List.of(Condition.values()));
    }

    @POST
    @Path("curate/status")
    @RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response proposeStatus(@FormParam("place") String place, @FormParam("condition") String condition,
            @FormParam("asOf") String asOf, @FormParam("note") String note, @FormParam("claims") String claims,
            @FormParam("comment") String comment) throws JsonProcessingException {
        StatusForm form = new StatusForm(place, condition, asOf, note, claims);
        Map<String, String> problems = new LinkedHashMap<>(form.problems());
        Forms.requireComment(problems, comment, "Say why the condition is this, for the reviewer.");
        if (!problems.isEmpty()) {
            return Response.status(400).entity(Templates.statusForm(form, comment, problems, List.of(Condition.values())))
                    .build();
        }
        saveDraft("STATUS", null, null, json.writeValueAsString(form), comment);
        return toWorkspace();
    }

    @GET
    @Path("curate/review")
    @RolesAllowed({ "REVIEWER", "ADMIN" })
    @Transactional
    public TemplateInstance review() throws JsonProcessingException {
        List<Pending> pending = new ArrayList<>();
        for (Draft draft : Draft.pending()) {
            pending.add(pending(draft));
        }
        return Templates.review(pending, identity.getPrincipal().getName());
    }

    @POST
    @Path("curate/review/{id}/publish")
    @RolesAllowed({ "REVIEWER", "ADMIN" })
    @Transactional
    public Response publish(@PathParam("id") String id) throws JsonProcessingException {
        Draft draft = reviewable(id);
        if (draft.recordType.equals("STATUS")) {
            StatusForm status = json.readValue(draft.payload, StatusForm.class);
            if (!status.problems().isEmpty()) {
                // the registry changed since the draft was written (a claim removed, the same date recorded)
                throw new BadParameterException("id", "This draft no longer fits the registry: "
                        + String.join(" ", status.problems().values()) + " Send it back.");
            }
            recordAs(draft);
            status.publish();
            close(draft, Draft.PUBLISHED, null);
            return toReviewQueue();
        }
        if (draft.recordType.equals("DAMAGE_REPORT")) {
            DamageReportForm report = json.readValue(draft.payload, DamageReportForm.class);
            recordAs(draft);
            report.publish(draft.id);
            close(draft, Draft.PUBLISHED, null);
            return toReviewQueue();
        }
        SourceForm form = json.readValue(draft.payload, SourceForm.class);
        Source source;
        if (draft.recordId == null) {
            source = new Source();
            source.ref = ref(form.title(), draft.id);
        } else {
            source = Source.findById(draft.recordId);
            if (source.version != draft.baseVersion) {
                // someone published another change since this draft began: show both, overwrite nothing
                return Response.status(409).entity(Templates.conflict(pending(draft), SourceForm.of(source))).build();
            }
        }
        recordAs(draft);
        form.applyTo(source);
        source.persist();
        close(draft, Draft.PUBLISHED, null);
        return toReviewQueue();
    }

    @POST
    @Path("curate/review/{id}/send-back")
    @RolesAllowed({ "REVIEWER", "ADMIN" })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response sendBack(@PathParam("id") String id, @FormParam("reviewComment") String reviewComment)
            throws JsonProcessingException {
        Draft draft = reviewable(id);
        if (reviewComment == null || reviewComment.isBlank()) {
            throw new BadParameterException("reviewComment",
                    "Say what the author should change before sending a draft back.");
        }
        close(draft, Draft.SENT_BACK, reviewComment.strip());
        return toReviewQueue();
    }

    private static Response toWorkspace() {
        return Response.seeOther(URI.create("/curate")).build();
    }

    private static Response toReviewQueue() {
        return Response.seeOther(URI.create("/curate/review")).build();
    }

    private void saveDraft(String type, Long recordId, Integer baseVersion, String payload, String comment) {
        Draft draft = new Draft();
        draft.recordType = type;
        draft.recordId = recordId;
        draft.baseVersion = baseVersion;
        draft.payload = payload;
        draft.comment = comment.strip();
        draft.author = me();
        draft.persist();
    }

    private static TemplateInstance form(SourceForm form, Long recordId, Integer baseVersion, String comment,
            Map<String, String> problems) {
        return Templates.sourceForm(form, recordId, baseVersion, comment, problems, List.of(SourceKind.values()),
                List.of(Reliability.values()));
    }

    /** Names the reviewer and the author's reason in the history of what publishing writes. */
    private void recordAs(Draft draft) {
        History.attributeTo(identity.getPrincipal().getName(), draft.comment + " (proposed by " + draft.author.username + ")");
    }

    private Draft reviewable(String id) {
        Draft draft = Draft.<Draft>findByIdOptional(Requests.parseId(id, "draft"))
                .orElseThrow(() -> Requests.notFound("draft", id));
        if (!Draft.PENDING.equals(draft.state)) {
            throw new BadParameterException("id", "This draft has already been reviewed.");
        }
        if (draft.author.username.equals(identity.getPrincipal().getName())) {
            throw new BadParameterException("id", "Another reviewer must review your own draft.");
        }
        return draft;
    }

    private void close(Draft draft, String state, String reviewComment) {
        draft.state = state;
        draft.reviewer = me();
        draft.reviewComment = reviewComment;
        draft.reviewedAt = OffsetDateTime.now();
    }

    private Pending pending(Draft draft) throws JsonProcessingException {
        Map<String, Object> next = flatten(json.readValue(draft.payload, Map.class), "");
        Map<String, Object> now = Map.of();
        SourceForm proposed = null;
        if (draft.recordType.equals("SOURCE")) {
            proposed = json.readValue(draft.payload, SourceForm.class);
            if (draft.recordId != null) {
                now = flatten(json.convertValue(SourceForm.of(Source.findById(draft.recordId)), Map.class), "");
            }
        }
        List<FieldChange> changes = new ArrayList<>();
        for (var field : next.entrySet()) {
            Object was = now.get(field.getKey());
            Object value = field.getValue();
            if (!Objects.equals(blankToNull(was), blankToNull(value))) {
                changes.add(new FieldChange(field.getKey(), was == null ? null : was.toString(),
                        value == null ? null : value.toString()));
            }
        }
        String title = proposed != null ? proposed.title()
                : draft.recordType.equals("STATUS") ? "status of " + next.get("place") + ": " + next.get("condition")
                : next.get("event") != null && !next.get("event").toString().isBlank() ? "new claim about " + next.get("event")
                : String.valueOf(next.get("summary"));
        return new Pending(draft, title, changes, proposed);
    }

    /** Nested objects (a report's new source) become "source.title" and so on. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(Map<String, Object> map, String prefix) {
        Map<String, Object> flat = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flat.putAll(flatten((Map<String, Object>) nested, prefix + (key.equals("newSource") ? "source" : key) + "."));
            } else {
                flat.put(prefix + key, value);
            }
        });
        return flat;
    }

    private static Object blankToNull(Object value) {
        return value instanceof String s && s.isBlank() ? null : value;
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
