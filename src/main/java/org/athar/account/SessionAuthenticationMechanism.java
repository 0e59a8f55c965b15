package org.athar.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Signs requests in by the session cookie that {@link LoginResource} sets. No cookie, or a stale one, leaves the
 * request anonymous; a page that needs an account then redirects to the sign-in form, an API call answers 401.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The session token of a request, for {@link SessionIdentityProvider}. */
    public static final class SessionRequest extends BaseAuthenticationRequest {
        final String token;

        SessionRequest(String token) {
            this.token = token;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Cookie cookie = context.request().getCookie(AccountSession.COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identities.authenticate(new SessionRequest(cookie.getValue()))
                .onFailure().recoverWithUni(() -> Uni.createFrom().optional(Optional.empty()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/api")) {
            return Uni.createFrom().item(new ChallengeData(401, null, null));
        }
        String next = URLEncoder.encode(path, StandardCharsets.UTF_8);
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login?next=" + next));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    /** Looks the session up (a blocking database read, so on a worker thread). */
    @ApplicationScoped
    public static class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> QuarkusTransaction.requiringNew().call(
                    () -> AccountSession.findValid(request.token)
                            .map(s -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                                    .setPrincipal(new QuarkusPrincipal(s.account.username))
                                    .addRole(s.account.role).build())
                            .orElseThrow(() -> new io.quarkus.security.AuthenticationFailedException("Session expired"))));
        }
    }
}
