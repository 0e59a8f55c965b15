package org.athar.curation;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
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

import org.athar.account.Account;
import org.athar.damage.StoredReadings;
import org.athar.db.Sql;
import org.athar.history.History;
import org.athar.history.Restore;
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
 * The review queue: every pending draft shown as a diff against what is published; reviewers publish it or send
 * it back with a comment. Publishing checks that the record has not changed since the draft began (optimistic
 * locking) and is recorded in the history under the reviewer's name with the author's reason.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ReviewResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(List<Pending> drafts, String me);

        static native TemplateInstance conflict(Pending draft);
    }

    /** A pending draft: what it proposes, in words and field by field against what is published now. */
    public record Pending(Draft draft, String title, List<FieldChange> changes, String recordPath) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    Restore restore;

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
        RecordType type = RecordType.valueOf(draft.recordType);
        if (draft.recordId != null && type.versionOf(draft.recordId) != draft.baseVersion) {
            // someone published another change since this draft began: show both, overwrite nothing
            return Response.status(409).entity(Templates.conflict(pending(draft))).build();
        }
        History.attributeTo(identity.getPrincipal().getName(),
                draft.comment + " (proposed by " + draft.author.username + ")");
        try {
            switch (draft.action) {
                case Draft.WITHDRAW -> type.withdraw(draft.recordId);
                case Draft.RESTORE -> restore.apply(restorePlan(type, draft));
                default -> {
                    Proposal proposal = json.readValue(draft.payload, type.form);
                    Map<String, String> problems = proposal.problems(draft.recordId);
                    if (!problems.isEmpty()) {
                        // the registry changed since the draft was written (a claim removed, a slug taken)
                        throw new ConflictException("This draft no longer fits the registry: "
                                + String.join(" ", problems.values()) + " Send it back.");
                    }
                    proposal.publish(draft.recordId, draft.id);
                }
            }
            Sql.work(StoredReadings::refresh);
        } catch (PersistenceException e) {
            // a rule only the database knows (a name taken meanwhile, a restored row whose place is gone)
            throw new ConflictException("The registry cannot take this draft as it stands now (" + rootCause(e)
                    + "). Send it back.");
        }
        close(draft, Draft.PUBLISHED, null);
        return Response.seeOther(URI.create("/curate/review")).build();
    }

    private static String rootCause(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    @POST
    @Path("curate/review/{id}/send-back")
    @RolesAllowed({ "REVIEWER", "ADMIN" })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response sendBack(@PathParam("id") String id, @FormParam("reviewComment") String reviewComment) {
        Draft draft = reviewable(id);
        if (reviewComment == null || reviewComment.isBlank()) {
            throw new BadParameterException("reviewComment",
                    "Say what the author should change before sending a draft back.");
        }
        close(draft, Draft.SENT_BACK, reviewComment.strip());
        return Response.seeOther(URI.create("/curate/review")).build();
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
        draft.reviewer = Account.findByUsername(identity.getPrincipal().getName()).orElseThrow();
        draft.reviewComment = reviewComment;
        draft.reviewedAt = OffsetDateTime.now();
    }

    @SuppressWarnings("unchecked")
    private Pending pending(Draft draft) throws JsonProcessingException {
        RecordType type = RecordType.valueOf(draft.recordType);
        Proposal now = draft.recordId == null ? null : type.current(draft.recordId);
        String path = draft.recordId == null ? null : "/history/" + type.kind.path + "/" + draft.recordId;
        List<FieldChange> changes = new ArrayList<>();
        if (draft.action.equals(Draft.RESTORE)) {
            for (Restore.RowChange row : restorePlan(type, draft)) {
                String prefix = row.table().replace('_', ' ') + " (" + row.operation().toLowerCase() + ") · ";
                row.fields().forEach(f -> changes.add(new FieldChange(prefix + f.name(), f.before(), f.after())));
            }
            return new Pending(draft, now == null ? gone(type, draft) : now.title(), changes, path);
        }
        Proposal proposed = draft.action.equals(Draft.WITHDRAW) ? null : json.readValue(draft.payload, type.form);
        changes.addAll(FieldChange.between(json, now, proposed));
        return new Pending(draft, proposed != null ? proposed.title() : now != null ? now.title() : gone(type, draft), changes,
                path);
    }

    /** What a restoring draft ({"changeSet": n}) would change, as the registry stands now. */
    private List<Restore.RowChange> restorePlan(RecordType type, Draft draft) throws JsonProcessingException {
        return restore.plan(type.kind, draft.recordId, json.readTree(draft.payload).get("changeSet").asLong());
    }

    private static String gone(RecordType type, Draft draft) {
        return type.noun() + " " + draft.recordId + ", no longer in the registry";
    }
}
