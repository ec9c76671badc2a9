package io.saasreport.metrics.domain.universe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.saasreport.metrics.domain.company.CompanyMetrics;
import io.saasreport.metrics.domain.company.GrowthBucket;
import io.saasreport.metrics.domain.event.MacroEvent;
import io.saasreport.metrics.domain.index.OrderStatisticTree;
import io.saasreport.metrics.domain.index.TickerValue;

import static io.saasreport.metrics.domain.index.OrderStatisticTree.Order.ASCENDING;
import static io.saasreport.metrics.domain.index.OrderStatisticTree.Order.DESCENDING;

/**
 * The universe statistics, maintained incrementally: {@link #update} replaces one company's previous values in
 * each ranked metric (O(log n) per metric that changed) and in the regression's running sums, and
 * {@link #snapshot} reads medians, quartiles and top-10 lists by rank (O(log n) each, and only for the metrics that changed
 * since the last snapshot). Nothing is re-sorted per update. A company's values are extracted once per change
 * ({@link IndexedFigures}) and shared by every universe it belongs to, each of which only moves the entries whose
 * value changed. Not thread-safe.
 */
public final class UniverseStatistics {

    static final int TOP_LIST_SIZE = 10;
    static final int TOP_MEDIAN_SIZE = 5;
    /** {@code medianEvToNtmFcf} only counts multiples strictly between 0 and this. */
    static final double EV_TO_NTM_FCF_CEILING = 100;
    private static final int EV_SLOT = 0;
    private static final int GROWTH_SLOT = 1;

    /** What an index ranks: a company's value in it (null when it takes no part) and which end is rank 0. */
    private record Ranking(Function<CompanyMetrics, Double> value, OrderStatisticTree.Order order) {
    }

    /**
     * Every index's ranking, in slot order ({@link IndexedFigures} holds a company's values in this order): the
     * multiple (the regression's y) and the regression growth (its x) first, then the growth-adjusted multiple,
     * EV / NTM FCF, the weekly price change (gainers and losers), the multiple per growth bucket and the operating
     * metrics.
     */
    private static final List<Ranking> RANKINGS = rankings();
    private static final int FIRST_BUCKET_SLOT = 5;
    private static final int FIRST_OPERATING_SLOT = FIRST_BUCKET_SLOT + GrowthBucket.values().length;

    /** The numbers of the companies' tickers, shared with the other universes that share their figures. */
    private final CompanyIds ids;
    /**
     * Each company's figures as last indexed, at its number (null when it is not in), shared with the other
     * universes it is in.
     */
    private IndexedFigures[] companies = new IndexedFigures[0];
    private int size;
    private final MetricIndex[] indices = new MetricIndex[RANKINGS.size()];
    /** Highest first, so the top-10 list is ranks 0..9 and the median of the top 5 is rank 2. */
    private final MetricIndex evToNtmRevenue;
    /**
     * {@code ntmGrowth} of the companies in the regression (those with a multiple too): its smallest and largest
     * values tell exactly whether the growth varies.
     */
    private final MetricIndex regressionGrowth;
    private final MetricIndex growthAdjustedMultiple;
    private final MetricIndex evToNtmFcf;
    /** Highest first; the losers are its other end. */
    private final MetricIndex weeklyPriceChange;

    private final RunningRegression regression = new RunningRegression();
    /** The regression's result, cached until a point changes. */
    private boolean regressionKnown;
    private UniverseSnapshot.Regression regressionResult;
    /**
     * The newest of the companies' asOf while {@link #latestAsOfKnown}. A tick only ever raises it; when the company
     * that held it moves back or leaves, it is found again by a scan at the next snapshot, which keeps a tick O(1)
     * here instead of a sorted multiset per universe.
     */
    private Instant latestAsOf;
    private boolean latestAsOfKnown = true;
    private MacroEvent macro;

    public UniverseStatistics() {
        this(new CompanyIds());
    }

