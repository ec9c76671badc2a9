package io.saasreport.metrics.domain.universe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.saasreport.metrics.domain.company.CompanyMetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The regression's running sums are updated by subtract-old/add-new for ever. These tests check that they do not
 * drift: after hundreds of thousands of replacements, including transient outliers many orders of magnitude
 * larger than the rest, the regression stays within 1e-9 (relative) of a fresh computation over the same points.
 */
class RegressionDriftTest {

    private static final int COMPANIES = 50;
    private static final int UPDATES = 300_000;

    @Test
    void runningSumsStayWithinOneBillionthOfAFreshComputation() {
        Random random = new Random(7);
        UniverseStatistics incremental = new UniverseStatistics();
        Map<String, CompanyMetrics> current = new HashMap<>();
        List<String> tickers = new ArrayList<>();
        for (int i = 0; i < COMPANIES; i++) {
            tickers.add("T" + i);
        }
        for (int step = 0; step < UPDATES; step++) {
            String ticker = tickers.get(random.nextInt(COMPANIES));
            boolean outlier = random.nextInt(100) == 0;
            double multiple = outlier ? 1e7 * random.nextDouble() : 0.5 + 40 * random.nextDouble();
            double growth = outlier ? 1e3 * random.nextDouble() : -0.2 + random.nextDouble();
            CompanyMetrics metrics = point(ticker, growth, multiple);
            incremental.update(metrics);
            current.put(ticker, metrics);
        }
        // End on ordinary values only, so the outliers are gone from the set but went through the sums.
        for (String ticker : tickers) {
            CompanyMetrics metrics = point(ticker, -0.2 + random.nextDouble(), 0.5 + 40 * random.nextDouble());
            incremental.update(metrics);
            current.put(ticker, metrics);
        }

        UniverseStatistics fresh = new UniverseStatistics();
        current.values().forEach(fresh::update);

        UniverseSnapshot.Regression actual = incremental.snapshot().regression();
        assertEquals(COMPANIES, actual.n());
        UniverseAssertions.assertSameRegression(fresh.snapshot().regression(), actual, "fresh sums");
        UniverseAssertions.assertSameRegression(BruteForceUniverse.regression(current.values()), actual,
                "two-pass reference");
    }

    @Test
    void emptyingTheSetResetsTheSumsExactly() {
        UniverseStatistics statistics = new UniverseStatistics();
        for (int i = 0; i < 10; i++) {
            statistics.update(point("T" + i, 0.1 * i + 0.1, 3.3 * i + 1e9 * (i % 2)));
        }
        for (int i = 0; i < 10; i++) {
            statistics.remove("T" + i);
        }
        statistics.update(point("A", 0.1, 1.0));
        statistics.update(point("B", 0.2, 2.0));
        statistics.update(point("C", 0.4, 3.0));

        UniverseSnapshot.Regression regression = statistics.snapshot().regression();

        UniverseAssertions.assertSameRegression(BruteForceUniverse.regression(List.of(
                point("A", 0.1, 1.0), point("B", 0.2, 2.0), point("C", 0.4, 3.0))), regression, "after reset");
    }

    private static CompanyMetrics point(String ticker, double ntmGrowth, double evToNtmRevenue) {
        return new CompanyMetrics(ticker, null, null, null, null, null, null, null, null, null, null, null, null,
                ntmGrowth, evToNtmRevenue, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
