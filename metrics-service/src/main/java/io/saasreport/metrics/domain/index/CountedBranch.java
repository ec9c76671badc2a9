package io.saasreport.metrics.domain.index;

import java.util.Arrays;

/** A branch of {@link OrderStatisticTree}: children with their entry counts and smallest keys. */
final class CountedBranch extends CountedNode {

    final CountedNode[] children;
    /** Entries under each child. */
    final int[] counts;
    /** Each child's smallest key, to steer the descent. */
    final double[] minValues;
    final String[] minTickers;
    int total;

    CountedBranch(int capacity) {
        children = new CountedNode[capacity + 1];
        counts = new int[capacity + 1];
        minValues = new double[capacity + 1];
        minTickers = new String[capacity + 1];
    }

    @Override
    int capacity() {
        return children.length - 1;
    }

    @Override
    int count() {
        return total;
    }

    @Override
    double firstValue() {
        return minValues[0];
    }

    @Override
    String firstTicker() {
        return minTickers[0];
    }

    /** Re-reads a child's count and smallest key after it changed (the total is kept by the caller). */
    void refresh(int index) {
        CountedNode child = children[index];
        counts[index] = child.count();
        if (child.size > 0) {
            minValues[index] = child.firstValue();
            minTickers[index] = child.firstTicker();
        }
    }

    /** Adds a child; the caller accounts for its entries in {@code total}. */
    void insertChild(int index, CountedNode child) {
        shiftRight(index);
        children[index] = child;
        size++;
        refresh(index);
    }

    /** Drops a child; the caller accounts for its entries in {@code total}. */
    void removeChild(int index) {
        shiftLeft(index);
        size--;
        children[size] = null;
        minTickers[size] = null;
    }

    private void shiftRight(int index) {
        int moved = size - index;
        System.arraycopy(children, index, children, index + 1, moved);
        System.arraycopy(counts, index, counts, index + 1, moved);
        System.arraycopy(minValues, index, minValues, index + 1, moved);
        System.arraycopy(minTickers, index, minTickers, index + 1, moved);
    }

    private void shiftLeft(int index) {
        int moved = size - index - 1;
        System.arraycopy(children, index + 1, children, index, moved);
        System.arraycopy(counts, index + 1, counts, index, moved);
        System.arraycopy(minValues, index + 1, minValues, index, moved);
        System.arraycopy(minTickers, index + 1, minTickers, index, moved);
    }

    @Override
    void takeAllFrom(CountedNode right) {
        CountedBranch other = (CountedBranch) right;
        System.arraycopy(other.children, 0, children, size, other.size);
        System.arraycopy(other.counts, 0, counts, size, other.size);
        System.arraycopy(other.minValues, 0, minValues, size, other.size);
        System.arraycopy(other.minTickers, 0, minTickers, size, other.size);
        size += other.size;
        total += other.total;
        other.size = 0;
        other.total = 0;
    }

    @Override
    void takeFirstFrom(CountedNode right) {
        CountedBranch other = (CountedBranch) right;
        CountedNode moved = other.children[0];
        other.total -= other.counts[0];
        other.removeChild(0);
        insertChild(size, moved);
        total += counts[size - 1];
    }

    @Override
    void takeLastFrom(CountedNode left) {
        CountedBranch other = (CountedBranch) left;
        CountedNode moved = other.children[other.size - 1];
        other.total -= other.counts[other.size - 1];
        other.removeChild(other.size - 1);
        insertChild(0, moved);
        total += counts[0];
    }

    @Override
    CountedNode splitOff() {
        CountedBranch upper = new CountedBranch(children.length - 1);
        int keep = size / 2;
        for (int i = keep; i < size; i++) {
            upper.insertChild(i - keep, children[i]);
            upper.total += counts[i];
        }
        total -= upper.total;
        Arrays.fill(children, keep, size, null);
        Arrays.fill(minTickers, keep, size, null);
        size = keep;
        return upper;
    }
}
