package io.saasreport.ingest.rest;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.saasreport.contracts.Problem;
import io.saasreport.contracts.EventError;
import io.saasreport.ingest.domain.EventRules;
import io.saasreport.ingest.domain.EventType;
import io.saasreport.ingest.domain.RejectedRequestException;
import io.saasreport.ingest.importer.EstimateCsvImporter;
import io.saasreport.ingest.importer.FredYieldImporter;
import io.saasreport.ingest.importer.PriceCsvImporter;
import io.saasreport.ingest.importer.sec.SecCompanyFactsImporter;
import io.saasreport.ingest.security.Roles;
import io.saasreport.ingest.service.EventPublisher;
import io.saasreport.ingest.service.EventReader;
import io.saasreport.ingest.service.ImportLimits;

/** Public data files as their sources publish them, turned into events; all or nothing, like /events. */
@Path("/api/v1/import")
@Tag(name = "import")
@RolesAllowed(Roles.INGEST)
@SecurityRequirement(name = IngestApi.API_KEY)
@APIResponse(responseCode = "202", description = "Every event from the file was acknowledged by Kafka",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
@APIResponse(responseCode = "400", description = "Bad ticker, unrecognized or malformed file, or bad rows (each named by "
        + "line and column: a value no figure can be, a date out of the accepted window); nothing was published",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "413", ref = IngestApi.TOO_LARGE)
@APIResponse(responseCode = "415", ref = IngestApi.UNSUPPORTED_MEDIA_TYPE)
@APIResponse(responseCode = "401", ref = IngestApi.UNAUTHORIZED)
@APIResponse(responseCode = "503", ref = IngestApi.KAFKA_UNAVAILABLE)
public class ImportResource {

    private static final String PRICE = EventType.PRICE.wireName();
    private static final String FILING = EventType.FILING.wireName();
    private static final String MACRO = EventType.MACRO.wireName();
    private static final String ESTIMATE = EventType.ESTIMATE.wireName();

    private final RequestBodies bodies;
    private final EventPublisher publisher;
    private final ObjectReader jsonReader;
    private final ImportLimits limits;

    ImportResource(RequestBodies bodies, EventPublisher publisher, ObjectMapper mapper, ImportLimits limits) {
        this.bodies = bodies;
        this.publisher = publisher;
        this.jsonReader = EventReader.strictTreeReader(mapper);
        this.limits = limits;
    }

    @POST
    @Path("/prices")
    @Operation(summary = "Import a daily price file",
            description = "nasdaq.com (Date,Close,Volume,Open,High,Low), Yahoo (Date,Open,High,Low,Close[,Adj Close],Volume) "
                    + "or Stooq (<TICKER>,<PER>,<DATE>,...) CSV, told apart by the header. Each row's close becomes a "
                    + "price event at 16:00 America/New_York that day, rounded to 4 decimals.")
    public Response prices(@Parameter(description = "The company's ticker", required = true) @QueryParam("ticker") String ticker,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        checkTicker(ticker, PRICE);
        byte[] bytes = bodies.read(contentType, contentLength, body, List.of(BodyFormat.CSV), PRICE).bytes();
        return Accepted.response(publisher.publish(PriceCsvImporter.parse(ticker, RequestBodies.utf8(bytes, PRICE),
                limits.window(), limits.maxRows())));
    }

    @POST
    @Path("/sec-companyfacts")
    @Operation(summary = "Import an SEC EDGAR companyfacts document",
            description = "One filing event per fiscal quarter for which revenue can be assembled: three-month values "
                    + "where reported, otherwise differences of year-to-date values (Q4 = full year - nine months), "
                    + "balances at the quarter end, the latest filing winning. filedAt is the filing date at 21:05Z.")
    public Response secCompanyFacts(@Parameter(description = "The company's ticker", required = true) @QueryParam("ticker") String ticker,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        checkTicker(ticker, FILING);
        byte[] bytes = bodies.read(contentType, contentLength, body, List.of(BodyFormat.JSON), FILING).bytes();
        return Accepted.response(publisher.publish(SecCompanyFactsImporter.parse(ticker,
                EventReader.readDocument(jsonReader, bytes, FILING), limits.window())));
    }

    @POST
    @Path("/fred-dgs10")
    @Operation(summary = "Import FRED's 10-year treasury yield (DGS10)",
            description = "observation_date,DGS10 CSV; blank or '.' values (market holidays) are skipped. Each "
                    + "observation becomes a macro event at 16:00 America/New_York that day.")
    public Response fredTenYearYield(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        byte[] bytes = bodies.read(contentType, contentLength, body, List.of(BodyFormat.CSV), MACRO).bytes();
        return Accepted.response(publisher.publish(FredYieldImporter.parse(RequestBodies.utf8(bytes, MACRO),
                limits.window(), limits.maxRows())));
    }

    @POST
    @Path("/estimates")
    @Operation(summary = "Import consensus estimates kept in a spreadsheet",
            description = "CSV with the header columns ticker,asOf,fy1End,fy1Revenue,fy2Revenue and optionally "
                    + "fy1Fcf,fy2Fcf (any order), one company per row. asOf is a day (that day's close, New York) or an "
                    + "instant. Each row becomes an estimate event, checked as the events API checks one; the metrics "
                    + "service blends NTM revenue (and FCF) from the fiscal-year pair.")
    public Response estimates(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        byte[] bytes = bodies.read(contentType, contentLength, body, List.of(BodyFormat.CSV), ESTIMATE).bytes();
        return Accepted.response(publisher.publish(EstimateCsvImporter.parse(RequestBodies.utf8(bytes, ESTIMATE),
                limits.window(), limits.maxRows())));
    }

    private static void checkTicker(String ticker, String typeTag) {
        EventRules.checkTicker(ticker).ifPresent(message -> {
            throw RejectedRequestException.invalid(
                    List.of(new EventError(null, null, "ticker", "query parameter " + message)), Map.of(typeTag, 1));
        });
    }
}
