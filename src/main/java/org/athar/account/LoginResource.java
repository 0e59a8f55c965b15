package org.athar.account;

import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.athar.web.Language;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sign-in and sign-out. A resource of our own rather than Quarkus's j_security_check, so that the CSRF filter
 * (quarkus-rest-csrf) checks the sign-in form too; the password is checked by quarkus-security-jpa (bcrypt).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String username, String next, String error);
    }

    @Inject
    IdentityProviderManager identities;

    @Inject
    LoginThrottle throttle;

    @GET
    @Path("login")
    public TemplateInstance form(@QueryParam("next") String next) {
        return Templates.login("", safeNext(next), null);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("next") String next, @Context HttpServerRequest request, @Context UriInfo uri)
            throws InterruptedException {
        String user = username == null ? "" : username.strip().toLowerCase();
        String[] keys = { "user:" + user, "address:" + request.remoteAddress().hostAddress() };
        var locked = throttle.lockedFor(keys);
        if (locked.isPresent()) {
            return page(429, user, next, Language.current().messages().login_throttled(Math.max(1, locked.get().toMinutes())));
        }
        try {
            identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(user,
                    new PasswordCredential(password == null ? new char[0] : password.toCharArray())));
        } catch (AuthenticationFailedException e) {
            Duration wait = throttle.failed(keys);
            Thread.sleep(wait.toMillis());
            return page(401, user, next, Language.current().messages().login_wrong());
        }
        throttle.succeeded(keys[0]);
        Account account = Account.findByUsername(user).orElseThrow();
        if (account.disabledAt != null) {
            return page(403, user, next, Language.current().messages().login_disabled());
        }
        String token = AccountSession.open(account);
        return Response.seeOther(uri.getBaseUriBuilder().path(safeNext(next).substring(1)).build())
                .cookie(sessionCookie(token, AccountSession.lifetime(), "https".equals(request.scheme()))).build();
    }

    @POST
    @Path("logout")
    @Authenticated
    @Transactional
    public Response logout(@Context HttpServerRequest request, @Context UriInfo uri) {
        var cookie = request.getCookie(AccountSession.COOKIE);
        if (cookie != null) {
            AccountSession.close(cookie.getValue());
        }
        return Response.seeOther(uri.getBaseUri()).cookie(sessionCookie("", Duration.ZERO, "https".equals(request.scheme())))
                .build();
    }

    private static Response page(int status, String username, String next, String error) {
        return Response.status(status).entity(Templates.login(username, safeNext(next), error)).build();
    }

    /** Only paths of this site, so that the sign-in form cannot be used to send people elsewhere. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/curate";
    }

    static NewCookie sessionCookie(String value, Duration lifetime, boolean secure) {
        return new NewCookie.Builder(AccountSession.COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) lifetime.toSeconds()).build();
    }
}
