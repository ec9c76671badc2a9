package io.saasreport.report.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.saasreport.report.domain.UniverseStatistics.Regression;

@Schema(name = "Scatter", description = "EV / NTM revenue against NTM growth, with the universe's least-squares fit")
public record Scatter(
        @Schema(description = "asOf of the universe statistics the fit comes from") Instant asOf,
        @Schema(description = "Every company with both figures known, by ticker") List<Point> points,
        @Schema(description = "evToNtmRevenue = intercept + slope * ntmGrowth; null below 3 points", nullable = true) Regression regression) {

    @Schema(name = "ScatterPoint")
    public record Point(
            @Schema(description = "Ticker symbol") String ticker,
            @Schema(description = "NTM revenue growth (fraction)") double ntmGrowth,
            @Schema(description = "EV / NTM revenue (multiple)") double evToNtmRevenue) {
    }
}
