package io.saasreport.report.rest;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.saasreport.contracts.Problem;
import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.HistoryResolution;
import io.saasreport.report.domain.HistoryRetention;
import io.saasreport.report.domain.MediansPoint;
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

/**
 * One universe's statistics and the report's views of them, under {@code /api/v1/universes/{name}} and, for the
 * default universe, {@code /api/v1/universe} ({@link UniverseResource} locates them). The current statistics and their
 * sections come from this instance's memory, serialized once per change, with an ETag (If-None-Match gets 304 while
 * nothing changed); so does the medians history. The full history reads the database. A bean, so that its parameters
 * are validated like a root resource's.
 */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match (current statistics, their sections, the medians history)")
@APIResponse(responseCode = "404", description = "No universe of that name is published (a named universe)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The default universe has no statistics published yet (retry after the Retry-After seconds)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class UniverseReads {

    private final UniverseSnapshots universe;
    private final ReportView view;
    private final ReportMeters meters;
    private final HistoryRetention retention;
    private final Clock clock;

    UniverseReads(UniverseSnapshots universe, ReportView view, ReportMeters meters, HistoryRetention retention,
            Clock clock) {
        this.universe = universe;
        this.view = view;
        this.meters = meters;
        this.retention = retention;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "A universe's current statistics")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UniverseStatistics.class)))
    public Response statistics(@BeanParam UniverseRequest request) {
        return served("universe", current(request.universe()).json(), request);
    }

    @GET
    @Path("top-multiples")
    @Operation(summary = "The 10 highest EV / NTM revenue multiples, highest first (ties by ticker)")
    @APIResponse(responseCode = "200", description = "Ticker and multiple",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TickerValue.class)))
    public Response topMultiples(@BeanParam UniverseRequest request) {
        return served("top-multiples", section(request, "top-multiples", UniverseStatistics::topByEvToNtmRevenue), request);
    }

    @GET
    @Path("movers")
    @Operation(summary = "The week's top gainers and losers by price change")
    @APIResponse(responseCode = "200", description = "Gainers and losers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WeeklyMovers.class)))
    public Response movers(@BeanParam UniverseRequest request) {
        return served("movers", section(request, "movers", statistics -> new WeeklyMovers(statistics.asOf(),
                statistics.topWeeklyGainers(), statistics.topWeeklyLosers())), request);
    }

    @GET
    @Path("buckets")
    @Operation(summary = "Company count and median EV / NTM revenue per NTM growth bucket",
            description = "Over the companies' growthBucket, as the metrics service assigns and counts them.")
    @APIResponse(responseCode = "200", description = "The buckets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Buckets.class)))
    public Response buckets(@BeanParam UniverseRequest request) {
        return served("buckets", section(request, "buckets", UniverseStatistics::buckets), request);
    }

    @GET
    @Path("operating-medians")
    @Operation(summary = "The medians of the operating metrics")
    @APIResponse(responseCode = "200", description = "The medians",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OperatingMedians.class)))
    public Response operatingMedians(@BeanParam UniverseRequest request) {
        return served("operating-medians", section(request, "operating-medians", UniverseStatistics::operatingMedians),
                request);
    }

    @GET
    @Path("scatter")
    @Operation(summary = "EV / NTM revenue against NTM growth, with the regression line: the default universe only",
            description = "One point per company with both figures known (by ticker) and the universe's least-squares "
                    + "fit. A named universe's published statistics do not list its members: 404.")
    @APIResponse(responseCode = "200", description = "Points and fit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scatter.class)))
    public Response scatter(@BeanParam UniverseRequest request) {
        if (!request.isDefault()) {
            throw new UnknownUniverseException(request.universe() + "/scatter");
        }
        ViewState state = ViewStillLoadingException.loaded(view);
        UniverseStatistics statistics = current(state, UniverseSnapshot.KEY).statistics();
        Rendered scatter = state.derived("scatter", () -> {
            List<Scatter.Point> points = state.companies().values().stream()
                    .map(CompanyEntry::metrics)
                    .filter(company -> company.ntmGrowth() != null && company.evToNtmRevenue() != null)
                    .map(UniverseReads::point)
                    .toList();
            return view.render(new Scatter(statistics.asOf(), points, statistics.regression()));
        });
        return served("scatter", scatter, request);
    }

    @GET
    @Path("history")
    @Operation(summary = "A universe's statistics over time",
            description = "The last published statistics of each period of the resolution (minute, hour, day, weekly "
                    + "close), oldest first: the newest 'limit' of them within the range. Minutes are kept for a day, "
                    + "hours for a month, days for a year, weekly closes forever (the defaults).")
    @APIResponse(responseCode = "200", description = "The history (empty before the first snapshot)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UniverseStatistics.class)))
    @APIResponse(responseCode = "400", description = HistoryQuery.REFUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<UniverseStatistics> history(@BeanParam UniverseRequest request, @Valid @BeanParam HistoryQuery query) {
        List<UniverseStatistics> history = universe.history(request.universe(), query.resolution(retention, clock),
                query.from(), query.to(), query.limit());
        meters.snapshotServed("universe-history");
        return history;
    }

    /**
     * From the view's memory. The dashboard's question (the whole range, the default limit) is serialized once per view
     * state; any other is answered afresh, so that no client can fill the memory with answers.
     */
    @GET
    @Path("history/medians")
    @Operation(summary = "The EV / NTM revenue medians over time",
            description = "The overall, top-5 and bucket medians of each point of the history, oldest first: the "
                    + "history without the rest of the statistics, for charts, from this instance's memory.")
    @APIResponse(responseCode = "200", description = "The medians history (empty before the first snapshot)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = MediansPoint.class)))
    @APIResponse(responseCode = "400", description = HistoryQuery.REFUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response mediansHistory(@BeanParam UniverseRequest request, @Valid @BeanParam HistoryQuery query) {
        String name = request.universe();
        ViewState state = ViewStillLoadingException.loaded(view);
        HistoryResolution resolution = query.resolution(retention, clock);
        Supplier<Rendered> answer = () -> view.render(state.universe(name)
                .map(entry -> entry.medians().between(resolution, query.from(), query.to(), query.limit()))
                .orElse(List.of()));
        Rendered medians = query.unbounded() && query.limit() == HistoryQuery.DEFAULT_LIMIT
                ? state.derived(name + ":medians:" + resolution, answer)
                : answer.get();
        return served("universe-history-medians", medians, request);
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
    private Rendered section(UniverseRequest request, String section, Function<UniverseStatistics, Object> part) {
        ViewState state = ViewStillLoadingException.loaded(view);
        UniverseStatistics statistics = current(state, request.universe()).statistics();
        return state.derived(request.universe() + ":" + section, () -> view.render(part.apply(statistics)));
    }

    private Response served(String endpoint, Rendered answer, UniverseRequest request) {
        meters.snapshotServed(endpoint);
        return answer.respond(request.ifNoneMatch, MediaType.APPLICATION_JSON_TYPE);
    }

    private static Scatter.Point point(CompanyMetrics company) {
        return new Scatter.Point(company.ticker(), company.ntmGrowth(), company.evToNtmRevenue());
    }
}
