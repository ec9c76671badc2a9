package io.saasreport.metrics.domain;

/**
 * Ordinary least squares of y on x from running sums (n, Σx, Σy, Σxy, Σx², Σy²), updated by removing a company's
 * old point and adding its new one. The sums are compensated ({@link CompensatedSum}) so they do not drift over
 * millions of updates, and they are reset to exact zeros whenever the set empties. Zero variance is detected
 * exactly (smallest equals largest value, read from two ranked trees) rather than from a rounded difference of sums.
 */
final class RunningRegression {

    static final int MINIMUM_POINTS = 3;

    private int n;
    private final CompensatedSum sumX = new CompensatedSum();
    private final CompensatedSum sumY = new CompensatedSum();
    private final CompensatedSum sumXY = new CompensatedSum();
    private final CompensatedSum sumXX = new CompensatedSum();
    private final CompensatedSum sumYY = new CompensatedSum();
    private final OrderStatisticTree xs = new OrderStatisticTree(OrderStatisticTree.Order.ASCENDING);
    private final OrderStatisticTree ys = new OrderStatisticTree(OrderStatisticTree.Order.ASCENDING);

    void add(String ticker, double x, double y) {
        n++;
        sumX.add(x);
        sumY.add(y);
        sumXY.add(x * y);
        sumXX.add(x * x);
        sumYY.add(y * y);
        xs.insert(x, ticker);
        ys.insert(y, ticker);
    }

    void remove(String ticker, double x, double y) {
        xs.delete(x, ticker);
        ys.delete(y, ticker);
        n--;
        if (n == 0) {
            for (CompensatedSum sum : new CompensatedSum[] {sumX, sumY, sumXY, sumXX, sumYY}) {
                sum.reset();
            }
            return;
        }
        sumX.subtract(x);
        sumY.subtract(y);
        sumXY.subtract(x * y);
        sumXX.subtract(x * x);
        sumYY.subtract(y * y);
    }

    int size() {
        return n;
    }

    /** Null below three points or when every x is the same. */
    UniverseSnapshot.Regression result() {
        if (n < MINIMUM_POINTS || xs.valueAt(0) == xs.valueAt(n - 1)) {
            return null;
        }
        double sx = sumX.value();
        double sy = sumY.value();
        // Centred second moments: Sxx = Σx² − (Σx)²/n, and likewise.
        double sxx = sumXX.value() - sx * sx / n;
        double sxy = sumXY.value() - sx * sy / n;
        double syy = sumYY.value() - sy * sy / n;
        if (!(sxx > 0)) {
            // The x differ only in the last bits: the slope is not meaningfully defined.
            return null;
        }
        double slope = sxy / sxx;
        double intercept = (sy - slope * sx) / n;
        Double r2 = null;
        if (ys.valueAt(0) != ys.valueAt(n - 1) && syy > 0) {
            r2 = Math.min(1.0, Math.max(0.0, sxy * sxy / (sxx * syy)));
        }
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            return null;
        }
        return new UniverseSnapshot.Regression(n, slope, intercept, r2 != null && Double.isFinite(r2) ? r2 : null);
    }
}
