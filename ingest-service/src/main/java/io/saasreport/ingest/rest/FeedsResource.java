package io.saasreport.ingest.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.saasreport.contracts.Problem;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.domain.RejectionReason;
import io.saasreport.ingest.feed.FeedView;
import io.saasreport.ingest.feed.Feeds;
import io.saasreport.ingest.security.Roles;

/** The feeds that fetch public sources on a schedule: how each did, and a run on demand. */
@Path("/api/v1/feeds")
@Tag(name = "feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedsResource {

    private final Feeds feeds;

    FeedsResource(Feeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @PermitAll
    @Operation(summary = "Every feed's state",
            description = "Per feed: on or off, its schedule, last run (start, end, outcome, documents fetched and "
                    + "unchanged, events published), next run, last error, and per company its last check, last publish "
                    + "and last error. Error texts name the host and path, never a URL's query.")
    public List<FeedView> list() {
        return feeds.views();
    }

    @POST
    @Path("/{name}/run")
    @RolesAllowed(Roles.INGEST)
    @SecurityRequirement(name = IngestApi.API_KEY)
    @Operation(summary = "Run one feed now", description = "Starts a run in the background; GET /api/v1/feeds shows "
            + "it (runs counts up, running is true until it ends).")
    @APIResponse(responseCode = "202", description = "The run has started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedView.class)))
    @APIResponse(responseCode = "401", ref = IngestApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No feed of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The feed is off (feeds.enabled or its own switch) or running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response run(@PathParam("name") String name) {
        if (!feeds.exists(name)) {
            throw refused(RejectionReason.UNKNOWN_FEED, "No feed is named '" + name + "'");
        }
        if (!feeds.isOn(name)) {
            throw refused(RejectionReason.FEED_UNAVAILABLE, "The feed " + name + " is off (feeds.enabled and its own "
                    + "feeds.*.enabled must be true)");
        }
        if (!feeds.start(name)) {
            throw refused(RejectionReason.FEED_UNAVAILABLE, "The feed " + name + " is running already");
        }
        FeedView started = feeds.views().stream().filter(view -> view.name().equals(name)).findFirst().orElseThrow();
        return Response.accepted(started).build();
    }

    private static RejectedRequestException refused(RejectionReason reason, String detail) {
        return new RejectedRequestException(reason, detail, List.of(), Map.of(), null);
    }
}
