package io.saasreport.report.rest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import io.saasreport.contracts.Problem;
import io.saasreport.report.domain.CompanyExplanation;
import io.saasreport.report.domain.CompanyField;
import io.saasreport.report.domain.CompanyMetrics;
import io.saasreport.report.domain.GrowthBucket;
import io.saasreport.report.domain.HistoryRetention;
import io.saasreport.report.domain.QuarterlyReport;
import io.saasreport.report.domain.SortOrder;
import io.saasreport.report.service.CompanySnapshots;
import io.saasreport.report.service.Filings;
import io.saasreport.report.meters.ReportMeters;
import io.saasreport.report.view.CompanyEntry;
import io.saasreport.report.view.Rendered;
import io.saasreport.report.view.ReportView;
import io.saasreport.report.view.ViewState;

@Path("/api/v1/companies")
@Tag(name = "Companies", description = "Each company's current metrics and their history")
// Current figures come from this instance's memory, each answer serialized once per change, with an ETag (a request
// with If-None-Match gets 304 while nothing changed). History reads the database.
public class CompanyResource {

    private static final MediaType CSV = MediaType.valueOf(CompaniesCsv.MEDIA_TYPE + ";charset=UTF-8");

    private final CompanySnapshots companies;
    private final Filings filings;
    private final ReportView view;
    private final ReportMeters meters;
    private final HistoryRetention retention;
    private final Clock clock;

