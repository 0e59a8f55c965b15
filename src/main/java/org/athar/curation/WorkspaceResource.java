package org.athar.curation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.athar.account.Account;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * The curators' workspace: what they can propose, and their drafts with what reviewers made of them. (Rooted at / like
 * the other curation resources: a class at /curate would take every address below it for itself.)
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
public class WorkspaceResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance workspace(Account account, List<Draft> drafts, long pending, boolean adminsReviewOwnDrafts,
                Proposed proposed);
    }

    /** The draft just proposed, as its confirmation names it. */
    public record Proposed(Draft draft, String about) {
        /** What the confirmation names: the kind of record edited, or the action (WITHDRAW, RESTORE). */
        public String type() {
            return Draft.EDIT.equals(draft.action) ? draft.recordType : draft.action;
        }

        public boolean isNew() {
            return draft.recordId == null;
        }
    }

    @ConfigProperty(name = ReviewResource.ADMINS_REVIEW_OWN_DRAFTS, defaultValue = "false")
    boolean adminsReviewOwnDrafts;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @GET
    @Path("curate")
    @Transactional
    public TemplateInstance workspace(@QueryParam("proposed") String proposed) throws JsonProcessingException {
        Account me = Account.findByUsername(identity.getPrincipal().getName()).orElseThrow();
        return Templates.workspace(me, Draft.byAuthor(me), Draft.count("state", Draft.PENDING), adminsReviewOwnDrafts,
                proposed(proposed, me));
    }

    /** One's own draft named in the address after proposing it; anything else names nothing. */
    private Proposed proposed(String id, Account me) throws JsonProcessingException {
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            return null;
        }
        Draft draft = Draft.findById(Long.parseLong(id));
        if (draft == null || !draft.author.id.equals(me.id)) {
            return null;
        }
        if (!Draft.EDIT.equals(draft.action)) {
            return new Proposed(draft, draft.heading());
        }
        Proposal proposal = json.readValue(draft.payload, RecordType.valueOf(draft.recordType).form);
        return new Proposed(draft, proposal.about());
    }
}
