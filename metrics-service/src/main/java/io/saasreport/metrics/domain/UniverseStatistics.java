package io.saasreport.metrics.domain;

import java.time.Instant;
import java.util.ArrayList;
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
 * each ranked metric (O(log n) per metric) and in the regression's running sums, and {@link #snapshot} reads
 * medians and top-10 lists by rank (O(log n) each). Nothing is re-sorted per update.
 */
public final class UniverseStatistics {

    static final int TOP_LIST_SIZE = 10;
    static final int TOP_MEDIAN_SIZE = 5;
    /** {@code medianEvToNtmFcf} only counts multiples strictly between 0 and this. */
    static final double EV_TO_NTM_FCF_CEILING = 100;

    private final Map<String, CompanyMetrics> companies = new HashMap<>();

    /** Highest first, so rank 0.. is the top-10 list and rank 2 the median of the top 5. */
    private final MetricIndex evToNtmRevenue = new MetricIndex(CompanyMetrics::evToNtmRevenue, DESCENDING);
    private final Map<GrowthBucket, MetricIndex> evToNtmRevenueByBucket = new EnumMap<>(GrowthBucket.class);
    private final MetricIndex growthAdjustedMultiple =
            new MetricIndex(CompanyMetrics::growthAdjustedMultiple, ASCENDING);
    private final MetricIndex evToNtmFcf = new MetricIndex(UniverseStatistics::evToNtmFcfInRange, ASCENDING);
    private final Map<OperatingMetric, MetricIndex> operating = new EnumMap<>(OperatingMetric.class);
    private final MetricIndex weeklyGainers = new MetricIndex(CompanyMetrics::weeklyPriceChange, DESCENDING);
    private final MetricIndex weeklyLosers = new MetricIndex(CompanyMetrics::weeklyPriceChange, ASCENDING);
    private final List<MetricIndex> allIndices;

    private final RunningRegression regression = new RunningRegression();
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
        List<MetricIndex> indices = new ArrayList<>(List.of(
                evToNtmRevenue, growthAdjustedMultiple, evToNtmFcf, weeklyGainers, weeklyLosers));
        indices.addAll(evToNtmRevenueByBucket.values());
        indices.addAll(operating.values());
        allIndices = List.copyOf(indices);
    }

    /** Puts a company's current figures in place of its previous ones (a metric turning null leaves its rank). */
    public void update(CompanyMetrics metrics) {
        replace(metrics.ticker(), companies.put(metrics.ticker(), metrics), metrics);
    }

    /** Takes a company out of the universe. */
    public void remove(String ticker) {
        CompanyMetrics previous = companies.remove(ticker);
        if (previous != null) {
            replace(ticker, previous, null);
        }
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

    public Optional<CompanyMetrics> company(String ticker) {
        return Optional.ofNullable(companies.get(ticker));
    }

    public UniverseSnapshot snapshot() {
        OrderStatisticTree byMultiple = evToNtmRevenue.ranked();
        return new UniverseSnapshot(
                asOf(),
                byMultiple.size(),
                byMultiple.median(),
                byMultiple.size() >= TOP_MEDIAN_SIZE ? byMultiple.valueAt(TOP_MEDIAN_SIZE / 2) : null,
                new UniverseSnapshot.Buckets(bucket(GrowthBucket.HIGH), bucket(GrowthBucket.MID), bucket(GrowthBucket.LOW)),
                growthAdjustedMultiple.ranked().median(),
                evToNtmFcf.ranked().median(),
                operatingMedians(),
                byMultiple.first(TOP_LIST_SIZE),
                weeklyGainers.ranked().first(TOP_LIST_SIZE),
                weeklyLosers.ranked().first(TOP_LIST_SIZE),
                regression.result(),
                macro == null ? null : macro.tenYearYield());
    }

    private void replace(String ticker, CompanyMetrics before, CompanyMetrics after) {
        for (MetricIndex index : allIndices) {
            index.replace(ticker, before, after);
        }
        replaceRegressionPoint(ticker, before, after);
        replaceAsOf(before == null ? null : before.asOf(), after == null ? null : after.asOf());
    }

    /** The regression takes the companies that have both {@code ntmGrowth} (x) and {@code evToNtmRevenue} (y). */
    private void replaceRegressionPoint(String ticker, CompanyMetrics before, CompanyMetrics after) {
        boolean hadPoint = hasRegressionPoint(before);
        boolean hasPoint = hasRegressionPoint(after);
        if (hadPoint && hasPoint && before.ntmGrowth().equals(after.ntmGrowth())
                && before.evToNtmRevenue().equals(after.evToNtmRevenue())) {
            return;
        }
        if (hadPoint) {
            regression.remove(ticker, before.ntmGrowth(), before.evToNtmRevenue());
        }
        if (hasPoint) {
            regression.add(ticker, after.ntmGrowth(), after.evToNtmRevenue());
        }
    }

    private static boolean hasRegressionPoint(CompanyMetrics metrics) {
        return metrics != null && metrics.ntmGrowth() != null && metrics.evToNtmRevenue() != null;
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
        OrderStatisticTree ranked = evToNtmRevenueByBucket.get(bucket).ranked();
        return new UniverseSnapshot.Bucket(ranked.size(), ranked.median());
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

    private Double median(OperatingMetric metric) {
        return operating.get(metric).ranked().median();
    }

    /** A bucket counts the companies of that NTM growth that have a multiple. */
    private static Double evToNtmRevenueIn(GrowthBucket bucket, CompanyMetrics metrics) {
        Double growth = metrics.ntmGrowth();
        return growth != null && GrowthBucket.of(growth) == bucket ? metrics.evToNtmRevenue() : null;
    }

    private static Double evToNtmFcfInRange(CompanyMetrics metrics) {
        Double multiple = metrics.evToNtmFcf();
        return multiple != null && multiple > 0 && multiple < EV_TO_NTM_FCF_CEILING ? multiple : null;
    }
}
