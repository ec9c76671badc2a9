package io.saasreport.metrics.domain;

import java.time.Instant;

/**
 * One company's figures as the universe statistics rank them: its value in each index ({@link MetricIndex#ABSENT}
 * where it takes no part), in {@link UniverseStatistics}' index order, its {@code asOf} and the revision of the
 * figures (for {@link RevisedUniverse}'s replay check; the statistics ignore it). Built once per new figures and
 * shared, never changed, by every universe the company is in: the values are extracted once per tick, and a
 * universe compares them with the ones it held without copying either.
 */
final class IndexedFigures {

    final String ticker;
    final long revision;
    final Instant asOf;
    final double[] values;

    private IndexedFigures(String ticker, long revision, Instant asOf, double[] values) {
        this.ticker = ticker;
        this.revision = revision;
        this.asOf = asOf;
        this.values = values;
    }

    static IndexedFigures of(CompanyMetrics figures, long revision) {
        return new IndexedFigures(figures.ticker(), revision, figures.asOf(), UniverseStatistics.indexValues(figures));
    }

    static IndexedFigures of(Revised<CompanyMetrics> figures) {
        return of(figures.value(), figures.revision());
    }

    /** The company's value in the index at {@code slot}; {@link MetricIndex#ABSENT} for no figures at all. */
    static double valueAt(IndexedFigures figures, int slot) {
        return figures == null ? MetricIndex.ABSENT : figures.values[slot];
    }
}
