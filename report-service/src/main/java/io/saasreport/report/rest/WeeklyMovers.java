package io.saasreport.report.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.saasreport.report.domain.UniverseStatistics.TickerValue;

@Schema(name = "WeeklyMovers", description = "The week's largest price changes (fractions: 0.05 is +5 %)")
public record WeeklyMovers(
        @Schema(description = "asOf of the universe statistics") Instant asOf,
        @Schema(description = "The 10 highest weekly price changes, highest first") List<TickerValue> gainers,
        @Schema(description = "The 10 lowest weekly price changes, lowest first") List<TickerValue> losers) {
}
