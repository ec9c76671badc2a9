package io.saasreport.report.domain;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The universe statistics as the metrics service publishes them on {@code metrics.universe} (spec: metrics.md). */
@Schema(name = "UniverseStatistics", description = "Statistics over every company whose metric is known; a statistic over an empty set is null.")
public record UniverseStatistics(
        @Schema(description = "The latest event time that went into these figures (ISO-8601 instant)", required = true) Instant asOf,
        @Schema(description = "Companies with a known evToNtmRevenue", nullable = true) Integer companyCount,
        @Schema(description = "Median EV / NTM revenue", nullable = true) Double medianEvToNtmRevenue,
        @Schema(description = "P25 and P75 of EV / NTM revenue", nullable = true) Quartiles quartilesEvToNtmRevenue,
        @Schema(description = "Median of the 5 highest EV / NTM revenue; null below 5 companies", nullable = true) Double top5MedianEvToNtmRevenue,
        @Schema(description = "Counts and medians per NTM growth bucket", nullable = true) Buckets buckets,
        @Schema(description = "Median growth-adjusted multiple", nullable = true) Double medianGrowthAdjustedMultiple,
        @Schema(description = "P25 and P75 of the growth-adjusted multiple", nullable = true) Quartiles quartilesGrowthAdjustedMultiple,
        @Schema(description = "Median EV / NTM FCF over companies with 0 < evToNtmFcf < 100", nullable = true) Double medianEvToNtmFcf,
        @Schema(description = "P25 and P75 of EV / NTM FCF over the same companies", nullable = true) Quartiles quartilesEvToNtmFcf,
        @Schema(description = "Medians of the operating metrics", nullable = true) OperatingMedians operatingMedians,
        @Schema(description = "P25 and P75 of each operating metric", nullable = true) OperatingQuartiles operatingQuartiles,
        @Schema(description = "The 10 highest EV / NTM revenue, highest first") List<TickerValue> topByEvToNtmRevenue,
        @Schema(description = "The 10 highest weekly price changes, highest first") List<TickerValue> topWeeklyGainers,
        @Schema(description = "The 10 lowest weekly price changes, lowest first") List<TickerValue> topWeeklyLosers,
        @Schema(description = "Least squares of evToNtmRevenue on ntmGrowth; null below 3 points", nullable = true) Regression regression,
        @Schema(description = "Latest 10-year treasury yield, in percent as quoted (4.25 means 4.25 %)", nullable = true) Double tenYearYield) {

    public UniverseStatistics {
        if (asOf == null) {
            throw new IllegalArgumentException("universe statistics without asOf");
        }
        topByEvToNtmRevenue = topByEvToNtmRevenue == null ? List.of() : List.copyOf(topByEvToNtmRevenue);
        topWeeklyGainers = topWeeklyGainers == null ? List.of() : List.copyOf(topWeeklyGainers);
        topWeeklyLosers = topWeeklyLosers == null ? List.of() : List.copyOf(topWeeklyLosers);
    }

    @Schema(name = "Buckets", description = "Companies by the growthBucket the metrics service assigns them")
    public record Buckets(
            @Schema(description = "The high-growth bucket") BucketStatistics high,
            @Schema(description = "The mid-growth bucket") BucketStatistics mid,
            @Schema(description = "The low-growth bucket") BucketStatistics low) {
    }

    @Schema(name = "BucketStatistics")
    public record BucketStatistics(
            @Schema(description = "Companies in the bucket with a known evToNtmRevenue") Integer count,
            @Schema(description = "Median EV / NTM revenue of the bucket", nullable = true) Double medianEvToNtmRevenue,
            @Schema(description = "P25 and P75 of the bucket's EV / NTM revenue", nullable = true) Quartiles quartilesEvToNtmRevenue) {
    }

    @Schema(name = "Quartiles", description = "The 25th and 75th percentiles of the set the median beside them is taken "
            + "over, by linear interpolation between the closest ranks (numpy's default); null over an empty set")
    public record Quartiles(
            @Schema(description = "25th percentile", nullable = true) Double p25,
            @Schema(description = "75th percentile", nullable = true) Double p75) {
    }

    @Schema(name = "OperatingMedians", description = "Median of each operating metric over the companies where it is known")
    public record OperatingMedians(
            @Schema(nullable = true) Double ntmGrowth,
            @Schema(nullable = true) Double ltmGrowth,
            @Schema(nullable = true) Double grossMargin,
            @Schema(nullable = true) Double operatingMargin,
            @Schema(nullable = true) Double fcfMargin,
            @Schema(nullable = true) Double netRevenueRetention,
            @Schema(nullable = true) Double gmAdjustedPaybackMonths,
            @Schema(nullable = true) Double salesMarketingPct,
            @Schema(nullable = true) Double researchDevelopmentPct,
            @Schema(nullable = true) Double generalAdministrativePct,
            @Schema(nullable = true) Double ruleOf40Ltm,
            @Schema(nullable = true) Double ruleOf40Ntm) {
    }

    @Schema(name = "OperatingQuartiles", description = "P25 and P75 of each operating metric, beside its median")
    public record OperatingQuartiles(
            @Schema(nullable = true) Quartiles ntmGrowth,
            @Schema(nullable = true) Quartiles ltmGrowth,
            @Schema(nullable = true) Quartiles grossMargin,
            @Schema(nullable = true) Quartiles operatingMargin,
            @Schema(nullable = true) Quartiles fcfMargin,
            @Schema(nullable = true) Quartiles netRevenueRetention,
            @Schema(nullable = true) Quartiles gmAdjustedPaybackMonths,
            @Schema(nullable = true) Quartiles salesMarketingPct,
            @Schema(nullable = true) Quartiles researchDevelopmentPct,
            @Schema(nullable = true) Quartiles generalAdministrativePct,
            @Schema(nullable = true) Quartiles ruleOf40Ltm,
            @Schema(nullable = true) Quartiles ruleOf40Ntm) {
    }

    @Schema(name = "TickerValue", description = "One entry of a ranked list")
    public record TickerValue(
            @Schema(description = "Ticker symbol") String ticker,
            @Schema(description = "The ranked value") Double value) {
    }

    @Schema(name = "Regression", description = "evToNtmRevenue = intercept + slope * ntmGrowth")
    public record Regression(
            @Schema(description = "Number of companies fitted") Integer n,
            @Schema(description = "Slope (multiple per unit of growth)") Double slope,
            @Schema(description = "Intercept (multiple at zero growth)") Double intercept,
            @Schema(description = "Coefficient of determination") Double r2) {
    }
}
