package io.saasreport.metrics.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.saasreport.metrics.domain.OrderStatisticTree.Order.ASCENDING;
import static io.saasreport.metrics.domain.OrderStatisticTree.Order.DESCENDING;

/**
 * The universe statistics, maintained incrementally: {@link #update} replaces one company's previous values in
 * each ranked metric (O(log n) per metric that changed) and in the regression's running sums, and
 * {@link #snapshot} reads medians, quartiles and top-10 lists by rank (O(log n) each, and only for the metrics that changed
 * since the last snapshot). Nothing is re-sorted per update. Not thread-safe.
 */
public final class UniverseStatistics {

    static final int TOP_LIST_SIZE = 10;
    static final int TOP_MEDIAN_SIZE = 5;
    /** {@code medianEvToNtmFcf} only counts multiples strictly between 0 and this. */
    static final double EV_TO_NTM_FCF_CEILING = 100;
    private static final int EV_SLOT = 0;
    private static final int GROWTH_SLOT = 1;

    /** What is held for one company: its value in each index (ABSENT where none) and its asOf. */
    private static final class HeldCompany {
        final double[] values;
        Instant asOf;

        HeldCompany(int indexCount) {
            values = new double[indexCount];
            Arrays.fill(values, MetricIndex.ABSENT);
        }
    }

    private final Map<String, HeldCompany> companies = new HashMap<>();

    /** Highest first, so the top-10 list is ranks 0..9 and the median of the top 5 is rank 2. */
    private final MetricIndex evToNtmRevenue = new MetricIndex(CompanyMetrics::evToNtmRevenue, DESCENDING);
    /**
     * {@code ntmGrowth} of the companies in the regression (those with a multiple too): its smallest and largest
     * values tell exactly whether the growth varies.
     */
    private final MetricIndex regressionGrowth = new MetricIndex(UniverseStatistics::regressionGrowth, ASCENDING);
    private final Map<GrowthBucket, MetricIndex> evToNtmRevenueByBucket = new EnumMap<>(GrowthBucket.class);
    private final MetricIndex growthAdjustedMultiple =
            new MetricIndex(CompanyMetrics::growthAdjustedMultiple, ASCENDING);
    private final MetricIndex evToNtmFcf = new MetricIndex(UniverseStatistics::evToNtmFcfInRange, ASCENDING);
    private final Map<OperatingMetric, MetricIndex> operating = new EnumMap<>(OperatingMetric.class);
    private final MetricIndex weeklyGainers = new MetricIndex(CompanyMetrics::weeklyPriceChange, DESCENDING);
    private final MetricIndex weeklyLosers = new MetricIndex(CompanyMetrics::weeklyPriceChange, ASCENDING);
    /**
     * All indices; a company's held values are in this order, the multiple (the regression's y) and the
     * regression growth (its x) first.
     */
    private final MetricIndex[] indices;

    private final RunningRegression regression = new RunningRegression();
    /** The regression's result, cached until a point changes. */
    private boolean regressionKnown;
    private UniverseSnapshot.Regression regressionResult;
    /** Multiset of the companies' asOf, so the latest survives a company's value moving back. */
    private final TreeMap<Instant, Integer> companyAsOfs = new TreeMap<>();
    private MacroEvent macro;

    public UniverseStatistics() {
        for (GrowthBucket bucket : GrowthBucket.values()) {
            evToNtmRevenueByBucket.put(bucket, new MetricIndex(m -> evToNtmRevenueIn(bucket, m), ASCENDING));
        }
        for (OperatingMetric metric : OperatingMetric.values()) {
            operating.put(metric, new MetricIndex(metric::valueOf, ASCENDING));
        }
        List<MetricIndex> all = new ArrayList<>(List.of(evToNtmRevenue, regressionGrowth, growthAdjustedMultiple,
                evToNtmFcf, weeklyGainers, weeklyLosers));
        all.addAll(evToNtmRevenueByBucket.values());
        all.addAll(operating.values());
        indices = all.toArray(MetricIndex[]::new);
    }

    /** Puts a company's current figures in place of its previous ones (a metric turning null leaves its rank). */
    public void update(CompanyMetrics metrics) {
        String ticker = metrics.ticker();
        HeldCompany held = companies.computeIfAbsent(ticker, t -> new HeldCompany(indices.length));
        double oldX = held.values[GROWTH_SLOT];
        double oldY = held.values[EV_SLOT];
        for (int slot = 0; slot < indices.length; slot++) {
            double current = indices[slot].valueOf(metrics);
            indices[slot].move(ticker, held.values[slot], current);
            held.values[slot] = current;
        }
        replaceRegressionPoint(oldX, oldY, held.values[GROWTH_SLOT], held.values[EV_SLOT]);
        replaceAsOf(held.asOf, metrics.asOf());
        held.asOf = metrics.asOf();
    }

    /** Takes a company out of the universe. */
    public void remove(String ticker) {
        HeldCompany held = companies.remove(ticker);
        if (held == null) {
            return;
        }
        for (int slot = 0; slot < indices.length; slot++) {
            indices[slot].move(ticker, held.values[slot], MetricIndex.ABSENT);
        }
        replaceRegressionPoint(held.values[GROWTH_SLOT], held.values[EV_SLOT], MetricIndex.ABSENT,
                MetricIndex.ABSENT);
        replaceAsOf(held.asOf, null);
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
        return companies.size();
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
                weeklyGainers.top(),
                weeklyLosers.top(),
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
        for (MetricIndex bucket : evToNtmRevenueByBucket.values()) {
            if (bucket.size() > 0) {
                smallest = Math.min(smallest, bucket.valueAt(0));
                largest = Math.max(largest, bucket.valueAt(bucket.size() - 1));
            }
        }
        return smallest < largest;
    }

    private void replaceAsOf(Instant before, Instant after) {
        if (before != null && before.equals(after)) {
            return;
        }
        if (before != null) {
            companyAsOfs.computeIfPresent(before, (at, count) -> count == 1 ? null : count - 1);
        }
        if (after != null) {
            companyAsOfs.merge(after, 1, Integer::sum);
        }
    }

    /** The latest event time that went into the figures: the newest company figure or macro value. */
    private Instant asOf() {
        Instant latest = companyAsOfs.isEmpty() ? null : companyAsOfs.lastKey();
        if (macro != null && (latest == null || macro.asOf().isAfter(latest))) {
            latest = macro.asOf();
        }
        return latest;
    }

    private UniverseSnapshot.Bucket bucket(GrowthBucket bucket) {
        MetricIndex index = evToNtmRevenueByBucket.get(bucket);
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
        return operating.get(metric).quartiles();
    }

    private Double median(OperatingMetric metric) {
        return operating.get(metric).median();
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
