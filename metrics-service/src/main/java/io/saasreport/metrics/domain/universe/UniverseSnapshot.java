package io.saasreport.metrics.domain.universe;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

import io.saasreport.metrics.domain.index.TickerValue;

/**
 * The universe statistics of the spec ("Universe statistics"), structured and named as in
 * {@code expected-universe.json}, plus the quartiles beside each median (not in the spec's example: the project's
 * addition, see {@link Quartiles}). A statistic over an empty set is null; nulls are always serialized.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UniverseSnapshot(
        Instant asOf,
        int companyCount,
        Double medianEvToNtmRevenue,
        Quartiles quartilesEvToNtmRevenue,
        Double top5MedianEvToNtmRevenue,
        Buckets buckets,
        Double medianGrowthAdjustedMultiple,
        Quartiles quartilesGrowthAdjustedMultiple,
        Double medianEvToNtmFcf,
        Quartiles quartilesEvToNtmFcf,
        OperatingMedians operatingMedians,
        OperatingQuartiles operatingQuartiles,
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
    public record Bucket(int count, Double medianEvToNtmRevenue, Quartiles quartilesEvToNtmRevenue) {
    }

    /**
     * The 25th and 75th percentiles of the set a median is taken over, by linear interpolation between the closest
     * ranks (numpy's default): with the n values ascending and h = (n - 1) p, the p-quantile is
     * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). Both null over an empty set; with one value both are
     * that value.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Quartiles(Double p25, Double p75) {
        static final double LOWER = 0.25;
        static final double UPPER = 0.75;
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

    /** The quartiles of each operating metric, beside {@link OperatingMedians}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OperatingQuartiles(
            Quartiles ntmGrowth,
            Quartiles ltmGrowth,
            Quartiles grossMargin,
            Quartiles operatingMargin,
            Quartiles fcfMargin,
            Quartiles netRevenueRetention,
            Quartiles gmAdjustedPaybackMonths,
            Quartiles salesMarketingPct,
            Quartiles researchDevelopmentPct,
            Quartiles generalAdministrativePct,
            Quartiles ruleOf40Ltm,
            Quartiles ruleOf40Ntm) {
    }

    /**
     * Ordinary least squares of {@code evToNtmRevenue} (y) on {@code ntmGrowth} (x). {@code r2} is null when all
     * multiples are equal (no variance to explain).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Regression(int n, double slope, double intercept, Double r2) {
    }
}
