package io.saasreport.report.edition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.saasreport.report.domain.QuarterlyReport;
import io.saasreport.report.domain.UniverseStatistics.Buckets;
import io.saasreport.report.domain.UniverseStatistics.OperatingMedians;
import io.saasreport.report.domain.UniverseStatistics.OperatingQuartiles;
import io.saasreport.report.domain.UniverseStatistics.Quartiles;
import io.saasreport.report.domain.UniverseStatistics.Regression;
import io.saasreport.report.domain.UniverseStatistics.TickerValue;

/**
 * One week's edition of the report: every section of the newsletter as of the week's Friday close, built from the
 * stored history only, so a closed week's edition reads the same whenever it is asked for.
 */
@Schema(name = "Edition", description = "The weekly report as of a Friday close (16:00 New York), with the changes since the week before")
public record Edition(
        @Schema(description = "The week's Friday (ISO date)", required = true) LocalDate week,
        @Schema(description = "The close the edition is dated at: the Friday, 16:00 America/New_York", required = true) Instant close,
        @Schema(description = "Whether the close has passed; false: this week's edition so far, provisional", required = true) boolean closed,
        @Schema(description = "asOf of the latest universe statistics at or before the close", required = true) Instant asOf,
        @Schema(required = true) Headline headline,
        @Schema(description = "The 10 highest EV / NTM revenue multiples, highest first", required = true) List<RankedCompany> topMultiples,
        @Schema(description = "Counts, medians and quartiles per NTM growth bucket", nullable = true) Buckets buckets,
        @Schema(description = "Every company with growth and multiple at or before the close, and the fit", required = true) Scatter scatter,
        @Schema(nullable = true) OperatingMedians operatingMedians,
        @Schema(nullable = true) OperatingQuartiles operatingQuartiles,
        @Schema(required = true) Movers movers,
        @Schema(description = "Each company's latest quarter filed at or before the close, most recently filed first", required = true)
        List<QuarterlyReport> quarterlyReports,
        @Schema(description = "The EV / NTM revenue medians at this and the previous weekly closes, oldest first", required = true)
        List<WeeklyMedians> medianHistory,
        @Schema(description = "The previous week's Friday", required = true) LocalDate previousWeek,
        @Schema(description = "Changes since the previous week's edition; null when the history has none", nullable = true) EditionChanges changes,
        @Schema(description = "What the stored history cannot give for this week, section by section (empty when complete)", required = true)
        List<String> gaps) {

    @Schema(name = "EditionHeadline", description = "The headline figures: medians with their quartiles")
    public record Headline(
            @Schema(description = "Companies with a known EV / NTM revenue", nullable = true) Integer companyCount,
            @Schema(nullable = true) Double medianEvToNtmRevenue,
            @Schema(nullable = true) Quartiles quartilesEvToNtmRevenue,
            @Schema(nullable = true) Double top5MedianEvToNtmRevenue,
            @Schema(nullable = true) Double medianGrowthAdjustedMultiple,
            @Schema(nullable = true) Quartiles quartilesGrowthAdjustedMultiple,
            @Schema(nullable = true) Double medianEvToNtmFcf,
            @Schema(nullable = true) Quartiles quartilesEvToNtmFcf,
            @Schema(description = "10-year treasury yield, percent as quoted", nullable = true) Double tenYearYield) {
    }

    @Schema(name = "EditionRankedCompany")
    public record RankedCompany(
            @Schema(required = true) String ticker,
            @Schema(description = "Name as of the close, when known", nullable = true) String name,
            @Schema(required = true) double value) {
    }

    @Schema(name = "EditionScatter", description = "EV / NTM revenue against NTM growth at the close, with the universe's fit")
    public record Scatter(
            @Schema(required = true) List<ScatterPoint> points,
            @Schema(description = "evToNtmRevenue = intercept + slope * ntmGrowth; null below 3 points", nullable = true) Regression regression) {
    }

    @Schema(name = "EditionScatterPoint")
    public record ScatterPoint(String ticker, double ntmGrowth, double evToNtmRevenue) {
    }

    @Schema(name = "EditionMovers", description = "The week's largest price changes (fractions)")
    public record Movers(List<TickerValue> gainers, List<TickerValue> losers) {
    }

    @Schema(name = "WeeklyMedians", description = "The EV / NTM revenue medians at one weekly close")
    public record WeeklyMedians(
            @Schema(description = "The week's Friday") LocalDate week,
            @Schema(description = "asOf of the statistics used for that close") Instant asOf,
            @Schema(nullable = true) Double overall,
            @Schema(description = "25th percentile of the universe", nullable = true) Double overallP25,
            @Schema(description = "75th percentile of the universe", nullable = true) Double overallP75,
            @Schema(nullable = true) Double top5,
            @Schema(nullable = true) Double high,
            @Schema(nullable = true) Double mid,
            @Schema(nullable = true) Double low) {
    }
}
