package io.saasreport.metrics.domain.universe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Field-by-field comparison of universe snapshots: everything exact except the regression's floating point. */
public final class UniverseAssertions {

    public static final double REGRESSION_TOLERANCE = 1e-9;

    private UniverseAssertions() {
    }

    public static void assertSameUniverse(UniverseSnapshot expected, UniverseSnapshot actual, String context) {
        assertEquals(expected.asOf(), actual.asOf(), context + " asOf");
        assertEquals(expected.companyCount(), actual.companyCount(), context + " companyCount");
        assertEquals(expected.medianEvToNtmRevenue(), actual.medianEvToNtmRevenue(), context + " median");
        assertEquals(expected.quartilesEvToNtmRevenue(), actual.quartilesEvToNtmRevenue(), context + " quartiles");
        assertEquals(expected.quartilesGrowthAdjustedMultiple(), actual.quartilesGrowthAdjustedMultiple(),
                context + " gam quartiles");
        assertEquals(expected.quartilesEvToNtmFcf(), actual.quartilesEvToNtmFcf(), context + " evToNtmFcf quartiles");
        assertEquals(expected.operatingQuartiles(), actual.operatingQuartiles(), context + " operatingQuartiles");
        assertEquals(expected.top5MedianEvToNtmRevenue(), actual.top5MedianEvToNtmRevenue(), context + " top5");
        assertEquals(expected.buckets(), actual.buckets(), context + " buckets");
        assertEquals(expected.medianGrowthAdjustedMultiple(), actual.medianGrowthAdjustedMultiple(), context + " gam");
        assertEquals(expected.medianEvToNtmFcf(), actual.medianEvToNtmFcf(), context + " evToNtmFcf");
        assertEquals(expected.operatingMedians(), actual.operatingMedians(), context + " operatingMedians");
        assertEquals(expected.topByEvToNtmRevenue(), actual.topByEvToNtmRevenue(), context + " top multiples");
        assertEquals(expected.topWeeklyGainers(), actual.topWeeklyGainers(), context + " gainers");
        assertEquals(expected.topWeeklyLosers(), actual.topWeeklyLosers(), context + " losers");
        assertEquals(expected.tenYearYield(), actual.tenYearYield(), context + " tenYearYield");
        assertSameRegression(expected.regression(), actual.regression(), context);
    }

    public static void assertSameRegression(UniverseSnapshot.Regression expected, UniverseSnapshot.Regression actual,
                                     String context) {
        if (expected == null) {
            assertNull(actual, context + " regression");
            return;
        }
        assertNotNull(actual, context + " regression");
        assertEquals(expected.n(), actual.n(), context + " regression n");
        assertClose(expected.slope(), actual.slope(), context + " slope");
        assertClose(expected.intercept(), actual.intercept(), context + " intercept");
        if (expected.r2() == null) {
            assertNull(actual.r2(), context + " r2");
        } else {
            assertNotNull(actual.r2(), context + " r2");
            assertClose(expected.r2(), actual.r2(), context + " r2");
        }
    }

    /** Relative to the larger magnitude, with 1 as the floor so a value near zero is compared absolutely. */
    public static void assertClose(double expected, double actual, String what) {
        double scale = Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
        assertTrue(Math.abs(expected - actual) <= REGRESSION_TOLERANCE * scale,
                what + ": expected " + expected + " but was " + actual);
    }
}
