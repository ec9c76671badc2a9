package io.saasreport.metrics.domain.index;

/** A node of {@link OrderStatisticTree}, a counted B+ tree. */
abstract class CountedNode {

    /** Entries (leaf) or children (branch) in the node itself. */
    int size;

    /** Entries in the subtree. */
    abstract int count();

    /** The most entries or children the node holds before it splits. */
    abstract int capacity();

    /** Below half full: to be refilled from or merged with a sibling (unless it is the root). */
    boolean isUnderfull() {
        return size < capacity() / 2;
    }

    abstract double firstValue();

    abstract String firstTicker();

    /** Appends all of {@code right}'s content (the next sibling, same kind) to this node. */
    abstract void takeAllFrom(CountedNode right);

    /** Moves the first entry or child of {@code right} (the next sibling) to this node's end. */
    abstract void takeFirstFrom(CountedNode right);

    /** Moves the last entry or child of {@code left} (the previous sibling) to this node's front. */
    abstract void takeLastFrom(CountedNode left);

    /** Moves the upper half to a new node and returns it (the new next sibling). */
    abstract CountedNode splitOff();
}
