package io.saasreport.metrics.domain;

import java.util.Objects;
import java.util.function.Function;

/**
 * One metric of every company, kept ranked in an {@link OrderStatisticTree}. The extractor returns null for a
 * company that does not take part (metric missing or filtered out), so it simply has no entry.
 */
final class MetricIndex {

    private final Function<CompanyMetrics, Double> extractor;
    private final OrderStatisticTree tree;

    MetricIndex(Function<CompanyMetrics, Double> extractor, OrderStatisticTree.Order order) {
        this.extractor = extractor;
        this.tree = new OrderStatisticTree(order);
    }

    /** Replaces the company's entry from {@code before} by the one from {@code after}; either may be null. */
    void replace(String ticker, CompanyMetrics before, CompanyMetrics after) {
        Double previous = before == null ? null : extractor.apply(before);
        Double current = after == null ? null : extractor.apply(after);
        if (Objects.equals(previous, current)) {
            return;
        }
        if (previous != null) {
            tree.delete(previous, ticker);
        }
        if (current != null) {
            tree.insert(current, ticker);
        }
    }

    OrderStatisticTree ranked() {
        return tree;
    }
}
