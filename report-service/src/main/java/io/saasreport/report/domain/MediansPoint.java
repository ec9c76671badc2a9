package io.saasreport.report.domain;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.saasreport.report.domain.UniverseStatistics.BucketStatistics;

/** The EV / NTM revenue medians of one universe history point: what the dashboard's history chart draws. */
@Schema(name = "MediansPoint", description = "EV / NTM revenue medians at one point of the universe history")
public record MediansPoint(
        @Schema(description = "asOf of the statistics") Instant asOf,
        @Schema(description = "Median of the universe", nullable = true) Double overall,
        @Schema(description = "25th percentile of the universe (the lower edge of the band around the median)", nullable = true) Double overallP25,
        @Schema(description = "75th percentile of the universe (the upper edge of the band)", nullable = true) Double overallP75,
        @Schema(description = "Median of the 5 highest multiples", nullable = true) Double top5,
        @Schema(description = "Median of the high-growth bucket", nullable = true) Double high,
        @Schema(description = "Median of the mid-growth bucket", nullable = true) Double mid,
        @Schema(description = "Median of the low-growth bucket", nullable = true) Double low) {

    public static MediansPoint of(UniverseStatistics statistics) {
        UniverseStatistics.Buckets buckets = statistics.buckets();
        UniverseStatistics.Quartiles quartiles = statistics.quartilesEvToNtmRevenue();
        return new MediansPoint(statistics.asOf(), statistics.medianEvToNtmRevenue(),
                quartiles == null ? null : quartiles.p25(), quartiles == null ? null : quartiles.p75(),
                statistics.top5MedianEvToNtmRevenue(),
                buckets == null ? null : median(buckets.high()),
                buckets == null ? null : median(buckets.mid()),
                buckets == null ? null : median(buckets.low()));
    }

    private static Double median(BucketStatistics bucket) {
        return bucket == null ? null : bucket.medianEvToNtmRevenue();
    }
}
