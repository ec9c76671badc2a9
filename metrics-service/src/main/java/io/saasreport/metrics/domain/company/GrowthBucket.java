package io.saasreport.metrics.domain.company;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The spec's NTM-growth buckets: the one place their thresholds live. Published with each company's figures
 * ({@link CompanyMetrics#growthBucket()}) and as the universe's bucket medians; the report and its dashboard only
 * read what is published.
 */
public enum GrowthBucket {
    /** {@code ntmGrowth > 0.22} */
    HIGH,
    /** {@code 0.15 <= ntmGrowth <= 0.22} */
    MID,
    /** {@code ntmGrowth < 0.15} */
    LOW;

    private static final double HIGH_ABOVE = 0.22;
    private static final double LOW_BELOW = 0.15;

    public static GrowthBucket of(double ntmGrowth) {
        if (ntmGrowth > HIGH_ABOVE) {
            return HIGH;
        }
        return ntmGrowth < LOW_BELOW ? LOW : MID;
    }

    /** The name on the wire and in the report's API: {@code high}, {@code mid}, {@code low}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
