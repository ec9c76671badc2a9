package io.saasreport.ingest.rest;

import java.io.InputStream;
import java.time.Instant;

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
import io.saasreport.ingest.domain.Correction;
import io.saasreport.ingest.security.Roles;
import io.saasreport.ingest.service.CorrectionPublisher;

/** Corrections: a company removed, a price withdrawn or replaced, a filing withdrawn (docs/api.md "Corrections"). */
@Path("/api/v1/companies/{ticker}")
@Tag(name = "corrections")
@RolesAllowed(Roles.INGEST)
@SecurityRequirement(name = IngestApi.API_KEY)
// Every correction is answered alike: these hold for each operation below.
@APIResponse(responseCode = "202", description = "Kafka acknowledged the correction",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
@APIResponse(responseCode = "400", description = "A bad ticker, instant, quarter or price, each field named",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", ref = IngestApi.UNAUTHORIZED)
@APIResponse(responseCode = "503", ref = IngestApi.KAFKA_UNAVAILABLE)
public class CorrectionsResource {

    /** The request body of a price replacement (documentation only: the body is read and checked by hand). */
    @Schema(name = "PriceCorrectionRequest")
    public record PriceRequest(@Schema(description = "The right price at that instant", example = "182.5") Double price) {
    }

    private final RequestBodies bodies;
    private final CorrectionPublisher publisher;

    CorrectionsResource(RequestBodies bodies, CorrectionPublisher publisher) {
        this.bodies = bodies;
        this.publisher = publisher;
    }

    @DELETE
    @Operation(summary = "Remove a company",
            description = "Publishes a company-removal on company.filings: the metrics service drops everything it "
                    + "holds of the company, its figures leave metrics.company (a tombstone) and every universe, and "
                    + "the report drops it from its view, its filings and the next edition. Any later event names "
                    + "the company again, under a revision above every one it had.")
    public Response remove(@PathParam("ticker") String ticker) {
        publisher.publish(Correction.companyRemoval(ticker, Instant.now()));
        return Accepted.response(1);
    }

    @DELETE
    @Path("/prices/{at}")
    @Operation(summary = "Withdraw a price",
            description = "Publishes a price-correction without a price on market.prices: the price quoted at "
                    + "exactly this instant (any instant, one dated far ahead too) is taken back, and the figures "
                    + "are those the company would have without it.")
    public Response withdrawPrice(@PathParam("ticker") String ticker, @PathParam("at") String at) {
        publisher.publish(Correction.priceWithdrawal(ticker, at));
        return Accepted.response(1);
    }

    @PUT
    @Path("/prices/{at}")
    @Operation(summary = "Correct a price",
            description = "Publishes a price-correction on market.prices: the price at exactly this instant "
                    + "becomes the one given (a plain price event never replaces one held at the same instant).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PriceRequest.class)))
    @APIResponse(responseCode = "413", ref = IngestApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = IngestApi.UNSUPPORTED_MEDIA_TYPE)
    public Response correctPrice(@PathParam("ticker") String ticker, @PathParam("at") String at,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        JsonNode json = bodies.json(contentType, contentLength, body, Correction.TYPE_TAG);
        publisher.publish(Correction.priceReplacement(ticker, at, json, Instant.now()));
        return Accepted.response(1);
    }

    @DELETE
    @Path("/filings/{fiscalYear}/{fiscalQuarter}")
    @Operation(summary = "Withdraw a filing",
            description = "Publishes a filing-withdrawal on company.filings: the quarter's filing is no longer held, "
                    + "whatever its filedAt, so the next filing for it is taken (file the right one after this).")
    public Response withdrawFiling(@PathParam("ticker") String ticker, @PathParam("fiscalYear") String fiscalYear,
            @PathParam("fiscalQuarter") String fiscalQuarter) {
        publisher.publish(Correction.filingWithdrawal(ticker, fiscalYear, fiscalQuarter, Instant.now()));
        return Accepted.response(1);
    }
}
