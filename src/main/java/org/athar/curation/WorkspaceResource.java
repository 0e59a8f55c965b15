package org.athar.curation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.athar.account.Account;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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
        static native TemplateInstance workspace(Account account, List<Draft> drafts, long pending, boolean adminsReviewOwnDrafts);
    }

    @ConfigProperty(name = "athar.review.admins-review-own-drafts", defaultValue = "false")
    boolean adminsReviewOwnDrafts;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("curate")
    @Transactional
    public TemplateInstance workspace() {
        Account me = Account.findByUsername(identity.getPrincipal().getName()).orElseThrow();
        return Templates.workspace(me, Draft.byAuthor(me), Draft.count("state", Draft.PENDING), adminsReviewOwnDrafts);
    }
}
