package io.saasreport.metrics.domain;

/** The spec's NTM-growth buckets. */
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
}
