package io.saasreport.metrics.domain.index;

/** A company's value of one metric, as listed in the universe's top-10 lists. */
public record TickerValue(String ticker, double value) {
}
