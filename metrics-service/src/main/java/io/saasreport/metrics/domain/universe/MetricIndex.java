package io.saasreport.metrics.domain.universe;

import java.util.List;

import io.saasreport.metrics.domain.index.OrderStatisticTree;
import io.saasreport.metrics.domain.index.TickerValue;

/**
 * One metric of every company, kept ranked in an {@link OrderStatisticTree}. A company that does not take part
 * (metric missing or filtered out) simply has no entry; the statistics hold a company's value as a primitive, with
 * NaN for "no entry" (metrics are never NaN). What each index ranks is {@link UniverseStatistics}'.
 *
 * <p>The statistics read from the ranks are cached: the median and quartiles until the ranking next changes, the top list until
 * an entry enters or leaves it. An update usually moves a few metrics, and the snapshot then re-reads only those.
 */
final class MetricIndex {

    static final double ABSENT = Double.NaN;

    private final OrderStatisticTree tree;
    /** Whether the median and quartiles below are those of the current ranking. */
    private boolean rankStatisticsKnown;
    private Double median;
    private UniverseSnapshot.Quartiles quartiles;
    private List<TickerValue> top;
    private List<TickerValue> topFromOtherEnd;

    MetricIndex(OrderStatisticTree.Order order) {
        this.tree = new OrderStatisticTree(order);
    }

    /** Moves the company's entry from {@code previous} to {@code current}; either may be {@link #ABSENT}. */
    void move(String ticker, double previous, double current) {
        // Double.compare: NaN equals NaN (absent stays absent), and -0.0 and 0.0 are distinct keys.
        if (Double.compare(previous, current) == 0) {
            return;
        }
        if (Double.isNaN(previous)) {
            tree.insert(current, ticker);
        } else if (Double.isNaN(current)) {
            tree.delete(previous, ticker);
        } else {
            tree.replace(previous, current, ticker);
        }
        rankStatisticsKnown = false;
        if (top != null && (reachesTop(ticker, previous) || reachesTop(ticker, current))) {
            top = null;
        }
        if (topFromOtherEnd != null
                && (reachesTopFromOtherEnd(ticker, previous) || reachesTopFromOtherEnd(ticker, current))) {
            topFromOtherEnd = null;
        }
    }

    /** Whether an entry at this key is, or would be, in the cached list from the other end. */
    private boolean reachesTopFromOtherEnd(String ticker, double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (topFromOtherEnd.size() < UniverseStatistics.TOP_LIST_SIZE) {
            return true;
        }
        TickerValue last = topFromOtherEnd.get(topFromOtherEnd.size() - 1);
        return tree.compareFromOtherEnd(value, ticker, last.value(), last.ticker()) <= 0;
    }

    /** Whether an entry at this key is, or would be, in the cached top list. */
    private boolean reachesTop(String ticker, double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (top.size() < UniverseStatistics.TOP_LIST_SIZE) {
            return true;
        }
        TickerValue last = top.get(top.size() - 1);
        return tree.compare(value, ticker, last.value(), last.ticker()) <= 0;
    }

    int size() {
        return tree.size();
    }

    /** The value at a rank of the tree's order (0 is the lowest for an ascending index). */
    double valueAt(int rank) {
        return tree.valueAt(rank);
    }

    /** The median over the companies taking part; null when none does. */
    Double median() {
        readRankStatistics();
        return median;
    }

    /** The 25th and 75th percentiles over the companies taking part (both null when none does). */
    UniverseSnapshot.Quartiles quartiles() {
        readRankStatistics();
        return quartiles;
    }

    private void readRankStatistics() {
        if (!rankStatisticsKnown) {
            median = tree.median();
            quartiles = new UniverseSnapshot.Quartiles(tree.quantile(UniverseSnapshot.Quartiles.LOWER),
                    tree.quantile(UniverseSnapshot.Quartiles.UPPER));
            rankStatisticsKnown = true;
        }
    }

    /**
     * The first {@link UniverseStatistics#TOP_LIST_SIZE} entries from the other end (the lowest values of a
     * descending index, lowest first, ties by ticker ascending): the same index serves both ends of a ranking.
     */
    List<TickerValue> topFromOtherEnd() {
        if (topFromOtherEnd == null) {
            topFromOtherEnd = List.copyOf(tree.firstFromOtherEnd(UniverseStatistics.TOP_LIST_SIZE));
        }
        return topFromOtherEnd;
    }

    /** The first {@link UniverseStatistics#TOP_LIST_SIZE} entries in the tree's order. */
    List<TickerValue> top() {
        if (top == null) {
            top = List.copyOf(tree.first(UniverseStatistics.TOP_LIST_SIZE));
        }
        return top;
    }
}