    /** Statistics that take figures indexed with these numbers, as other universes do ({@link Universes}). */
    UniverseStatistics(CompanyIds ids) {
        this.ids = ids;
        for (int slot = 0; slot < indices.length; slot++) {
            indices[slot] = new MetricIndex(RANKINGS.get(slot).order());
        }
        evToNtmRevenue = indices[EV_SLOT];
        regressionGrowth = indices[GROWTH_SLOT];
        growthAdjustedMultiple = indices[2];
        evToNtmFcf = indices[3];
        weeklyPriceChange = indices[4];
    }

    private static List<Ranking> rankings() {
        List<Ranking> rankings = new ArrayList<>(List.of(
                new Ranking(CompanyMetrics::evToNtmRevenue, DESCENDING),
                new Ranking(UniverseStatistics::regressionGrowth, ASCENDING),
                new Ranking(CompanyMetrics::growthAdjustedMultiple, ASCENDING),
                new Ranking(UniverseStatistics::evToNtmFcfInRange, ASCENDING),
                new Ranking(CompanyMetrics::weeklyPriceChange, DESCENDING)));
        for (GrowthBucket bucket : GrowthBucket.values()) {
            rankings.add(new Ranking(m -> evToNtmRevenueIn(bucket, m), ASCENDING));
        }
        for (OperatingMetric metric : OperatingMetric.values()) {
            rankings.add(new Ranking(metric::valueOf, ASCENDING));
        }
        return List.copyOf(rankings);
    }

    /** A company's value in each index, in slot order ({@link MetricIndex#ABSENT} where it takes no part). */
    static double[] indexValues(CompanyMetrics metrics) {
        double[] values = new double[RANKINGS.size()];
        for (int slot = 0; slot < values.length; slot++) {
            Double value = RANKINGS.get(slot).value().apply(metrics);
            values[slot] = value == null ? MetricIndex.ABSENT : value;
        }
        return values;
    }

    /** Puts a company's current figures in place of its previous ones (a metric turning null leaves its rank). */
    public void update(CompanyMetrics metrics) {
        update(index(metrics, 0));
    }

    /** A company's figures indexed with this universe's numbers, to {@link #update} with. */
    IndexedFigures index(CompanyMetrics metrics, long revision) {
        return IndexedFigures.of(metrics, revision, ids);
    }

    /**
     * Puts a company's indexed figures (numbered by this universe's {@link CompanyIds}) in place of its previous
     * ones; returns those (null if it was not in).
     */
    IndexedFigures update(IndexedFigures figures) {
        int id = figures.id;
        if (id >= companies.length) {
            companies = Arrays.copyOf(companies, Math.max(id + 1, 2 * companies.length));
        }
        IndexedFigures previous = companies[id];
        companies[id] = figures;
        if (previous == null) {
            size++;
        }
        replace(figures.ticker, previous, figures);
        return previous;
    }

    /** The figures held for a company (null if it is not in). */
    IndexedFigures held(String ticker) {
        return heldAt(ids.find(ticker));
    }

    private IndexedFigures heldAt(int id) {
        return id >= 0 && id < companies.length ? companies[id] : null;
    }

    boolean contains(String ticker) {
        return held(ticker) != null;
    }

    /** Moves a company's entries from its previous figures to its current ones; either may be null (not in). */
    private void replace(String ticker, IndexedFigures previous, IndexedFigures current) {
        if (previous == current) {
            return;
        }
        for (int slot = 0; slot < indices.length; slot++) {
            double before = IndexedFigures.valueAt(previous, slot);
            double after = IndexedFigures.valueAt(current, slot);
            // Compared here, from the shared figures, so an index whose value stays is not even read (a tick moves
            // a few of them); Double.compare: NaN equals NaN (absent stays absent), -0.0 and 0.0 are distinct keys.
            if (Double.compare(before, after) != 0) {
                indices[slot].move(ticker, before, after);
            }
        }
        replaceRegressionPoint(IndexedFigures.valueAt(previous, GROWTH_SLOT), IndexedFigures.valueAt(previous, EV_SLOT),
                IndexedFigures.valueAt(current, GROWTH_SLOT), IndexedFigures.valueAt(current, EV_SLOT));
        replaceAsOf(previous == null ? null : previous.asOf, current == null ? null : current.asOf);
    }

