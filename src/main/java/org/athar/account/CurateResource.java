package org.athar.account;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.athar.curation.Draft;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/** The curators' workspace, the password form of every account, and the administrators' account list. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class CurateResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance curate(Account account, List<Draft> drafts, long pending);

        static native TemplateInstance password(String error, String message);

        static native TemplateInstance accounts(List<Account> accounts, String error, String errorField, String message);
    }

    @Inject
    SecurityIdentity identity;

    private Account me() {
        return Account.findByUsername(identity.getPrincipal().getName()).orElseThrow();
    }

    @GET
    @Path("curate")
    @RolesAllowed({ "CURATOR", "REVIEWER", "ADMIN" })
    @Transactional
    public TemplateInstance curate() {
        Account me = me();
        return Templates.curate(me, Draft.byAuthor(me), Draft.count("state", Draft.PENDING));
    }

    @GET
    @Path("account/password")
    @Authenticated
    public TemplateInstance passwordForm() {
        return Templates.password(null, null);
    }

    @POST
    @Path("account/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response changePassword(@FormParam("current") String current, @FormParam("password") String password,
            @FormParam("confirm") String confirm) {
        Account account = me();
        String problem = current == null || !account.passwordMatches(current)
                ? "Your current password is not right."
                : Account.passwordProblem(password) != null ? Account.passwordProblem(password)
                : !password.equals(confirm) ? "The two new passwords differ." : null;
        if (problem != null) {
            return Response.status(400).entity(Templates.password(problem, null)).build();
        }
        account.setPassword(password);
        return Response.ok(Templates.password(null, "Your password is changed.")).build();
    }

    @GET
    @Path("admin/accounts")
    @RolesAllowed("ADMIN")
    @Transactional
    public TemplateInstance accounts() {
        return Templates.accounts(Account.listByUsername(), null, null, null);
    }

    @POST
    @Path("admin/accounts")
    @RolesAllowed("ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response createAccount(@FormParam("username") String username, @FormParam("role") String role,
            @FormParam("password") String password) {
        String name = username == null ? "" : username.strip().toLowerCase();
        String field = null;
        String problem = null;
        if (!name.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
            field = "username";
            problem = "A username has 3 to 40 lower-case letters, digits, dots, dashes or underscores.";
        } else if (Account.findByUsername(name).isPresent()) {
            field = "username";
            problem = "There is already an account '" + name + "'.";
        } else if (role == null || Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role))) {
            field = "role";
            problem = "Choose a role: curator, reviewer or administrator.";
        } else if (Account.passwordProblem(password) != null) {
            field = "password";
            problem = Account.passwordProblem(password);
        }
        if (problem != null) {
            return Response.status(400).entity(Templates.accounts(
                    Account.listByUsername(), problem, field, null)).build();
        }
        Account.create(name, password, Role.valueOf(role));
        return Response.status(201).entity(Templates.accounts(Account.listByUsername(),
                null, null, "Account '" + name + "' created.")).build();
    }
}
