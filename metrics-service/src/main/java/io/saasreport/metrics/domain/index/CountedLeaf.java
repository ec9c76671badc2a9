package io.saasreport.metrics.domain.index;

import java.util.Arrays;

/** A leaf of {@link OrderStatisticTree}: sorted entries in two flat arrays. */
final class CountedLeaf extends CountedNode {

    final double[] values;
    final String[] tickers;

    CountedLeaf(int capacity) {
        // One slot more than the capacity: a node overflows by one entry before it splits.
        values = new double[capacity + 1];
        tickers = new String[capacity + 1];
    }

    @Override
    int capacity() {
        return values.length - 1;
    }

    @Override
    int count() {
        return size;
    }

    @Override
    double firstValue() {
        return values[0];
    }

    @Override
    String firstTicker() {
        return tickers[0];
    }

    void insertAt(int index, double value, String ticker) {
        System.arraycopy(values, index, values, index + 1, size - index);
        System.arraycopy(tickers, index, tickers, index + 1, size - index);
        values[index] = value;
        tickers[index] = ticker;
        size++;
    }

    /**
     * Gives the entry at {@code from} a new value that belongs at {@code to}: only the entries in between shift, so
     * a small move touches a cache line or two instead of half the leaf twice.
     */
    void move(int from, int to, double value) {
        String ticker = tickers[from];
        if (to > from) {
            System.arraycopy(values, from + 1, values, from, to - from);
            System.arraycopy(tickers, from + 1, tickers, from, to - from);
        } else {
            System.arraycopy(values, to, values, to + 1, from - to);
            System.arraycopy(tickers, to, tickers, to + 1, from - to);
        }
        values[to] = value;
        tickers[to] = ticker;
    }

    void removeAt(int index) {
        System.arraycopy(values, index + 1, values, index, size - index - 1);
        System.arraycopy(tickers, index + 1, tickers, index, size - index - 1);
        size--;
        tickers[size] = null;
    }

    @Override
    void takeAllFrom(CountedNode right) {
        CountedLeaf other = (CountedLeaf) right;
        System.arraycopy(other.values, 0, values, size, other.size);
        System.arraycopy(other.tickers, 0, tickers, size, other.size);
        size += other.size;
        other.size = 0;
    }

    @Override
    void takeFirstFrom(CountedNode right) {
        CountedLeaf other = (CountedLeaf) right;
        insertAt(size, other.values[0], other.tickers[0]);
        other.removeAt(0);
    }

    @Override
    void takeLastFrom(CountedNode left) {
        CountedLeaf other = (CountedLeaf) left;
        insertAt(0, other.values[other.size - 1], other.tickers[other.size - 1]);
        other.removeAt(other.size - 1);
    }

    @Override
    CountedNode splitOff() {
        CountedLeaf upper = new CountedLeaf(values.length - 1);
        int keep = size / 2;
        upper.size = size - keep;
        System.arraycopy(values, keep, upper.values, 0, upper.size);
        System.arraycopy(tickers, keep, upper.tickers, 0, upper.size);
        Arrays.fill(tickers, keep, size, null);
        size = keep;
        return upper;
    }
}
