package io.saasreport.report.rest;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.UniverseSnapshot;
import io.saasreport.report.domain.UniverseStatistics;
import io.saasreport.report.domain.UniverseStatistics.Buckets;
import io.saasreport.report.domain.UniverseStatistics.OperatingMedians;
import io.saasreport.report.domain.UniverseStatistics.TickerValue;
import io.saasreport.report.meters.ReportMeters;
import io.saasreport.report.service.UniverseSnapshots;
import io.saasreport.report.view.CompanyEntry;
import io.saasreport.report.view.Rendered;
import io.saasreport.report.view.ReportView;
import io.saasreport.report.view.UniverseEntry;
import io.saasreport.report.view.ViewState;

/** The universe statistics and the report's views of them. Before the first snapshot, every view answers 503. */
@Path("/api/v1/universe")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Universe", description = "Statistics over the whole universe of companies")
// The current statistics and their sections come from this instance's memory, serialized once per change, with an
// ETag (If-None-Match gets 304 while nothing changed). History reads the database.
@APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match (current statistics and their sections)")
@APIResponse(responseCode = "503", description = "No universe statistics published yet (retry after the Retry-After seconds)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class UniverseResource {

    private final UniverseSnapshots universe;
    private final ReportView view;
    private final ReportMeters meters;

    UniverseResource(UniverseSnapshots universe, ReportView view, ReportMeters meters) {
        this.universe = universe;
        this.view = view;
        this.meters = meters;
    }

    @GET
    @Operation(summary = "The current universe statistics")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UniverseStatistics.class)))
    public Response statistics(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return statistics(UniverseSnapshot.KEY, ifNoneMatch);
    }

    Response statistics(String name, String ifNoneMatch) {
        return served("universe", current(name).json(), ifNoneMatch);
    }

    @GET
    @Path("top-multiples")
    @Operation(summary = "The 10 highest EV / NTM revenue multiples, highest first (ties by ticker)")
    @APIResponse(responseCode = "200", description = "Ticker and multiple",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TickerValue.class)))
    public Response topMultiples(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return topMultiples(UniverseSnapshot.KEY, ifNoneMatch);
    }

    Response topMultiples(String name, String ifNoneMatch) {
        return served("top-multiples", section(name, "top-multiples", statistics -> statistics.topByEvToNtmRevenue()),
                ifNoneMatch);
    }

    @GET
    @Path("movers")
    @Operation(summary = "The week's top gainers and losers by price change")
    @APIResponse(responseCode = "200", description = "Gainers and losers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WeeklyMovers.class)))
    public Response movers(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return movers(UniverseSnapshot.KEY, ifNoneMatch);
    }

    Response movers(String name, String ifNoneMatch) {
        return served("movers", section(name, "movers", statistics -> new WeeklyMovers(statistics.asOf(),
                statistics.topWeeklyGainers(), statistics.topWeeklyLosers())), ifNoneMatch);
    }

    @GET
    @Path("buckets")
    @Operation(summary = "Company count and median EV / NTM revenue per NTM growth bucket",
            description = "Over the companies' growthBucket, as the metrics service assigns and counts them.")
    @APIResponse(responseCode = "200", description = "The buckets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Buckets.class)))
    public Response buckets(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return buckets(UniverseSnapshot.KEY, ifNoneMatch);
    }

    Response buckets(String name, String ifNoneMatch) {
        return served("buckets", section(name, "buckets", UniverseStatistics::buckets), ifNoneMatch);
    }

    @GET
    @Path("operating-medians")
    @Operation(summary = "The medians of the operating metrics")
    @APIResponse(responseCode = "200", description = "The medians",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OperatingMedians.class)))
    public Response operatingMedians(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return operatingMedians(UniverseSnapshot.KEY, ifNoneMatch);
    }

    Response operatingMedians(String name, String ifNoneMatch) {
        return served("operating-medians", section(name, "operating-medians", UniverseStatistics::operatingMedians),
                ifNoneMatch);
    }

    @GET
    @Path("scatter")
    @Operation(summary = "EV / NTM revenue against NTM growth, with the regression line",
            description = "One point per company with both figures known (by ticker) and the universe's least-squares fit.")
    @APIResponse(responseCode = "200", description = "Points and fit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scatter.class)))
    public Response scatter(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ViewState state = ViewStillLoadingException.loaded(view);
        UniverseStatistics statistics = current(state, UniverseSnapshot.KEY).statistics();
        Rendered scatter = state.derived("scatter", () -> {
            List<Scatter.Point> points = state.companies().values().stream()
                    .map(CompanyEntry::metrics)
                    .filter(company -> company.ntmGrowth() != null && company.evToNtmRevenue() != null)
                    .map(UniverseResource::point)
                    .toList();
            return view.render(new Scatter(statistics.asOf(), points, statistics.regression()));
        });
        return served("scatter", scatter, ifNoneMatch);
    }

    @GET
    @Path("history")
    @Operation(summary = "The universe statistics over time",
            description = "Every published change of a figure, oldest first, thinned as it ages: all points of the "
                    + "last day, the last of each hour for a week, the last of each day before.")
    @APIResponse(responseCode = "200", description = "The history (empty before the first snapshot)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UniverseStatistics.class)))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<UniverseStatistics> history(
            @Parameter(description = "Earliest asOf, inclusive (ISO-8601 instant)") @QueryParam("from") @IsoInstant String from,
            @Parameter(description = "Latest asOf, inclusive (ISO-8601 instant)") @QueryParam("to") @IsoInstant String to) {
        return history(UniverseSnapshot.KEY, from, to);
    }

    List<UniverseStatistics> history(String name, String from, String to) {
        return served("universe-history", universe.history(name, OptionalInstant.parse(from), OptionalInstant.parse(to)));
    }

    @GET
    @Path("history/medians")
    @Operation(summary = "The EV / NTM revenue medians over time",
            description = "The overall, top-5 and bucket medians of each history point, oldest first: "
                    + "the history without the rest of the statistics, for charts.")
    @APIResponse(responseCode = "200", description = "The medians history (empty before the first snapshot)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = MediansPoint.class)))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<MediansPoint> mediansHistory(
            @Parameter(description = "Earliest asOf, inclusive (ISO-8601 instant)") @QueryParam("from") @IsoInstant String from,
            @Parameter(description = "Latest asOf, inclusive (ISO-8601 instant)") @QueryParam("to") @IsoInstant String to) {
        return mediansHistory(UniverseSnapshot.KEY, from, to);
    }

    List<MediansPoint> mediansHistory(String name, String from, String to) {
        List<MediansPoint> medians = universe.history(name, OptionalInstant.parse(from), OptionalInstant.parse(to))
                .stream()
                .map(MediansPoint::of)
                .toList();
        return served("universe-history-medians", medians);
    }

    private UniverseEntry current(String name) {
        return current(ViewStillLoadingException.loaded(view), name);
    }

    /**
     * The default universe answers 503 until its first snapshot; a named universe the view does not hold is unknown
     * (never defined, removed, or not yet computed).
     */
    private static UniverseEntry current(ViewState state, String name) {
        return state.universe(name).orElseThrow(() -> UniverseSnapshot.KEY.equals(name)
                ? new UniverseNotYetPublishedException() : new UnknownUniverseException(name));
    }

    /** A part of one universe's current statistics, serialized once per change. */
    private Rendered section(String universeName, String name, Function<UniverseStatistics, Object> part) {
        ViewState state = ViewStillLoadingException.loaded(view);
        UniverseStatistics statistics = current(state, universeName).statistics();
        return state.derived(universeName + ":" + name, () -> view.render(part.apply(statistics)));
    }

    private Response served(String endpoint, Rendered answer, String ifNoneMatch) {
        meters.snapshotServed(endpoint);
        return answer.respond(ifNoneMatch, MediaType.APPLICATION_JSON_TYPE);
    }

    private <T> T served(String endpoint, T answer) {
        meters.snapshotServed(endpoint);
        return answer;
    }

    private static Scatter.Point point(CompanyMetrics company) {
        return new Scatter.Point(company.ticker(), company.ntmGrowth(), company.evToNtmRevenue());
    }
}
