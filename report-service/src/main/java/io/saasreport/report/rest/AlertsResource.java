package io.saasreport.report.rest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.saasreport.contracts.Problem;
import io.saasreport.report.domain.UniverseAlert;
import io.saasreport.report.view.ReportView;

/** The universes' recent alerts (metrics.alerts), from this instance's memory; they are also pushed on the stream. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Top-10 entries and exits, bucket changes, large daily moves, per universe")
public class AlertsResource {

    private final ReportView view;

    AlertsResource(ReportView view) {
        this.view = view;
    }

    @GET
    @Operation(summary = "Recent alerts, oldest first",
            description = "The newest alerts held (report.alerts.kept, 1,000 by default), ordered by the time of the "
                    + "figures that raised them; `since` keeps those at or after an instant, `universe` one universe's.")
    @APIResponse(responseCode = "200", description = "The alerts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UniverseAlert.class)))
    @APIResponse(responseCode = "400", description = "since is not an ISO-8601 instant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<UniverseAlert> alerts(
            @Parameter(description = "Earliest alert time, inclusive (ISO-8601 instant)") @QueryParam("since") @IsoInstant String since,
            @Parameter(description = "Only this universe's alerts ('universe': the default one)") @QueryParam("universe") String universe) {
        Instant from = OptionalInstant.parse(since);
        return ViewStillLoadingException.loaded(view).alerts().stream()
                .filter(alert -> from == null || !alert.at().isBefore(from))
                .filter(alert -> universe == null || universe.equals(alert.universe()))
                .sorted(Comparator.comparing(UniverseAlert::at).thenComparing(UniverseAlert::id))
                .toList();
    }
}
