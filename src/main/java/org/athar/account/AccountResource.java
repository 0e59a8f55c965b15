package org.athar.account;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.athar.history.History;
import org.athar.web.RecordNotFoundException;
import org.athar.web.Language;
import org.athar.web.Messages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/** The password form of every account, and the administrators' account list. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(String error, String message);

        static native TemplateInstance accounts(List<Account> accounts, String error, String errorField, String message);
    }

    @Inject
    SecurityIdentity identity;

    private Account me() {
        return Account.findByUsername(identity.getPrincipal().getName()).orElseThrow();
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
            @FormParam("confirm") String confirm, @CookieParam(AccountSession.COOKIE) String session) {
        Account account = me();
        String problem = current == null || !account.passwordMatches(current)
                ? say().account_current_wrong()
                : Account.passwordProblem(password) != null ? passwordProblem(password)
                : !password.equals(confirm) ? say().account_passwords_differ() : null;
        if (problem != null) {
            return Response.status(400).entity(Templates.password(problem, null)).build();
        }
        History.attributeTo(account.username, "Changed their own password");
        account.setPassword(password);
        // whoever else had this account open (a stolen session, another browser) is signed out
        long ended = AccountSession.closeAll(account, session);
        return Response.ok(Templates.password(null, say().account_password_changed(ended))).build();
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
            problem = say().account_username_form();
        } else if (Account.findByUsername(name).isPresent()) {
            field = "username";
            problem = say().account_exists(name);
        } else if (role == null || Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(role))) {
            field = "role";
            problem = say().account_choose_role();
        } else if (Account.passwordProblem(password) != null) {
            field = "password";
            problem = passwordProblem(password);
        }
        if (problem != null) {
            return Response.status(400).entity(Templates.accounts(
                    Account.listByUsername(), problem, field, null)).build();
        }
        History.attributeTo(me().username, "Created the account");
        Account.create(name, password, Role.valueOf(role));
        return Response.status(201).entity(Templates.accounts(Account.listByUsername(),
                null, null, say().account_created(name))).build();
    }

    @POST
    @Path("admin/accounts/{username}/{action:disable|enable}")
    @RolesAllowed("ADMIN")
    @Transactional
    public Response disableOrEnable(@PathParam("username") String username, @PathParam("action") String action) {
        Account account = Account.findByUsername(username)
                .orElseThrow(() -> new RecordNotFoundException("There is no account '" + username + "'."));
        Account admin = me();
        if (account.id.equals(admin.id)) {
            return Response.status(400).entity(Templates.accounts(Account.listByUsername(),
                    say().account_not_yourself(), null, null)).build();
        }
        History.attributeTo(admin.username, action.equals("disable") ? "Disabled the account" : "Enabled the account");
        String message;
        if (action.equals("disable")) {
            account.disabledAt = account.disabledAt != null ? account.disabledAt : OffsetDateTime.now();
            long ended = AccountSession.closeAll(account, null);
            message = say().account_disabled(account.username, ended);
        } else {
            account.disabledAt = null;
            message = say().account_enabled(account.username);
        }
        return Response.ok(Templates.accounts(Account.listByUsername(), null, null, message)).build();
    }

    private static Messages say() {
        return Language.current().messages();
    }

    /** What is wrong with a new password, in the page's language. */
    private static String passwordProblem(String password) {
        return password == null || password.length() < Account.MIN_PASSWORD_LENGTH
                ? say().account_password_short(Account.MIN_PASSWORD_LENGTH) : say().account_password_long();
    }
}
