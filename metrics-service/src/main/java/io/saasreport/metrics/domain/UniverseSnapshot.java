package io.saasreport.metrics.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The universe statistics of the spec ("Universe statistics"), structured and named as in
 * {@code expected-universe.json}. A statistic over an empty set is null; nulls are always serialized.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UniverseSnapshot(
        Instant asOf,
        int companyCount,
        Double medianEvToNtmRevenue,
        Double top5MedianEvToNtmRevenue,
        Buckets buckets,
        Double medianGrowthAdjustedMultiple,
        Double medianEvToNtmFcf,
        OperatingMedians operatingMedians,
        List<TickerValue> topByEvToNtmRevenue,
        List<TickerValue> topWeeklyGainers,
        List<TickerValue> topWeeklyLosers,
        Regression regression,
        Double tenYearYield) {

    public UniverseSnapshot {
        topByEvToNtmRevenue = List.copyOf(topByEvToNtmRevenue);
        topWeeklyGainers = List.copyOf(topWeeklyGainers);
        topWeeklyLosers = List.copyOf(topWeeklyLosers);
    }

    /** Companies by {@link GrowthBucket}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Buckets(Bucket high, Bucket mid, Bucket low) {
    }

    /** The companies of one growth bucket that have an EV / NTM revenue multiple. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Bucket(int count, Double medianEvToNtmRevenue) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OperatingMedians(
            Double ntmGrowth,
            Double ltmGrowth,
            Double grossMargin,
            Double operatingMargin,
            Double fcfMargin,
            Double netRevenueRetention,
            Double gmAdjustedPaybackMonths,
            Double salesMarketingPct,
            Double researchDevelopmentPct,
            Double generalAdministrativePct,
            Double ruleOf40Ltm,
            Double ruleOf40Ntm) {
    }

    /**
     * Ordinary least squares of {@code evToNtmRevenue} (y) on {@code ntmGrowth} (x). {@code r2} is null when all
     * multiples are equal (no variance to explain).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Regression(int n, double slope, double intercept, Double r2) {
    }
}
