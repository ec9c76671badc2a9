package io.saasreport.metrics.domain.company;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A company's prices ordered by time, one per instant, as arrays: prices nearly always come in time order, so
 * taking one is an append and dropping the oldest moves a start index, where a sorted tree would descend and
 * allocate a node per price. A late price is inserted in its place (a binary search and a shift). The times are
 * also kept as primitives beside the prices, so that ordering and searching read no price objects (with thousands
 * of companies, each one's history is rarely in the CPU's cache).
 */
final class PriceHistory {

    private PricePoint[] prices = new PricePoint[4];
    private long[] seconds = new long[4];
    private int[] nanos = new int[4];
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
        long second = price.at().getEpochSecond();
        int nano = price.at().getNano();
        makeRoomAtEnd();
        int at = end;
        if (!isEmpty() && compare(end - 1, second, nano) >= 0) {
            int found = search(second, nano);
            if (found >= 0) {
                return false;
            }
            at = -found - 1;
            System.arraycopy(prices, at, prices, at + 1, end - at);
            System.arraycopy(seconds, at, seconds, at + 1, end - at);
            System.arraycopy(nanos, at, nanos, at + 1, end - at);
        }
        prices[at] = price;
        seconds[at] = second;
        nanos[at] = nano;
        end++;
        return true;
    }

    /**
     * Puts this price at its instant, in place of the one held there (or as a new one); returns whether anything
     * changed.
     */
    boolean replace(PricePoint price) {
        int found = isEmpty() ? -1 : search(price.at().getEpochSecond(), price.at().getNano());
        if (found < 0) {
            return add(price);
        }
        if (prices[found].price() == price.price()) {
            return false;
        }
        prices[found] = price;
        return true;
    }

    /** Drops the price held at exactly this instant; returns whether one was held. */
    boolean remove(Instant at) {
        int found = isEmpty() ? -1 : search(at.getEpochSecond(), at.getNano());
        if (found < 0) {
            return false;
        }
        System.arraycopy(prices, found + 1, prices, found, end - found - 1);
        System.arraycopy(seconds, found + 1, seconds, found, end - found - 1);
        System.arraycopy(nanos, found + 1, nanos, found, end - found - 1);
        prices[--end] = null;
        return true;
    }

    /** Every price dropped. */
    void clear() {
        Arrays.fill(prices, start, end, null);
        start = 0;
        end = 0;
    }

    /** Whether a price at exactly this instant is held. */
    boolean contains(Instant at) {
        return !isEmpty() && search(at.getEpochSecond(), at.getNano()) >= 0;
    }

    PricePoint first() {
        return isEmpty() ? null : prices[start];
    }

    PricePoint last() {
        return isEmpty() ? null : prices[end - 1];
    }

    /** The price before the latest; null with fewer than two. */
    PricePoint secondLast() {
        return size() < 2 ? null : prices[end - 2];
    }

    /** The last price at or before {@code at}; null if none. */
    PricePoint atOrBefore(Instant at) {
        if (isEmpty()) {
            return null;
        }
        int found = search(at.getEpochSecond(), at.getNano());
        int index = found >= 0 ? found : -found - 2;
        return index < start ? null : prices[index];
    }

    /**
     * Keeps the last price at or before {@code cutoff} and everything after it: drops the oldest price while the
     * next one is also at or before the cutoff. Looks at the oldest two times only when nothing is to go.
     */
    void dropBeforeLastAtOrBefore(Instant cutoff) {
        long second = cutoff.getEpochSecond();
        int nano = cutoff.getNano();
        while (end - start >= 2 && compare(start + 1, second, nano) <= 0) {
            prices[start++] = null;
        }
    }

    List<PricePoint> toList() {
        return List.of(Arrays.copyOfRange(prices, start, end));
    }

    /** The order of the time at {@code index} to the given time. */
    private int compare(int index, long second, int nano) {
        int order = Long.compare(seconds[index], second);
        return order != 0 ? order : Integer.compare(nanos[index], nano);
    }

    /** Index of the price at the given time, or {@code -(insertion index) - 1}. */
    private int search(long second, int nano) {
        int low = start;
        int high = end - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = compare(middle, second, nano);
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

    /** Makes index {@code end} free: the dropped prices' room is reused first, then the arrays grow. */
    private void makeRoomAtEnd() {
        if (end < prices.length) {
            return;
        }
        int size = size();
        int capacity = size * 2 < prices.length ? prices.length : Math.max(4, prices.length * 2);
        PricePoint[] movedPrices = new PricePoint[capacity];
        long[] movedSeconds = new long[capacity];
        int[] movedNanos = new int[capacity];
        System.arraycopy(prices, start, movedPrices, 0, size);
        System.arraycopy(seconds, start, movedSeconds, 0, size);
        System.arraycopy(nanos, start, movedNanos, 0, size);
        prices = movedPrices;
        seconds = movedSeconds;
        nanos = movedNanos;
        start = 0;
        end = size;
    }
}
