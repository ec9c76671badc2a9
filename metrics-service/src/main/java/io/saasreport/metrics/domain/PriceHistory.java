package io.saasreport.metrics.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A company's prices ordered by time, one per instant, as an array: prices nearly always come in time order, so
 * taking one is an append and dropping the oldest moves a start index, where a sorted tree would descend and
 * allocate a node per price. A late price is inserted in its place (a binary search and a shift).
 */
final class PriceHistory {

    private PricePoint[] prices = new PricePoint[4];
    /** The held prices are {@code prices[start, end)}. */
    private int start;
    private int end;

    boolean isEmpty() {
        return start == end;
    }

    int size() {
        return end - start;
    }

    /** Takes the price unless one at the same instant is held; returns whether it was taken. */
    boolean add(PricePoint price) {
        if (isEmpty() || price.at().isAfter(prices[end - 1].at())) {
            makeRoomAtEnd();
            prices[end++] = price;
            return true;
        }
        makeRoomAtEnd();
        int found = search(price.at());
        if (found >= 0) {
            return false;
        }
        int at = -found - 1;
        System.arraycopy(prices, at, prices, at + 1, end - at);
        prices[at] = price;
        end++;
        return true;
    }

    /** Whether a price at exactly this instant is held. */
    boolean contains(Instant at) {
        return !isEmpty() && search(at) >= 0;
    }

    PricePoint first() {
        return isEmpty() ? null : prices[start];
    }

    PricePoint last() {
        return isEmpty() ? null : prices[end - 1];
    }

    /** The last price at or before {@code at}; null if none. */
    PricePoint atOrBefore(Instant at) {
        if (isEmpty() || at.isBefore(prices[start].at())) {
            return null;
        }
        int found = search(at);
        return prices[found >= 0 ? found : -found - 2];
    }

    /**
     * Keeps the last price at or before {@code cutoff} and everything after it: drops the oldest price while the
     * next one is also at or before the cutoff. Looks at the oldest two prices only when nothing is to go.
     */
    void dropBeforeLastAtOrBefore(Instant cutoff) {
        while (end - start >= 2 && !prices[start + 1].at().isAfter(cutoff)) {
            prices[start++] = null;
        }
    }

    List<PricePoint> toList() {
        return List.of(Arrays.copyOfRange(prices, start, end));
    }

    /** Index of the price at {@code at} in the array, or {@code -(insertion index) - 1}. */
    private int search(Instant at) {
        int low = start;
        int high = end - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = prices[middle].at().compareTo(at);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    /** Makes {@code prices[end]} free: the dropped prices' room is reused first, then the array grows. */
    private void makeRoomAtEnd() {
        if (end < prices.length) {
            return;
        }
        int size = size();
        PricePoint[] target = size * 2 < prices.length ? prices : new PricePoint[Math.max(4, prices.length * 2)];
        System.arraycopy(prices, start, target, 0, size);
        if (target == prices) {
            Arrays.fill(prices, size, end, null);
        }
        prices = target;
        start = 0;
        end = size;
    }
}
