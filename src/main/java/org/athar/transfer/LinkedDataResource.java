package org.athar.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.athar.web.Requests;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The published JSON-LD context and the vocabulary its types come from, for outside JSON-LD processors. */
@Path("/ld/v1")
@Produces(LinkedData.MEDIA_TYPE)
@Tag(name = "Linked data", description = "What the JSON-LD of monuments, sites, events and sources refers to")
public class LinkedDataResource {

    private static final byte[] CONTEXT = read("ld/context-v1.jsonld");

    @GET
    @Path("context.jsonld")
    @Operation(operationId = "linkedDataContext", summary = "The JSON-LD context of the registry's linked data, version 1 (never changed)")
    public byte[] context() {
        return CONTEXT;
    }

    @GET
    @Path("vocabulary")
    @Operation(operationId = "linkedDataVocabulary", summary = "Every vocabulary value the registry uses, as a CIDOC CRM E55 Type with its label")
    public Map<String, Object> vocabulary(@Context UriInfo uri) {
        return new LinkedData(Requests.base(uri)).vocabulary();
    }

    private static byte[] read(String resource) {
        try (InputStream in = LinkedDataResource.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