    /** Takes a company out of the universe; returns whether it was in. */
    public boolean remove(String ticker) {
        return remove(ids.find(ticker));
    }

    /** Takes out the company whose figures these are (indexed with this universe's numbers); returns whether it was in. */
    boolean remove(IndexedFigures figures) {
        return remove(figures.id);
    }

    private boolean remove(int id) {
        IndexedFigures previous = heldAt(id);
        if (previous == null) {
            return false;
        }
        companies[id] = null;
        size--;
        replace(previous.ticker, previous, null);
        return true;
    }

    /** The latest macro event by {@code asOf} wins; an equal or older one changes nothing. */
    public boolean applyMacro(MacroEvent event) {
        if (macro != null && !event.asOf().isAfter(macro.asOf())) {
            return false;
        }
        macro = event;
        return true;
    }

    public Optional<MacroEvent> macro() {
        return Optional.ofNullable(macro);
    }

    /** The number of companies held (with or without figures). */
    public int size() {
        return size;
    }

    public UniverseSnapshot snapshot() {
        List<TickerValue> topMultiples = evToNtmRevenue.top();
        return new UniverseSnapshot(
                asOf(),
                evToNtmRevenue.size(),
                evToNtmRevenue.median(),
                evToNtmRevenue.quartiles(),
                // The median of the five highest is the third highest.
                evToNtmRevenue.size() >= TOP_MEDIAN_SIZE ? topMultiples.get(TOP_MEDIAN_SIZE / 2).value() : null,
                new UniverseSnapshot.Buckets(bucket(GrowthBucket.HIGH), bucket(GrowthBucket.MID), bucket(GrowthBucket.LOW)),
                growthAdjustedMultiple.median(),
                growthAdjustedMultiple.quartiles(),
                evToNtmFcf.median(),
                evToNtmFcf.quartiles(),
                operatingMedians(),
                operatingQuartiles(),
                topMultiples,
                weeklyPriceChange.top(),
                weeklyPriceChange.topFromOtherEnd(),
                regression(),
                macro == null ? null : macro.tenYearYield());
    }

    /**
     * The regression takes the companies with both {@code ntmGrowth} (x) and {@code evToNtmRevenue} (y): exactly
     * those with a regression-growth entry.
     */
    private void replaceRegressionPoint(double oldX, double oldY, double newX, double newY) {
        boolean hadPoint = !Double.isNaN(oldX);
        boolean hasPoint = !Double.isNaN(newX);
        if (hadPoint && hasPoint && Double.compare(oldX, newX) == 0 && Double.compare(oldY, newY) == 0) {
            return;
        }
        if (hadPoint) {
            regression.remove(oldX, oldY);
        }
        if (hasPoint) {
            regression.add(newX, newY);
        }
        if (hadPoint || hasPoint) {
            regressionKnown = false;
        }
    }

    private UniverseSnapshot.Regression regression() {
        if (!regressionKnown) {
            int n = regressionGrowth.size();
            boolean growthVaries = n > 0 && regressionGrowth.valueAt(0) != regressionGrowth.valueAt(n - 1);
            regressionResult = regression.result(growthVaries, multiplesVaryInRegression());
            regressionKnown = true;
        }
        return regressionResult;
    }

    /**
     * The regression's companies are exactly those in the three growth buckets (both figures present), so their
     * multiples vary unless the buckets' smallest and largest multiples are all equal.
     */
    private boolean multiplesVaryInRegression() {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = Double.NEGATIVE_INFINITY;
        for (GrowthBucket growth : GrowthBucket.values()) {
            MetricIndex bucket = bucketIndex(growth);
            if (bucket.size() > 0) {
                smallest = Math.min(smallest, bucket.valueAt(0));
                largest = Math.max(largest, bucket.valueAt(bucket.size() - 1));
            }
        }
        return smallest < largest;
    }

    private void replaceAsOf(Instant before, Instant after) {
        if (!latestAsOfKnown) {
            return;
        }
        if (after != null && (latestAsOf == null || !after.isBefore(latestAsOf))) {
            latestAsOf = after;
        } else if (before != null && before.equals(latestAsOf)) {
            latestAsOfKnown = false; // another company may hold it too, or an older one is the newest now
        }
    }

