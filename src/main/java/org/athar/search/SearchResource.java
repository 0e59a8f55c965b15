package org.athar.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.athar.web.BadParameterException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/** The search page; the same search as JSON is GET /api/search ({@link org.athar.api.RegistryApi}). */
@Path("/search")
@Blocking
public class SearchResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Map<String, String> params, SearchResult result, String error,
                String errorField, Links links);
    }

    /** Links that keep the current search and change one parameter. */
    public record Links(Map<String, String> params) {
        public String with(String name, String value) {
            Map<String, String> p = new LinkedHashMap<>(params);
            p.remove("page");
            if (value == null || value.isEmpty()) {
                p.remove(name);
            } else {
                p.put(name, value);
            }
            return "/search?" + p.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        public String page(int number) {
            return with("page", null) + "&page=" + number;
        }
    }

    @Inject
    SearchService search;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context UriInfo uri) {
        Map<String, String> typed = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> {
            if (!v.isEmpty() && !v.get(0).isBlank()) {
                typed.put(k, v.get(0));
            }
        });
        if (typed.isEmpty()) {
            // the empty form: nothing asked yet, so nothing is wrong
            return Response.ok(Templates.search(typed, null, null, null, new Links(typed))).build();
        }
        try {
            SearchRequest request = SearchRequest.from(uri.getQueryParameters());
            SearchResult result = search.search(request);
            return Response.ok(Templates.search(typed, result, null, null, new Links(request.parameters()))).build();
        } catch (BadParameterException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.search(typed, null, e.getMessage(), e.parameter, new Links(typed))).build();
        }
    }
}
