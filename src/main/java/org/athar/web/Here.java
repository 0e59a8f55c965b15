package org.athar.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The address of the page being written, for links that change one parameter and keep the others (the next page of a
 * list keeps its filters and its day; the other language keeps the page): {inject:here.with('page', 2)}.
 */
@Named("here")
@ApplicationScoped
public class Here {

    @Inject
    CurrentVertxRequest request;

    /** The request being answered, if any (an error page written before the request began has none). */
    RoutingContext context() {
        return Arc.container().requestContext().isActive() ? request.getCurrent() : null;
    }

    /** This page's address with {@code name} set to {@code value} (or removed, for null), other parameters kept. */
    public String with(String name, Object value) {
        RoutingContext context = context();
        StringBuilder query = new StringBuilder();
        String raw = context == null ? null : context.request().query();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (!pair.isEmpty() && !pair.equals(name) && !pair.startsWith(name + "=")) {
                    query.append(query.isEmpty() ? "" : "&").append(pair);
                }
            }
        }
        if (value != null) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
        String path = context == null ? "/" : context.request().path();
        return query.isEmpty() ? path : path + "?" + query;
    }
}
