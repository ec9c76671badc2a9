package io.saasreport.ingest.rest;

import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.saasreport.contracts.Problem;
import io.saasreport.ingest.domain.CompanyEvent;
import io.saasreport.ingest.domain.EstimateEvent;
import io.saasreport.ingest.domain.EventValidator;
import io.saasreport.ingest.domain.FilingEvent;
import io.saasreport.ingest.domain.IngestEvent;
import io.saasreport.ingest.domain.MacroEvent;
import io.saasreport.ingest.domain.PriceEvent;
import io.saasreport.ingest.security.Roles;
import io.saasreport.ingest.service.EventPublisher;
import io.saasreport.ingest.service.EventReader;

@Path("/api/v1/events")
@Tag(name = "events")
@RolesAllowed(Roles.INGEST)
@SecurityRequirement(name = IngestApi.API_KEY)
public class EventsResource {

    private final RequestBodies bodies;
    private final EventReader reader;
    private final EventPublisher publisher;

    EventsResource(RequestBodies bodies, EventReader reader, EventPublisher publisher) {
        this.bodies = bodies;
        this.reader = reader;
        this.publisher = publisher;
    }

    @POST
    @Operation(summary = "Publish events",
            description = "One event object, a JSON array of them, or NDJSON (one object per line). Each has a `type`: "
                    + "price, filing, estimate, macro or company. All or nothing: any invalid event refuses the whole "
                    + "request and nothing of it is published (a 503 may follow a partial publish; resending is safe). Unknown fields are refused. Answers once Kafka has "
                    + "acknowledged every record.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
                    PriceEvent.class, FilingEvent.class, EstimateEvent.class, MacroEvent.class, CompanyEvent.class })),
            @Content(mediaType = BodyFormat.NDJSON_TYPE, schema = @Schema(type = SchemaType.STRING))
    })
    @APIResponse(responseCode = "202", description = "Every event was acknowledged by Kafka",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid events (each named by index or line and field: a value no "
            + "figure can be, text with control characters, a time out of the accepted window, ...), or a malformed or "
            + "empty body; nothing was published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", ref = IngestApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = IngestApi.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "401", ref = IngestApi.UNAUTHORIZED)
    @APIResponse(responseCode = "503", ref = IngestApi.KAFKA_UNAVAILABLE)
    public Response publish(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        RequestBodies.Body read = bodies.read(contentType, contentLength, body, List.of(BodyFormat.JSON, BodyFormat.NDJSON),
                EventValidator.UNKNOWN_TYPE);
        List<IngestEvent> events = read.format() == BodyFormat.NDJSON ? reader.readNdjson(read.bytes())
                : reader.readJson(read.bytes());
        return Accepted.response(publisher.publish(events));
    }
}
