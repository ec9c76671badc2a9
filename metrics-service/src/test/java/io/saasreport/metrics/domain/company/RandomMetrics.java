package io.saasreport.metrics.domain.company;

import java.time.Instant;
import java.util.Random;

/**
 * Random company figures for property tests: each figure is missing, one of a few round values (so ties and the
 * bucket and filter boundaries are hit often) or an arbitrary value.
 */
public final class RandomMetrics {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final double[] GROWTH_EDGES = {0.15, 0.22, 0.0, -0.1, 0.3};
    private static final double[] FCF_MULTIPLE_EDGES = {0.0, 100.0, 99.99, -5.0, 50.0};

    private final Random random;

    public RandomMetrics(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public CompanyMetrics company(String ticker) {
        return new CompanyMetrics(ticker, "Name of " + ticker,
                random.nextInt(10) == 0 ? null : EPOCH.plusSeconds(random.nextInt(1_000_000)),
                figure(1, 500), figure(1e6, 1e9), figure(0, 1e9), figure(0, 1e9), figure(1e8, 1e12),
                figure(1e8, 1e12), figure(1e6, 1e10), figure(-0.5, 1.5), figure(1e6, 1e10), figure(-1e9, 1e9),
                edgy(GROWTH_EDGES, -0.5, 1.5), figure(0.5, 40), figure(0.01, 2), edgy(FCF_MULTIPLE_EDGES, -200, 300),
                figure(0, 1), figure(-0.5, 0.4), figure(-0.3, 0.5), figure(0, 0.8), figure(0, 0.5), figure(0, 0.3),
                figure(-0.3, 0.5), figure(-0.5, 2), figure(-0.5, 2), figure(0.9, 1.4), figure(1e6, 1e10),
                figure(-1e8, 1e9), figure(1, 80), figure(-0.3, 0.3));
    }

    /** Figures that are all null: a company that lost its data (or has none yet). */
    public static CompanyMetrics empty(String ticker) {
        return new CompanyMetrics(ticker, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    private Double figure(double low, double high) {
        int kind = random.nextInt(10);
        if (kind < 2) {
            return null;
        }
        if (kind < 5) {
            // Few distinct values: frequent ties, broken by ticker.
            return low + (high - low) * random.nextInt(4) / 4;
        }
        return low + (high - low) * random.nextDouble();
    }

    private Double edgy(double[] edges, double low, double high) {
        if (random.nextInt(4) == 0) {
            return edges[random.nextInt(edges.length)];
        }
        return figure(low, high);
    }
}
