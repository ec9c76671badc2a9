package io.saasreport.report.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The NTM growth buckets by name. Which bucket a company is in is the metrics service's to say: it publishes
 * {@link CompanyMetrics#growthBucket()} (and the thresholds live only there); the report files and filters by it.
 */
public enum GrowthBucket {
    HIGH, MID, LOW;

    /** The bucket named in lower case, as the API and metrics.company spell it ({@code high}, {@code mid}, {@code low}). */
    public static Optional<GrowthBucket> named(String name) {
        for (GrowthBucket bucket : values()) {
            if (bucket.apiName().equals(name)) {
                return Optional.of(bucket);
            }
        }
        return Optional.empty();
    }

    /** The bucket a company's published figures name; none when they name none. */
    public static Optional<GrowthBucket> of(CompanyMetrics company) {
        return named(company.growthBucket());
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
