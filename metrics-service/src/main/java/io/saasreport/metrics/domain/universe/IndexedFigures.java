package io.saasreport.metrics.domain.universe;

import java.time.Instant;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.Revised;

/**
 * One company's figures as the universe statistics rank them: its value in each index ({@link MetricIndex#ABSENT}
 * where it takes no part), in {@link UniverseStatistics}' index order, its {@code asOf} and the revision of the
 * figures (for {@link RevisedUniverse}'s replay check; the statistics ignore it), and the company's number in the
 * {@link CompanyIds} of the universes that use it. Built once per new figures and shared, never changed, by every
 * universe the company is in: the values are extracted once per tick, and a universe compares them with the ones it
 * held without copying either.
 */
final class IndexedFigures {

    final String ticker;
    /** The company's number in the universes' {@link CompanyIds}. */
    final int id;
    final long revision;
    final Instant asOf;
    final double[] values;

    private IndexedFigures(String ticker, int id, long revision, Instant asOf, double[] values) {
        this.ticker = ticker;
        this.id = id;
        this.revision = revision;
        this.asOf = asOf;
        this.values = values;
    }

    static IndexedFigures of(CompanyMetrics figures, long revision, CompanyIds ids) {
        return new IndexedFigures(figures.ticker(), ids.idOf(figures.ticker()), revision, figures.asOf(),
                UniverseStatistics.indexValues(figures));
    }

    static IndexedFigures of(Revised<CompanyMetrics> figures, CompanyIds ids) {
        return of(figures.value(), figures.revision(), ids);
    }

    /** The company's value in the index at {@code slot}; {@link MetricIndex#ABSENT} for no figures at all. */
    static double valueAt(IndexedFigures figures, int slot) {
        return figures == null ? MetricIndex.ABSENT : figures.values[slot];
    }
}
