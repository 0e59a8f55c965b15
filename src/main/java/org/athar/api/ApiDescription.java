package org.athar.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.athar.damage.CauseCategory;
import org.athar.damage.EffectType;
import org.athar.damage.Severity;
import org.athar.damage.Verification;
import org.athar.evidence.SourceKind;
import org.athar.place.PlaceKind;
import org.athar.place.PlaceType;
import org.athar.search.SearchRequest;
import org.athar.status.Condition;
import org.athar.transfer.Export;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What the annotations cannot say about the JSON API (/q/openapi): the parameters that search and the exports read
 * from the query string (the same list as {@link SearchRequest#SELECTING}, with the vocabularies they accept), which
 * numbers a page takes, and the error body every operation may answer. Written once here rather than on each method.
 */
public class ApiDescription implements OASFilter {

    private static final String ERROR = "#/components/schemas/ApiError";

    /** The vocabulary of each filter that takes one; the dates are days. */
    private static final Map<String, Class<? extends Enum<?>>> VOCABULARIES = Map.of("placeType", PlaceType.class,
            "kind", PlaceKind.class, "status", Condition.class, "cause", CauseCategory.class, "effect", EffectType.class,
            "severity", Severity.class, "sourceKind", SourceKind.class, "verification", Verification.class);

    private static final Map<String, String> FILTERS = Map.ofEntries(
            Map.entry("q", "Words or a name, in any spelling or script (at most " + SearchRequest.MAX_QUERY_LENGTH + " characters)."),
            Map.entry("site", "Only the places of this site (its slug, e.g. palmyra)."),
            Map.entry("placeType", "EAMENA place type."),
            Map.entry("kind", "What kind of place."),
            Map.entry("status", "Current condition, or the condition on the day asOf."),
            Map.entry("cause", "Places with an event of this cause category."),
            Map.entry("effect", "Places with an event of this effect."),
            Map.entry("severity", "Places with an event claimed to be of this severity."),
            Map.entry("sourceKind", "Places with a claim from a source of this kind."),
            Map.entry("verification", "Places with a claim in this verification state."),
            Map.entry("from", "Places with an event whose date window reaches this day or later (YYYY-MM-DD)."),
            Map.entry("to", "Places with an event whose date window reaches this day or earlier (YYYY-MM-DD)."),
            Map.entry("asOf", "Read conditions as the registry knew them on this day (YYYY-MM-DD)."));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.servers(List.of(OASFactory.createServer().url("/").description("This registry")));
        api.getComponents().addSchema("ApiError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("Every error of the API: 400 for a malformed parameter (the message names it), 404 for an "
                        + "unknown record or export, 503 while the database cannot be reached.")
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("error", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("requestId", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("The reference of the request in the registry's logs."))
                .required(List.of("status", "error", "message"))
                .example(Map.of("status", 400, "error", "Bad Request",
                        "message", "'size' must be a whole number from 1 to 100; got '500'.", "requestId", "3f2a9c1d7e4b")));
        api.getPaths().getPathItems().forEach((path, item) -> describe(path, item));
    }

    private static void describe(String path, PathItem item) {
        Operation get = item.getGET();
        if (get == null) {
            return;
        }
        get.setSecurity(List.of()); // the public API needs no account
        if (get.getParameters() != null) {
            get.getParameters().forEach(ApiDescription::number);
        }
        if (path.equals("/api/search")) {
            selecting(get);
            get.addParameter(number(query("page", "Which page of results, from 1.")));
            get.addParameter(number(query("size", "Results a page, from 1 to 100 (20 when not given).")));
            get.addParameter(query("sort", "relevance (the default), name or latest (most recent event first).")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                            .enumeration(List.of("relevance", "name", "latest"))));
        }
        if (path.equals("/api/export/{file}")) {
            selecting(get);
            get.getParameters().stream().filter(p -> p.getName().equals("file")).forEach(p -> p
                    .description("The table and its format.").example("places.csv")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(
                            List.of(Export.files().split(", ")).stream().map(f -> (Object) f).toList())));
            Content files = OASFactory.createContent()
                    .addMediaType("text/csv", OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                            .example("slug,level,parent,site,place_type,kind,name,...\r\ntemple-of-bel,MONUMENT,palmyra,palmyra,..."))
                    .addMediaType("application/geo+json", OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                    .description("A GeoJSON FeatureCollection (RFC 7946): a Point feature for each located "
                                            + "place, with the columns of places.csv as properties.")));
            get.getResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                    .description("The records, one row (or feature) each, written while they are read.").content(files));
        }
        for (String status : List.of("400", "404", "503")) {
            if (status.equals("404") && !path.contains("{")) {
                continue;
            }
            get.getResponses().addAPIResponse(status, error(switch (status) {
                case "400" -> "A malformed parameter; the message names it and says what is accepted.";
                case "404" -> "No such record (or export).";
                default -> "The database cannot be reached; try again in a minute.";
            }));
        }
    }

    private static APIResponse error(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR))));
    }

    private static void selecting(Operation get) {
        for (String name : SearchRequest.SELECTING) {
            Parameter p = query(name, FILTERS.get(name));
            Class<? extends Enum<?>> vocabulary = VOCABULARIES.get(name);
            if (vocabulary != null) {
                p.schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(
                        Arrays.stream(vocabulary.getEnumConstants()).map(e -> (Object) e.name()).toList()));
            } else if (List.of("from", "to", "asOf").contains(name)) {
                p.schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("date")).example("2015-09-01");
            }
            get.addParameter(p);
        }
    }

    private static Parameter query(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }

    /** Paging parameters are read as text (so that a bad one is a 400 with a message), but they are numbers. */
    private static Parameter number(Parameter p) {
        if (List.of("page", "size", "events", "parts").contains(p.getName())) {
            boolean size = p.getName().equals("size");
            p.schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).minimum(java.math.BigDecimal.ONE)
                    .maximum(size ? java.math.BigDecimal.valueOf(100) : null));
            if (p.getDescription() == null) {
                p.description(switch (p.getName()) {
                    case "size" -> "Items a page, from 1 to 100 (20 when not given).";
                    case "events" -> "Which page of the site's own events (20 a page), from 1.";
                    case "parts" -> "Which page of the monument's parts (20 a page), from 1.";
                    default -> "Which page, from 1.";
                });
            }
        }
        return p;
    }
}
