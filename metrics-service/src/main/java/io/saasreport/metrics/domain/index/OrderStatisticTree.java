package io.saasreport.metrics.domain.index;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of {@code (value, ticker)} entries with O(log n) insert, delete and select-by-rank. Ties in value are
 * ordered by ticker ascending (the spec's tie rule); {@link Order} decides whether rank 0 is the lowest or the
 * highest value.
 *
 * <p>It is a counted B+ tree: leaves hold up to 128 sorted entries in flat arrays, branches up to 64 children with
 * each child's entry count and smallest key. Select walks the counts; insert and delete walk the smallest keys,
 * splitting full nodes and borrowing from or merging half-empty ones, so every node but the root stays at least
 * half full and the height is O(log n) on a wide base. Wide nodes matter here: the universes keep scores of these
 * trees, and at thousands of companies a binary tree misses the CPU cache at almost every level of its pointer
 * chase, while a lookup here touches a few contiguous arrays, scanned linearly so that their cache lines load
 * together. Wide leaves also keep a price tick's small move of a value within its leaf more often, where nothing
 * above the leaf changes (the width is chosen by benchmark: docs/performance.md).
 */
public final class OrderStatisticTree {

    /** Which end of the value range rank 0 is. */
    public enum Order {
        /** Rank 0 is the lowest value. */
        ASCENDING,
        /** Rank 0 is the highest value. */
        DESCENDING
    }

    static final int DEFAULT_LEAF_CAPACITY = 128;
    static final int DEFAULT_BRANCH_CAPACITY = 64;

    private final Order order;
    private final int leafCapacity;
    private final int branchCapacity;
    private CountedNode root;

    public OrderStatisticTree(Order order) {
        this(order, DEFAULT_LEAF_CAPACITY, DEFAULT_BRANCH_CAPACITY);
    }

    /** A tree with a given node width; small widths let tests exercise splits and merges with few entries. */
    OrderStatisticTree(Order order, int maxEntries) {
        this(order, maxEntries, maxEntries);
    }

    /** Leaves and branches may differ in width: small leaves touch few cache lines, wide branches keep it flat. */
    OrderStatisticTree(Order order, int leafCapacity, int branchCapacity) {
        if (leafCapacity < 4 || branchCapacity < 4) {
            throw new IllegalArgumentException("nodes must hold at least 4 entries");
        }
        this.order = order;
        this.leafCapacity = leafCapacity;
        this.branchCapacity = branchCapacity;
        this.root = new CountedLeaf(leafCapacity);
    }

    public int size() {
        return root.count();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Adds an entry; a ticker may hold one value per tree, so the exact entry must not be present yet. */
    public void insert(double value, String ticker) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN cannot be ranked (" + ticker + ")");
        }
        CountedNode sibling = insert(root, value, ticker);
        if (sibling != null) {
            CountedBranch newRoot = new CountedBranch(branchCapacity);
            newRoot.insertChild(0, root);
            newRoot.insertChild(1, sibling);
            newRoot.total = root.count() + sibling.count();
            root = newRoot;
        }
    }

    /** Removes an entry that is present. */
    public void delete(double value, String ticker) {
        remove(root, value, ticker, Double.NaN);
        collapseRoot();
    }

    /**
     * Moves a present entry to a new value: the same as {@link #delete} then {@link #insert}, but done within its
     * leaf when the new key falls strictly between the leaf's other first and last keys (as a small move of a value
     * usually does): the leaf keeps its count and smallest key, so no branch above changes. Otherwise the descent
     * that found the entry removes it, and the new key is inserted.
     */
    public void replace(double previous, double value, String ticker) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN cannot be ranked (" + ticker + ")");
        }
        if (!remove(root, previous, ticker, value)) {
            collapseRoot();
            insert(value, ticker);
        }
    }

    private void collapseRoot() {
        if (root instanceof CountedBranch branch && branch.size == 1) {
            root = branch.children[0];
        }
    }

    public boolean contains(double value, String ticker) {
        CountedNode node = root;
        while (node instanceof CountedBranch branch) {
            node = branch.children[childFor(branch, value, ticker)];
        }
        return search((CountedLeaf) node, value, ticker) >= 0;
    }

    /** The entry at a 0-based rank in this tree's order. */
    public TickerValue select(int rank) {
        if (rank < 0 || rank >= size()) {
            throw new IndexOutOfBoundsException("rank " + rank + " of " + size());
        }
        CountedNode node = root;
        while (node instanceof CountedBranch branch) {
            int child = 0;
            while (rank >= branch.counts[child]) {
                rank -= branch.counts[child];
                child++;
            }
            node = branch.children[child];
        }
        CountedLeaf leaf = (CountedLeaf) node;
        return new TickerValue(leaf.tickers[rank], leaf.values[rank]);
    }

    /** The value at a 0-based rank. */
    public double valueAt(int rank) {
        return select(rank).value();
    }

    /** The first {@code limit} entries in this tree's order (fewer if the tree is smaller). */
    public List<TickerValue> first(int limit) {
        List<TickerValue> result = new ArrayList<>(Math.min(limit, size()));
        collectFirst(root, limit, result);
        return result;
    }

    /**
     * The first {@code limit} entries from the other end: by value in the opposite of this tree's order, ties still
     * by ticker ascending (a descending tree's lowest values, as an ascending tree would list them). Each value's
     * entries are taken from the first of them, found by rank.
     */
    public List<TickerValue> firstFromOtherEnd(int limit) {
        List<TickerValue> result = new ArrayList<>(Math.min(limit, size()));
        int end = size();
        while (result.size() < limit && end > 0) {
            int start = countBefore(valueAt(end - 1));
            for (int rank = start; rank < end && result.size() < limit; rank++) {
                result.add(select(rank));
            }
            end = start;
        }
        return result;
    }

    /** The number of entries ranked before every entry of this value. */
    private int countBefore(double value) {
        // No ticker comes before the empty one, so the key (value, "") is where the value's entries start.
        int before = 0;
        CountedNode node = root;
        while (node instanceof CountedBranch branch) {
            int child = childFor(branch, value, "");
            for (int i = 0; i < child; i++) {
                before += branch.counts[i];
            }
            node = branch.children[child];
        }
        int position = search((CountedLeaf) node, value, "");
        return before + (position >= 0 ? position : -position - 1);
    }

    /** The median (mean of the two middle values for an even count); null when empty. */
    public Double median() {
        int n = size();
        if (n == 0) {
            return null;
        }
        if (n % 2 == 1) {
            return valueAt(n / 2);
        }
        return mean(valueAt(n / 2 - 1), valueAt(n / 2));
    }

    /**
     * The {@code p}-quantile of the values (0 <= p <= 1) by linear interpolation between the closest ranks, as
     * numpy's default: with the values ascending, h = (n - 1) p and the quantile is
     * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]). Two rank selects, whatever this tree's order;
     * null when empty.
     */
    public Double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile outside [0, 1]: " + p);
        }
        int n = size();
        if (n == 0) {
            return null;
        }
        double h = (n - 1) * p;
        int below = (int) Math.floor(h);
        double fraction = h - below;
        double low = ascendingValueAt(below);
        if (fraction == 0) {
            return low;
        }
        double high = ascendingValueAt(below + 1);
        double quantile = low + fraction * (high - low);
        // Only the difference of two huge values of opposite sign can overflow; weighting each avoids that.
        return Double.isInfinite(quantile) ? (1 - fraction) * low + fraction * high : quantile;
    }

    /** The value at a rank counted from the lowest, whatever this tree's order. */
    private double ascendingValueAt(int rank) {
        return valueAt(order == Order.ASCENDING ? rank : size() - 1 - rank);
    }

    static double mean(double a, double b) {
        double mean = (a + b) / 2;
        // Only the sum of two huge values can overflow; halving first avoids that.
        return Double.isInfinite(mean) ? a / 2 + b / 2 : mean;
    }

    // --- descent ---

    private CountedNode insert(CountedNode node, double value, String ticker) {
        if (node instanceof CountedLeaf leaf) {
            int position = search(leaf, value, ticker);
            if (position >= 0) {
                throw new IllegalStateException("already present: " + ticker + " = " + value);
            }
            leaf.insertAt(-position - 1, value, ticker);
            return leaf.size > leafCapacity ? leaf.splitOff() : null;
        }
        CountedBranch branch = (CountedBranch) node;
        int child = childFor(branch, value, ticker);
        CountedNode sibling = insert(branch.children[child], value, ticker);
        branch.total++;
        branch.refresh(child);
        if (sibling != null) {
            // The sibling's entries were counted under the split child already: the total stays.
            branch.insertChild(child + 1, sibling);
        }
        return branch.size > branchCapacity ? branch.splitOff() : null;
    }

    /**
     * Removes the entry from the subtree, or, when {@code replacement} is a number that stays strictly inside the
     * entry's leaf, moves it there and returns true: then no count or smallest key above changes.
     */
    private boolean remove(CountedNode node, double value, String ticker, double replacement) {
        if (node instanceof CountedLeaf leaf) {
            int position = search(leaf, value, ticker);
            if (position < 0) {
                throw new IllegalStateException("not present: " + ticker + " = " + value);
            }
            if (Double.isNaN(replacement) || !staysInside(leaf, position, replacement, ticker)) {
                leaf.removeAt(position);
                return false;
            }
            // The insertion point counts the entry itself when it lies before it.
            int insertion = -search(leaf, replacement, ticker) - 1;
            leaf.move(position, insertion > position ? insertion - 1 : insertion, replacement);
            return true;
        }
        CountedBranch branch = (CountedBranch) node;
        int child = childFor(branch, value, ticker);
        if (remove(branch.children[child], value, ticker, replacement)) {
            return true;
        }
        branch.total--;
        branch.refresh(child);
        if (branch.children[child].isUnderfull()) {
            fixUnderflow(branch, child);
        }
        return false;
    }

    /** Whether the key falls strictly between the leaf's first and last keys other than the one at {@code position}. */
    private boolean staysInside(CountedLeaf leaf, int position, double value, String ticker) {
        int last = position == leaf.size - 1 ? leaf.size - 2 : leaf.size - 1;
        return position > 0 && last > 0
                && compare(value, ticker, leaf.values[0], leaf.tickers[0]) > 0
                && compare(value, ticker, leaf.values[last], leaf.tickers[last]) < 0;
    }

    /** Refills a child that fell below half: borrow from a sibling that can spare an entry, else merge with it. */
    private void fixUnderflow(CountedBranch parent, int child) {
        if (parent.size == 1) {
            return;
        }
        int left = child > 0 ? child - 1 : child;
        int right = left + 1;
        CountedNode leftNode = parent.children[left];
        CountedNode rightNode = parent.children[right];
        // Entries only move between the two siblings, so the parent's total stays.
        if (leftNode.size + rightNode.size <= leftNode.capacity()) {
            leftNode.takeAllFrom(rightNode);
            parent.removeChild(right);
            parent.refresh(left);
        } else {
            if (left == child) {
                leftNode.takeFirstFrom(rightNode);
            } else {
                rightNode.takeLastFrom(leftNode);
            }
            parent.refresh(left);
            parent.refresh(right);
        }
    }

    /**
     * The child whose key range holds the key: the last child whose smallest key is not above it. A linear scan,
     * as in {@link #search}.
     */
    private int childFor(CountedBranch branch, double value, String ticker) {
        double[] minValues = branch.minValues;
        int size = branch.size;
        int next = 1;
        while (next < size && comesAfterOrAt(value, ticker, minValues[next], branch.minTickers, next)) {
            next++;
        }
        return next - 1;
    }

    /** Whether the key is not before the key at {@code index}; reads that ticker only when the values are equal. */
    private boolean comesAfterOrAt(double value, String ticker, double otherValue, String[] tickers, int index) {
        int byValue = compareValues(value, otherValue);
        return byValue != 0 ? byValue > 0 : compareTickers(ticker, tickers[index]) >= 0;
    }

    /**
     * Index of the key in the leaf, or {@code -(insertion point) - 1}. A linear scan: a leaf is a few cache lines
     * that are mostly not cached, and a scan's loads overlap where a binary search waits for each probe in turn.
     * Tickers are read only among equal values.
     */
    private int search(CountedLeaf leaf, double value, String ticker) {
        double[] values = leaf.values;
        int size = leaf.size;
        int position = 0;
        if (order == Order.ASCENDING) {
            while (position < size && Double.compare(values[position], value) < 0) {
                position++;
            }
        } else {
            while (position < size && Double.compare(values[position], value) > 0) {
                position++;
            }
        }
        while (position < size && Double.compare(values[position], value) == 0) {
            int byTicker = compareTickers(leaf.tickers[position], ticker);
            if (byTicker == 0) {
                return position;
            }
            if (byTicker > 0) {
                break;
            }
            position++;
        }
        return -position - 1;
    }

    /** Negative when {@code (value, ticker)} comes before {@code (otherValue, otherTicker)} in this tree's order. */
    public int compare(double value, String ticker, double otherValue, String otherTicker) {
        int byValue = compareValues(value, otherValue);
        return byValue != 0 ? byValue : compareTickers(ticker, otherTicker);
    }

    /** As {@link #compare}, with the value order reversed: the order of {@link #firstFromOtherEnd}. */
    public int compareFromOtherEnd(double value, String ticker, double otherValue, String otherTicker) {
        int byValue = compareValues(otherValue, value);
        return byValue != 0 ? byValue : compareTickers(ticker, otherTicker);
    }

    private int compareValues(double value, double otherValue) {
        return order == Order.ASCENDING ? Double.compare(value, otherValue) : Double.compare(otherValue, value);
    }

    private static int compareTickers(String ticker, String otherTicker) {
        // The same String instance comes back on every update of a company: skip reading its characters.
        return ticker == otherTicker ? 0 : ticker.compareTo(otherTicker);
    }

    private static void collectFirst(CountedNode node, int limit, List<TickerValue> into) {
        if (node instanceof CountedLeaf leaf) {
            for (int i = 0; i < leaf.size && into.size() < limit; i++) {
                into.add(new TickerValue(leaf.tickers[i], leaf.values[i]));
            }
            return;
        }
        CountedBranch branch = (CountedBranch) node;
        for (int i = 0; i < branch.size && into.size() < limit; i++) {
            collectFirst(branch.children[i], limit, into);
        }
    }

    // --- checks for the tests ---

    /** Levels from the root to the leaves. */
    int height() {
        int height = 1;
        for (CountedNode node = root; node instanceof CountedBranch branch; node = branch.children[0]) {
            height++;
        }
        return height;
    }

    /** Verifies order, counts, smallest keys and fill; throws IllegalStateException on a broken invariant. */
    void checkInvariants() {
        List<TickerValue> all = first(Integer.MAX_VALUE);
        if (all.size() != size()) {
            throw new IllegalStateException("size " + size() + " but " + all.size() + " entries");
        }
        for (int i = 1; i < all.size(); i++) {
            TickerValue previous = all.get(i - 1);
            TickerValue current = all.get(i);
            if (compare(previous.value(), previous.ticker(), current.value(), current.ticker()) >= 0) {
                throw new IllegalStateException("out of order at " + i + ": " + previous + ", " + current);
            }
        }
        checkNode(root, true);
    }

    private int checkNode(CountedNode node, boolean isRoot) {
        if (!isRoot && node.isUnderfull()) {
            throw new IllegalStateException("node below half full: " + node.size);
        }
        if (node.size > node.capacity()) {
            throw new IllegalStateException("node over full: " + node.size);
        }
        if (node instanceof CountedLeaf) {
            return 1;
        }
        CountedBranch branch = (CountedBranch) node;
        int total = 0;
        int depth = -1;
        for (int i = 0; i < branch.size; i++) {
            CountedNode child = branch.children[i];
            if (branch.counts[i] != child.count()) {
                throw new IllegalStateException("stale count at child " + i);
            }
            if (branch.minValues[i] != child.firstValue() || !branch.minTickers[i].equals(child.firstTicker())) {
                throw new IllegalStateException("stale smallest key at child " + i);
            }
            int childDepth = checkNode(child, false);
            if (depth >= 0 && childDepth != depth) {
                throw new IllegalStateException("leaves at different depths");
            }
            depth = childDepth;
            total += branch.counts[i];
        }
        if (total != branch.total) {
            throw new IllegalStateException("stale total");
        }
        return depth + 1;
    }
}
