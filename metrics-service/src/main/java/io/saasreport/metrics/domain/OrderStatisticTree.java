package io.saasreport.metrics.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of {@code (value, ticker)} entries with O(log n) insert, delete and select-by-rank: an AVL tree whose
 * nodes also count their subtree's size. Ties in value are always ordered by ticker ascending (the spec's tie
 * rule); {@link Order} decides whether rank 0 is the lowest or the highest value.
 */
public final class OrderStatisticTree {

    /** Which end of the value range rank 0 is. */
    public enum Order {
        /** Rank 0 is the lowest value. */
        ASCENDING,
        /** Rank 0 is the highest value. */
        DESCENDING
    }

    private static final class Node {
        final double value;
        final String ticker;
        Node left;
        Node right;
        int height = 1;
        int size = 1;

        Node(double value, String ticker) {
            this.value = value;
            this.ticker = ticker;
        }
    }

    private final Order order;
    private Node root;

    public OrderStatisticTree(Order order) {
        this.order = order;
    }

    public int size() {
        return size(root);
    }

    public boolean isEmpty() {
        return root == null;
    }

    /** Adds an entry; a ticker may hold one value per tree, so the exact entry must not be present yet. */
    public void insert(double value, String ticker) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN cannot be ranked (" + ticker + ")");
        }
        root = insert(root, value, ticker);
    }

    /** Removes an entry that is present. */
    public void delete(double value, String ticker) {
        root = delete(root, value, ticker);
    }

    public boolean contains(double value, String ticker) {
        Node node = root;
        while (node != null) {
            int cmp = compare(value, ticker, node);
            if (cmp == 0) {
                return true;
            }
            node = cmp < 0 ? node.left : node.right;
        }
        return false;
    }

    /** The entry at a 0-based rank in this tree's order. */
    public TickerValue select(int rank) {
        if (rank < 0 || rank >= size()) {
            throw new IndexOutOfBoundsException("rank " + rank + " of " + size());
        }
        Node node = root;
        while (true) {
            int leftSize = size(node.left);
            if (rank < leftSize) {
                node = node.left;
            } else if (rank == leftSize) {
                return new TickerValue(node.ticker, node.value);
            } else {
                rank -= leftSize + 1;
                node = node.right;
            }
        }
    }

    /** The value at a 0-based rank. */
    public double valueAt(int rank) {
        return select(rank).value();
    }

    /** The first {@code limit} entries in this tree's order (fewer if the tree is smaller). */
    public List<TickerValue> first(int limit) {
        int count = Math.min(limit, size());
        List<TickerValue> result = new ArrayList<>(count);
        for (int rank = 0; rank < count; rank++) {
            result.add(select(rank));
        }
        return result;
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

    static double mean(double a, double b) {
        double mean = (a + b) / 2;
        // Only the sum of two huge values can overflow; halving first avoids that.
        return Double.isInfinite(mean) ? a / 2 + b / 2 : mean;
    }

    /** Height of the tree, exposed for the balance tests. */
    int height() {
        return height(root);
    }

    private int compare(double value, String ticker, Node node) {
        int byValue = order == Order.ASCENDING ? Double.compare(value, node.value) : Double.compare(node.value, value);
        return byValue != 0 ? byValue : ticker.compareTo(node.ticker);
    }

    private Node insert(Node node, double value, String ticker) {
        if (node == null) {
            return new Node(value, ticker);
        }
        int cmp = compare(value, ticker, node);
        if (cmp == 0) {
            throw new IllegalStateException("already present: " + ticker + " = " + value);
        }
        if (cmp < 0) {
            node.left = insert(node.left, value, ticker);
        } else {
            node.right = insert(node.right, value, ticker);
        }
        return rebalance(node);
    }

    private Node delete(Node node, double value, String ticker) {
        if (node == null) {
            throw new IllegalStateException("not present: " + ticker + " = " + value);
        }
        int cmp = compare(value, ticker, node);
        if (cmp < 0) {
            node.left = delete(node.left, value, ticker);
        } else if (cmp > 0) {
            node.right = delete(node.right, value, ticker);
        } else {
            if (node.left == null) {
                return node.right;
            }
            if (node.right == null) {
                return node.left;
            }
            Node successor = node.right;
            while (successor.left != null) {
                successor = successor.left;
            }
            Node replacement = new Node(successor.value, successor.ticker);
            replacement.right = deleteMin(node.right);
            replacement.left = node.left;
            return rebalance(replacement);
        }
        return rebalance(node);
    }

    private Node deleteMin(Node node) {
        if (node.left == null) {
            return node.right;
        }
        node.left = deleteMin(node.left);
        return rebalance(node);
    }

    private Node rebalance(Node node) {
        update(node);
        int balance = height(node.left) - height(node.right);
        if (balance > 1) {
            if (height(node.left.left) < height(node.left.right)) {
                node.left = rotateLeft(node.left);
            }
            return rotateRight(node);
        }
        if (balance < -1) {
            if (height(node.right.right) < height(node.right.left)) {
                node.right = rotateRight(node.right);
            }
            return rotateLeft(node);
        }
        return node;
    }

    private Node rotateRight(Node node) {
        Node pivot = node.left;
        node.left = pivot.right;
        pivot.right = node;
        update(node);
        update(pivot);
        return pivot;
    }

    private Node rotateLeft(Node node) {
        Node pivot = node.right;
        node.right = pivot.left;
        pivot.left = node;
        update(node);
        update(pivot);
        return pivot;
    }

    private static void update(Node node) {
        node.height = 1 + Math.max(height(node.left), height(node.right));
        node.size = 1 + size(node.left) + size(node.right);
    }

    private static int height(Node node) {
        return node == null ? 0 : node.height;
    }

    private static int size(Node node) {
        return node == null ? 0 : node.size;
    }
}