    CompanyResource(CompanySnapshots companies, Filings filings, ReportView view, ReportMeters meters,
            HistoryRetention retention, Clock clock) {
        this.companies = companies;
        this.filings = filings;
        this.view = view;
        this.meters = meters;
        this.retention = retention;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The companies table",
            description = "Every known company's current metrics, sorted by ticker unless told otherwise; "
                    + "unknown values sort last in either order.")
    @APIResponse(responseCode = "200", description = "The companies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CompanyMetrics.class)))
    @APIResponse(responseCode = "400", description = "Unknown sort field, order or bucket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response list(@Valid @BeanParam CompanyTableQuery query, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        ViewState state = ViewStillLoadingException.loaded(view);
        Rendered table = state.derived("companies:" + query, () -> ReportView.array(table(state, query)));
        meters.snapshotServed("companies");
        return table.respond(ifNoneMatch, acceptEncoding, MediaType.APPLICATION_JSON_TYPE);
    }

    @GET
    // qs < 1: a client that accepts anything (*/*) gets the JSON form.
    @Produces(CompaniesCsv.MEDIA_TYPE + ";qs=0.5")
    @Operation(summary = "The companies table as CSV",
            description = "The same table as the JSON answer (same sorting and filtering) with a header of field names; "
                    + "an unknown value is an empty cell. Text starting with =, +, -, @, a tab or a carriage return is "
                    + "prefixed with a single quote, so that a spreadsheet shows it rather than runs it.")
    @APIResponse(responseCode = "200", description = "The companies",
            content = @Content(mediaType = CompaniesCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown sort field, order or bucket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response csv(@Valid @BeanParam CompanyTableQuery query, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        ViewState state = ViewStillLoadingException.loaded(view);
        Rendered csv = state.derived("companies-csv:" + query, () -> Rendered.of(CompaniesCsv.of(
                table(state, query).stream().map(CompanyEntry::metrics).toList()).getBytes(StandardCharsets.UTF_8)));
        meters.snapshotServed("companies-csv");
        return csv.respond(ifNoneMatch, acceptEncoding, CSV);
    }

    @GET
    @Path("{ticker}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One company's current metrics")
    @APIResponse(responseCode = "200", description = "The company",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompanyMetrics.class)))
    @APIResponse(responseCode = "404", description = "No metrics published for this ticker",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response company(@Parameter(description = "Ticker symbol", example = "BPH") @PathParam("ticker") String ticker,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CompanyEntry company = ViewStillLoadingException.loaded(view).companies().get(ticker);
        if (company == null) {
            throw new UnknownCompanyException(ticker);
        }
        meters.snapshotServed("company");
        return company.json().respond(ifNoneMatch, MediaType.APPLICATION_JSON_TYPE);
    }

    @GET
    @Path("{ticker}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One company's metrics over time",
            description = "The company's last published figures of each period of the resolution (minute, hour, day, "
                    + "weekly close), oldest first: the newest 'limit' of them within the range. Minutes are kept for a "
                    + "day, hours for a month, days for a year, weekly closes forever (the defaults).")
    @APIResponse(responseCode = "200", description = "The company's history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CompanyMetrics.class)))
    @APIResponse(responseCode = "400", description = HistoryQuery.REFUSED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No metrics published for this ticker",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response history(
            @Parameter(description = "Ticker symbol", example = "BPH") @PathParam("ticker") String ticker,
            @Valid @BeanParam HistoryQuery query) {
        if (!isKnown(ticker)) {
            throw new UnknownCompanyException(ticker);
        }
        byte[] history = companies.history(ticker, query.resolution(retention, clock), query.from(), query.to(),
                query.limit());
        meters.snapshotServed("company-history");
        return Response.ok(history, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{ticker}/explain")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every figure of one company explained",
            description = "Each figure with its value, its definition in words (the specification's) and the inputs it was "
                    + "computed from, as the metrics service chose them: the price (with its time and input event id), the "
                    + "quarter that gave shares, cash and debt, the quarters summed for the LTM and the prior LTM, the estimate "
                    + "and its blend weight, the weekly reference price. A null figure says which input is missing.")
    @APIResponse(responseCode = "200", description = "The explanation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CompanyExplanation.class)))
    @APIResponse(responseCode = "404", description = "No metrics published for this ticker",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response explain(@Parameter(description = "Ticker symbol", example = "BPH") @PathParam("ticker") String ticker,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ViewState state = ViewStillLoadingException.loaded(view);
        Rendered explanation = view.explanation(state, ticker).orElseThrow(() -> new UnknownCompanyException(ticker));
        meters.snapshotServed("company-explain");
        return explanation.respond(ifNoneMatch, MediaType.APPLICATION_JSON_TYPE);
    }

    @GET
    @Path("{ticker}/quarters")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One company's filed quarters",
            description = "Every quarter the company filed (the latest filing of each), oldest first, with its headline "
                    + "figures: revenue, year-over-year growth, margins, net revenue retention.")
    @APIResponse(responseCode = "200", description = "The quarters (empty while none is filed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = QuarterlyReport.class)))
    @APIResponse(responseCode = "404", description = "Nothing known of this ticker",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<QuarterlyReport> quarters(
            @Parameter(description = "Ticker symbol", example = "BPH") @PathParam("ticker") String ticker) {
        List<QuarterlyReport> quarters = filings.quarters(ticker);
        if (quarters.isEmpty() && !isKnown(ticker)) {
            throw new UnknownCompanyException(ticker);
        }
        meters.snapshotServed("company-quarters");
        return quarters;
    }

    /** Held in the view now, or with a stored history (a company removed since). */
    private boolean isKnown(String ticker) {
        return ViewStillLoadingException.loaded(view).companies().containsKey(ticker) || companies.hasHistory(ticker);
    }

    private static List<CompanyEntry> table(ViewState state, CompanyTableQuery query) {
        return state.table(GrowthBucket.named(query.bucket), CompanyField.named(query.sort).orElseThrow(),
                SortOrder.named(query.order));
    }

    /** The companies table's sorting and filtering, shared by its JSON and CSV forms. */
    public static class CompanyTableQuery {

        @QueryParam("sort")
        @DefaultValue("ticker")
        @CompanyFieldName
        @Parameter(description = "Field to sort by: any field of the companies table", example = "evToNtmRevenue")
        public String sort;

        @QueryParam("order")
        @DefaultValue("asc")
        @Pattern(regexp = "asc|desc", message = "must be asc or desc")
        @Parameter(description = "Sort direction; unknown values come last either way",
                schema = @Schema(enumeration = { "asc", "desc" }))
        public String order;

        @QueryParam("bucket")
        @Pattern(regexp = "high|mid|low", message = "must be high, mid or low")
        @Parameter(description = "Only companies of this NTM growth bucket (their growthBucket, as the metrics service "
                + "assigns it)",
                schema = @Schema(enumeration = { "high", "mid", "low" }))
        public String bucket;

        @Override
        public String toString() {
            return sort + ':' + order + ':' + bucket;
        }
    }
}
