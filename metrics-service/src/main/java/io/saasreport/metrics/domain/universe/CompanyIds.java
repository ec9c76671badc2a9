package io.saasreport.metrics.domain.universe;

import java.util.HashMap;
import java.util.Map;

/**
 * Dense numbers for tickers, 0, 1, 2, ... in order of first sight, shared by the universes that share
 * {@link IndexedFigures}: each universe finds a company's entry at its number in an array, one read, instead of
 * hashing the ticker into a map of its own (a tick visits every universe, and at thousands of companies each
 * universe's map is mostly out of the CPU cache). Numbers are never reused. Not thread-safe.
 */
final class CompanyIds {

    static final int UNKNOWN = -1;

    private final Map<String, Integer> ids = new HashMap<>();

    /** The ticker's number, given now if it has none yet. */
    int idOf(String ticker) {
        return ids.computeIfAbsent(ticker, unknown -> ids.size());
    }

    /** The ticker's number, or {@link #UNKNOWN} if it was never given one. */
    int find(String ticker) {
        Integer id = ids.get(ticker);
        return id == null ? UNKNOWN : id;
    }
}
