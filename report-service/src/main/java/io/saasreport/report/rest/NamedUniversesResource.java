package io.saasreport.report.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.saasreport.report.domain.MediansPoint;
import io.saasreport.report.domain.UniverseSnapshot;
import io.saasreport.report.domain.UniverseStatistics;
import io.saasreport.report.domain.UniverseStatistics.Buckets;
import io.saasreport.report.domain.UniverseStatistics.OperatingMedians;
import io.saasreport.report.domain.UniverseStatistics.TickerValue;
import io.saasreport.report.view.ReportView;
import io.saasreport.report.view.UniverseEntry;
import io.saasreport.report.view.ViewState;

/**
 * Every universe by name: the default one ({@code universe}, also served at /api/v1/universe) and the named ones
 * defined through the ingest API. The same answers as /api/v1/universe, by the same code, for any universe; the
 * scatter only for the default universe (the published statistics of a named universe do not list its members).
 */
@Path("/api/v1/universes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Universes", description = "The default and the named universes' statistics, side by side")
@APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match (current statistics and sections)")
@APIResponse(responseCode = "404", description = "No universe of that name is published",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class NamedUniversesResource {

    /** One line of the list of universes. */
    public record UniverseSummary(String name, boolean isDefault, Integer companyCount, Instant asOf, Long revision,
            Double medianEvToNtmRevenue) {
    }

    private final UniverseResource universe;
    private final ReportView view;

    NamedUniversesResource(UniverseResource universe, ReportView view) {
        this.universe = universe;
        this.view = view;
    }

    @GET
    @Operation(summary = "Every universe published, by name (the default universe is 'universe')")
    @APIResponse(responseCode = "200", description = "The universes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UniverseSummary.class)))
    public List<UniverseSummary> universes() {
        ViewState state = ViewStillLoadingException.loaded(view);
        List<UniverseSummary> summaries = new ArrayList<>();
        state.universes().forEach((name, entry) -> summaries.add(summary(name, entry)));
        return summaries;
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One universe's current statistics")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UniverseStatistics.class)))
    public Response statistics(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return universe.statistics(name, ifNoneMatch);
    }

    @GET
    @Path("{name}/top-multiples")
    @Operation(summary = "One universe's 10 highest EV / NTM revenue multiples, highest first")
    @APIResponse(responseCode = "200", description = "Ticker and multiple",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TickerValue.class)))
    public Response topMultiples(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return universe.topMultiples(name, ifNoneMatch);
    }

    @GET
    @Path("{name}/movers")
    @Operation(summary = "One universe's top weekly gainers and losers")
    @APIResponse(responseCode = "200", description = "Gainers and losers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WeeklyMovers.class)))
    public Response movers(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return universe.movers(name, ifNoneMatch);
    }

    @GET
    @Path("{name}/buckets")
    @Operation(summary = "One universe's company count and median EV / NTM revenue per NTM growth bucket")
    @APIResponse(responseCode = "200", description = "The buckets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Buckets.class)))
    public Response buckets(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return universe.buckets(name, ifNoneMatch);
    }

    @GET
    @Path("{name}/operating-medians")
    @Operation(summary = "One universe's operating medians")
    @APIResponse(responseCode = "200", description = "The medians",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OperatingMedians.class)))
    public Response operatingMedians(@PathParam("name") String name,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return universe.operatingMedians(name, ifNoneMatch);
    }

    @GET
    @Path("{name}/scatter")
    @Operation(summary = "EV / NTM revenue against NTM growth with the fit: the default universe only")
    @APIResponse(responseCode = "200", description = "Points and fit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scatter.class)))
    public Response scatter(@PathParam("name") String name, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (!UniverseSnapshot.KEY.equals(name)) {
            throw new UnknownUniverseException(name + "/scatter");
        }
        return universe.scatter(ifNoneMatch);
    }

    @GET
    @Path("{name}/history")
    @Operation(summary = "One universe's statistics over time, oldest first: the last of each period of the resolution")
    @APIResponse(responseCode = "200", description = "The history (empty when none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UniverseStatistics.class)))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant, resolution is unknown or limit "
            + "is out of 1..5000", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<UniverseStatistics> history(@PathParam("name") String name, @Valid @BeanParam HistoryQuery query) {
        return universe.history(name, query);
    }

    @GET
    @Path("{name}/history/medians")
    @Operation(summary = "One universe's EV / NTM revenue medians over time, oldest first (from memory)")
    @APIResponse(responseCode = "200", description = "The medians history (empty when none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = MediansPoint.class)))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant, resolution is unknown or limit "
            + "is out of 1..5000", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response mediansHistory(@PathParam("name") String name, @Valid @BeanParam HistoryQuery query,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return universe.mediansHistory(name, query, ifNoneMatch);
    }

    private static UniverseSummary summary(String name, UniverseEntry entry) {
        UniverseStatistics statistics = entry.statistics();
        return new UniverseSummary(name, UniverseSnapshot.KEY.equals(name), statistics.companyCount(),
                statistics.asOf(), entry.version().revision(), statistics.medianEvToNtmRevenue());
    }
}
