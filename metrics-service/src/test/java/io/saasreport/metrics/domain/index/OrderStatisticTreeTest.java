package io.saasreport.metrics.domain.index;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static io.saasreport.metrics.domain.index.OrderStatisticTree.Order.ASCENDING;
import static io.saasreport.metrics.domain.index.OrderStatisticTree.Order.DESCENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderStatisticTreeTest {

    @Test
    void ascendingTreeSelectsByRankFromTheLowestValue() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING);
        tree.insert(3.0, "C");
        tree.insert(1.0, "A");
        tree.insert(2.0, "B");

        assertEquals(List.of(new TickerValue("A", 1.0), new TickerValue("B", 2.0), new TickerValue("C", 3.0)),
                tree.first(10));
        assertEquals(3, tree.size());
    }

    @Test
    void descendingTreeBreaksTiesByTickerAscending() {
        OrderStatisticTree tree = new OrderStatisticTree(DESCENDING);
        tree.insert(5.0, "ZED");
        tree.insert(7.0, "MID");
        tree.insert(5.0, "ABC");
        tree.insert(5.0, "KLM");

        assertEquals(List.of(new TickerValue("MID", 7.0), new TickerValue("ABC", 5.0),
                new TickerValue("KLM", 5.0), new TickerValue("ZED", 5.0)), tree.first(10));
    }

    @Test
    void ascendingTreeBreaksTiesByTickerAscending() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING);
        tree.insert(-1.0, "ZED");
        tree.insert(-1.0, "ABC");
        tree.insert(-2.0, "MID");

        assertEquals(List.of(new TickerValue("MID", -2.0), new TickerValue("ABC", -1.0),
                new TickerValue("ZED", -1.0)), tree.first(2 + 1));
    }

    @Test
    void firstReturnsAtMostTheLimit() {
        OrderStatisticTree tree = new OrderStatisticTree(DESCENDING);
        for (int i = 0; i < 25; i++) {
            tree.insert(i, "T" + i);
        }

        List<TickerValue> top = tree.first(10);

        assertEquals(10, top.size());
        assertEquals(new TickerValue("T24", 24.0), top.get(0));
        assertEquals(new TickerValue("T15", 15.0), top.get(9));
    }

    @Test
    void medianOfOddCountIsTheMiddleValue() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING);
        tree.insert(10.0, "A");
        tree.insert(1.0, "B");
        tree.insert(4.0, "C");

        assertEquals(4.0, tree.median());
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheTwoMiddleValues() {
        OrderStatisticTree tree = new OrderStatisticTree(DESCENDING);
        tree.insert(10.0, "A");
        tree.insert(1.0, "B");
        tree.insert(4.0, "C");
        tree.insert(5.0, "D");

        assertEquals(4.5, tree.median());
    }

    @Test
    void quantilesInterpolateLinearlyBetweenTheClosestRanksInEitherOrder() {
        for (OrderStatisticTree.Order order : OrderStatisticTree.Order.values()) {
            OrderStatisticTree tree = new OrderStatisticTree(order, 4);
            for (double value : new double[] {7, 15, 36, 39, 40, 41}) {
                tree.insert(value, "T" + value);
            }
            // numpy.quantile([7, 15, 36, 39, 40, 41], [0, 0.25, 0.5, 0.75, 1]) = [7, 20.25, 37.5, 39.75, 41]
            assertEquals(7.0, tree.quantile(0), order.name());
            assertEquals(20.25, tree.quantile(0.25), order.name());
            assertEquals(37.5, tree.quantile(0.5), order.name());
            assertEquals(39.75, tree.quantile(0.75), order.name());
            assertEquals(41.0, tree.quantile(1), order.name());
        }
    }

    @Test
    void quantileOfOneValueIsThatValueAndOfNoneIsNull() {
        OrderStatisticTree tree = new OrderStatisticTree(DESCENDING);
        assertNull(tree.quantile(0.25));
        tree.insert(3.5, "A");
        assertEquals(3.5, tree.quantile(0.25));
        assertEquals(3.5, tree.quantile(0.75));
    }

    @Test
    void quantileOfHugeValuesOfOppositeSignDoesNotOverflow() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING);
        tree.insert(-Double.MAX_VALUE, "A");
        tree.insert(Double.MAX_VALUE, "B");

        assertEquals(0.0, tree.quantile(0.5), 1e292);
        assertTrue(Double.isFinite(tree.quantile(0.25)));
    }

    @Test
    void medianOfEmptyTreeIsNull() {
        assertNull(new OrderStatisticTree(ASCENDING).median());
    }

    @Test
    void medianOfHugeValuesDoesNotOverflow() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING);
        tree.insert(Double.MAX_VALUE, "A");
        tree.insert(Double.MAX_VALUE, "B");

        assertEquals(Double.MAX_VALUE, tree.median());
    }

    @Test
    void deleteRemovesExactlyTheEntry() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING);
        tree.insert(1.0, "A");
        tree.insert(1.0, "B");

        tree.delete(1.0, "A");

        assertFalse(tree.contains(1.0, "A"));
        assertTrue(tree.contains(1.0, "B"));
        assertEquals(1, tree.size());
    }

    @Test
    void replaceMovesTheEntryWithinItsLeafOrAcrossLeaves() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING, 4);
        for (int i = 0; i < 40; i++) {
            tree.insert(i, "T" + i);
        }

        tree.replace(21, 21.5, "T21"); // stays between its neighbours
        tree.replace(5, 35.5, "T5"); // crosses leaves
        tree.replace(0, -1, "T0"); // the smallest key moves

        List<TickerValue> all = tree.first(Integer.MAX_VALUE);
        assertEquals(new TickerValue("T0", -1.0), all.get(0));
        assertEquals(new TickerValue("T21", 21.5), all.get(20));
        assertEquals(new TickerValue("T5", 35.5), all.get(35));
        assertEquals(40, tree.size());
        tree.checkInvariants();
        assertThrows(IllegalStateException.class, () -> tree.replace(100, 1.5, "T3"));
        assertThrows(IllegalArgumentException.class, () -> tree.replace(3, Double.NaN, "T3"));
    }

    @Test
    void aMoveWithinTheLeafShiftsOnlyTheEntriesItPassesInEitherDirection() {
        OrderStatisticTree tree = new OrderStatisticTree(DESCENDING, 16, 4);
        for (int i = 0; i < 10; i++) {
            tree.insert(i, "T" + i); // one leaf: 9, 8, ..., 0
        }
        tree.insert(6, "A6"); // ties by ticker ascending: A6 before T6

        tree.replace(2, 7, "T2"); // up past 3..6 and A6, onto a tie with T7 (T2 comes first)
        tree.replace(8, 5, "T8"); // down past T2 and T7
        tree.replace(5, 4.5, "T5"); // one step

        assertEquals(List.of(new TickerValue("T9", 9), new TickerValue("T2", 7), new TickerValue("T7", 7),
                new TickerValue("A6", 6), new TickerValue("T6", 6), new TickerValue("T8", 5),
                new TickerValue("T5", 4.5), new TickerValue("T4", 4), new TickerValue("T3", 3),
                new TickerValue("T1", 1), new TickerValue("T0", 0)), tree.first(Integer.MAX_VALUE));
        assertEquals(1, tree.height());
        tree.checkInvariants();
    }

    @Test
    void negativeAndPositiveZeroAreDistinctKeys() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING);
        tree.insert(0.0, "A");
        tree.insert(-0.0, "B");

        assertEquals(List.of(new TickerValue("B", -0.0), new TickerValue("A", 0.0)), tree.first(2));
        assertTrue(tree.contains(-0.0, "B"));
        assertFalse(tree.contains(0.0, "B"));
        tree.replace(-0.0, 0.0, "B");
        assertEquals(List.of(new TickerValue("A", 0.0), new TickerValue("B", 0.0)), tree.first(2));
    }

    @Test
    void firstFromTheOtherEndReversesTheValuesButKeepsTiesByTickerAscending() {
        OrderStatisticTree tree = new OrderStatisticTree(DESCENDING, 4);
        tree.insert(-0.1, "ZED");
        tree.insert(-0.1, "ABC");
        tree.insert(0.3, "TOP");
        tree.insert(-0.2, "LOW");
        tree.insert(-0.1, "KLM");

        assertEquals(List.of(new TickerValue("LOW", -0.2), new TickerValue("ABC", -0.1),
                new TickerValue("KLM", -0.1)), tree.firstFromOtherEnd(3));
        assertEquals(5, tree.firstFromOtherEnd(10).size());
        assertEquals(new TickerValue("TOP", 0.3), tree.firstFromOtherEnd(10).get(4));
        assertTrue(new OrderStatisticTree(ASCENDING).firstFromOtherEnd(10).isEmpty());
    }

    @Test
    void insertingAnEntryTwiceIsRejected() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING);
        tree.insert(1.0, "A");

        assertThrows(IllegalStateException.class, () -> tree.insert(1.0, "A"));
    }

    @Test
    void deletingAMissingEntryIsRejected() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING);
        tree.insert(1.0, "A");

        assertThrows(IllegalStateException.class, () -> tree.delete(2.0, "A"));
        assertEquals(1, tree.size());
    }

    @Test
    void nanIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new OrderStatisticTree(ASCENDING).insert(Double.NaN, "A"));
    }

    @Test
    void selectOutsideTheRanksIsRejected() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING);
        tree.insert(1.0, "A");

        assertThrows(IndexOutOfBoundsException.class, () -> tree.select(1));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.select(-1));
    }

    @Test
    void randomInsertsMovesAndDeletesMatchASortedSetAndKeepTheInvariants() {
        int[][] capacities = {{4, 4}, {5, 4}, {4, 7}, {8, 8},
                {OrderStatisticTree.DEFAULT_LEAF_CAPACITY, OrderStatisticTree.DEFAULT_BRANCH_CAPACITY}};
        for (int[] capacity : capacities) {
            for (OrderStatisticTree.Order order : OrderStatisticTree.Order.values()) {
                randomOperationsAgainstASortedSet(order, capacity[0], capacity[1], 42 + capacity[0] + capacity[1]);
            }
        }
    }

    private static void randomOperationsAgainstASortedSet(OrderStatisticTree.Order order, int leafCapacity,
                                                          int branchCapacity, long seed) {
        Random random = new Random(seed);
        OrderStatisticTree tree = new OrderStatisticTree(order, leafCapacity, branchCapacity);
        Comparator<TickerValue> byValue = Comparator.comparingDouble(TickerValue::value);
        Comparator<TickerValue> reference = (order == ASCENDING ? byValue : byValue.reversed())
                .thenComparing(TickerValue::ticker);
        TreeSet<TickerValue> expected = new TreeSet<>(reference);
        List<TickerValue> present = new ArrayList<>();
        String context = order + " capacities " + leafCapacity + "/" + branchCapacity;
        for (int step = 0; step < 20_000; step++) {
            // Phases of growth and shrinkage, so splits, borrows, merges and root changes all happen.
            boolean shrinking = (step / 2_500) % 2 == 1;
            if (!present.isEmpty() && random.nextInt(3) == 0) {
                // A move, mostly small (within its leaf), else anywhere.
                int index = random.nextInt(present.size());
                TickerValue moved = present.get(index);
                double value = random.nextBoolean() ? moved.value() + (random.nextInt(5) - 2) / 4.0
                        : random.nextInt(50) / 4.0;
                TickerValue entry = new TickerValue(moved.ticker(), value);
                if (!expected.contains(entry)) {
                    expected.remove(moved);
                    expected.add(entry);
                    present.set(index, entry);
                    tree.replace(moved.value(), value, moved.ticker());
                }
            } else if (!present.isEmpty() && random.nextInt(4) < (shrinking ? 3 : 1)) {
                TickerValue victim = present.remove(random.nextInt(present.size()));
                expected.remove(victim);
                tree.delete(victim.value(), victim.ticker());
            } else {
                // Few distinct values, so ties are frequent.
                TickerValue entry = new TickerValue("T" + random.nextInt(5_000), random.nextInt(50) / 4.0);
                if (expected.add(entry)) {
                    present.add(entry);
                    tree.insert(entry.value(), entry.ticker());
                }
            }
            assertEquals(expected.size(), tree.size(), context);
            if (step % 97 == 0) {
                tree.checkInvariants();
                List<TickerValue> all = new ArrayList<>(expected);
                assertEquals(all, tree.first(Integer.MAX_VALUE), context);
                List<TickerValue> fromOtherEnd = new ArrayList<>(all);
                fromOtherEnd.sort((order == ASCENDING ? byValue.reversed() : byValue)
                        .thenComparing(TickerValue::ticker));
                assertEquals(fromOtherEnd.subList(0, Math.min(12, all.size())), tree.firstFromOtherEnd(12), context);
                for (int rank = 0; rank < all.size(); rank += 1 + all.size() / 20) {
                    assertEquals(all.get(rank), tree.select(rank), context + " rank " + rank);
                    assertTrue(tree.contains(all.get(rank).value(), all.get(rank).ticker()));
                }
            }
        }
        tree.checkInvariants();
        assertEquals(new ArrayList<>(expected), tree.first(Integer.MAX_VALUE), context);
        assertHeightIsLogarithmic(tree, Math.min(leafCapacity, branchCapacity));
    }

    @Test
    void emptyingTheTreeAndFillingItAgainWorks() {
        OrderStatisticTree tree = new OrderStatisticTree(DESCENDING, 4);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 200; i++) {
                tree.insert(i % 7, "T" + i);
            }
            for (int i = 0; i < 200; i++) {
                tree.delete(i % 7, "T" + i);
            }
            assertEquals(0, tree.size());
            assertEquals(1, tree.height());
            tree.checkInvariants();
        }
    }

    @Test
    void sequentialInsertsStayLogarithmic() {
        OrderStatisticTree tree = new OrderStatisticTree(ASCENDING);
        for (int i = 0; i < 100_000; i++) {
            tree.insert(i, "T" + i);
        }

        tree.checkInvariants();
        assertHeightIsLogarithmic(tree, OrderStatisticTree.DEFAULT_LEAF_CAPACITY);
        assertEquals(50_000.0, tree.valueAt(50_000));
        assertEquals(99_999.0, tree.valueAt(99_999));
    }

    /**
     * Every node but the root is at least half full, so the height is at most about log(n) / log(capacity / 2),
     * with the smaller of the two node capacities.
     */
    private static void assertHeightIsLogarithmic(OrderStatisticTree tree, int smallerCapacity) {
        double bound = 2 + Math.log(tree.size() + 1) / Math.log(smallerCapacity / 2.0);
        assertTrue(tree.height() <= bound, "height " + tree.height() + " for " + tree.size() + " entries");
    }
}
