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
import org.athar.account.Role;
import org.athar.damage.StoredReadings;
import org.athar.db.Sql;
import org.athar.history.History;
import org.athar.history.Restore;
import org.athar.web.BadParameterException;
import org.athar.web.ConflictException;
import org.athar.web.Requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

    private static final Logger LOG = Logger.getLogger(ReviewResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(List<Pending> drafts, String me);

        static native TemplateInstance conflict(Pending draft);
    }

    /** A pending draft: what it proposes, in words and field by field against what is published now. */
    public record Pending(Draft draft, String title, List<FieldChange> changes, String recordPath) {
    }

    /**
     * Whether an administrator may publish (or send back) their own drafts: off by default, so that every change is
     * seen by two people; an installation with a single curator turns it on.
     */
    static final String ADMINS_REVIEW_OWN_DRAFTS = "athar.review.admins-review-own-drafts";

    @ConfigProperty(name = ADMINS_REVIEW_OWN_DRAFTS, defaultValue = "false")
    boolean adminsReviewOwnDrafts;

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
    public Response publish(@PathParam("id") String id) {
        long draftId = Requests.parseId(id, "draft");
        // a deadlock between two publishes touching the same places in different orders is broken by the database
        // by failing one of them; that one is simply tried again
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> publishOnce(draftId));
            } catch (RuntimeException e) {
                if (attempt < 3 && Sql.isTransient(e)) {
                    LOG.infof("Publishing draft %d met a concurrent publish (%s); trying again", draftId, e.getMessage());
                    continue;
                }
                throw e;
            }
        }
    }

    /**
     * Publishes under two row locks, taken in this order: the draft (so that it is published once, whoever clicks
     * first) and the record it changes (so that the version check and the write are one step: of two drafts begun
     * from the same version, exactly one is published and the other is shown as a conflict).
     */
    private Response publishOnce(long draftId) throws JsonProcessingException {
        Draft draft = reviewable(draftId);
        RecordType type = RecordType.valueOf(draft.recordType);
        if (draft.recordId != null && type.lockedVersionOf(draft.recordId) != draft.baseVersion) {
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
            close(draft, Draft.PUBLISHED, null);
            Draft.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (Sql.isTransient(e)) {
                throw e;
            }
            // a rule only the database knows (a name taken meanwhile, a restored row whose place is gone): the
            // reviewer reads what it means, the log keeps what the database said
            LOG.warnf("Draft %d refused by the database: %s", draftId, e.getMessage());
            throw new ConflictException("The registry cannot take this draft as it stands now: " + Sql.refusal(e)
                    + ". Send it back to its author with what to change.");
        }
        return Response.seeOther(URI.create("/curate/review")).build();
    }

    @POST
    @Path("curate/review/{id}/send-back")
    @RolesAllowed({ "REVIEWER", "ADMIN" })
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response sendBack(@PathParam("id") String id, @FormParam("reviewComment") String reviewComment) {
        Draft draft = reviewable(Requests.parseId(id, "draft"));
        if (reviewComment == null || reviewComment.isBlank()) {
            throw new BadParameterException("reviewComment",
                    Forms.say().problem_send_back());
        }
        close(draft, Draft.SENT_BACK, reviewComment.strip());
        return Response.seeOther(URI.create("/curate/review")).build();
    }

    /** The draft, locked until the transaction ends, if it is still waiting for a review by someone else. */
    private Draft reviewable(long id) {
        // the lock first, then the read, which so sees what a reviewer who held the lock before us left
        Sql.query("select id from draft where id = ? for update", rs -> rs.getLong(1), id);
        Draft draft = Draft.<Draft>findByIdOptional(id).orElseThrow(() -> Requests.notFound("draft", Long.toString(id)));
        if (!Draft.PENDING.equals(draft.state)) {
            throw new ConflictException("This draft has already been "
                    + (Draft.PUBLISHED.equals(draft.state) ? "published" : "sent back")
                    + (draft.reviewer == null ? "" : " by " + draft.reviewer.username)
                    + (draft.reviewedAt == null ? "" : " at " + draft.reviewedAt.withNano(0).toLocalTime() + " UTC on "
                            + draft.reviewedAt.toLocalDate())
                    + ". Nothing more to do here.");
        }
        if (draft.author.username.equals(identity.getPrincipal().getName())
                && !(adminsReviewOwnDrafts && identity.hasRole(Role.ADMIN.name()))) {
            throw new BadParameterException("id", "Another reviewer must review your own draft."
                    + (identity.hasRole(Role.ADMIN.name()) ? " (An administrator may review their own drafts only where "
                            + ADMINS_REVIEW_OWN_DRAFTS + " is set to true.)" : ""));
        }
        return draft;
    }

    private void close(Draft draft, String state, String reviewComment) {
        draft.state = state;
        draft.reviewer = Account.findByUsername(identity.getPrincipal().getName()).orElseThrow();
        draft.reviewComment = reviewComment;
        draft.selfReviewed = draft.reviewer.id.equals(draft.author.id);
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
