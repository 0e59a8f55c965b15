package org.athar.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;



import io.quarkus.arc.Arc;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.ext.web.RoutingContext;

/**
 * The language a page is written in: English or Arabic. A visitor chooses it by address ({@code ?lang=ar},
 * {@code ?lang=en}), which is remembered in a cookie for the pages that follow; without either, the browser's
 * Accept-Language decides, and English is the default. Pages say which language they are in ({@code <html lang dir>})
 * and offer the other on every page.
 */
public enum Language {
    EN("English", "ltr"), AR("العربية", "rtl");

    public static final String PARAMETER = "lang";
    public static final String COOKIE = "athar-lang";
    static final String KEY = "athar.language";

    public final Locale locale;
    /** The language's name in itself, as the switch offers it. */
    public final String ownName;
    public final String direction;

    Language(String ownName, String direction) {
        this.locale = Locale.forLanguageTag(name().toLowerCase(Locale.ROOT));
        this.ownName = ownName;
        this.direction = direction;
    }

    public String code() {
        return locale.getLanguage();
    }

    /**
     * The language of the request being answered; English outside one. Templates ask for it for every number, date
     * and label they write, so {@link LanguageChoice} leaves it on the request's Vert.x context, where it is found
     * without looking up beans.
     */
    public static Language current() {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Object chosen = context != null && io.smallrye.common.vertx.VertxContext.isDuplicatedContext(context)
                ? context.getLocal(KEY) : null;
        return chosen instanceof Language l ? l : Arc.container().instance(Current.class).get().current();
    }

    /** The interface's sentences in this language. */
    public Messages messages() {
        return this == EN ? MessageBundles.get(Messages.class) : MessageBundles.get(Messages.class, Localized.Literal.of(code()));
    }

    public Language other() {
        return this == EN ? AR : EN;
    }

    public static Language of(Locale locale) {
        return locale != null && locale.getLanguage().equals("ar") ? AR : EN;
    }

    /**
     * Of a template's locale attribute (a Locale or a language tag), set where a page is rendered outside the request
     * it answers; a page rendered while answering has none, and is written in the request's language.
     */
    public static Language of(Object locale) {
        return locale instanceof Locale l ? of(l) : locale instanceof String s ? of(Locale.forLanguageTag(s))
                : current();
    }

    static Language parse(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "ar" -> AR;
            case "en" -> EN;
            default -> null;
        };
    }

    /** The language of a request, chosen once by {@link LanguageChoice} before anything else looks at it. */
    public static Language of(RoutingContext context) {
        Language chosen = context == null ? null : context.get(KEY);
        return chosen == null ? EN : chosen;
    }

    /** The first of the request's acceptable languages that the registry is written in. */
    static Language fromAcceptLanguage(List<io.vertx.ext.web.LanguageHeader> accepted) {
        for (io.vertx.ext.web.LanguageHeader header : accepted) {
            Language l = parse(header.tag());
            if (l != null) {
                return l;
            }
        }
        return null;
    }

    /** The request's language in templates: {@code {inject:language.current}}, {@code {inject:language.switchPath}}. */
    @Named("language")
    @ApplicationScoped
    public static class Current {

        @Inject
        Here here;

        public Language current() {
            return of(here.context());
        }

        /** This page's address in the other language. */
        public String switchPath() {
            return here.with(PARAMETER, current().other().code());
        }
    }
}
