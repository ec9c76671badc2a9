package io.saasreport.metrics.domain.universe;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.event.MacroEvent;
import io.saasreport.metrics.domain.index.TickerValue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UniverseStatisticsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T21:00:00Z");

    private final UniverseStatistics statistics = new UniverseStatistics();

    /** A company with a multiple, a growth and a weekly change; every other figure missing. */
    private static CompanyMetrics company(String ticker, Double evToNtmRevenue, Double ntmGrowth, Double weekly) {
        return new CompanyMetrics(ticker, null, T0, null, null, null, null, null, null, null, null, null, null,
                ntmGrowth, evToNtmRevenue, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, weekly);
    }

    private static CompanyMetrics withFcfMultiple(String ticker, Double evToNtmFcf) {
        return new CompanyMetrics(ticker, null, T0, null, null, null, null, null, null, null, null, null, null,
                null, null, null, evToNtmFcf, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    @Test
    void emptyUniverseHasNullStatistics() {
        UniverseSnapshot snapshot = statistics.snapshot();

        assertEquals(0, snapshot.companyCount());
        assertNull(snapshot.asOf());
        assertNull(snapshot.medianEvToNtmRevenue());
        assertNull(snapshot.top5MedianEvToNtmRevenue());
        assertEquals(new UniverseSnapshot.Bucket(0, null, new UniverseSnapshot.Quartiles(null, null)), snapshot.buckets().high());
        assertNull(snapshot.operatingMedians().ntmGrowth());
        assertEquals(List.of(), snapshot.topByEvToNtmRevenue());
        assertNull(snapshot.regression());
        assertNull(snapshot.tenYearYield());
    }

    @Test
    void updateReplacesTheCompanysPreviousValue() {
        statistics.update(company("A", 10.0, null, null));
        statistics.update(company("B", 20.0, null, null));
        statistics.update(company("A", 30.0, null, null));

        UniverseSnapshot snapshot = statistics.snapshot();

        assertEquals(2, snapshot.companyCount());
        assertEquals(25.0, snapshot.medianEvToNtmRevenue());
        assertEquals(List.of(new TickerValue("A", 30.0), new TickerValue("B", 20.0)), snapshot.topByEvToNtmRevenue());
    }

    @Test
    void metricBecomingNullTakesTheCompanyOutOfThatStatistic() {
        statistics.update(company("A", 10.0, 0.3, 0.05));
        statistics.update(company("B", 20.0, 0.3, 0.01));

        statistics.update(company("A", null, 0.3, 0.05));

        UniverseSnapshot snapshot = statistics.snapshot();
        assertEquals(1, snapshot.companyCount());
        assertEquals(20.0, snapshot.medianEvToNtmRevenue());
        assertEquals(new UniverseSnapshot.Bucket(1, 20.0, new UniverseSnapshot.Quartiles(20.0, 20.0)), snapshot.buckets().high());
        assertEquals(2, snapshot.topWeeklyGainers().size(), "A's weekly change is still ranked");
    }

    @Test
    void removedCompanyLeavesEveryStatistic() {
        statistics.update(company("A", 10.0, 0.3, 0.05));
        statistics.update(company("B", 20.0, 0.1, -0.01));

        statistics.remove("A");

        UniverseSnapshot snapshot = statistics.snapshot();
        assertEquals(1, snapshot.companyCount());
        assertEquals(new UniverseSnapshot.Bucket(0, null, new UniverseSnapshot.Quartiles(null, null)), snapshot.buckets().high());
        assertEquals(List.of(new TickerValue("B", -0.01)), snapshot.topWeeklyGainers());
        assertEquals(0.1, snapshot.operatingMedians().ntmGrowth());
    }

    @Test
    void quartilesInterpolateBetweenTheClosestRanksOfEveryIndex() {
        for (int i = 1; i <= 4; i++) {
            statistics.update(company("T" + i, (double) i, 0.3, null)); // multiples 1, 2, 3, 4: numpy gives 1.75, 3.25
        }
        UniverseSnapshot snapshot = statistics.snapshot();

        assertEquals(new UniverseSnapshot.Quartiles(1.75, 3.25), snapshot.quartilesEvToNtmRevenue());
        assertEquals(new UniverseSnapshot.Quartiles(1.75, 3.25), snapshot.buckets().high().quartilesEvToNtmRevenue());
        assertEquals(new UniverseSnapshot.Quartiles(0.3, 0.3), snapshot.operatingQuartiles().ntmGrowth());
        assertEquals(new UniverseSnapshot.Quartiles(null, null), snapshot.operatingQuartiles().grossMargin());

        statistics.remove("T4");
        assertEquals(new UniverseSnapshot.Quartiles(1.5, 2.5), statistics.snapshot().quartilesEvToNtmRevenue(),
                "cached quartiles follow a change of the ranking");
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheMiddleTwo() {
        statistics.update(company("A", 1.0, null, null));
        statistics.update(company("B", 4.0, null, null));
        statistics.update(company("C", 6.0, null, null));
        statistics.update(company("D", 100.0, null, null));

        assertEquals(5.0, statistics.snapshot().medianEvToNtmRevenue());
    }

    @Test
    void top5MedianIsTheThirdHighestAndNullBelowFiveCompanies() {
        for (int i = 1; i <= 4; i++) {
            statistics.update(company("T" + i, (double) i, null, null));
        }
        assertNull(statistics.snapshot().top5MedianEvToNtmRevenue());

        statistics.update(company("T5", 5.0, null, null));
        statistics.update(company("T6", 6.0, null, null));

        assertEquals(4.0, statistics.snapshot().top5MedianEvToNtmRevenue());
    }

    @Test
    void bucketBoundariesFollowTheSpec() {
        statistics.update(company("HIGH", 30.0, 0.2200001, null));
        statistics.update(company("MIDTOP", 20.0, 0.22, null));
        statistics.update(company("MIDLOW", 10.0, 0.15, null));
        statistics.update(company("LOW", 5.0, 0.1499999, null));
        statistics.update(company("NOGROWTH", 7.0, null, null));

        UniverseSnapshot.Buckets buckets = statistics.snapshot().buckets();

        assertEquals(new UniverseSnapshot.Bucket(1, 30.0, new UniverseSnapshot.Quartiles(30.0, 30.0)), buckets.high());
        assertEquals(new UniverseSnapshot.Bucket(2, 15.0, new UniverseSnapshot.Quartiles(12.5, 17.5)), buckets.mid());
        assertEquals(new UniverseSnapshot.Bucket(1, 5.0, new UniverseSnapshot.Quartiles(5.0, 5.0)), buckets.low());
        assertEquals(5, statistics.snapshot().companyCount());
    }

    @Test
    void companyMovingBetweenBucketsIsCountedOnce() {
        statistics.update(company("A", 30.0, 0.5, null));
        statistics.update(company("A", 30.0, 0.1, null));

        UniverseSnapshot.Buckets buckets = statistics.snapshot().buckets();

        assertEquals(0, buckets.high().count());
        assertEquals(new UniverseSnapshot.Bucket(1, 30.0, new UniverseSnapshot.Quartiles(30.0, 30.0)), buckets.low());
    }

    @Test
    void evToNtmFcfMedianOnlyCountsMultiplesStrictlyBetweenZeroAndHundred() {
        statistics.update(withFcfMultiple("A", 100.0));
        statistics.update(withFcfMultiple("B", 0.0));
        statistics.update(withFcfMultiple("C", -3.0));
        statistics.update(withFcfMultiple("D", 20.0));
        statistics.update(withFcfMultiple("E", 99.0));

        assertEquals(59.5, statistics.snapshot().medianEvToNtmFcf());
    }

    @Test
    void topListsBreakTiesByTickerAscending() {
        statistics.update(company("ZZZ", 5.0, null, -0.1));
        statistics.update(company("AAA", 5.0, null, -0.1));
        statistics.update(company("MMM", 9.0, null, 0.2));
        statistics.update(company("BBB", 1.0, null, 0.2));

        UniverseSnapshot snapshot = statistics.snapshot();

        assertEquals(List.of(new TickerValue("MMM", 9.0), new TickerValue("AAA", 5.0), new TickerValue("ZZZ", 5.0),
                new TickerValue("BBB", 1.0)), snapshot.topByEvToNtmRevenue());
        assertEquals(List.of(new TickerValue("BBB", 0.2), new TickerValue("MMM", 0.2), new TickerValue("AAA", -0.1),
                new TickerValue("ZZZ", -0.1)), snapshot.topWeeklyGainers());
        assertEquals(List.of(new TickerValue("AAA", -0.1), new TickerValue("ZZZ", -0.1), new TickerValue("BBB", 0.2),
                new TickerValue("MMM", 0.2)), snapshot.topWeeklyLosers());
    }

    @Test
    void topListsHoldTenEntries() {
        for (int i = 0; i < 15; i++) {
            statistics.update(company(String.format("T%02d", i), (double) i, null, i / 100.0));
        }

        UniverseSnapshot snapshot = statistics.snapshot();

        assertEquals(10, snapshot.topByEvToNtmRevenue().size());
        assertEquals(new TickerValue("T14", 14.0), snapshot.topByEvToNtmRevenue().get(0));
        assertEquals(new TickerValue("T05", 5.0), snapshot.topByEvToNtmRevenue().get(9));
        assertEquals(new TickerValue("T00", 0.0), snapshot.topWeeklyLosers().get(0));
        assertEquals(new TickerValue("T09", 0.09), snapshot.topWeeklyLosers().get(9));
    }

    @Test
    void regressionIsOrdinaryLeastSquaresOfMultipleOnGrowth() {
        statistics.update(company("A", 3.0, 0.1, null));
        statistics.update(company("B", 5.0, 0.2, null));
        statistics.update(company("C", 9.0, 0.4, null));
        statistics.update(company("NOGROWTH", 50.0, null, null));

        UniverseSnapshot.Regression regression = statistics.snapshot().regression();

        // y = 1 + 20 x exactly.
        assertEquals(3, regression.n());
        assertEquals(20.0, regression.slope(), 1e-12);
        assertEquals(1.0, regression.intercept(), 1e-12);
        assertEquals(1.0, regression.r2(), 1e-12);
    }

    @Test
    void regressionIsNullBelowThreePoints() {
        statistics.update(company("A", 3.0, 0.1, null));
        statistics.update(company("B", 5.0, 0.2, null));
        statistics.update(company("C", null, 0.4, null));

        assertNull(statistics.snapshot().regression());
    }

    @Test
    void regressionIsNullWithZeroVarianceInGrowth() {
        statistics.update(company("A", 3.0, 0.1, null));
        statistics.update(company("B", 5.0, 0.1, null));
        statistics.update(company("C", 9.0, 0.1, null));

        assertNull(statistics.snapshot().regression());
    }

    @Test
    void regressionHasNoR2WhenAllMultiplesAreEqual() {
        statistics.update(company("A", 4.0, 0.1, null));
        statistics.update(company("B", 4.0, 0.2, null));
        statistics.update(company("C", 4.0, 0.7, null));

        UniverseSnapshot.Regression regression = statistics.snapshot().regression();

        assertEquals(0.0, regression.slope(), 1e-12);
        assertEquals(4.0, regression.intercept(), 1e-12);
        assertNull(regression.r2());
    }

    @Test
    void latestMacroByAsOfWins() {
        assertTrue(statistics.applyMacro(new MacroEvent(T0, 4.27)));
        assertFalse(statistics.applyMacro(new MacroEvent(T0.minusSeconds(86_400), 4.5)));
        assertFalse(statistics.applyMacro(new MacroEvent(T0, 4.0)));

        assertEquals(4.27, statistics.snapshot().tenYearYield());
        assertTrue(statistics.applyMacro(new MacroEvent(T0.plusSeconds(1), 4.3)));
        assertEquals(4.3, statistics.snapshot().tenYearYield());
    }

    @Test
    void asOfIsTheLatestCompanyOrMacroTime() {
        statistics.applyMacro(new MacroEvent(T0, 4.27));
        statistics.update(company("A", 1.0, null, null));
        assertEquals(T0, statistics.snapshot().asOf());

        statistics.applyMacro(new MacroEvent(T0.plusSeconds(60), 4.2));
        assertEquals(T0.plusSeconds(60), statistics.snapshot().asOf());

        statistics.update(new CompanyMetrics("B", null, T0.plusSeconds(120), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null));
        assertEquals(T0.plusSeconds(120), statistics.snapshot().asOf());

        statistics.remove("B");
        assertEquals(T0.plusSeconds(60), statistics.snapshot().asOf());
    }

    @Test
    void operatingMediansCoverTheTwelveMetrics() {
        statistics.update(new CompanyMetrics("A", null, T0, null, null, null, null, null, null, null, 1.0, null,
                null, 2.0, null, null, null, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, null, 9.0, 10.0, 11.0, null, null, 12.0,
                null));

        assertEquals(new UniverseSnapshot.OperatingMedians(2.0, 1.0, 3.0, 4.0, 5.0, 11.0, 12.0, 6.0, 7.0, 8.0,
                9.0, 10.0), statistics.snapshot().operatingMedians());
    }
}
