package io.saasreport.ingest.rest;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.saasreport.contracts.Problem;
import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.UniverseDefinition;
import io.saasreport.ingest.security.Roles;
import io.saasreport.ingest.service.UniverseDefinitionPublisher;
import io.saasreport.universe.rule.UniverseNames;

@Path("/api/v1/universes/{name}")
@Tag(name = "universes")
@RolesAllowed(Roles.INGEST)
@SecurityRequirement(name = IngestApi.API_KEY)
public class UniversesResource {

    /** The request body of a definition (documentation only: the body is read and checked by hand). */
    @Schema(name = "UniverseDefinitionRequest", description = "Exactly one of tickers and rule")
    public record DefinitionRequest(
            @Schema(description = "The members' tickers", example = "[\"SNOW\", \"DDOG\", \"MDB\"]") List<String> tickers,
            @Schema(description = "A rule over company figures (names as on metrics.company): comparisons with numbers "
                    + "(< <= > >= = !=), and, or, not, parentheses", example = "ntmGrowth > 0.30 and evToNtmRevenue < 20")
            String rule) {
    }

    private final RequestBodies bodies;
    private final UniverseDefinitionPublisher publisher;

    UniversesResource(RequestBodies bodies, UniverseDefinitionPublisher publisher) {
        this.bodies = bodies;
        this.publisher = publisher;
    }

    @PUT
    @Operation(summary = "Define a named universe",
            description = "Defines (or redefines) the universe of this name, by a ticker list or a rule; the metrics "
                    + "service then computes every universe statistic for its members. Names: 1 to 63 of a-z, 0-9, "
                    + "'-'; 'universe' is the default universe (every company) and cannot be defined.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DefinitionRequest.class)))
    @APIResponse(responseCode = "202", description = "Kafka acknowledged the definition",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Bad name, malformed body, unknown field, bad ticker, or a rule "
            + "that does not parse (a control character included) or names an unknown figure (with its position)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", ref = IngestApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = IngestApi.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "401", ref = IngestApi.UNAUTHORIZED)
    @APIResponse(responseCode = "503", ref = IngestApi.KAFKA_UNAVAILABLE)
    public Response define(@PathParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        JsonNode json = bodies.json(contentType, contentLength, body, UniverseDefinition.TYPE_TAG);
        publisher.define(UniverseDefinition.read(name, json, Instant.now()));
        return Accepted.response(1);
    }

    @DELETE
    @Operation(summary = "Remove a named universe",
            description = "Publishes the tombstone of the universe's definition: its figures leave metrics.universe.")
    @APIResponse(responseCode = "202", description = "Kafka acknowledged the removal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Not a universe name, or the default universe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", ref = IngestApi.UNAUTHORIZED)
    @APIResponse(responseCode = "503", ref = IngestApi.KAFKA_UNAVAILABLE)
    public Response remove(@PathParam("name") String name) {
        String problem = UniverseNames.problemWith(name);
        if (problem != null) {
            throw RejectedRequestException.invalid(List.of(new EventError(null, null, "name", problem)),
                    Map.of(UniverseDefinition.TYPE_TAG, 1));
        }
        publisher.remove(name);
        return Accepted.response(1);
    }
}