    /** The latest event time that went into the figures: the newest company figure or macro value. */
    private Instant asOf() {
        if (!latestAsOfKnown) {
            latestAsOf = null;
            for (IndexedFigures company : companies) {
                if (company != null && company.asOf != null && (latestAsOf == null || company.asOf.isAfter(latestAsOf))) {
                    latestAsOf = company.asOf;
                }
            }
            latestAsOfKnown = true;
        }
        Instant latest = latestAsOf;
        if (macro != null && (latest == null || macro.asOf().isAfter(latest))) {
            latest = macro.asOf();
        }
        return latest;
    }

    private MetricIndex bucketIndex(GrowthBucket bucket) {
        return indices[FIRST_BUCKET_SLOT + bucket.ordinal()];
    }

    private UniverseSnapshot.Bucket bucket(GrowthBucket bucket) {
        MetricIndex index = bucketIndex(bucket);
        return new UniverseSnapshot.Bucket(index.size(), index.median(), index.quartiles());
    }

    private UniverseSnapshot.OperatingMedians operatingMedians() {
        return new UniverseSnapshot.OperatingMedians(
                median(OperatingMetric.NTM_GROWTH),
                median(OperatingMetric.LTM_GROWTH),
                median(OperatingMetric.GROSS_MARGIN),
                median(OperatingMetric.OPERATING_MARGIN),
                median(OperatingMetric.FCF_MARGIN),
                median(OperatingMetric.NET_REVENUE_RETENTION),
                median(OperatingMetric.GM_ADJUSTED_PAYBACK_MONTHS),
                median(OperatingMetric.SALES_MARKETING_PCT),
                median(OperatingMetric.RESEARCH_DEVELOPMENT_PCT),
                median(OperatingMetric.GENERAL_ADMINISTRATIVE_PCT),
                median(OperatingMetric.RULE_OF_40_LTM),
                median(OperatingMetric.RULE_OF_40_NTM));
    }

    private UniverseSnapshot.OperatingQuartiles operatingQuartiles() {
        return new UniverseSnapshot.OperatingQuartiles(
                quartiles(OperatingMetric.NTM_GROWTH),
                quartiles(OperatingMetric.LTM_GROWTH),
                quartiles(OperatingMetric.GROSS_MARGIN),
                quartiles(OperatingMetric.OPERATING_MARGIN),
                quartiles(OperatingMetric.FCF_MARGIN),
                quartiles(OperatingMetric.NET_REVENUE_RETENTION),
                quartiles(OperatingMetric.GM_ADJUSTED_PAYBACK_MONTHS),
                quartiles(OperatingMetric.SALES_MARKETING_PCT),
                quartiles(OperatingMetric.RESEARCH_DEVELOPMENT_PCT),
                quartiles(OperatingMetric.GENERAL_ADMINISTRATIVE_PCT),
                quartiles(OperatingMetric.RULE_OF_40_LTM),
                quartiles(OperatingMetric.RULE_OF_40_NTM));
    }

    private UniverseSnapshot.Quartiles quartiles(OperatingMetric metric) {
        return indices[FIRST_OPERATING_SLOT + metric.ordinal()].quartiles();
    }

    private Double median(OperatingMetric metric) {
        return indices[FIRST_OPERATING_SLOT + metric.ordinal()].median();
    }

    /** A bucket counts the companies of that NTM growth that have a multiple. */
    private static Double evToNtmRevenueIn(GrowthBucket bucket, CompanyMetrics metrics) {
        Double growth = metrics.ntmGrowth();
        return growth != null && GrowthBucket.of(growth) == bucket ? metrics.evToNtmRevenue() : null;
    }

    private static Double regressionGrowth(CompanyMetrics metrics) {
        return metrics.evToNtmRevenue() != null ? metrics.ntmGrowth() : null;
    }

    private static Double evToNtmFcfInRange(CompanyMetrics metrics) {
        Double multiple = metrics.evToNtmFcf();
        return multiple != null && multiple > 0 && multiple < EV_TO_NTM_FCF_CEILING ? multiple : null;
    }
}
