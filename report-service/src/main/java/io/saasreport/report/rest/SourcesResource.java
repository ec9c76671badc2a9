package io.saasreport.report.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.saasreport.report.service.FeedSources;

/** When each public source last updated the report, as the ingest service's feeds tell it. */
@Path("/api/v1/sources")
@Tag(name = "sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    private final FeedSources sources;

    SourcesResource(FeedSources sources) {
        this.sources = sources;
    }

    @GET
    @Operation(summary = "The ingest service's feeds: when each last updated",
            description = "Per feed (SEC EDGAR, daily prices, FRED DGS10, SEC's ticker file): on or off, the last run that "
                    + "did not fail, the last run's end and outcome, the next run, the last error. Read from the ingest "
                    + "service (report.feeds.url) at each request; 'unavailable' says why when it cannot be.")
    public FeedSources.Sources sources() throws InterruptedException {
        return sources.read();
    }
}
