package org.athar.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Chooses each request's language, and remembers one chosen by address. */
@ApplicationScoped
public class LanguageChoice {

    void install(@Observes Filters filters) {
        // before the page cache, whose key includes the language
        filters.register(this::choose, 200);
    }

    private void choose(RoutingContext context) {
        Language byAddress = Language.parse(context.request().getParam(Language.PARAMETER));
        Cookie cookie = context.request().getCookie(Language.COOKIE);
        Language remembered = cookie == null ? null : Language.parse(cookie.getValue());
        Language chosen = byAddress != null ? byAddress
                : remembered != null ? remembered : Language.fromAcceptLanguage(context.acceptableLanguages());
        Language language = chosen == null ? Language.EN : chosen;
        context.put(Language.KEY, language);
        io.vertx.core.Context vertx = io.vertx.core.Vertx.currentContext();
        if (vertx != null && io.smallrye.common.vertx.VertxContext.isDuplicatedContext(vertx)) {
            vertx.putLocal(Language.KEY, language); // this request's own context: see Language.current()
        }
        // the template integration writes a page in the language the request accepts: make that the chosen one
        context.request().headers().set(HttpHeaders.ACCEPT_LANGUAGE, language.code());
        if (byAddress != null && byAddress != remembered) {
            context.response().addCookie(Cookie.cookie(Language.COOKIE, byAddress.code()).setPath("/")
                    .setMaxAge(365L * 24 * 3600).setSameSite(CookieSameSite.LAX));
        }
        context.next();
    }

    /**
     * A page answered inside a Response (a form shown again with its errors, the search page) is written in the
     * request's language too: the template integration chose the language only for pages answered bare, and wrote
     * those in English. Runs before the integration renders the page (response filters run highest priority first).
     */
    @ServerResponseFilter(priority = Priorities.USER + 1000)
    public void localize(ContainerResponseContext response) {
        if (response.getEntity() instanceof TemplateInstance page && page.getAttribute(TemplateInstance.LOCALE) == null) {
            page.setLocale(Language.current().locale);
        }
    }
}
