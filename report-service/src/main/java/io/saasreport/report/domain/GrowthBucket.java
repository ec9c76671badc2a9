package io.saasreport.report.domain;

import java.util.Optional;

/** The spec's NTM growth buckets: high {@code > 0.22}, mid {@code 0.15..0.22} inclusive, low {@code < 0.15}. */
public enum GrowthBucket {
    HIGH, MID, LOW;

    static final double HIGH_ABOVE = 0.22;
    static final double LOW_BELOW = 0.15;

    /** The bucket of a company; none when its NTM growth is unknown. */
    public static Optional<GrowthBucket> of(Double ntmGrowth) {
        if (ntmGrowth == null) {
            return Optional.empty();
        }
        if (ntmGrowth > HIGH_ABOVE) {
            return Optional.of(HIGH);
        }
        return Optional.of(ntmGrowth < LOW_BELOW ? LOW : MID);
    }

    /** The bucket named in lower case, as the API spells it ({@code high}, {@code mid}, {@code low}). */
    public static Optional<GrowthBucket> named(String name) {
        for (GrowthBucket bucket : values()) {
            if (bucket.apiName().equals(name)) {
                return Optional.of(bucket);
            }
        }
        return Optional.empty();
    }

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
