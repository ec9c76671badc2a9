package io.saasreport.report.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.saasreport.report.domain.QuarterlyReport;
import io.saasreport.report.service.Filings;
import io.saasreport.report.meters.ReportMeters;

@Path("/api/v1/filings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Filings", description = "The companies' quarterly reports")
public class FilingResource {

    private final Filings filings;
    private final ReportMeters meters;

    FilingResource(Filings filings, ReportMeters meters) {
        this.filings = filings;
        this.meters = meters;
    }

    @GET
    @Path("latest")
    @Operation(summary = "Each company's latest quarterly report",
            description = "The latest filed quarter of every company with its headline figures "
                    + "(revenue, year-over-year growth, margins, net revenue retention), most recently filed first.")
    @APIResponse(responseCode = "200", description = "The quarterly reports (empty before any filing)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = QuarterlyReport.class)))
    public List<QuarterlyReport> latest() {
        List<QuarterlyReport> reports = filings.latestQuarterlyReports();
        meters.snapshotServed("filings-latest");
        return reports;
    }
}
